import type { EntityManager } from 'typeorm';
import { appendAgendaItem } from './carry-over.js';
import { AgendaItemStatus, AttendanceStatus } from './meeting.enums.js';

/** The meetings module owns meeting, agenda_item and attendance; the protocols module asks these. */

export interface ApprovalMeeting {
  meetingId: string;
  title: string;
  startsAt: Date;
  timeZone: string;
}

/** "10.12.2026": a meeting's date in its own time zone. */
export function germanDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
}

/**
 * Puts "Genehmigung des Protokolls vom …" on the agenda of the group's next meeting (the first
 * one after `meeting` that is neither cancelled nor over at `now`, and not already part of a
 * record), once: an item of that title already there is reused. Null when there is no such meeting yet.
 */
export async function putApprovalOnNextAgenda(
  tx: EntityManager,
  meeting: { id: string; groupId: string; title: string; startsAt: Date; timeZone: string },
  proposedById: string | null,
  now: Date,
): Promise<ApprovalMeeting | null> {
  const [next] = await tx.query<{ id: string; title: string; starts_at: Date; time_zone: string }[]>(
    `SELECT m.id, m.title, m.starts_at, m.time_zone FROM meeting m
      WHERE m.group_id = $1 AND m.id <> $2 AND m.starts_at > $3 AND m.ends_at > $4 AND NOT m.cancelled
        AND NOT EXISTS (SELECT 1 FROM protocol p WHERE p.meeting_id = m.id AND p.status IN ('APPROVED', 'PUBLISHED'))
      ORDER BY m.starts_at, m.id LIMIT 1`,
    [meeting.groupId, meeting.id, meeting.startsAt, now],
  );
  if (!next) return null;
  const title = `Genehmigung des Protokolls vom ${germanDay(meeting.startsAt, meeting.timeZone)}`;
  const [existing] = await tx.query('SELECT id FROM agenda_item WHERE meeting_id = $1 AND title = $2', [next.id, title]);
  if (!existing) {
    await appendAgendaItem(tx, next.id, {
      title, description: `Das Protokoll der Sitzung „${meeting.title}“ wird hier genehmigt; Einwände werden festgehalten.`, durationMinutes: 5,
      presenterId: null, presenterOrganizationId: null, public: true, status: AgendaItemStatus.ACCEPTED, proposedById,
    });
  }
  return { meetingId: next.id, title: next.title, startsAt: next.starts_at, timeZone: next.time_zone };
}

/** The meeting's title, start and zone (for the approval meeting of a protocol). */
export async function approvalMeeting(tx: EntityManager, meetingId: string): Promise<ApprovalMeeting | null> {
  const [m] = await tx.query<{ id: string; title: string; starts_at: Date; time_zone: string }[]>('SELECT id, title, starts_at, time_zone FROM meeting WHERE id = $1', [meetingId]);
  return m ? { meetingId: m.id, title: m.title, startsAt: m.starts_at, timeZone: m.time_zone } : null;
}

/** Whether the person is recorded as present at the meeting. */
export async function isRecordedPresent(tx: EntityManager, meetingId: string, personId: string): Promise<boolean> {
  const [row] = await tx.query('SELECT 1 FROM attendance WHERE meeting_id = $1 AND person_id = $2 AND status = $3', [meetingId, personId, AttendanceStatus.PRESENT]);
  return !!row;
}
