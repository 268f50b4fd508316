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
