import type { EntityManager } from 'typeorm';
import { recordEvent } from '../outbox/outbox.js';
import { AgendaItemEntity } from './entities/agenda-item.entity.js';

/**
 * Open action items of a group stand on the agenda of one meeting of the group each ("Offener
 * Punkt: …", linked by carried_over_from_id): the first meeting that starts after the item's
 * origin meeting and in the future (items without an origin: the next meeting), until they are
 * done or dropped. An item recorded for a meeting that itself lies in the future therefore stands
 * on the meeting after that one. Past meetings keep what stood on their agenda; meetings with a
 * protocol are never touched.
 */

/** Per open action item of the groups `groups` (an SQL array): the meeting it belongs on (null: none planned yet). */
const targets = (groups: string) => `SELECT a.id AS action_item_id, a.group_id, a.created_at, a.title, a.public, (
    SELECT m.id FROM meeting m
     WHERE m.group_id = a.group_id AND NOT m.cancelled AND m.starts_at > now()
       AND (o.id IS NULL OR (m.starts_at > o.starts_at AND m.id <> o.id))
     ORDER BY m.starts_at, m.id LIMIT 1) AS meeting_id
  FROM action_item a LEFT JOIN meeting o ON o.id = a.origin_meeting_id
 WHERE a.group_id = ANY(${groups}) AND a.status = 'OPEN'`;
const TARGETS = targets('$1');

/** Carried items on future meetings without a protocol that no longer belong there. */
const stale = (groups: string) => `SELECT ai.id, ai.meeting_id, m.group_id FROM agenda_item ai
    JOIN meeting m ON m.id = ai.meeting_id
    LEFT JOIN target t ON t.action_item_id = ai.carried_over_from_id
   WHERE m.group_id = ANY(${groups}) AND ai.carried_over_from_id IS NOT NULL AND m.starts_at > now()
     AND NOT EXISTS (SELECT 1 FROM protocol p WHERE p.meeting_id = m.id)
     AND t.meeting_id IS DISTINCT FROM ai.meeting_id`;
const STALE = stale('$1');

/** Open items whose meeting lacks them (and has no protocol yet). */
const MISSING = `SELECT t.* FROM target t
   WHERE t.meeting_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM protocol p WHERE p.meeting_id = t.meeting_id)
     AND NOT EXISTS (SELECT 1 FROM agenda_item x WHERE x.meeting_id = t.meeting_id AND x.carried_over_from_id = t.action_item_id)`;

/**
 * CTEs (to follow a `WITH`) that end in `stale_groups (group_id)`: which of the groups `groups` (an
 * SQL array) have a stale agenda. For a read that checks in the same statement (the agenda loader).
 */
export function staleGroupsCtes(groups: string): string {
  return `target AS (${targets(groups)}),
     stale_groups AS (SELECT group_id FROM (${MISSING}) missing UNION SELECT group_id FROM (${stale(groups)}) stale)`;
}

/** Brings the group's future agendas in line. Returns the meetings whose agenda changed. */
export async function syncCarryOver(tx: EntityManager, groupId: string): Promise<string[]> {
  // Same lock order as every agenda change: the meetings' rows, by id.
  await tx.query(`SELECT id FROM meeting WHERE group_id = $1 AND starts_at > now() ORDER BY id FOR UPDATE`, [groupId]);
  // DELETE … RETURNING answers [rows, count] through TypeORM.
  const [removed] = await tx.query<[{ meeting_id: string }[], number]>(
    `WITH target AS (${TARGETS}), stale AS (${STALE})
     DELETE FROM agenda_item ai USING stale WHERE ai.id = stale.id RETURNING ai.meeting_id`,
    [[groupId]],
  );
  const changed = new Set(removed.map((r) => r.meeting_id));
  for (const meetingId of changed) await renumberAgenda(tx, meetingId);
  const added = await tx.query<{ meeting_id: string }[]>(
    `WITH target AS (${TARGETS}), missing AS (${MISSING})
     INSERT INTO agenda_item (meeting_id, position, title, public, status, carried_over_from_id)
     SELECT mi.meeting_id,
            (SELECT coalesce(max(position), 0) FROM agenda_item WHERE meeting_id = mi.meeting_id)
              + row_number() OVER (PARTITION BY mi.meeting_id ORDER BY mi.created_at, mi.action_item_id),
            'Offener Punkt: ' || mi.title, mi.public, 'ACCEPTED', mi.action_item_id
       FROM missing mi
     RETURNING meeting_id`,
    [[groupId]],
  );
  for (const row of added) changed.add(row.meeting_id);
  for (const meetingId of changed) {
    await recordEvent(tx, {
      type: 'AgendaChanged', aggregateType: 'Meeting', aggregateId: meetingId, groupId,
      payload: { meetingId, change: 'carried-over' },
    });
  }
  return [...changed];
}

/** Positions 1..n in the current order, without gaps (the unique constraint is deferred). */
export async function renumberAgenda(tx: EntityManager, meetingId: string): Promise<void> {
  await tx.query(
    `UPDATE agenda_item ai SET position = r.rn
       FROM (SELECT id, row_number() OVER (ORDER BY position, created_at, id) AS rn FROM agenda_item WHERE meeting_id = $1) r
      WHERE ai.id = r.id AND ai.position <> r.rn`,
    [meetingId],
  );
}

/**
 * Appends an item at the end of a meeting's agenda, under the meeting's lock. Shared by
 * addAgendaItem and the `!agenda` room command.
 */
export async function appendAgendaItem(
  tx: EntityManager,
  meetingId: string,
  fields: Omit<AgendaItemEntity, 'id' | 'meetingId' | 'position' | 'createdAt' | 'carriedOverFromId'>,
): Promise<AgendaItemEntity> {
  await lockMeeting(tx, meetingId);
  const [{ top }] = await tx.query<{ top: number }[]>('SELECT coalesce(max(position), 0)::int AS top FROM agenda_item WHERE meeting_id = $1', [meetingId]);
  return tx.getRepository(AgendaItemEntity).save({ ...fields, meetingId, position: top + 1, carriedOverFromId: null });
}

/** Serialises agenda changes of one meeting. */
export async function lockMeeting(tx: EntityManager, meetingId: string): Promise<void> {
  await tx.query('SELECT id FROM meeting WHERE id = $1 FOR UPDATE', [meetingId]);
}
