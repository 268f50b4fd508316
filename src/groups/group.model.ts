import type { PersonEntity } from '../people/person.entity.js';
import { PersonModel } from '../people/person.model.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars.js';
import { GroupJoinPolicy, GroupLevel, GroupRole, ProtocolApprovalMode } from './group.enums.js';

@ObjectType('Group')
export class GroupModel {
  @Field(() => ID) id: string;
  networkId: string;
  @Field(() => GroupLevel) level: GroupLevel;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  parentId: string | null;
  leadOrganizationId: string | null;
  /** Resolved by a field resolver: members and managers only. */
  matrixRoomId: string | null;
  @Field(() => GroupJoinPolicy) joinPolicy: GroupJoinPolicy;
  @Field(() => ProtocolApprovalMode, { description: 'how its protocols are approved (issue 21)' }) protocolApprovalMode: ProtocolApprovalMode;
  @Field(() => Int, { description: 'the Widerspruchsfrist in days (mode OBJECTION_PERIOD)' }) objectionPeriodDays: number;
}

@ObjectType('GroupMember')
export class GroupMemberModel {
  groupId: string;
  personId: string;
  /** Read with the membership by every producer (a plain field: no resolver call per member). */
  @Field(() => PersonModel) person: PersonEntity;
  organizationId: string | null;
  @Field(() => GroupRole) role: GroupRole;
  @Field(() => DateScalar) since: string;
  @Field(() => DateScalar, { nullable: true }) until: string | null;
}
