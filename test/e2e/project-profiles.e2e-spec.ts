import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '../support/group-fixtures.js';
import { CREATE_PROFILE, knowledgeCast, profile, PROFILE_FIELDS, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { codeOf, TestHub, type GqlResult } from '../support/test-hub.js';

const GET = `query($id: ID!) { projectProfile(id: $id) { ${PROFILE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateProjectProfileInput!) { updateProjectProfile(input: $input) { ${PROFILE_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteProjectProfile(id: $id) }';
const PRIVACY = 'mutation($input: PrivacySettingsInput!) { setPrivacySettings(input: $input) { publicProfile } }';

const fieldOf = (r: GqlResult) => `${r.errors?.[0]?.message} ${JSON.stringify(r.errors?.[0]?.extensions ?? {})}`;

describe('project profiles', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
  });
  afterAll(() => hub.stop());

  const base = () => ({ title: 'LoRaWAN-Pegelmessung', summary: 'Pegel an Bächen automatisch messen', organizationIds: [c.cityA], status: 'RUNNING', visibility: 'NETWORK', networkId: c.networkId });

  it('lists the nine seeded fields of action, also without sign-in', async () => {
    const { fieldsOfAction } = await hub.ok(null, '{ fieldsOfAction { id key name description } }');
    expect(fieldsOfAction).toHaveLength(9);
    expect(fieldsOfAction.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['Tourismus', 'Bildung und Jugend', 'Kommunale Wirtschaft']));
    expect(new Set(fieldsOfAction.map((f: { key: string }) => f.key)).size).toBe(9);
  });

  describe('createProjectProfile', () => {
    it('files a profile for an organization the caller acts for, with every field', async () => {
      const input = {
        ...base(), body: '## Problem\nHochwasser.', fieldOfActionKeys: ['digitale-infrastruktur', 'dorf-und-stadtentwicklung'], tags: ['IoT', ' Sensorik '],
        startedOn: '2025-03-01', costsNote: '12.000 €', fundingNote: 'Landesförderung', contactId: c.colleague.id, links: ['https://example.org/pegel'],
      };
      const { createProjectProfile: p } = await hub.ok(c.member.token, CREATE_PROFILE, { input });
      expect(p).toMatchObject({
        title: input.title, summary: input.summary, body: input.body, tags: ['IoT', 'Sensorik'], status: 'RUNNING', startedOn: '2025-03-01',
        costsNote: '12.000 €', fundingNote: 'Landesförderung', links: input.links, visibility: 'NETWORK', version: 1,
        organizations: [{ id: c.cityA }], contact: { id: c.colleague.id }, createdBy: { id: c.member.id }, network: { id: c.networkId },
      });
      expect(p.fieldsOfAction.map((f: { key: string }) => f.key).sort()).toEqual(['digitale-infrastruktur', 'dorf-und-stadtentwicklung']);
      const [entry] = await sql(hub, `SELECT actor_id, network_id, summary FROM audit_entry WHERE action = 'profile.create' AND subject_id = $1`, [p.id]);
      expect(entry).toMatchObject({ actor_id: c.member.id, network_id: c.networkId });
      expect(entry.summary).toContain('LoRaWAN-Pegelmessung');
    });

    it('role matrix: role holders for their own organization; PUBLIC only for network ADMIN/MODERATOR and hub admins', async () => {
      expect(codeOf(await hub.gql(null, CREATE_PROFILE, { input: base() }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await hub.gql(c.outsider.token, CREATE_PROFILE, { input: { ...base(), networkId: null, visibility: 'HUB' } }))).toBe('FORBIDDEN');
      const foreignOrg = await hub.gql(c.member.token, CREATE_PROFILE, { input: { ...base(), organizationIds: [c.cityB] } });
      expect(codeOf(foreignOrg)).toBe('FORBIDDEN');
      expect(fieldOf(foreignOrg)).toContain('organizationIds');
      // Partner organizations may be named besides one's own.
      await hub.ok(c.member.token, CREATE_PROFILE, { input: { ...base(), organizationIds: [c.cityA, c.cityB] } });
      expect(codeOf(await hub.gql(c.otherMember.token, CREATE_PROFILE, { input: { ...base(), organizationIds: [c.cityB] } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.member.token, CREATE_PROFILE, { input: { ...base(), visibility: 'PUBLIC' } }))).toBe('FORBIDDEN');
      for (const who of [c.agency, c.admin]) {
        const orgs = who === c.agency ? [c.agencyOrg] : [c.cityA];
        const r = await hub.gql(who.token, CREATE_PROFILE, { input: { ...base(), organizationIds: orgs, visibility: 'PUBLIC' } });
        // the network ADMIN acts for no organization: FORBIDDEN for want of one; the MODERATOR publishes
        expect(codeOf(r)).toBe(who === c.admin ? 'FORBIDDEN' : undefined);
      }
      const byOperator = await hub.ok(c.operator.token, CREATE_PROFILE, { input: { ...base(), organizationIds: [c.cityB], visibility: 'PUBLIC', networkId: null } });
      expect(byOperator.createProjectProfile).toMatchObject({ visibility: 'PUBLIC', network: null });
    });

    it.each([
      ['an empty title', { title: '' }, 'title'],
      ['a blank title', { title: '   ' }, 'title'],
      ['an empty summary', { summary: ' ' }, 'summary'],
      ['a summary over 500 characters', { summary: 'x'.repeat(501) }, 'summary'],
      ['a javascript: link', { links: ['javascript:alert(1)'] }, 'links'],
      ['an ftp link', { links: ['ftp://example.org/x'] }, 'links'],
      ['an unknown field key', { fieldOfActionKeys: ['tourismus', 'raumfahrt'] }, 'fieldOfActionKeys'],
      ['no organization', { organizationIds: [] }, 'organizationIds'],
      ['an unknown organization', { organizationIds: ['7d1c0d6e-34a6-4a3e-9f51-6f4f3b1d2c11'] }, 'organizationIds'],
      ['NETWORK without a network', { networkId: null }, 'networkId'],
      ['an unknown contact', { contactId: '7d1c0d6e-34a6-4a3e-9f51-6f4f3b1d2c11' }, 'contactId'],
      ['an invalid start date', { startedOn: '2025-02-30' }, 'Date'],
    ])('answers %s with BAD_USER_INPUT naming the field', async (_, change, field) => {
      const r = await hub.gql(c.member.token, CREATE_PROFILE, { input: { ...base(), ...change } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(fieldOf(r)).toContain(field);
    });

    it('accepts a summary of exactly 500 characters', async () => {
      await hub.ok(c.member.token, CREATE_PROFILE, { input: { ...base(), summary: 'ä'.repeat(500) } });
    });
  });

  describe('who sees a profile', () => {
    it('NETWORK: role holders of its network, its creator and hub admins; others get null', async () => {
      const p = await profile(hub, c.member, base());
      for (const who of [c.member, c.member2, c.admin, c.agency, c.operator]) expect((await hub.ok(who.token, GET, { id: p.id })).projectProfile.id).toBe(p.id);
      for (const token of [c.otherMember.token, c.outsider.token, null]) expect((await hub.ok(token, GET, { id: p.id })).projectProfile).toBeNull();
      expect((await hub.ok(null, GET, { id: 'not-a-uuid' })).projectProfile).toBeNull();
    });

    it('HUB: every signed-in person; PUBLIC: also without sign-in, naming people only with their consent', async () => {
      const hubWide = await profile(hub, c.member, { ...base(), visibility: 'HUB' });
      expect((await hub.ok(c.outsider.token, GET, { id: hubWide.id })).projectProfile.id).toBe(hubWide.id);
      expect((await hub.ok(null, GET, { id: hubWide.id })).projectProfile).toBeNull();

      const pub = await profile(hub, c.agency, { ...base(), organizationIds: [c.agencyOrg], visibility: 'PUBLIC', contactId: c.colleague.id });
      const anonymous = (await hub.ok(null, GET, { id: pub.id })).projectProfile;
      expect(anonymous).toMatchObject({ id: pub.id, contact: null, network: null, createdBy: { id: '00000000-0000-0000-0000-000000000000', displayName: 'Nicht öffentlich genannt' } });
      await hub.ok(c.agency.token, PRIVACY, { input: { publicProfile: true } });
      await hub.ok(c.colleague.token, PRIVACY, { input: { publicProfile: true } });
      const consented = (await hub.ok(null, `query($id: ID!) { projectProfile(id: $id) { createdBy { id email } contact { id } } }`, { id: pub.id })).projectProfile;
      expect(consented).toEqual({ createdBy: { id: c.agency.id, email: null }, contact: { id: c.colleague.id } });
      expect((await hub.ok(c.outsider.token, GET, { id: pub.id })).projectProfile.network).toEqual({ id: c.networkId });
    });
  });

  describe('updateProjectProfile', () => {
    it('changes what is given, clears what is null, and raises the version', async () => {
      const p = await profile(hub, c.member, { ...base(), body: 'Alt', fieldOfActionKeys: ['tourismus'] });
      const { updateProjectProfile: u } = await hub.ok(c.colleague.token, UPDATE, {
        input: { id: p.id, expectedVersion: 1, title: 'Neu', body: null, fieldOfActionKeys: ['alltagsleben', 'tourismus'], status: 'COMPLETED' },
      });
      expect(u).toMatchObject({ title: 'Neu', summary: base().summary, body: null, status: 'COMPLETED', version: 2 });
      expect(u.fieldsOfAction.map((f: { key: string }) => f.key)).toEqual(['tourismus', 'alltagsleben']);
    });

    it('a stale expectedVersion is CONFLICT with currentVersion, and nothing is lost', async () => {
      const p = await profile(hub, c.member, base());
      await hub.ok(c.member.token, UPDATE, { input: { id: p.id, expectedVersion: 1, summary: 'Erste Änderung' } });
      const stale = await hub.gql(c.colleague.token, UPDATE, { input: { id: p.id, expectedVersion: 1, summary: 'Zweite Änderung' } });
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(stale.errors![0].extensions!.currentVersion).toBe(2);
      expect((await hub.ok(c.member.token, GET, { id: p.id })).projectProfile).toMatchObject({ summary: 'Erste Änderung', version: 2 });
    });

    it('of 10 concurrent changes on the same version exactly one wins', async () => {
      const p = await profile(hub, c.member, base());
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => hub.gql(c.member.token, UPDATE, { input: { id: p.id, expectedVersion: 1, summary: `Fassung ${i}` } })),
      );
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(9);
      const now = (await hub.ok(c.member.token, GET, { id: p.id })).projectProfile;
      expect(now).toMatchObject({ version: 2, summary: winners[0].data.updateProjectProfile.summary });
    });

    it('role matrix: creator, colleagues of its organizations, network ADMIN/MODERATOR, hub admins', async () => {
      const p = await profile(hub, c.member, base());
      let version = 1;
      for (const who of [c.member, c.colleague, c.agency, c.admin, c.operator]) {
        const { updateProjectProfile: u } = await hub.ok(who.token, UPDATE, { input: { id: p.id, expectedVersion: version, tags: [who.username] } });
        version = u.version;
      }
      expect(version).toBe(6);
      expect(codeOf(await hub.gql(c.member2.token, UPDATE, { input: { id: p.id, expectedVersion: version, tags: ['x'] } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.otherMember.token, UPDATE, { input: { id: p.id, expectedVersion: version, tags: ['x'] } }))).toBe('NOT_FOUND');
      expect(codeOf(await hub.gql(null, UPDATE, { input: { id: p.id, expectedVersion: version, tags: ['x'] } }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await hub.gql(c.member.token, UPDATE, { input: { id: p.id, expectedVersion: version, visibility: 'PUBLIC' } }))).toBe('FORBIDDEN');
      await hub.ok(c.agency.token, UPDATE, { input: { id: p.id, expectedVersion: version, visibility: 'PUBLIC' } });
      const [entry] = await sql(hub, `SELECT actor_id, summary FROM audit_entry WHERE action = 'profile.visibility.set' AND subject_id = $1`, [p.id]);
      expect(entry).toMatchObject({ actor_id: c.agency.id });
      expect(entry.summary).toContain('nur im Netzwerk → öffentlich');
    });

    it.each([
      ['an empty title', { title: '' }, 'title'],
      ['a summary over 500 characters', { summary: 's'.repeat(501) }, 'summary'],
      ['a non-http link', { links: ['mailto:a@example.org'] }, 'links'],
      ['an unknown field key', { fieldOfActionKeys: ['gibtsnicht'] }, 'fieldOfActionKeys'],
    ])('answers %s with BAD_USER_INPUT', async (_, change, field) => {
      const p = await profile(hub, c.member, base());
      const r = await hub.gql(c.member.token, UPDATE, { input: { id: p.id, expectedVersion: 1, ...change } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(fieldOf(r)).toContain(field);
    });
  });

  describe('deleteProjectProfile', () => {
    it('its creator or network ADMIN/MODERATOR; colleagues FORBIDDEN, outsiders NOT_FOUND', async () => {
      const p = await profile(hub, c.member, base());
      expect(codeOf(await hub.gql(c.colleague.token, DELETE, { id: p.id }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.otherMember.token, DELETE, { id: p.id }))).toBe('NOT_FOUND');
      expect((await hub.ok(c.member.token, DELETE, { id: p.id })).deleteProjectProfile).toBe(true);
      expect((await hub.ok(c.member.token, GET, { id: p.id })).projectProfile).toBeNull();
      expect(codeOf(await hub.gql(c.member.token, DELETE, { id: p.id }))).toBe('NOT_FOUND');
      const q = await profile(hub, c.member, base());
      expect((await hub.ok(c.agency.token, DELETE, { id: q.id })).deleteProjectProfile).toBe(true);
      expect(await sql(hub, `SELECT actor_id FROM audit_entry WHERE action = 'profile.delete' AND subject_id = ANY($1) ORDER BY at`, [[p.id, q.id]])).toEqual([
        { actor_id: c.member.id }, { actor_id: c.agency.id },
      ]);
    });
  });
});
