import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgendaItemStatus, MeetingChangeKind, MeetingStatus } from './meeting.enums.js';

/** How much of a meeting the caller sees: its groups see all, other network members the public part. */
export type MeetingAccess = 'manage' | 'read' | 'network';

@ObjectType('Meeting')
export class MeetingModel {
  @Field(() => ID) id: string;
  groupId: string;
  seriesId: string | null;
  @Field() title: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() timeZone: string;
  @Field(() => MeetingStatus) status: MeetingStatus;
  @Field(() => String, { nullable: true, description: "why it was cancelled; null for network members outside the meeting's groups" }) cancelReason: string | null;
  @Field(() => String, { nullable: true, description: "null for network members outside the meeting's groups" }) location: string | null;
  @Field(() => String, { nullable: true, description: "e.g. a Jitsi room; null for network members outside the meeting's groups" }) onlineUrl: string | null;
  @Field(() => Int, { description: 'raised on every change of time, place or status' }) sequence: number;
  access: MeetingAccess;
}

@ObjectType('AgendaItem')
export class AgendaItemModel {
  @Field(() => ID) id: string;
  meetingId: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int, { nullable: true }) durationMinutes: number | null;
  presenterId: string | null;
  presenterOrganizationId: string | null;
  @Field() public: boolean;
  @Field(() => AgendaItemStatus) status: AgendaItemStatus;
  proposedById: string | null;
  carriedOverFromId: string | null;
}

@ObjectType('MeetingChange', { description: 'One step in the history of a meeting\'s schedule' })
export class MeetingChangeModel {
  @Field(() => MeetingChangeKind) kind: MeetingChangeKind;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Date, { nullable: true }) previousStartsAt: Date | null;
  @Field(() => Date, { nullable: true }) previousEndsAt: Date | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  changedById: string | null;
  @Field() at: Date;
}
