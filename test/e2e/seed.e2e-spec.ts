import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../src/database/seed/demo-seed.js';
import { actor } from '../support/factories.js';
import { TestHub } from '../support/test-hub.js';

describe('npm run seed:demo', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(() => hub.stop());

  const count = async (db: DataSource) => {
    const [row] = await db.query(`SELECT
      (SELECT count(*) FROM organization)::int AS organizations, (SELECT count(*) FROM network)::int AS networks,
      (SELECT count(*) FROM work_group)::int AS groups, (SELECT count(*) FROM network_membership)::int AS memberships,
      (SELECT count(*) FROM network_role)::int AS roles, (SELECT count(*) FROM group_member)::int AS group_members,
      (SELECT count(*) FROM project_profile)::int AS profiles`);
    return row;
  };

  it('loads re@di and IKONE, and a second run changes nothing', async () => {
    const db = hub.hub.app.get(DataSource);
    await seedDemo(db);
    const once = await count(db);
    await seedDemo(db);
    expect(await count(db)).toEqual(once);

    const root = await actor(hub, 'root', { admin: true });
    const { network } = await hub.ok(root.token, `{ network(slug: "readi") { name moderatorOrganization { kind }
      members { organization { name federalState } }
      groups { name level parent { name } leadOrganization { name } } } }`);
    expect(network.members.map((m: { organization: { name: string } }) => m.organization.name)).toEqual(
      expect.arrayContaining(['Stadt Baden-Baden', 'Stadt Bretten', 'Stadt Bruchsal', 'Stadt Bühl', 'Stadt Gaggenau', 'Stadt Ettlingen', 'Stadt Rastatt', 'Stadt Rheinstetten', 'Stadt Stutensee']),
    );
    expect(network.moderatorOrganization).toEqual({ kind: 'AGENCY' });
    const projects = network.groups.filter((g: { level: string }) => g.level === 'PROJECT_GROUP');
    expect(projects).toHaveLength(3);
    for (const p of projects) expect(p).toMatchObject({ parent: { name: 'Fachgruppe Digitalisierung' }, leadOrganization: { name: expect.any(String) } });
    expect(network.groups.filter((g: { level: string }) => g.level === 'PLENUM')).toHaveLength(1);

    const { network: ikone } = await hub.ok(root.token, '{ network(slug: "ikone") { groups { level } members { organization { federalState } } } }');
    expect(ikone.groups).toEqual([{ level: 'PLENUM' }]);
    expect(new Set(ikone.members.map((m: { organization: { federalState: string } }) => m.organization.federalState))).toEqual(new Set(['DE-RP']));
  });

  it('files a handful of illustrative profiles, marked as such and found by the search', async () => {
    await seedDemo(hub.hub.app.get(DataSource));
    const { searchProjectProfiles } = await hub.ok(null, '{ searchProjectProfiles(query: "Gästekarte") { total hits { profile { title body visibility fieldsOfAction { key } } } } }');
    expect(searchProjectProfiles.hits.map((h: { profile: { title: string } }) => h.profile.title)).toContain('Digitale Gästekarte (Demo)');
    const gast = searchProjectProfiles.hits.find((h: { profile: { title: string } }) => h.profile.title === 'Digitale Gästekarte (Demo)').profile;
    expect(gast).toMatchObject({ visibility: 'PUBLIC', fieldsOfAction: [{ key: 'tourismus' }] });
    expect(gast.body).toContain('Illustratives Beispiel');
  });
});
