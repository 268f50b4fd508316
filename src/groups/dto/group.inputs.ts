import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { DateScalar } from '../../common/scalars.js';
import { IsId, IsName, IsOptionalText } from '../../common/validators.js';
import { GroupJoinPolicy, GroupLevel, GroupRole } from '../group.enums.js';

@InputType()
export class CreateGroupInput {
  @Field(() => ID) @IsId() networkId: string;
  @Field(() => GroupLevel) level: GroupLevel;

  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(10_000) description?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() parentGroupId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() leadOrganizationId?: string | null;
  @Field(() => GroupJoinPolicy, { nullable: true, description: 'default APPROVAL' }) joinPolicy?: GroupJoinPolicy | null;
}

@InputType()
export class AddGroupMemberInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field(() => ID) @IsId() personId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() organizationId?: string | null;
  @Field(() => GroupRole) role: GroupRole;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
}

@InputType()
export class RemoveGroupMemberInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field(() => ID) @IsId() personId: string;
}
