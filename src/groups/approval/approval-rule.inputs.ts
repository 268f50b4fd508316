import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsId } from '../../common/validators.js';
import { ProtocolApprovalMode } from '../group.enums.js';

@InputType()
export class SetProtocolApprovalRuleInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field(() => ProtocolApprovalMode) mode: ProtocolApprovalMode;
  @Field(() => Int, { nullable: true, description: 'the Widerspruchsfrist in days (1–90); kept when omitted' })
  @IsOptional()
  @IsInt({ message: 'muss eine ganze Zahl sein' })
  @Min(1, { message: 'muss mindestens 1 Tag sein' })
  @Max(90, { message: 'darf höchstens 90 Tage sein' })
  objectionPeriodDays?: number | null;
  @Field(() => [ID], { nullable: true, description: 'mode NAMED_APPROVERS: the members who must each approve; kept when omitted' })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'muss eine Liste gültiger IDs (UUID) sein' })
  @ArrayMaxSize(20, { message: 'höchstens 20 Genehmigende' })
  approverIds?: string[] | null;
}
