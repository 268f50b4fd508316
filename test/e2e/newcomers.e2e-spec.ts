import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, addMember, group, network, organization, setRole, type Actor } from '../support/factories.js';
import { sql } from '../support/group-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const OVERVIEW = `query($slug: String!) { network(slug: $slug) { id myRole groups { id } members { organization { id } }
  groupOverview { id name level description joinPolicy memberCount leadOrganization { id name } } joinableOrganizations { id } } }`;
const REQUEST = 'mutation($input: RequestNetworkMembershipInput!) { requestNetworkMembership(input: $input) { id status } }';
const CREATE_GROUP = 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id memberCount members { role person { id } organization { id } } } }';

/** A way in for a new city (issue 22 item 2). */
describe('newcomers', () => {
  let hub: TestHub;
  let operator: Actor;
  let admin: Actor;
  let newcomer: Actor;
  let memberOfficer: Actor;
  let net: { id: string; slug: string };
  let gaggenau: string;
  let rastatt: string;
  let project: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    operator = await actor(hub, 'operator', { admin: true });
    [admin, newcomer, memberOfficer] = await Promise.all(['admin', 'newcomer', 'officer'].map((n) => actor(hub, n)));
    net = await network(hub, operator);
    await setRole(hub, operator, net.id, admin.id, 'ADMIN');
    gaggenau = await organization(hub, operator, 'Stadt Gaggenau');
    rastatt = await organization(hub, operator, 'Stadt Rastatt');
    await addMember(hub, operator, net.id, gaggenau);
    await setRole(hub, operator, net.id, memberOfficer.id, 'MEMBER', gaggenau);
    await group(hub, admin, net.id, 'PLENUM', { name: 'Plenum', description: 'Alle Mitgliedsstädte' });
    project = await group(hub, admin, net.id, 'PROJECT_GROUP', { name: 'Mängelmelder', description: 'Gemeinsamer Mängelmelder', leadOrganizationId: gaggenau, leadPersonId: memberOfficer.id });
  });
  afterAll(() => hub.stop());

  it("a signed-in person of no member city sees the network's groups and what they do, but not their members", async () => {
    const { network: seen } = await hub.ok(newcomer.token, OVERVIEW, { slug: net.slug });
    expect(seen.myRole).toBeNull();
    expect(seen.groups).toEqual([]);
    expect(seen.members).toEqual([]);
    expect(seen.groupOverview).toEqual([
      expect.objectContaining({ name: 'Plenum', level: 'PLENUM', description: 'Alle Mitgliedsstädte', memberCount: 0, leadOrganization: null }),
      expect.objectContaining({ id: project, name: 'Mängelmelder', level: 'PROJECT_GROUP', joinPolicy: 'APPROVAL', memberCount: 1, leadOrganization: { id: gaggenau, name: expect.stringMatching(/^Stadt Gaggenau/) } }),
    ]);
    // The group itself (members, meetings) stays NOT_FOUND for them.
    const page = await hub.gql(newcomer.token, 'query($id: ID!) { group(id: $id) { id members { role } } }', { id: project });
    expect(page.data?.group ?? null).toBeNull();
    expect((await hub.gql(null, OVERVIEW, { slug: net.slug })).data?.network ?? null).toBeNull();
  });

  it('the "our organisation joins" choices: own organisations and those not yet members, never another member', async () => {
    const ids = async (who: Actor) => (await hub.ok(who.token, OVERVIEW, { slug: net.slug })).network.joinableOrganizations.map((o: { id: string }) => o.id);
    const forNewcomer = await ids(newcomer);
    expect(forNewcomer).toContain(rastatt);
    expect(forNewcomer).not.toContain(gaggenau);
    expect(await ids(memberOfficer)).toContain(gaggenau); // their own
    const refused = await hub.gql(newcomer.token, REQUEST, { input: { networkId: net.id, organizationId: gaggenau } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toContain('organizationId');
    expect((await hub.ok(newcomer.token, REQUEST, { input: { networkId: net.id, organizationId: rastatt, message: 'Wir möchten in der Gruppe „Mängelmelder“ mitarbeiten.' } })).requestNetworkMembership.status).toBe('PENDING');
  });

  it("the network's ADMINs see who asks: e-mail and its verified domain; the issuer's unverified address is never stored", async () => {
    const ADMIN_VIEW = 'query($slug: String!) { network(slug: $slug) { joinRequests(status: PENDING) { requestedBy { id } requesterEmail requesterEmailDomain organization { id } } } }';
    const [stored] = await sql(hub, 'SELECT email FROM person WHERE id = $1', [newcomer.id]);
    expect(stored.email).toMatch(/@/);
    const { network: seen } = await hub.ok(admin.token, ADMIN_VIEW, { slug: net.slug });
    const mine = seen.joinRequests.find((r: { requestedBy: { id: string } }) => r.requestedBy.id === newcomer.id);
    expect(mine).toEqual({ requestedBy: { id: newcomer.id }, requesterEmail: stored.email, requesterEmailDomain: stored.email.split('@')[1].toLowerCase(), organization: { id: rastatt } });
    // Others do not see join requests at all.
    expect((await hub.ok(memberOfficer.token, ADMIN_VIEW, { slug: net.slug })).network.joinRequests).toEqual([]);
  });

  it('a new group gets the person named as its LEAD; someone without a role in the network is refused', async () => {
    const { createGroup: g } = await hub.ok(admin.token, CREATE_GROUP, { input: { networkId: net.id, level: 'PROJECT_GROUP', name: 'Glasfaser', leadPersonId: admin.id } });
    expect(g.memberCount).toBe(1);
    expect(g.members).toEqual([{ role: 'LEAD', person: { id: admin.id }, organization: null }]);
    const { createGroup: h } = await hub.ok(admin.token, CREATE_GROUP, { input: { networkId: net.id, level: 'PROJECT_GROUP', name: 'Open Data', leadPersonId: memberOfficer.id } });
    expect(h.members).toEqual([{ role: 'LEAD', person: { id: memberOfficer.id }, organization: { id: gaggenau } }]);
    const refused = await hub.gql(admin.token, CREATE_GROUP, { input: { networkId: net.id, level: 'PROJECT_GROUP', name: 'X', leadPersonId: newcomer.id } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toContain('leadPersonId');
  });
});
