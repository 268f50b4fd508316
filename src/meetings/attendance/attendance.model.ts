import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RsvpAnswer } from '../../rsvp/rsvp.enums.js';
import { AttendanceRole, AttendanceStatus } from '../meeting.enums.js';

@ObjectType('Attendance', { description: 'Someone with an account at a meeting: member, guest, speaker or deputy' })
export class AttendanceModel {
  meetingId: string;
  personId: string;
  organizationId: string | null;
  @Field(() => AttendanceStatus) status: AttendanceStatus;
  @Field(() => AttendanceRole, { description: 'DEPUTY: attends for `organization` (in Vertretung)' }) role: AttendanceRole;
}

@ObjectType('ExternalAttendee', {
  description: "Someone at a meeting without an account, by name; only the meeting's groups see them, the public only with consentToPublish",
})
export class ExternalAttendeeModel {
  @Field(() => ID) id: string;
  meetingId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) organizationName: string | null;
  @Field(() => AttendanceRole) role: AttendanceRole;
  @Field(() => AttendanceStatus) status: AttendanceStatus;
  @Field({ description: 'may be named in the public record (OParl)' }) consentToPublish: boolean;
}

@ObjectType('AttendanceSuggestion', {
  description: 'Where the attendance list starts from the answers (Zusage → PRESENT, Absage or Vertretung → EXCUSED, the deputy → PRESENT as DEPUTY); the moderation confirms each line',
})
export class AttendanceSuggestionModel {
  personId: string | null;
  organizationId: string | null;
  @Field(() => String, { nullable: true, description: 'a deputy without an account: the name (or address) the answer gave' }) name: string | null;
  @Field(() => String, { nullable: true, description: 'a deputy without an account: the address' }) email: string | null;
  @Field(() => AttendanceStatus) status: AttendanceStatus;
  @Field(() => AttendanceRole, { nullable: true, description: 'DEPUTY for a deputy; null = as recordAttendance decides (MEMBER or GUEST)' }) role: AttendanceRole | null;
  @Field(() => RsvpAnswer, { description: 'the answer the line comes from' }) answer: RsvpAnswer;
}
