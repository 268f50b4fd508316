import { Field, ID, ObjectType } from '@nestjs/graphql';
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
