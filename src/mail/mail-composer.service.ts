import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { eventUid } from '../calendar/ical-common.js';
import { replyAddress } from '../rsvp/reply-address.js';
import { VideoRoomService } from '../video/video-rooms.service.js';
import type { Composed } from './mail-body.js';
import type { MailEvent } from './mail-recipients.js';
import { meetingMail, type InvitationContext, type MeetingForMail } from './meeting-mail.js';
import { actionItemAssignedMail, joinRequestDecidedMail, protocolCorrectedMail, protocolPublishedMail, protocolReviewMail, webinarConfirmedMail } from './notification-mail.js';

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

const skip = (reason: string): Composed => ({ skip: reason });

type MeetingRow = MeetingForMail & { networkId: string; onlineUrl: string | null };

/**
 * Turns an outbox event into one person's notification, from the current state of what it is
 * about (read now, not when the event was written): a meeting's invitation always carries its
 * current time and SEQUENCE, and a notification that no longer holds (the meeting is over, the
 * seat was given up, the task was reassigned) is not sent.
 */
@Injectable()
export class MailComposer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly video: VideoRoomService,
  ) {}

  compose(e: MailEvent, to: Recipient): Promise<Composed> {
    switch (e.type) {
      case 'MeetingScheduled':
      case 'MeetingRescheduled':
      case 'MeetingCancelled':
        return this.meeting(e, to);
      case 'ProtocolPublished':
        return this.protocol(e, to);
      case 'ProtocolCorrected':
        return this.correction(e, to);
      case 'ProtocolApproved':
      case 'ProtocolRevised':
        return this.protocolReview(e, to);
      case 'ActionItemAssigned':
        return this.actionItem(e, to);
      case 'GroupJoinRequestDecided':
        return this.joinDecision(e, to);
      case 'WebinarRegistrationConfirmed':
        return this.webinar(e, to);
      default:
        return Promise.resolve(skip(`no mail for ${e.type}`));
    }
  }

  private get base() {
    return this.config.publicBaseUrl;
  }

  private async meeting(e: MailEvent, to: Recipient): Promise<Composed> {
    const [m] = await this.db.query<MeetingRow[]>(
      `SELECT m.id, m.title, g.name AS "groupName", m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.time_zone AS "timeZone",
              m.location, m.cancelled, m.cancel_reason AS "cancelReason", m.sequence, m.updated_at AS "updatedAt", g.network_id AS "networkId",
              m.online_url AS "onlineUrl"
         FROM meeting m JOIN work_group g ON g.id = m.group_id WHERE m.id = $1`,
      [e.aggregate_id],
    );
    if (!m) return skip('the meeting no longer exists');
    if (m.endsAt.getTime() < Date.now()) return skip('the meeting is over');
    if (m.cancelled && e.type !== 'MeetingCancelled') return skip('the meeting was cancelled meanwhile; the cancellation has its own mail');
    // A later change of the same meeting sends its current state anyway: one mail instead of two.
    const [later] = await this.db.query(
      `SELECT 1 FROM outbox_event WHERE aggregate_id = $1 AND type IN ('MeetingScheduled', 'MeetingRescheduled', 'MeetingCancelled') AND seq > $2::bigint LIMIT 1`,
      [m.id, e.seq],
    );
    if (later) return skip('superseded by a later change of the meeting');
    const onlineUrl = m.cancelled ? null : (m.onlineUrl ?? (await this.videoLink(m, to)));
    const previous = e.type === 'MeetingRescheduled' && typeof e.payload.previousStartsAt === 'string' && typeof e.payload.previousEndsAt === 'string'
      ? { startsAt: new Date(e.payload.previousStartsAt), endsAt: new Date(e.payload.previousEndsAt) }
      : null;
    // The recipient's own organizer address (the same on the cancellation, so calendars match it):
    // their calendar's Zusage/Absage reaches the RSVP domain.
    const replyTo = await replyAddress(this.db.manager, this.config.mail.from.address, { personId: to.id, uid: eventUid(m.id, this.base), meetingId: m.id, sequence: m.sequence });
    const context: InvitationContext = {
      kind: e.type as InvitationContext['kind'], meeting: m, onlineUrl, previous,
      recipient: { name: to.name, email: to.email }, from: this.config.mail.from, replyTo, publicBaseUrl: this.base,
    };
    return meetingMail(context);
  }

  /** The recipient's own link to the meeting's video room (personal with Jitsi tokens); null without JITSI_URL. */
  private async videoLink(m: MeetingRow, to: Recipient): Promise<string | null> {
    if (!this.video.enabled) return null;
    const [{ moderator }] = await this.db.query<{ moderator: boolean }[]>(
      `SELECT (EXISTS (SELECT 1 FROM group_member gm WHERE gm.person_id = $1 AND gm.role IN ('LEAD', 'MODERATOR')
                         AND (gm.group_id = (SELECT group_id FROM meeting WHERE id = $2) OR gm.group_id IN (SELECT group_id FROM meeting_group WHERE meeting_id = $2)))
               OR EXISTS (SELECT 1 FROM network_role r WHERE r.person_id = $1 AND r.network_id = $3 AND r.role IN ('ADMIN', 'MODERATOR'))) AS moderator`,
      [to.id, m.id, m.networkId],
    );
    return this.video.joinUrl({ kind: 'meeting', id: m.id, person: { displayName: to.name }, moderator, startsAt: m.startsAt, endsAt: m.endsAt });
  }

  private async protocol(e: MailEvent, to: Recipient): Promise<Composed> {
    const [p] = await this.db.query<{ status: string; meeting_id: string; title: string; group_name: string; starts_at: Date; time_zone: string; content_hash: string | null }[]>(
      `SELECT p.status, p.meeting_id, m.title, g.name AS group_name, m.starts_at, m.time_zone, p.content_hash
         FROM protocol p JOIN meeting m ON m.id = p.meeting_id JOIN work_group g ON g.id = m.group_id WHERE p.id = $1`,
      [e.aggregate_id],
    );
    if (!p || p.status !== 'PUBLISHED') return skip('the protocol is not published');
    const decisions = Array.isArray(e.payload.decisions) ? e.payload.decisions.filter((d): d is string => typeof d === 'string') : [];
    return protocolPublishedMail({
      recipientName: to.name, publicBaseUrl: this.base, meetingId: p.meeting_id, title: p.title, groupName: p.group_name,
      startsAt: p.starts_at, timeZone: p.time_zone, contentHash: p.content_hash?.trim() ?? null, decisions,
    });
  }

  private async correction(e: MailEvent, to: Recipient): Promise<Composed> {
    const [c] = await this.db.query<{ meeting_id: string; title: string; group_name: string; starts_at: Date; time_zone: string; sequence: number; text: string; at: Date; hash: string }[]>(
      `SELECT p.meeting_id, m.title, g.name AS group_name, m.starts_at, m.time_zone, c.sequence, c.text, c.at, c.hash
         FROM protocol_correction c JOIN protocol p ON p.id = c.protocol_id JOIN meeting m ON m.id = p.meeting_id JOIN work_group g ON g.id = m.group_id
        WHERE c.id = $1 AND p.status = 'PUBLISHED'`,
      [e.payload.correctionId],
    );
    if (!c) return skip('the correction no longer exists');
    return protocolCorrectedMail({
      recipientName: to.name, publicBaseUrl: this.base, meetingId: c.meeting_id, title: c.title, groupName: c.group_name,
      startsAt: c.starts_at, timeZone: c.time_zone, sequence: c.sequence, text: c.text, at: c.at, hash: c.hash.trim(),
    });
  }

  /** An approval without the moderation's click, or a revision in review (the latest revision only: one mail, not one per keystroke pause). */
  private async protocolReview(e: MailEvent, to: Recipient): Promise<Composed> {
    const [p] = await this.db.query<{ status: string; meeting_id: string; title: string; group_name: string; starts_at: Date; time_zone: string; approval_due_at: Date | null }[]>(
      `SELECT p.status, p.meeting_id, m.title, g.name AS group_name, m.starts_at, m.time_zone, p.approval_due_at
         FROM protocol p JOIN meeting m ON m.id = p.meeting_id JOIN work_group g ON g.id = m.group_id WHERE p.id = $1`,
      [e.aggregate_id],
    );
    if (!p) return skip('the protocol no longer exists');
    if (e.type === 'ProtocolRevised') {
      if (p.status !== 'IN_REVIEW') return skip('the protocol is no longer in review');
      const [later] = await this.db.query(`SELECT 1 FROM outbox_event WHERE aggregate_id = $1 AND type = 'ProtocolRevised' AND seq > $2::bigint LIMIT 1`, [e.aggregate_id, e.seq]);
      if (later) return skip('superseded by a later revision');
    }
    return protocolReviewMail({
      recipientName: to.name, publicBaseUrl: this.base, meetingId: p.meeting_id, title: p.title, groupName: p.group_name, startsAt: p.starts_at, timeZone: p.time_zone,
      kind: e.type === 'ProtocolApproved' ? (e.payload.automatic === true ? 'automatic' : 'approvers') : 'revised', approvalDueAt: p.approval_due_at,
    });
  }

  private async actionItem(e: MailEvent, to: Recipient): Promise<Composed> {
    const [a] = await this.db.query<{ title: string; status: string; due_on: string | null; assignee_id: string | null; org_id: string | null; org_name: string | null; group_id: string; group_name: string }[]>(
      `SELECT a.title, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.assignee_id, a.assignee_organization_id AS org_id, o.name AS org_name,
              a.group_id, g.name AS group_name
         FROM action_item a JOIN work_group g ON g.id = a.group_id LEFT JOIN organization o ON o.id = a.assignee_organization_id WHERE a.id = $1`,
      [e.aggregate_id],
    );
    if (!a || a.status !== 'OPEN') return skip('the action item is no longer open');
    const personally = a.assignee_id === to.id;
    if (!personally && (a.assignee_id || a.org_id !== e.payload.assigneeOrganizationId)) return skip('the action item was reassigned');
    return actionItemAssignedMail({
      recipientName: to.name, publicBaseUrl: this.base, title: a.title, groupId: a.group_id, groupName: a.group_name, dueOn: a.due_on,
      organizationName: a.org_name, personally,
    });
  }

  private async joinDecision(e: MailEvent, to: Recipient): Promise<Composed> {
    const [g] = await this.db.query<{ id: string; name: string }[]>('SELECT id, name FROM work_group WHERE id = $1', [e.aggregate_id]);
    if (!g) return skip('the group no longer exists');
    return joinRequestDecidedMail({
      recipientName: to.name, publicBaseUrl: this.base, groupId: g.id, groupName: g.name,
      approved: e.payload.approved === true, reason: typeof e.payload.reason === 'string' ? e.payload.reason : null,
    });
  }

  private async webinar(e: MailEvent, to: Recipient): Promise<Composed> {
    const [w] = await this.db.query<{ id: string; title: string; series_title: string; starts_at: Date; ends_at: Date; time_zone: string; online_url: string | null; cancelled: boolean; status: string | null }[]>(
      `SELECT w.id, w.title, s.title AS series_title, w.starts_at, w.ends_at, w.time_zone, w.online_url, w.cancelled,
              (SELECT r.status FROM webinar_registration r WHERE r.id = $2 AND r.person_id = $3) AS status
         FROM webinar w JOIN event_series s ON s.id = w.series_id WHERE w.id = $1`,
      [e.aggregate_id, e.payload.registrationId, to.id],
    );
    if (!w || w.cancelled) return skip('the webinar was cancelled');
    if (w.ends_at.getTime() < Date.now()) return skip('the webinar is over');
    if (w.status !== 'CONFIRMED') return skip('the registration is no longer confirmed');
    const joinUrl = w.online_url ?? (await this.video.joinUrl({ kind: 'webinar', id: w.id, person: { displayName: to.name }, moderator: false, startsAt: w.starts_at, endsAt: w.ends_at }));
    return webinarConfirmedMail({
      recipientName: to.name, publicBaseUrl: this.base, title: w.title, seriesTitle: w.series_title, startsAt: w.starts_at, endsAt: w.ends_at,
      timeZone: w.time_zone, joinUrl, movedUp: e.payload.movedUp === true,
    });
  }
}
