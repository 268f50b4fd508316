import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import { DomainError } from '../../common/domain-error.js';
import { approvalRuleOf } from '../../groups/approval/approval-rule.js';
import { APPROVAL_MODE_DE, ProtocolApprovalMode } from '../../groups/group.enums.js';
import { germanDateTime } from '../../meetings/meeting-rules.js';
import type { MeetingModel } from '../../meetings/meeting.model.js';
import { approvalMeeting, germanDay, putApprovalOnNextAgenda } from '../../meetings/protocol-approval-item.js';
import { latestEventOf, recordEvent } from '../../outbox/outbox.js';
import type { ProtocolRow } from '../protocol-version.js';

const DAY_MS = 86_400_000;
/** A revision in review is announced (mail, Matrix) at most once per this window; the period restarts on every save all the same. */
export const REVISION_ANNOUNCEMENT_QUIET_MS = 10 * 60_000;

/** The review state of a protocol row, read with its lock. */
interface ReviewRow {
  approval_mode: ProtocolApprovalMode | null;
  approval_due_at: Date | null;
  approval_meeting_id: string | null;
}

const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', `protocolId: ${message}`, { field: 'protocolId', ...extra });

/** Open objections of a protocol (they block every approval). */
export async function openObjections(tx: EntityManager, protocolId: string): Promise<number> {
  const [{ n }] = await tx.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM protocol_feedback WHERE protocol_id = $1 AND kind = 'OBJECTION' AND resolution IS NULL`,
    [protocolId],
  );
  return n;
}

/**
 * Going into review: the protocol takes its group's rule as it is now. OBJECTION_PERIOD starts the
 * period; NEXT_MEETING puts the approval on the next meeting's agenda (or waits for one).
 */
export async function startReview(tx: EntityManager, protocolId: string, meeting: MeetingModel, authorId: string, now: Date): Promise<void> {
  const rule = await approvalRuleOf(tx, meeting.groupId);
  const due = rule.mode === ProtocolApprovalMode.OBJECTION_PERIOD ? new Date(now.getTime() + rule.objectionPeriodDays * DAY_MS) : null;
  const next = rule.mode === ProtocolApprovalMode.NEXT_MEETING ? await putApprovalOnNextAgenda(tx, meeting, authorId, now) : null;
  await tx.query('DELETE FROM protocol_approval WHERE protocol_id = $1', [protocolId]);
  await tx.query('UPDATE protocol SET approval_mode = $2, approval_due_at = $3, approval_meeting_id = $4 WHERE id = $1', [
    protocolId, rule.mode, due, next?.meetingId ?? null,
  ]);
}

/**
 * NEXT_MEETING without a next meeting when it went into review: once one is scheduled, the
 * approval goes onto its agenda. Its own transaction, before the approval's (which may be refused
 * and roll back).
 */
export async function ensureApprovalMeeting(db: DataSource, protocolId: string, meeting: Pick<MeetingModel, 'id' | 'groupId' | 'title' | 'startsAt' | 'timeZone'>, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<(ReviewRow & { status: string })[]>('SELECT status, approval_mode, approval_due_at, approval_meeting_id FROM protocol WHERE id = $1 FOR NO KEY UPDATE', [protocolId]);
    if (row?.status !== 'IN_REVIEW' || row.approval_mode !== ProtocolApprovalMode.NEXT_MEETING || row.approval_meeting_id) return;
    const next = await putApprovalOnNextAgenda(tx, meeting, null, now);
    if (next) await tx.query('UPDATE protocol SET approval_meeting_id = $2 WHERE id = $1', [protocolId, next.meetingId]);
  });
}

/**
 * Refuses a moderator's approval while the rule the protocol went into review with is not met:
 * CONFLICT, in German, saying why. Call it in the approval's transaction after the row is locked.
 */
export async function requireRuleMet(tx: EntityManager, protocolId: string, meeting: MeetingModel, now: Date): Promise<void> {
  const [row] = await tx.query<ReviewRow[]>('SELECT approval_mode, approval_due_at, approval_meeting_id FROM protocol WHERE id = $1 FOR NO KEY UPDATE', [protocolId]);
  const objections = await openObjections(tx, protocolId);
  if (objections) {
    throw conflict(`${objections === 1 ? 'Ein Einwand ist' : `${objections} Einwände sind`} noch offen. Das Protokoll kann erst genehmigt werden, wenn jeder Einwand zurückgezogen oder entschieden ist.`, { openObjections: objections });
  }
  switch (row?.approval_mode ?? ProtocolApprovalMode.MODERATION) {
    case ProtocolApprovalMode.OBJECTION_PERIOD:
      if (row!.approval_due_at && row!.approval_due_at.getTime() > now.getTime()) {
        throw conflict(
          `Die Widerspruchsfrist läuft bis ${germanDateTime(row!.approval_due_at, meeting.timeZone)}. Erhebt bis dahin niemand Einwand, gilt das Protokoll als genehmigt; Interkom genehmigt es dann selbst.`,
          { approvalDueAt: row!.approval_due_at.toISOString() },
        );
      }
      return;
    case ProtocolApprovalMode.NEXT_MEETING: {
      const next = row!.approval_meeting_id ? await approvalMeeting(tx, row!.approval_meeting_id) : null;
      if (!next) throw conflict('Das Protokoll wird in der nächsten Sitzung der Gruppe genehmigt; es ist noch keine nächste Sitzung angesetzt.');
      if (next.startsAt.getTime() > now.getTime()) {
        throw conflict(
          `Das Protokoll wird in der Sitzung „${next.title}“ am ${germanDateTime(next.startsAt, next.timeZone)} genehmigt (Tagesordnungspunkt „Genehmigung des Protokolls vom ${germanDay(meeting.startsAt, meeting.timeZone)}“), nicht vorher.`,
          { approvalMeetingId: next.meetingId },
        );
      }
      return;
    }
    case ProtocolApprovalMode.NAMED_APPROVERS: {
      const missing = await missingApprovers(tx, protocolId, meeting.groupId);
      if (missing.length) {
        throw conflict(`Es fehlen noch Genehmigungen der benannten Genehmigenden (${missing.length} offen). Jede benannte Person genehmigt selbst.`, { missingApprovals: missing.length });
      }
      return;
    }
    default:
      return;
  }
}

/** The named approvers of the group who have not approved the protocol's current text. */
export async function missingApprovers(tx: EntityManager, protocolId: string, groupId: string): Promise<string[]> {
  const rule = await approvalRuleOf(tx, groupId);
  const rows = await tx.query<{ person_id: string }[]>('SELECT person_id FROM protocol_approval WHERE protocol_id = $1', [protocolId]);
  const done = new Set(rows.map((r) => r.person_id));
  if (!rule.approverIds.length) return ['(niemand benannt)'];
  return rule.approverIds.filter((id) => !done.has(id));
}

/**
 * A change while in review is a revision: named approvals are cleared (they approved another
 * text), the objection period starts again, and the groups hear of it.
 */
export async function revisedInReview(tx: EntityManager, row: ProtocolRow, meeting: MeetingModel, networkId: string, authorId: string, summary: string, now: Date): Promise<void> {
  if (row.status !== 'IN_REVIEW') return;
  const [review] = await tx.query<ReviewRow[]>('SELECT approval_mode, approval_due_at, approval_meeting_id FROM protocol WHERE id = $1', [row.id]);
  let due: Date | null = null;
  if (review?.approval_mode === ProtocolApprovalMode.OBJECTION_PERIOD) {
    const rule = await approvalRuleOf(tx, meeting.groupId);
    due = new Date(now.getTime() + rule.objectionPeriodDays * DAY_MS);
    await tx.query('UPDATE protocol SET approval_due_at = $2 WHERE id = $1', [row.id, due]);
  }
  await tx.query('DELETE FROM protocol_approval WHERE protocol_id = $1', [row.id]);
  // The protocol mode saves a second after typing stops: one announcement per quiet window, not per save.
  const last = await latestEventOf(tx, 'ProtocolRevised', row.id);
  const lastAt = typeof last?.payload.revisedAt === 'string' ? Date.parse(last.payload.revisedAt) : Number.NaN;
  if (Number.isNaN(lastAt) || now.getTime() - lastAt >= REVISION_ANNOUNCEMENT_QUIET_MS) {
    await recordEvent(tx, {
      type: 'ProtocolRevised', aggregateType: 'Protocol', aggregateId: row.id, groupId: meeting.groupId,
      payload: { protocolId: row.id, meetingId: meeting.id, title: meeting.title, startsAt: meeting.startsAt, timeZone: meeting.timeZone, version: row.version, summary, approvalDueAt: due, revisedAt: now.toISOString() },
    });
  }
  await recordAudit(tx, {
    actor: authorId, action: 'protocol.revise', subjectType: 'Protocol', subjectId: row.id, networkId,
    summary: `Protokoll der Sitzung „${meeting.title}“ in der Abstimmung überarbeitet (Fassung ${row.version})${due ? '; die Widerspruchsfrist beginnt neu' : ''}.`,
  });
}

/** The mode's German name, for summaries. */
export const modeName = (mode: ProtocolApprovalMode | null) => APPROVAL_MODE_DE[mode ?? ProtocolApprovalMode.MODERATION];
