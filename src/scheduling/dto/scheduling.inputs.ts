import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DateScalar } from '../../common/scalars.js';
import { atMostChars, IsId, IsIntBetween, IsName, IsOptionalHttpUrl, IsOptionalLine, IsSingleLine } from '../../common/validators.js';
import { HolidayPolicy, PollAnswer } from '../scheduling.enums.js';

/** Only when a list entry is no object (GraphQL's types already ensure it is). */
const NESTED = 'muss eine Liste von Objekten sein';

@InputType()
export class ScheduleMeetingSeriesInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field() @IsName() title: string;
  @Field() @IsSingleLine() @MaxLength(500, { message: atMostChars(500) }) rrule: string;
  @Field(() => DateScalar) startsOn: string;
  @Field() @IsSingleLine() startTime: string;
  @Field(() => Int) @IsIntBetween(1, 1440) durationMinutes: number;
  @Field(() => String, { nullable: true, description: 'default "Europe/Berlin"' }) @IsSingleLine() timeZone?: string | null;
  @Field(() => HolidayPolicy, { nullable: true, description: 'default SKIP' }) holidayPolicy?: HolidayPolicy | null;
  @Field(() => [String], { nullable: true, description: "default: the federal states of the group's member organizations" })
  @IsOptional()
  @ArrayMaxSize(16, { message: 'darf höchstens 16 Regionen nennen' })
  @IsSingleLine({ each: true })
  holidayRegions?: string[] | null;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalLine(500) location?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalHttpUrl() onlineUrl?: string | null;
}

@InputType({ description: 'A series as scheduleMeetingSeries would take it, to preview its dates without saving (extension)' })
export class PreviewMeetingSeriesInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field() @MaxLength(500, { message: atMostChars(500) }) rrule: string;
  @Field(() => DateScalar) startsOn: string;
  @Field() startTime: string;
  @Field(() => Int) @IsIntBetween(1, 1440) durationMinutes: number;
  @Field(() => String, { nullable: true, description: 'default "Europe/Berlin"' }) timeZone?: string | null;
  @Field(() => HolidayPolicy, { nullable: true, description: 'default SKIP' }) holidayPolicy?: HolidayPolicy | null;
  @Field(() => [String], { nullable: true, description: "default: the federal states of the group's member organizations" })
  @IsOptional()
  @ArrayMaxSize(16, { message: 'darf höchstens 16 Regionen nennen' })
  holidayRegions?: string[] | null;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
  @Field(() => Int, { nullable: true, description: 'how many dates to show; default 10' })
  @IsOptional()
  @IsIntBetween(1, 50)
  count?: number | null;
}

@InputType()
export class UpdateMeetingSeriesInput {
  @Field(() => ID) @IsId() seriesId: string;
  @Field(() => DateScalar) effectiveFrom: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsSingleLine() @MaxLength(500, { message: atMostChars(500) }) rrule?: string | null;
  @Field(() => String, { nullable: true }) @IsSingleLine() startTime?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsIntBetween(1, 1440) durationMinutes?: number | null;
  @Field(() => HolidayPolicy, { nullable: true }) holidayPolicy?: HolidayPolicy | null;
  @Field(() => String, { nullable: true }) @IsOptionalLine(500) location?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalHttpUrl() onlineUrl?: string | null;
}

@InputType()
export class EndMeetingSeriesInput {
  @Field(() => ID) @IsId() seriesId: string;
  @Field(() => DateScalar) lastDate: string;
}

@InputType()
export class DatePollOptionInput {
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@InputType()
export class CreateDatePollInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field() @IsName() title: string;
  @Field(() => [DatePollOptionInput])
  @ArrayMaxSize(50, { message: 'darf höchstens 50 Termine anbieten' })
  @ValidateNested({ each: true, message: NESTED })
  @Type(() => DatePollOptionInput)
  options: DatePollOptionInput[];
}

@InputType()
export class DatePollVoteInput {
  @Field(() => ID) @IsId() optionId: string;
  @Field(() => PollAnswer) answer: PollAnswer;
}

@InputType()
export class VoteDatePollInput {
  @Field(() => ID) @IsId() pollId: string;
  @Field(() => [DatePollVoteInput]) @ArrayMaxSize(50, { message: 'darf höchstens 50 Antworten enthalten' }) @ValidateNested({ each: true, message: NESTED }) @Type(() => DatePollVoteInput) votes: DatePollVoteInput[];
}

@InputType()
export class CloseDatePollInput {
  @Field(() => ID) @IsId() pollId: string;
  @Field(() => ID) @IsId() optionId: string;
}
