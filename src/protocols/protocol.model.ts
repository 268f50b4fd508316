import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MeetingAccess } from '../meetings/meeting.model.js';
import { ProtocolApprovalMode } from '../groups/group.enums.js';
import { ProtocolStatus } from './protocol.enums.js';

@ObjectType('Protocol')
export class ProtocolModel {
  @Field(() => ID) id: string;
  meetingId: string;
  @Field(() => ProtocolStatus) status: ProtocolStatus;
  @Field(() => Int, { description: 'bumps on every change' }) version: number;
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the published markdown, set when PUBLISHED' }) contentHash: string | null;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  publishedById: string | null;
  @Field(() => ProtocolApprovalMode, { nullable: true, description: 'the approval rule it went into review with (issue 21); null before review' }) approvalMode: ProtocolApprovalMode | null;
  @Field(() => Date, { nullable: true, description: 'OBJECTION_PERIOD: when it counts as approved unless an objection is open' }) approvalDueAt: Date | null;
  approvalMeetingId: string | null;
  publishedMarkdown: string | null;
  publishedMarkdownRedacted: string | null;
  access: MeetingAccess;
}

@ObjectType('ProtocolEntry')
export class ProtocolEntryModel {
  agendaItemId: string;
  @Field() notes: string;
}

@ObjectType('Decision')
export class DecisionModel {
  @Field(() => ID) id: string;
  agendaItemId: string | null;
  @Field() text: string;
  @Field(() => Int, { nullable: true }) votesFor: number | null;
  @Field(() => Int, { nullable: true }) votesAgainst: number | null;
  @Field(() => Int, { nullable: true }) abstentions: number | null;
}

@ObjectType('ProtocolRevision')
export class ProtocolRevisionModel {
  @Field(() => Int) version: number;
  authorId: string;
  @Field() at: Date;
  @Field(() => String, { nullable: true }) summary: string | null;
}
