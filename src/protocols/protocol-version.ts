import type { EntityManager } from 'typeorm';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { PROTOCOL_STATE, ProtocolStatus } from './protocol.enums.js';

export interface ProtocolRow {
  id: string;
  meeting_id: string;
  status: ProtocolStatus;
  version: number;
}

/** States in which the content (entries, decisions, action items) may still change. */
export const EDITABLE: ProtocolStatus[] = [ProtocolStatus.DRAFT, ProtocolStatus.IN_REVIEW];

/**
 * The optimistic lock: raises the version only if it still is `expected` (null = any) and the
 * protocol is in one of `states`, and writes the revision, all in the caller's transaction. A
 * stale version is CONFLICT with `currentVersion`; a published protocol is immutable.
 */
export async function bumpVersion(
  tx: EntityManager,
  protocolId: string,
  /** With an empty summary no revision is written here: the caller writes it with recordRevision. */
  opts: { expected: number | null; states: ProtocolStatus[]; authorId: string; summary: string; details?: Record<string, unknown>; set?: string },
): Promise<ProtocolRow> {
  const [rows] = await tx.query<[ProtocolRow[], number]>(
    `UPDATE protocol SET version = version + 1, updated_at = now()${opts.set ? `, ${opts.set}` : ''}
      WHERE id = $1 AND ($2::int IS NULL OR version = $2) AND status = ANY($3::protocol_status[])
      RETURNING id, meeting_id, status, version`,
    [protocolId, opts.expected, opts.states],
  );
  const updated = rows[0];
  if (!updated) {
    const [current] = await tx.query<ProtocolRow[]>('SELECT id, meeting_id, status, version FROM protocol WHERE id = $1', [protocolId]);
    if (!current) throw notFound('Protokoll');
    if (current.status === ProtocolStatus.PUBLISHED) {
      throw new DomainError('BAD_USER_INPUT', 'Das Protokoll ist veröffentlicht und kann nicht mehr geändert werden.', { protocolStatus: current.status });
    }
    if (opts.expected !== null && current.version !== opts.expected) {
      throw new DomainError('CONFLICT', `Das Protokoll wurde inzwischen geändert (jetzt Fassung ${current.version}). Bitte laden Sie es neu und nehmen Sie Ihre Änderung erneut vor.`, {
        currentVersion: current.version,
      });
    }
    throw badInput('protocolId', `nicht möglich, solange das Protokoll ${PROTOCOL_STATE[current.status]} ist`);
  }
  if (opts.summary) await recordRevision(tx, updated, opts.authorId, opts.summary, opts.details);
  return updated;
}

/** Writes the revision for a version raised by bumpVersion (called later when details need the locked state). */
export async function recordRevision(tx: EntityManager, protocol: ProtocolRow, authorId: string, summary: string, details: Record<string, unknown> = {}) {
  await tx.query(`INSERT INTO protocol_revision (protocol_id, version, author_id, summary, details) VALUES ($1, $2, $3, $4, $5)`, [
    protocol.id,
    protocol.version,
    authorId,
    summary,
    JSON.stringify(details),
  ]);
}
