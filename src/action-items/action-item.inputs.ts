import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { DateScalar } from '../common/scalars.js';
import { IsId, IsName } from '../common/validators.js';
import { ActionItemStatus } from './action-item.enums.js';

@InputType()
export class AddActionItemInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field() @IsName() title: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() assigneeId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() assigneeOrganizationId?: string | null;
  @Field(() => DateScalar, { nullable: true }) dueOn?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() protocolId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() agendaItemId?: string | null;
}

@InputType()
export class SetActionItemStatusInput {
  @Field(() => ID) @IsId() actionItemId: string;
  @Field(() => ActionItemStatus) status: ActionItemStatus;
}
