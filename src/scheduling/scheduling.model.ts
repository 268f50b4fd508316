import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars.js';
import { HolidayPolicy } from './scheduling.enums.js';

@ObjectType('MeetingSeries')
export class MeetingSeriesModel {
  @Field(() => ID) id: string;
  groupId: string;
  @Field() title: string;
  @Field({ description: 'RFC 5545 RRULE, e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" (the jour fixe)' }) rrule: string;
  @Field() timeZone: string;
  @Field({ description: 'local wall-clock time "HH:MM" in timeZone, kept across DST changes' }) startTime: string;
  @Field(() => Int) durationMinutes: number;
  @Field(() => HolidayPolicy) holidayPolicy: HolidayPolicy;
  @Field(() => [String], { description: 'ISO 3166-2 codes whose public holidays apply' }) holidayRegions: string[];
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar, { nullable: true }) until: string | null;
  @Field(() => String, { nullable: true }) location: string | null;
  @Field(() => String, { nullable: true }) onlineUrl: string | null;
}

@ObjectType('SkippedOccurrence')
export class SkippedOccurrenceModel {
  @Field(() => DateScalar) date: string;
  @Field() reason: string;
}

@ObjectType('DatePoll')
export class DatePollModel {
  @Field(() => ID) id: string;
  groupId: string;
  @Field() title: string;
  @Field() closed: boolean;
  meetingId: string | null;
}

@ObjectType('DatePollOption')
export class DatePollOptionModel {
  @Field(() => ID) id: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Int) yes: number;
  @Field(() => Int) maybe: number;
  @Field(() => Int) no: number;
}

@ObjectType('SeriesOccurrencePreview', { description: 'One date a series would produce (extension)' })
export class SeriesOccurrencePreviewModel {
  @Field(() => DateScalar, { description: 'the local date it takes place on' }) date: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => String, { nullable: true, description: 'set when a holiday moved it to the next working day: the holiday' }) movedBecause: string | null;
}

@ObjectType('MeetingSeriesPreview', { description: 'The next dates of a series that is not saved yet (extension)' })
export class MeetingSeriesPreviewModel {
  @Field(() => [String], { description: 'the holiday regions that apply (given, or the default from the group)' }) holidayRegions: string[];
  @Field(() => [SeriesOccurrencePreviewModel]) occurrences: SeriesOccurrencePreviewModel[];
  @Field(() => [SkippedOccurrenceModel], { description: 'holidays skipped up to the last date shown' }) skippedDates: SkippedOccurrenceModel[];
}
