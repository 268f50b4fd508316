import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { PROTOCOL_STATE, ProtocolStatus } from './protocol.enums.js';

/**
 * The protocols module owns the protocol table; other modules ask these typed queries instead of
 * reading it themselves. Once a meeting's protocol is approved, the meeting is part of the record:
 * its agenda, attendance, decisions and time stay as approved (and, later, as published).
 */
export const FROZEN: readonly ProtocolStatus[] = [ProtocolStatus.APPROVED, ProtocolStatus.PUBLISHED];

/**
 * Refuses a change to a meeting whose protocol is approved or published: CONFLICT, in German,
 * naming the input field. Call it inside the change's transaction: the protocol row is locked, so
 * an approval committing meanwhile is waited for and seen, not raced. A transaction that goes on to
 * update the protocol row itself passes `forUpdate` and takes that lock at once: two holding FOR
 * SHARE and then both updating would deadlock.
 */
export async function assertMeetingNotFrozen(tx: EntityManager, meetingId: string, field: string, opts: { forUpdate?: boolean } = {}): Promise<void> {
  const lock = opts.forUpdate ? 'FOR NO KEY UPDATE' : 'FOR SHARE';
  const [row] = await tx.query<{ status: ProtocolStatus }[]>(`SELECT status FROM protocol WHERE meeting_id = $1 ${lock}`, [meetingId]);
  if (row && FROZEN.includes(row.status)) throw frozenMeeting(row.status, field);
}

/** The refusal itself, for callers that already know the protocol's state. */
export function frozenMeeting(status: ProtocolStatus, field: string): DomainError {
  return new DomainError(
    'CONFLICT',
    `${field}: Die Sitzung ist abgeschlossen: das Protokoll ist ${PROTOCOL_STATE[status]}. Änderungen gehen als Berichtigung ein.`,
    { field, protocolStatus: status },
  );
}

/** Of the meetings `meetingIds`, those that have a protocol (in any state). */
export async function meetingsWithProtocol(tx: EntityManager, meetingIds: string[]): Promise<Set<string>> {
  if (!meetingIds.length) return new Set();
  const rows = await tx.query<{ meeting_id: string }[]>('SELECT meeting_id FROM protocol WHERE meeting_id = ANY($1::uuid[])', [meetingIds]);
  return new Set(rows.map((r) => r.meeting_id));
}
