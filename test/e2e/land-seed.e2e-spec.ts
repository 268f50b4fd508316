import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { loadOrCreateDevKey, signDevToken } from '../../src/auth/dev-keys.js';
import { landCounts, LAND_VIEWER, seedLand } from '../bench/land-seed.js';
import { PAGE_DOCUMENTS, type PageFixtures } from '../bench/pages.js';
import { freshDatabase, TestHub } from '../support/test-hub.js';

/** Every generated row's key and content (ids, names, titles, states), as one hash. */
const CHECKSUM = `SELECT md5(string_agg(x, '|' ORDER BY x)) AS sum FROM (
  SELECT concat_ws(':', id, name, kind) FROM organization UNION ALL SELECT concat_ws(':', id, subject, display_name) FROM person
  UNION ALL SELECT concat_ws(':', id, slug, name) FROM network UNION ALL SELECT concat_ws(':', network_id, person_id, role) FROM network_role
  UNION ALL SELECT concat_ws(':', id, network_id, coalesce(parent_id::text, '-'), level, name) FROM work_group
  UNION ALL SELECT concat_ws(':', group_id, person_id, role) FROM group_member UNION ALL SELECT concat_ws(':', id, group_id, title, cancelled) FROM meeting
  UNION ALL SELECT concat_ws(':', id, position, title, coalesce(presenter_id::text, '-'), status) FROM agenda_item
  UNION ALL SELECT concat_ws(':', meeting_id, person_id, status) FROM attendance UNION ALL SELECT concat_ws(':', id, status, version) FROM protocol
  UNION ALL SELECT concat_ws(':', protocol_id, agenda_item_id, notes) FROM protocol_entry UNION ALL SELECT concat_ws(':', id, text) FROM decision
  UNION ALL SELECT concat_ws(':', id, title, status) FROM action_item UNION ALL SELECT concat_ws(':', id, title, visibility) FROM project_profile
  UNION ALL SELECT concat_ws(':', meeting_id, person_id, answer) FROM rsvp_answer) AS rows(x)`;

interface Seeded {
  counts: Record<string, number>;
  checksum: string;
  fixtures: PageFixtures;
}

/**
 * Issue 24.2: the Land generator gives the same rows at the same scale, in the shape of a Land
 * (people in several groups and networks, groups under parents), and the pages' fixtures it returns
 * are objects the hub answers the page documents for.
 */
describe('Land generator', () => {
  const seeded: Seeded[] = [];
  let hub: TestHub | undefined;
  let token = '';

  async function seedInto(label: string): Promise<Seeded> {
    await hub?.stop();
    hub = await TestHub.start({ DATABASE_URL: await freshDatabase(label), KEYCLOAK_URL: '' });
    const db = hub.hub.app.get(DataSource);
    const fixtures = await seedLand(db, 0.01, { checkConstraints: true });
    const [{ sum }] = await db.query<{ sum: string }[]>(CHECKSUM);
    return { counts: await landCounts(db), checksum: sum, fixtures };
  }

  beforeAll(async () => {
    seeded.push(await seedInto('land_a'));
    seeded.push(await seedInto('land_b'));
    const { config } = hub!.hub;
    token = await signDevToken(await loadOrCreateDevKey(config.dataDir), config.auth.clientId, LAND_VIEWER, { name: 'Lena Landes (Bench)' });
  }, 240_000);
  afterAll(() => hub?.stop());

  it('seeds the same rows twice: counts, content and fixtures', () => {
    const [a, b] = seeded;
    expect(b.counts).toEqual(a.counts);
    expect(b.checksum).toBe(a.checksum);
    expect({ ...b.fixtures, feedPath: '', now: null }).toEqual({ ...a.fixtures, feedPath: '', now: null });
    for (const [table, n] of Object.entries(a.counts)) expect([table, n > 0]).toEqual([table, true]);
  });

  it('has the shape of a Land: people in several groups and networks, groups under parents, a protocol for most held meetings', async () => {
    const db = hub!.hub.app.get(DataSource);
    const [shape] = await db.query(
      `SELECT (SELECT count(*) FROM group_member)::float / (SELECT count(*) FROM person) AS memberships_per_person,
              (SELECT count(*) FROM (SELECT person_id FROM network_role GROUP BY person_id HAVING count(*) >= 2) s)::float / (SELECT count(*) FROM person) AS in_two_networks,
              (SELECT count(*) FROM network_role r JOIN network n ON n.id = r.network_id WHERE n.slug = 'bw')::float / (SELECT count(*) FROM person) AS bw_share,
              (SELECT count(*) FROM work_group WHERE level <> 'PLENUM' AND parent_id IS NULL)::int AS orphans,
              (SELECT count(*) FROM work_group WHERE parent_id IS NOT NULL)::float / (SELECT count(*) FROM work_group) AS with_parent,
              (SELECT count(DISTINCT network_id) FROM work_group WHERE level = 'PLENUM')::int = (SELECT count(*) FROM network)::int AS plenum_each,
              (SELECT count(*) FROM agenda_item)::float / (SELECT count(*) FROM meeting) AS items_per_meeting,
              (SELECT count(*) FROM protocol)::float / (SELECT count(*) FROM meeting WHERE has_record) AS protocols_per_held,
              (SELECT count(*) FROM protocol WHERE status = 'PUBLISHED')::int AS published`,
    );
    expect(shape.memberships_per_person).toBeGreaterThan(2);
    expect(shape.in_two_networks).toBeGreaterThan(0.2);
    expect(shape.bw_share).toBeGreaterThan(0.05);
    expect(shape.bw_share).toBeLessThan(0.3);
    expect(shape.orphans).toBe(0);
    expect(shape.with_parent).toBeGreaterThan(0.8);
    expect(shape.plenum_each).toBe(true);
    expect(shape.items_per_meeting).toBeGreaterThanOrEqual(5);
    expect(shape.items_per_meeting).toBeLessThanOrEqual(6);
    expect(shape.protocols_per_held).toBeGreaterThan(0.5);
    expect(shape.protocols_per_held).toBeLessThan(0.8);
    expect(shape.published).toBeGreaterThan(0);
  });

  it('gives fixtures the hub answers every page document for, as the viewer, without errors', async () => {
    const fixtures = seeded[1].fixtures;
    for (const doc of PAGE_DOCUMENTS) {
      const res = await hub!.gql(token, doc.query, doc.variables(fixtures));
      expect([doc.name, res.status, res.errors ?? []]).toEqual([doc.name, 200, []]);
    }
    const group = PAGE_DOCUMENTS.find((d) => d.name === 'GroupPage')!;
    const { group: g } = await hub!.ok(token, group.query, group.variables(fixtures));
    expect(g.id).toBe(fixtures.groupId);
    const meeting = PAGE_DOCUMENTS.find((d) => d.name === 'MeetingPage')!;
    const { meeting: m } = await hub!.ok(token, meeting.query, meeting.variables(fixtures));
    expect(m.agenda.length).toBeGreaterThanOrEqual(5);
    expect(m.attendance.length).toBeGreaterThan(0);
    expect(m.protocol.entries.length).toBeGreaterThan(0);
    expect(m.protocol.decisions.length).toBeGreaterThan(0);
    expect(m.group.members.some((member: { person: { displayName: string } }) => member.person.displayName === 'Lena Landes (Bench)')).toBe(true);
  });
});
