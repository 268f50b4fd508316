import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RsvpAnswer, RsvpSource } from '../rsvp.enums.js';

@ObjectType('MeetingAnswer', { description: "A person's answer to a meeting's invitation (Zusage, Absage, Vielleicht, Vertretung)" })
export class MeetingAnswerModel {
  meetingId: string;
  personId: string;
  organizationId: string | null;
  deputyPersonId: string | null;
  @Field(() => RsvpAnswer) answer: RsvpAnswer;
  @Field(() => String, { nullable: true, description: 'DEPUTY without an account: the name the mail program gave' }) deputyName: string | null;
  @Field(() => String, { nullable: true, description: 'DEPUTY without an account: the address (DELEGATED-TO)' }) deputyEmail: string | null;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => RsvpSource) source: RsvpSource;
  @Field() answeredAt: Date;
  @Field({ description: 'given for the whole series' }) forSeries: boolean;
  @Field({ description: 'false: given before the meeting changed (vor der Änderung); it counts again once answered again' }) current: boolean;
}

@ObjectType('MeetingInvitee')
export class MeetingInviteeModel {
  personId: string;
  @Field(() => MeetingAnswerModel, { nullable: true }) answer: MeetingAnswerModel | null;
}

@ObjectType('ExpectedAttendance', { description: 'Who is expected from one organization (city); people only for the moderation' })
export class ExpectedAttendanceModel {
  organizationId: string | null;
  @Field(() => Int) invited: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) tentative: number;
  @Field(() => Int) declined: number;
  @Field(() => Int, { description: 'answered with a deputy (Vertretung)' }) deputies: number;
  @Field(() => Int, { description: 'no current answer (never answered, or only before the last change)' }) noAnswer: number;
  @Field(() => Int, { description: 'of noAnswer: answered before the last change' }) outdated: number;
  @Field(() => [MeetingInviteeModel], { description: "every invited person with their answer; only for the meeting's moderation" }) people: MeetingInviteeModel[];
}

@ObjectType('SeriesAnswer')
export class SeriesAnswerModel {
  @Field(() => ID) seriesId: string;
  @Field(() => RsvpAnswer) answer: RsvpAnswer;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field() answeredAt: Date;
  @Field(() => Int, { description: 'coming occurrences the answer holds for (not those answered on their own)' }) appliesTo: number;
}
