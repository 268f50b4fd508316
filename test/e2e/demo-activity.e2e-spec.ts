import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ActionItemsService } from '../../src/action-items/action-items.service.js';
import { devSubject } from '../../src/auth/dev-keys.js';
import { Viewer } from '../../src/auth/viewer.js';
import type { Clock } from '../../src/common/clock.js';
import { DEV_ISSUER } from '../../src/config/config.js';
import { seedDemoActivity } from '../../src/database/seed/demo-activity.js';
import { seedDemo } from '../../src/database/seed/demo-seed.js';
import { MeetingsService } from '../../src/meetings/meetings.service.js';
import { PersonEntity } from '../../src/people/person.entity.js';
import { freshDatabase, TestHub } from '../support/test-hub.js';

const DAY = 86_400_000;

describe('the demo activity (issue 22.1)', () => {
  let hub: TestHub;
  let db: DataSource;
  // An injected "now" a day and a half back (not the process's time): every date of the activity follows it.
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 1.5 * DAY);
  const clock = { now: () => now } as Clock;

  beforeAll(async () => {
    // A database of its own: the counts below are of the whole database, and this worker's shared one holds other files' rows.
    hub = await TestHub.start({ DATABASE_URL: await freshDatabase('demo_activity') });
    db = hub.hub.app.get(DataSource);
    await seedDemo(db);
    await seedDemoActivity(hub.hub.app, clock);
  });
  afterAll(() => hub.stop());

  const viewer = async (username: string) =>
    new Viewer(await db.getRepository(PersonEntity).findOneByOrFail({ issuer: DEV_ISSUER, subject: devSubject(username) }), false, db);

  const counts = async () => {
    const [row] = await db.query(`SELECT
      (SELECT count(*) FROM meeting WHERE title LIKE '%(Demo)')::int AS meetings, (SELECT count(*) FROM meeting_series)::int AS series,
      (SELECT count(*) FROM agenda_item)::int AS agenda_items, (SELECT count(*) FROM protocol)::int AS protocols,
      (SELECT count(*) FROM protocol_feedback)::int AS feedback, (SELECT count(*) FROM decision)::int AS decisions,
      (SELECT count(*) FROM action_item)::int AS action_items, (SELECT count(*) FROM join_request)::int AS join_requests,
      (SELECT count(*) FROM webinar_registration)::int AS registrations, (SELECT count(*) FROM workshop_idea)::int AS ideas,
      (SELECT count(*) FROM idea_vote)::int AS votes, (SELECT count(*) FROM idea_step)::int AS steps,
      (SELECT count(*) FROM outbox_event)::int AS events, (SELECT count(*) FROM audit_entry)::int AS audit`);
    return row;
  };

  it('a second run adds nothing', async () => {
    const once = await counts();
    expect(once).toMatchObject({ protocols: 2, feedback: 1, decisions: 2, action_items: 10, join_requests: 1, registrations: 4, ideas: 4, votes: 4, steps: 3, series: 1 });
    await seedDemo(db);
    await seedDemoActivity(hub.hub.app, clock);
    expect(await counts()).toEqual(once);
  });

  it('dates everything from the injected now: the next jour fixe is ahead, the protocols are of meetings before it', async () => {
    const rows = await db.query<{ title: string; starts_at: Date; series: boolean; status: string | null }[]>(
      `SELECT m.title, m.starts_at, m.series_id IS NOT NULL AS series, p.status FROM meeting m LEFT JOIN protocol p ON p.meeting_id = m.id
        WHERE m.title LIKE '%(Demo)' ORDER BY m.starts_at`,
    );
    const next = rows.find((r) => r.series && r.starts_at > now)!;
    expect(next.title).toBe('Jour fixe re@di (Demo)');
    // Two days ahead at the earliest, on the Thursday after (or one series step later, if that is a holiday).
    expect(next.starts_at.getTime() - now.getTime()).toBeGreaterThan(1.5 * DAY);
    expect(next.starts_at.getTime() - now.getTime()).toBeLessThan(24 * DAY);
    expect(new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(next.starts_at)).toBe('Donnerstag, 10:00');
    const inReview = rows.find((r) => r.status === 'IN_REVIEW')!;
    const published = rows.find((r) => r.status === 'PUBLISHED')!;
    expect(inReview.starts_at.getTime()).toBeLessThan(now.getTime());
    expect(published.starts_at.getTime()).toBeLessThan(inReview.starts_at.getTime());
    expect(now.getTime() - published.starts_at.getTime()).toBeLessThan(45 * DAY);
    const [{ due }] = await db.query<{ due: string }[]>(`SELECT min(due_on)::text AS due FROM action_item`);
    expect(due > new Date(now.getTime()).toISOString().slice(0, 10)).toBe(true);
  });

  it('gives mara and ben meetings and open tasks on their first page, and alice a pending join request', async () => {
    const meetings = hub.hub.app.get(MeetingsService);
    const tasks = hub.hub.app.get(ActionItemsService);
    const [mara, ben] = [await viewer('mara'), await viewer('ben')];
    const from = new Date();
    expect((await meetings.upcoming(mara, from, null)).map((m) => m.title)).toContain('Jour fixe re@di (Demo)');
    expect((await meetings.upcoming(ben, from, null)).map((m) => m.title)).toContain('Projektgruppe LoRaWAN: Gateway-Standorte (Demo)');
    expect((await tasks.mine(mara)).map((t) => t.title)).toContain('Vorlage für die Berichte der Projektgruppen verschicken (Demo)');
    expect((await tasks.mine(ben)).map((t) => t.title)).toEqual(expect.arrayContaining(['Betreiberkonzept für das LoRaWAN-Netz entwerfen (Demo)', 'Angebote für zehn Gateways einholen (Demo)']));
    // The next jour fixe: the moderation's items and a member's proposal awaiting her.
    const agenda = await db.query<{ title: string; status: string }[]>(
      `SELECT a.title, a.status FROM agenda_item a WHERE a.meeting_id =
         (SELECT id FROM meeting WHERE series_id IS NOT NULL AND starts_at > $1 ORDER BY starts_at LIMIT 1) ORDER BY a.position`,
      [now],
    );
    // The published protocol's open tasks stand on it first, carried over as the real feature does.
    const carried = agenda.filter((a) => a.title.startsWith('Offener Punkt: '));
    expect(carried).toHaveLength(8);
    const own = agenda.filter((a) => !a.title.startsWith('Offener Punkt: '));
    expect(own.map((a) => a.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'PROPOSED']);
    expect(own[3].title).toBe('Gemeinsame Beschaffung eines Ratsinformationssystems');
    const [request] = await db.query(
      `SELECT r.status, o.name FROM join_request r JOIN organization o ON o.id = r.organization_id JOIN network n ON n.id = r.network_id WHERE n.slug = 'readi'`,
    );
    expect(request).toEqual({ status: 'PENDING', name: 'Stadt Waghäusel' });
    const [seats] = await db.query(`SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed, count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted FROM webinar_registration`);
    expect(seats).toEqual({ confirmed: 3, waitlisted: 1 });
  });

  it('records the outbox events the real operations record', async () => {
    const rows = await db.query<{ type: string; n: number }[]>(`SELECT type, count(*)::int AS n FROM outbox_event GROUP BY type`);
    const types = Object.fromEntries(rows.map((r) => [r.type, r.n]));
    expect(types).toMatchObject({ MeetingSeriesScheduled: 1, ProtocolPublished: expect.any(Number) });
    // The four single meetings; the series' own are announced with MeetingSeriesScheduled.
    expect(types.MeetingScheduled).toBe(4);
  });
});
