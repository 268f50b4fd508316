import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsId, IsOptionalText } from '../../common/validators.js';
import { RsvpAnswer } from '../rsvp.enums.js';

@InputType({ description: 'Zusage, Absage, Vielleicht or Vertretung for one meeting; a later answer replaces the earlier one' })
export class AnswerMeetingInput {
  @Field(() => ID) @IsId() meetingId: string;
  @Field(() => RsvpAnswer) answer: RsvpAnswer;
  @Field(() => ID, { nullable: true, description: 'DEPUTY: who goes instead, a person acting for the same organization (Meeting.deputyCandidates)' })
  @IsOptional()
  @IsId()
  deputyPersonId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(500) comment?: string | null;
}

@InputType({ description: 'The answer for every coming occurrence of a series that the person has not answered on its own' })
export class AnswerSeriesInput {
  @Field(() => ID) @IsId() seriesId: string;
  @Field(() => RsvpAnswer) answer: RsvpAnswer;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() deputyPersonId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(500) comment?: string | null;
}
