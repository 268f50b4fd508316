import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsId, IsOptionalText } from '../../common/validators.js';

@InputType()
export class RequestGroupMembershipInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field(() => ID, { nullable: true, description: 'default: the organization the caller acts for in the network' })
  @IsOptional()
  @IsId()
  organizationId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) message?: string | null;
}

@InputType()
export class DecideGroupJoinRequestInput {
  @Field(() => ID) @IsId() requestId: string;
  @Field() approve: boolean;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) reason?: string | null;
}
