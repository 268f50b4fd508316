import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars.js';
import { ActionItemStatus } from './action-item.enums.js';

@ObjectType('ActionItem')
export class ActionItemModel {
  @Field(() => ID) id: string;
  groupId: string;
  @Field() title: string;
  assigneeId: string | null;
  assigneeOrganizationId: string | null;
  @Field(() => DateScalar, { nullable: true }) dueOn: string | null;
  @Field(() => ActionItemStatus) status: ActionItemStatus;
  originMeetingId: string | null;
  @Field(() => ID, { nullable: true, description: 'the agenda item of its protocol it was recorded under (the protocol mode lists it there); null for tasks of the group itself' })
  agendaItemId: string | null;
  @Field(() => Date, { nullable: true, description: 'when it was set to DONE or DROPPED; null while open (reopening clears it)' }) closedAt: Date | null;
  closedById: string | null;
}
