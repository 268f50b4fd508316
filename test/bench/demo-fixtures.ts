// The pages' objects in the demo data (what `npm start` serves): alice, ADMIN of re@di and member of
// its Fachgruppe, opens the Fachgruppe and its last meeting with a protocol (entries and decisions).
import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { devSubject } from '../../src/auth/dev-keys.js';
import { DEV_ISSUER } from '../../src/config/config.js';
import { seedDemoActivity } from '../../src/database/seed/demo-activity.js';
import { seedDemo } from '../../src/database/seed/demo-seed.js';
import type { PageFixtures } from './pages.js';

/** Seeds the demo (networks, then the activity through the services) and finds the pages' objects. */
export async function seedDemoPages(app: INestApplicationContext): Promise<PageFixtures> {
  const db = app.get(DataSource);
  await seedDemo(db);
  await seedDemoActivity(app);
  return demoFixtures(db, 'alice');
}

/** The pages' objects for `viewer` in data that holds them (demo or Land): their network, group, protocol meeting. */
export async function demoFixtures(db: DataSource, viewer: string, slug = 'readi'): Promise<PageFixtures> {
  const [person] = await db.query<{ id: string }[]>(`SELECT id FROM person WHERE issuer = $1 AND subject = $2`, [DEV_ISSUER, devSubject(viewer)]);
  if (!person) throw new Error(`no person ${viewer}`);
  const [network] = await db.query<{ id: string }[]>(`SELECT id FROM network WHERE slug = $1`, [slug]);
  // The viewer's group in that network whose latest past meeting has a protocol with entries and decisions.
  const [meeting] = await db.query<{ id: string; group_id: string }[]>(
    `SELECT m.id, m.group_id FROM meeting m JOIN work_group g ON g.id = m.group_id
       JOIN group_member gm ON gm.group_id = g.id AND gm.person_id = $1 AND gm.until IS NULL
       JOIN protocol p ON p.meeting_id = m.id
      WHERE g.network_id = $2 AND m.starts_at < now()
        AND EXISTS (SELECT 1 FROM protocol_entry e WHERE e.protocol_id = p.id) AND EXISTS (SELECT 1 FROM decision d WHERE d.protocol_id = p.id)
      ORDER BY m.starts_at DESC LIMIT 1`,
    [person.id, network.id],
  );
  if (!meeting) throw new Error(`${viewer} has no meeting with a protocol in ${slug}`);
  const token = randomBytes(24).toString('base64url');
  await db.query(`UPDATE person SET calendar_token = coalesce(calendar_token, $2) WHERE id = $1`, [person.id, token]);
  const [{ calendar_token: feed }] = await db.query<{ calendar_token: string }[]>(`SELECT calendar_token FROM person WHERE id = $1`, [person.id]);
  const [profile] = await db.query<{ title: string }[]>(`SELECT title FROM project_profile ORDER BY title LIMIT 1`);
  const searchWord = (profile?.title ?? 'Digital').split(/\s+/).find((w) => w.length >= 5) ?? 'Digital';
  return {
    viewer,
    slug,
    groupId: meeting.group_id,
    meetingId: meeting.id,
    searchWord,
    feedPath: `/calendar/${feed}.ics`,
    oparlPath: `/oparl/v1/bodies/${network.id}/meetings`,
    now: new Date(),
  };
}
