import type { EntityManager } from 'typeorm';
import { recordEvent } from '../outbox/outbox.js';
import type { EventSeriesEntity } from './entities/event-series.entity.js';
import type { WebinarEntity } from './entities/webinar.entity.js';

/**
 * The room that hears of a series' webinars: the plenum of its network (the oldest PLENUM group),
 * like a meeting is announced in its group's room. Null (nothing posted) for series outside a
 * network or networks without a plenum.
 */
async function announcementGroup(tx: EntityManager, networkId: string | null): Promise<string | null> {
  if (!networkId) return null;
  const [row] = await tx.query<{ id: string }[]>(`SELECT id FROM work_group WHERE network_id = $1 AND level = 'PLENUM' ORDER BY created_at, id LIMIT 1`, [networkId]);
  return row?.id ?? null;
}

/** WebinarScheduled / WebinarCancelled, in the caller's transaction (the bridge posts them after commit). */
export async function webinarAnnounced(
  tx: EntityManager,
  type: 'WebinarScheduled' | 'WebinarCancelled',
  series: EventSeriesEntity,
  webinar: WebinarEntity,
  speakers: string[],
): Promise<void> {
  await recordEvent(tx, {
    type, aggregateType: 'Webinar', aggregateId: webinar.id, groupId: await announcementGroup(tx, series.networkId),
    payload: {
      webinarId: webinar.id, seriesTitle: series.title, title: webinar.title, startsAt: webinar.startsAt.toISOString(), endsAt: webinar.endsAt.toISOString(),
      timeZone: webinar.timeZone, speakers, capacity: webinar.capacity, reason: webinar.cancelReason,
    },
  });
}

/**
 * A seat was confirmed (at registration, or moved up from the waitlist): the person is notified
 * through the outbox (e-mail with the join link, once mail delivery exists).
 */
export async function registrationConfirmed(tx: EntityManager, r: { id: string; webinarId: string; personId: string }, movedUp: boolean): Promise<void> {
  await recordEvent(tx, {
    type: 'WebinarRegistrationConfirmed', aggregateType: 'Webinar', aggregateId: r.webinarId, groupId: null,
    payload: { registrationId: r.id, webinarId: r.webinarId, personId: r.personId, movedUp },
  });
}
