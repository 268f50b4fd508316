import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DateScalar } from '../../common/scalars.js';
import { IsId, IsName, IsOptionalText } from '../../common/validators.js';
import { GroupJoinPolicy, GroupLevel, GroupRole, ProtocolApprovalMode } from '../group.enums.js';

@InputType()
export class CreateGroupInput {
  @Field(() => ID) @IsId() networkId: string;
  @Field(() => GroupLevel) level: GroupLevel;

  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(10_000) description?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() parentGroupId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() leadOrganizationId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'the person who leads the group (its LEAD from the start; a role holder of the network); the web client names the creator unless another is chosen (extension)',
  })
  @IsOptional()
  @IsId()
  leadPersonId?: string | null;
  @Field(() => GroupJoinPolicy, { nullable: true, description: 'default APPROVAL' }) joinPolicy?: GroupJoinPolicy | null;
  @Field(() => ProtocolApprovalMode, { nullable: true, description: 'default OBJECTION_PERIOD; NAMED_APPROVERS needs approvers (setProtocolApprovalRule) once members exist' })
  protocolApprovalMode?: ProtocolApprovalMode | null;
  @Field(() => Int, { nullable: true, description: 'the Widerspruchsfrist in days (1–90), default 14' })
  @IsOptional()
  @IsInt({ message: 'muss eine ganze Zahl sein' })
  @Min(1, { message: 'muss mindestens 1 Tag sein' })
  @Max(90, { message: 'darf höchstens 90 Tage sein' })
  objectionPeriodDays?: number | null;
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
