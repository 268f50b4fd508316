import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { DateScalar } from '../../common/scalars.js';
import { GroupLevel, GroupRole } from '../group.enums.js';

const uuid = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

@InputType()
export class CreateGroupInput {
  @Field(() => ID) @uuid('networkId') networkId: string;
  @Field(() => GroupLevel) level: GroupLevel;

  @Field()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000, { message: 'description must be at most 10000 characters' })
  description?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @uuid('parentGroupId') parentGroupId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @uuid('leadOrganizationId') leadOrganizationId?: string | null;
}

@InputType()
export class AddGroupMemberInput {
  @Field(() => ID) @uuid('groupId') groupId: string;
  @Field(() => ID) @uuid('personId') personId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @uuid('organizationId') organizationId?: string | null;
  @Field(() => GroupRole) role: GroupRole;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
}

@InputType()
export class RemoveGroupMemberInput {
  @Field(() => ID) @uuid('groupId') groupId: string;
  @Field(() => ID) @uuid('personId') personId: string;
}
