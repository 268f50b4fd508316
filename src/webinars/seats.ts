import type { EntityManager } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { registrationConfirmed } from './webinar-events.js';

export interface LockedWebinar { id: string; starts_at: Date; cancelled: boolean; capacity: number | null }

/**
 * Every change to a webinar's registrations first locks the webinar's row (in the caller's
 * transaction), so they happen one after another: seats are counted exactly and waitlist positions
 * stay 1..n without gaps or duplicates.
 */
export async function lockWebinar(tx: EntityManager, webinarId: string): Promise<LockedWebinar> {
  const [row] = await tx.query<LockedWebinar[]>('SELECT id, starts_at, cancelled, capacity FROM webinar WHERE id = $1 FOR UPDATE', [webinarId]);
  if (!row) throw notFound('Webinar');
  return row;
}

/**
 * Cancels a CONFIRMED or WAITLISTED registration of a locked webinar: a waitlist place closes its
 * gap; a seat of a webinar still ahead goes to position 1 of the waitlist, who is notified.
 */
export async function release(tx: EntityManager, webinar: LockedWebinar, r: { id: string; status: string; waitlistPosition: number | null }): Promise<void> {
  await tx.query(`UPDATE webinar_registration SET status = 'CANCELLED', waitlist_position = NULL, updated_at = now() WHERE id = $1`, [r.id]);
  if (r.status === 'WAITLISTED') await closeGap(tx, webinar.id, r.waitlistPosition!);
  if (r.status === 'CONFIRMED' && !webinar.cancelled && webinar.starts_at.getTime() > Date.now()) await moveUp(tx, webinar.id);
}

/** Releases the person's places in every webinar still ahead (used when a person is erased). */
export async function releaseAllOf(tx: EntityManager, personId: string): Promise<void> {
  const rows = await tx.query<{ id: string; webinar_id: string; status: string; waitlist_position: number | null }[]>(
    `SELECT r.id, r.webinar_id, r.status, r.waitlist_position FROM webinar_registration r JOIN webinar w ON w.id = r.webinar_id
      WHERE r.person_id = $1 AND r.status <> 'CANCELLED' AND w.starts_at > now() ORDER BY r.webinar_id`,
    [personId],
  );
  for (const r of rows) {
    const webinar = await lockWebinar(tx, r.webinar_id);
    // Re-read under the lock: a concurrent change may have moved the place meanwhile.
    const [current] = await tx.query<{ status: string; waitlist_position: number | null }[]>('SELECT status, waitlist_position FROM webinar_registration WHERE id = $1', [r.id]);
    if (current.status !== 'CANCELLED') await release(tx, webinar, { id: r.id, status: current.status, waitlistPosition: current.waitlist_position });
  }
}

/** Gives the freed seat to position 1 of the waitlist, if there is one. */
async function moveUp(tx: EntityManager, webinarId: string): Promise<void> {
  const [rows] = await tx.query<[{ id: string; person_id: string }[], number]>(
    `UPDATE webinar_registration SET status = 'CONFIRMED', waitlist_position = NULL, updated_at = now()
      WHERE webinar_id = $1 AND status = 'WAITLISTED' AND waitlist_position = 1 RETURNING id, person_id`,
    [webinarId],
  );
  const first = rows[0];
  if (!first) return;
  await closeGap(tx, webinarId, 1);
  await registrationConfirmed(tx, { id: first.id, webinarId, personId: first.person_id }, true);
}

/** Positions after `from` move up by one, so the waitlist stays 1..n. */
async function closeGap(tx: EntityManager, webinarId: string, from: number): Promise<void> {
  await tx.query(
    `UPDATE webinar_registration SET waitlist_position = waitlist_position - 1, updated_at = now()
      WHERE webinar_id = $1 AND status = 'WAITLISTED' AND waitlist_position > $2`,
    [webinarId, from],
  );
}
