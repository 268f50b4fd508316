import type { EntityManager } from 'typeorm';
import { recordEvent } from '../outbox/outbox.js';
import { AgendaItemEntity } from './entities/agenda-item.entity.js';

/**
 * Open action items of a group stand on the agenda of the group's next meeting, one item each
 * ("Offener Punkt: …", linked by carried_over_from_id), until they are done or dropped. Past
 * meetings keep what stood on their agenda; meetings with a protocol are never touched.
 */

const NEXT_MEETING = `SELECT id, starts_at FROM meeting
  WHERE group_id = $1 AND NOT cancelled AND starts_at > now() ORDER BY starts_at, id LIMIT 1`;

/** Cheap check without locks, for many groups at once: which of them have a stale agenda? */
export async function groupsNeedingCarryOver(db: EntityManager, groupIds: string[]): Promise<string[]> {
  const rows = await db.query<{ group_id: string }[]>(
    `WITH next AS (
       SELECT DISTINCT ON (group_id) group_id, id, starts_at FROM meeting
        WHERE group_id = ANY($1) AND NOT cancelled AND starts_at > now() ORDER BY group_id, starts_at, id)
     SELECT next.group_id FROM action_item a JOIN next ON next.group_id = a.group_id
      WHERE a.status = 'OPEN' AND a.created_at < next.starts_at AND a.origin_meeting_id IS DISTINCT FROM next.id
        AND NOT EXISTS (SELECT 1 FROM protocol p WHERE p.meeting_id = next.id)
        AND NOT EXISTS (SELECT 1 FROM agenda_item x WHERE x.meeting_id = next.id AND x.carried_over_from_id = a.id)
     UNION
     SELECT m.group_id FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id JOIN action_item a ON a.id = ai.carried_over_from_id
       LEFT JOIN next ON next.group_id = m.group_id
      WHERE m.group_id = ANY($1) AND m.starts_at > now()
        AND NOT EXISTS (SELECT 1 FROM protocol p WHERE p.meeting_id = m.id)
        AND (a.status <> 'OPEN' OR m.id IS DISTINCT FROM next.id)`,
    [groupIds],
  );
  return rows.map((r) => r.group_id);
}

/** Brings the group's future agendas in line. Returns the meetings whose agenda changed. */
export async function syncCarryOver(tx: EntityManager, groupId: string): Promise<string[]> {
  // Same lock order as every agenda change: the meetings' rows, by id.
  await tx.query(`SELECT id FROM meeting WHERE group_id = $1 AND starts_at > now() ORDER BY id FOR UPDATE`, [groupId]);
  const [next] = await tx.query<{ id: string }[]>(NEXT_MEETING, [groupId]);
  // DELETE … RETURNING answers [rows, count] through TypeORM.
  const [removed] = await tx.query<[{ meeting_id: string }[], number]>(
    `DELETE FROM agenda_item ai USING meeting m, action_item a
      WHERE ai.meeting_id = m.id AND a.id = ai.carried_over_from_id AND m.group_id = $1 AND m.starts_at > now()
        AND NOT EXISTS (SELECT 1 FROM protocol p WHERE p.meeting_id = m.id)
        AND (a.status <> 'OPEN' OR m.id IS DISTINCT FROM $2::uuid)
      RETURNING ai.meeting_id`,
    [groupId, next?.id ?? null],
  );
  const changed = new Set(removed.map((r) => r.meeting_id));
  for (const meetingId of changed) await renumberAgenda(tx, meetingId);
  if (next) {
    const added = await tx.query<{ meeting_id: string }[]>(
      `INSERT INTO agenda_item (meeting_id, position, title, public, status, carried_over_from_id)
       SELECT $2, base.top + row_number() OVER (ORDER BY a.created_at, a.id), 'Offener Punkt: ' || a.title, a.public, 'ACCEPTED', a.id
         FROM action_item a, (SELECT coalesce(max(position), 0) AS top FROM agenda_item WHERE meeting_id = $2) base
        WHERE a.group_id = $1 AND a.status = 'OPEN'
          AND a.created_at < (SELECT starts_at FROM meeting WHERE id = $2)
          AND a.origin_meeting_id IS DISTINCT FROM $2
          AND NOT EXISTS (SELECT 1 FROM protocol p WHERE p.meeting_id = $2)
          AND NOT EXISTS (SELECT 1 FROM agenda_item x WHERE x.meeting_id = $2 AND x.carried_over_from_id = a.id)
       RETURNING meeting_id`,
      [groupId, next.id],
    );
    if (added.length) changed.add(next.id);
  }
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
