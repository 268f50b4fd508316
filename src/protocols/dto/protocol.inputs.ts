import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { IsCleanText, IsId } from '../../common/validators.js';

const IsVoteCount = (field: string) =>
  applyDecorators(IsOptional(), IsInt({ message: `${field} must be a whole number` }), Min(0, { message: `${field} must not be negative` }));

@InputType()
export class StartProtocolInput {
  @Field(() => ID) @IsId('meetingId') meetingId: string;
}

@InputType()
export class UpdateProtocolEntryInput {
  @Field(() => ID) @IsId('protocolId') protocolId: string;
  @Field(() => ID) @IsId('agendaItemId') agendaItemId: string;
  @Field() @IsCleanText('notes') @MaxLength(100_000, { message: 'notes must be at most 100000 characters' }) notes: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class AddDecisionInput {
  @Field(() => ID) @IsId('protocolId') protocolId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId('agendaItemId') agendaItemId?: string | null;
  @Field()
  @IsCleanText('text')
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(10_000, { message: 'text must be at most 10000 characters' })
  text: string;
  @Field(() => Int, { nullable: true }) @IsVoteCount('votesFor') votesFor?: number | null;
  @Field(() => Int, { nullable: true }) @IsVoteCount('votesAgainst') votesAgainst?: number | null;
  @Field(() => Int, { nullable: true }) @IsVoteCount('abstentions') abstentions?: number | null;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class ProtocolTransitionInput {
  @Field(() => ID) @IsId('protocolId') protocolId: string;
  @Field(() => Int) expectedVersion: number;
}
