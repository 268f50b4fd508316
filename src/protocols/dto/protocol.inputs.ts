import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { atMostChars, IsCleanText, IsId } from '../../common/validators.js';

const IsVoteCount = () =>
  applyDecorators(IsOptional(), IsInt({ message: 'muss eine ganze Zahl sein' }), Min(0, { message: 'darf nicht negativ sein' }));

@InputType()
export class StartProtocolInput {
  @Field(() => ID) @IsId() meetingId: string;
}

@InputType()
export class UpdateProtocolEntryInput {
  @Field(() => ID) @IsId() protocolId: string;
  @Field(() => ID) @IsId() agendaItemId: string;
  @Field() @IsCleanText() @MaxLength(100_000, { message: atMostChars(100_000) }) notes: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class AddDecisionInput {
  @Field(() => ID) @IsId() protocolId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() agendaItemId?: string | null;
  @Field()
  @IsCleanText()
  @Matches(/\S/, { message: 'darf nicht leer sein' })
  @MaxLength(10_000, { message: atMostChars(10_000) })
  text: string;
  @Field(() => Int, { nullable: true }) @IsVoteCount() votesFor?: number | null;
  @Field(() => Int, { nullable: true }) @IsVoteCount() votesAgainst?: number | null;
  @Field(() => Int, { nullable: true }) @IsVoteCount() abstentions?: number | null;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class ProtocolTransitionInput {
  @Field(() => ID) @IsId() protocolId: string;
  @Field(() => Int) expectedVersion: number;
}
