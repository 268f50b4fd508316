import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DateScalar } from '../../common/scalars.js';
import { IsId, IsIntBetween, IsName, IsOptionalHttpUrl, IsOptionalLine, IsSingleLine } from '../../common/validators.js';
import { HolidayPolicy, PollAnswer } from '../scheduling.enums.js';

@InputType()
export class ScheduleMeetingSeriesInput {
  @Field(() => ID) @IsId('groupId') groupId: string;
  @Field() @IsName('title') title: string;
  @Field() @IsSingleLine('rrule') @MaxLength(500, { message: 'rrule must be at most 500 characters' }) rrule: string;
  @Field(() => DateScalar) startsOn: string;
  @Field() @IsSingleLine('startTime') startTime: string;
  @Field(() => Int) @IsIntBetween('durationMinutes', 1, 1440) durationMinutes: number;
  @Field(() => String, { nullable: true, description: 'default "Europe/Berlin"' }) @IsSingleLine('timeZone') timeZone?: string | null;
  @Field(() => HolidayPolicy, { nullable: true, description: 'default SKIP' }) holidayPolicy?: HolidayPolicy | null;
  @Field(() => [String], { nullable: true, description: "default: the federal states of the group's member organizations" })
  @IsOptional()
  @ArrayMaxSize(16, { message: 'holidayRegions must list at most 16 regions' })
  @IsSingleLine('holidayRegions', { each: true })
  holidayRegions?: string[] | null;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalLine('location', 500) location?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalHttpUrl('onlineUrl') onlineUrl?: string | null;
}

@InputType({ description: 'A series as scheduleMeetingSeries would take it, to preview its dates without saving (extension)' })
export class PreviewMeetingSeriesInput {
  @Field(() => ID) @IsId('groupId') groupId: string;
  @Field() @MaxLength(500, { message: 'rrule must be at most 500 characters' }) rrule: string;
  @Field(() => DateScalar) startsOn: string;
  @Field() startTime: string;
  @Field(() => Int) @IsIntBetween('durationMinutes', 1, 1440) durationMinutes: number;
  @Field(() => String, { nullable: true, description: 'default "Europe/Berlin"' }) timeZone?: string | null;
  @Field(() => HolidayPolicy, { nullable: true, description: 'default SKIP' }) holidayPolicy?: HolidayPolicy | null;
  @Field(() => [String], { nullable: true, description: "default: the federal states of the group's member organizations" })
  @IsOptional()
  @ArrayMaxSize(16)
  holidayRegions?: string[] | null;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
  @Field(() => Int, { nullable: true, description: 'how many dates to show; default 10' })
  @IsOptional()
  @IsIntBetween('count', 1, 50)
  count?: number | null;
}

@InputType()
export class UpdateMeetingSeriesInput {
  @Field(() => ID) @IsId('seriesId') seriesId: string;
  @Field(() => DateScalar) effectiveFrom: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsSingleLine('rrule') @MaxLength(500, { message: 'rrule must be at most 500 characters' }) rrule?: string | null;
  @Field(() => String, { nullable: true }) @IsSingleLine('startTime') startTime?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsIntBetween('durationMinutes', 1, 1440) durationMinutes?: number | null;
  @Field(() => HolidayPolicy, { nullable: true }) holidayPolicy?: HolidayPolicy | null;
  @Field(() => String, { nullable: true }) @IsOptionalLine('location', 500) location?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalHttpUrl('onlineUrl') onlineUrl?: string | null;
}

@InputType()
export class EndMeetingSeriesInput {
  @Field(() => ID) @IsId('seriesId') seriesId: string;
  @Field(() => DateScalar) lastDate: string;
}

@InputType()
export class DatePollOptionInput {
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@InputType()
export class CreateDatePollInput {
  @Field(() => ID) @IsId('groupId') groupId: string;
  @Field() @IsName('title') title: string;
  @Field(() => [DatePollOptionInput])
  @ArrayMaxSize(50, { message: 'options must be at most 50' })
  @ValidateNested({ each: true })
  @Type(() => DatePollOptionInput)
  options: DatePollOptionInput[];
}

@InputType()
export class DatePollVoteInput {
  @Field(() => ID) @IsId('optionId') optionId: string;
  @Field(() => PollAnswer) answer: PollAnswer;
}

@InputType()
export class VoteDatePollInput {
  @Field(() => ID) @IsId('pollId') pollId: string;
  @Field(() => [DatePollVoteInput]) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => DatePollVoteInput) votes: DatePollVoteInput[];
}

@InputType()
export class CloseDatePollInput {
  @Field(() => ID) @IsId('pollId') pollId: string;
  @Field(() => ID) @IsId('optionId') optionId: string;
}
