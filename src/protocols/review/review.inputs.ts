import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, Matches, MaxLength } from 'class-validator';
import { atMostChars, IsCleanText, IsId } from '../../common/validators.js';

const Text = () => applyDecorators(IsCleanText(), Matches(/\S/, { message: 'darf nicht leer sein' }), MaxLength(5_000, { message: atMostChars(5_000) }));

@InputType()
export class CommentOnProtocolInput {
  @Field(() => ID) @IsId() protocolId: string;
  @Field(() => ID, { nullable: true, description: 'the entry (agenda item); null = the protocol as a whole' }) @IsOptional() @IsId() agendaItemId?: string | null;
  @Field() @Text() text: string;
}

@InputType()
export class RaiseProtocolObjectionInput {
  @Field(() => ID) @IsId() protocolId: string;
  @Field(() => ID, { nullable: true, description: 'the entry (agenda item); null = the protocol as a whole' }) @IsOptional() @IsId() agendaItemId?: string | null;
  @Field({ description: 'why the text should not be approved as it stands' }) @Text() reason: string;
}

@InputType()
export class AnswerProtocolFeedbackInput {
  @Field(() => ID) @IsId() feedbackId: string;
  @Field() @Text() answer: string;
}

@InputType()
export class DecideProtocolObjectionInput {
  @Field(() => ID) @IsId() feedbackId: string;
  @Field({ description: 'true: upheld (the text is or will be revised); false: rejected' }) @IsBoolean() upheld: boolean;
  @Field({ description: 'the reason, shown with the objection' }) @Text() answer: string;
}

@InputType()
export class WithdrawProtocolObjectionInput {
  @Field(() => ID) @IsId() feedbackId: string;
}
