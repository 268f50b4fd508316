import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, addMember, network, organization, setRole, uniq, type Actor } from '../support/factories.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const CREATE_ORG = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind federalState municipalityKey website } }';
const CREATE_NETWORK = 'mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug joinPolicy moderatorOrganization { id } members { organization { id } status since } people { role person { id } } } }';
const ADD_MEMBER = 'mutation($input: AddNetworkMemberInput!) { addNetworkMember(input: $input) { organization { id } status since until } }';
const REMOVE_MEMBER = 'mutation($input: RemoveNetworkMemberInput!) { removeNetworkMember(input: $input) { organization { id } status since until } }';
const SET_ROLE = 'mutation($input: SetNetworkRoleInput!) { setNetworkRole(input: $input) { role person { id } organization { id } } }';
const NETWORK = `query($slug: String!) { network(slug: $slug) {
  id slug name description joinPolicy matrixSpaceId moderatorOrganization { id }
  members { organization { id } status } people { role person { id email } organization { id } } groups { id } joinRequests { id } } }`;

describe('organizations and networks', () => {
  let hub: TestHub;
  let root: Actor; // hub admin
  let adminA: Actor; // network ADMIN of A only
  let memberA: Actor; // network MEMBER of A
  let adminB: Actor;
  let outsider: Actor;
  let netA: { id: string; slug: string };
  let netB: { id: string; slug: string };
  let secret: { id: string; slug: string };
  let cityA: string;
  let cityB: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    root = await actor(hub, 'root', { admin: true });
    [adminA, memberA, adminB, outsider] = await Promise.all(['admin-a', 'member-a', 'admin-b', 'outsider'].map((n) => actor(hub, n)));
    [cityA, cityB] = await Promise.all([organization(hub, root, 'Bretten'), organization(hub, root, 'Trier')]);
    netA = await network(hub, root, 'APPROVAL');
    netB = await network(hub, root, 'APPROVAL');
    secret = await network(hub, root, 'INVITE_ONLY');
    await addMember(hub, root, netA.id, cityA);
    await addMember(hub, root, netB.id, cityB);
    await setRole(hub, root, netA.id, adminA.id, 'ADMIN', cityA);
    await setRole(hub, root, netA.id, memberA.id, 'MEMBER', cityA);
    await setRole(hub, root, netB.id, adminB.id, 'ADMIN', cityB);
  });
  afterAll(() => hub.stop());

  describe('createOrganization', () => {
    it('lets a hub admin create one', async () => {
      const key = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
      const { createOrganization } = await hub.ok(root.token, CREATE_ORG, {
        input: { name: 'Stadtwerke Ettlingen', kind: 'MUNICIPAL_UTILITY', federalState: 'DE-BW', municipalityKey: key, website: 'https://www.sw-ettlingen.de' },
      });
      expect(createOrganization).toMatchObject({ name: 'Stadtwerke Ettlingen', kind: 'MUNICIPAL_UTILITY', federalState: 'DE-BW', municipalityKey: key });
      const dup = await hub.gql(root.token, CREATE_ORG, { input: { name: 'Doppelt', kind: 'MUNICIPALITY', municipalityKey: key } });
      expect(codeOf(dup)).toBe('BAD_USER_INPUT');
      expect(dup.errors![0].message).toContain('municipalityKey');
    });

    it('denies everyone else', async () => {
      expect(codeOf(await hub.gql(adminA.token, CREATE_ORG, { input: { name: 'X', kind: 'MUNICIPALITY' } }))).toBe('FORBIDDEN');
    });

    it.each([
      [{ name: '  ', kind: 'MUNICIPALITY' }, 'name'],
      [{ name: 'X', kind: 'MUNICIPALITY', municipalityKey: '0821500' }, 'municipalityKey'],
      [{ name: 'X', kind: 'MUNICIPALITY', municipalityKey: '0821500a' }, 'municipalityKey'],
      [{ name: 'X', kind: 'MUNICIPALITY', federalState: 'BW' }, 'federalState'],
      [{ name: 'X', kind: 'CITY' }, 'kind'],
      [{ name: 'X', kind: 'MUNICIPALITY', website: 'javascript:alert(1)' }, 'website'],
    ])('refuses %j naming %s', async (input, field) => {
      const result = await hub.gql(root.token, CREATE_ORG, { input });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain(field);
    });
  });

  describe('createNetwork', () => {
    it('lets a hub admin create one and makes them its ADMIN; the moderating agency becomes a member', async () => {
      const agency = await organization(hub, root, 'Agentur', { kind: 'AGENCY' });
      const slug = `readi-${uniq()}`;
      const { createNetwork } = await hub.ok(root.token, CREATE_NETWORK, {
        input: { slug, name: 're@di', joinPolicy: 'APPROVAL', moderatorOrganizationId: agency },
      });
      expect(createNetwork).toMatchObject({ slug, joinPolicy: 'APPROVAL', moderatorOrganization: { id: agency } });
      expect(createNetwork.people).toEqual([{ role: 'ADMIN', person: { id: root.id } }]);
      expect(createNetwork.members).toEqual([{ organization: { id: agency }, status: 'ACTIVE', since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    });

    it('denies a network admin who is not a hub admin', async () => {
      const result = await hub.gql(adminA.token, CREATE_NETWORK, { input: { slug: `x-${uniq()}`, name: 'X', joinPolicy: 'OPEN' } });
      expect(codeOf(result)).toBe('FORBIDDEN');
    });

    it.each([
      [{ slug: 'Großstadt', name: 'X', joinPolicy: 'OPEN' }, 'slug'],
      [{ slug: 'a', name: 'X', joinPolicy: 'OPEN' }, 'slug'],
      [{ slug: 'x'.repeat(51), name: 'X', joinPolicy: 'OPEN' }, 'slug'],
      [{ slug: 'ok-slug', name: '', joinPolicy: 'OPEN' }, 'name'],
      [{ slug: 'ok-slug', name: 'X', joinPolicy: 'MAYBE' }, 'joinPolicy'],
      [{ slug: 'ok-slug', name: 'X', joinPolicy: 'OPEN', moderatorOrganizationId: '00000000-0000-4000-8000-000000000000' }, 'moderatorOrganizationId'],
    ])('refuses %j naming %s', async (input, field) => {
      const result = await hub.gql(root.token, CREATE_NETWORK, { input });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain(field);
    });

    it('refuses a duplicate slug', async () => {
      const result = await hub.gql(root.token, CREATE_NETWORK, { input: { slug: netA.slug, name: 'Zweites', joinPolicy: 'OPEN' } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/^slug: „.*“ ist bereits vergeben$/);
    });
  });

  describe('addNetworkMember and removeNetworkMember', () => {
    it('let a network ADMIN add an organization, end its membership and keep the history', async () => {
      const city = await organization(hub, root, 'Rastatt');
      const added = await hub.ok(adminA.token, ADD_MEMBER, { input: { networkId: netA.id, organizationId: city } });
      expect(added.addNetworkMember).toMatchObject({ organization: { id: city }, status: 'ACTIVE', until: null });
      const again = await hub.ok(adminA.token, ADD_MEMBER, { input: { networkId: netA.id, organizationId: city } });
      expect(again.addNetworkMember.since).toBe(added.addNetworkMember.since);

      const ended = await hub.ok(adminA.token, REMOVE_MEMBER, { input: { networkId: netA.id, organizationId: city } });
      expect(ended.removeNetworkMember).toMatchObject({ status: 'ENDED', until: expect.stringMatching(/^\d{4}-/) });
      const { network: after } = await hub.ok(adminA.token, NETWORK, { slug: netA.slug });
      expect(after.members.map((m: { organization: { id: string } }) => m.organization.id)).not.toContain(city);

      const rejoined = await hub.ok(adminA.token, ADD_MEMBER, { input: { networkId: netA.id, organizationId: city } });
      expect(rejoined.addNetworkMember).toMatchObject({ status: 'ACTIVE', until: null });
      const removeAgain = await hub.gql(adminA.token, REMOVE_MEMBER, { input: { networkId: netA.id, organizationId: cityB } });
      expect(codeOf(removeAgain)).toBe('BAD_USER_INPUT');
    });

    it('deny a MEMBER of the network', async () => {
      expect(codeOf(await hub.gql(memberA.token, ADD_MEMBER, { input: { networkId: netA.id, organizationId: cityB } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(memberA.token, REMOVE_MEMBER, { input: { networkId: netA.id, organizationId: cityA } }))).toBe('FORBIDDEN');
    });

    it('refuse an unknown organization naming the field', async () => {
      const result = await hub.gql(adminA.token, ADD_MEMBER, { input: { networkId: netA.id, organizationId: '00000000-0000-4000-8000-000000000000' } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain('organizationId');
    });
  });

  describe('setNetworkRole', () => {
    it('lets a network ADMIN give and change roles on behalf of a member organization', async () => {
      const person = await actor(hub, 'digitallotse');
      const set = await hub.ok(adminA.token, SET_ROLE, { input: { networkId: netA.id, personId: person.id, role: 'MODERATOR', organizationId: cityA } });
      expect(set.setNetworkRole).toEqual({ role: 'MODERATOR', person: { id: person.id }, organization: { id: cityA } });
      const changed = await hub.ok(adminA.token, SET_ROLE, { input: { networkId: netA.id, personId: person.id, role: 'MEMBER' } });
      expect(changed.setNetworkRole).toEqual({ role: 'MEMBER', person: { id: person.id }, organization: null });
    });

    it('denies a MEMBER', async () => {
      const result = await hub.gql(memberA.token, SET_ROLE, { input: { networkId: netA.id, personId: memberA.id, role: 'ADMIN' } });
      expect(codeOf(result)).toBe('FORBIDDEN');
    });

    it('refuses an organization that is not a member, an unknown person, and removing the last ADMIN', async () => {
      const notMember = await hub.gql(adminA.token, SET_ROLE, { input: { networkId: netA.id, personId: memberA.id, role: 'MEMBER', organizationId: cityB } });
      expect(notMember.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('organizationId') });
      const unknown = await hub.gql(adminA.token, SET_ROLE, { input: { networkId: netA.id, personId: '00000000-0000-4000-8000-000000000000', role: 'MEMBER' } });
      expect(unknown.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('personId') });

      const solo = await network(hub, root, 'OPEN');
      const last = await hub.gql(root.token, SET_ROLE, { input: { networkId: solo.id, personId: root.id, role: 'MEMBER' } });
      expect(last.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('mindestens eine Person in der Administration') });
    });
  });

  describe('personByEmail', () => {
    it('lets network ADMINs find someone who signed in, by exact e-mail only', async () => {
      const { personByEmail } = await hub.ok(adminA.token, 'query($e: String!) { personByEmail(email: $e) { id } }', { e: `${memberA.username.toUpperCase()}@example.org` });
      expect(personByEmail).toEqual({ id: memberA.id });
      expect((await hub.ok(adminA.token, 'query($e: String!) { personByEmail(email: $e) { id } }', { e: 'example.org' })).personByEmail).toBeNull();
    });

    it('denies network members who are not ADMINs', async () => {
      expect(codeOf(await hub.gql(memberA.token, 'query($e: String!) { personByEmail(email: $e) { id } }', { e: `${adminA.username}@example.org` }))).toBe('FORBIDDEN');
    });
  });

  describe('visibility', () => {
    it('shows members the whole network', async () => {
      const { network: seen } = await hub.ok(memberA.token, NETWORK, { slug: netA.slug });
      expect(seen.members.length).toBeGreaterThan(0);
      expect(seen.people.map((p: { person: { id: string } }) => p.person.id)).toEqual(expect.arrayContaining([adminA.id, memberA.id]));
      expect(seen.joinRequests).toEqual([]); // ADMINs only
    });

    it('shows others only the public face, and INVITE_ONLY networks not at all', async () => {
      const { network: face } = await hub.ok(outsider.token, NETWORK, { slug: netA.slug });
      expect(face).toMatchObject({ id: netA.id, slug: netA.slug, joinPolicy: 'APPROVAL', members: [], people: [], groups: [], joinRequests: [], moderatorOrganization: null });
      expect((await hub.ok(outsider.token, NETWORK, { slug: secret.slug })).network).toBeNull();
      const { networks } = await hub.ok(outsider.token, '{ networks { slug } }');
      const slugs = networks.map((n: { slug: string }) => n.slug);
      expect(slugs).toEqual(expect.arrayContaining([netA.slug, netB.slug]));
      expect(slugs).not.toContain(secret.slug);
    });

    it('shows e-mail addresses to the person, the network ADMINs and hub admins only', async () => {
      const emailOf = async (viewer: Actor, id: string) => {
        const { network: n } = await hub.ok(viewer.token, NETWORK, { slug: netA.slug });
        return n.people.find((p: { person: { id: string } }) => p.person.id === id).person.email;
      };
      expect(await emailOf(memberA, adminA.id)).toBeNull();
      expect(await emailOf(memberA, memberA.id)).toBe(`${memberA.username}@example.org`);
      expect(await emailOf(adminA, memberA.id)).toBe(`${memberA.username}@example.org`);
      expect(await emailOf(root, memberA.id)).toBe(`${memberA.username}@example.org`);
    });
  });

  describe('cross-network isolation', () => {
    it('an ADMIN of network A reads nothing of network B but its public face', async () => {
      const { network: b } = await hub.ok(adminA.token, NETWORK, { slug: netB.slug });
      expect(b).toMatchObject({ members: [], people: [], groups: [], joinRequests: [] });
    });

    it('an ADMIN of network A changes nothing in network B', async () => {
      const attempts = await Promise.all([
        hub.gql(adminA.token, ADD_MEMBER, { input: { networkId: netB.id, organizationId: cityA } }),
        hub.gql(adminA.token, REMOVE_MEMBER, { input: { networkId: netB.id, organizationId: cityB } }),
        hub.gql(adminA.token, SET_ROLE, { input: { networkId: netB.id, personId: adminA.id, role: 'ADMIN' } }),
        hub.gql(adminA.token, 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', { input: { networkId: netB.id, level: 'PLENUM', name: 'Übernahme' } }),
      ]);
      expect(attempts.map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    });

    it('an ADMIN of network A cannot even find an INVITE_ONLY network B', async () => {
      const attempts = await Promise.all([
        hub.gql(adminA.token, ADD_MEMBER, { input: { networkId: secret.id, organizationId: cityA } }),
        hub.gql(adminA.token, SET_ROLE, { input: { networkId: secret.id, personId: adminA.id, role: 'ADMIN' } }),
      ]);
      expect(attempts.map(codeOf)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      const { network: b } = await hub.ok(adminB.token, NETWORK, { slug: netB.slug });
      expect(b.people.map((p: { person: { id: string } }) => p.person.id)).not.toContain(adminA.id);
    });
  });
});
