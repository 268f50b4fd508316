import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, addMember, network, organization, setRole, type Actor } from '../support/factories.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const REQUEST = `mutation($input: RequestNetworkMembershipInput!) { requestNetworkMembership(input: $input) {
  id status message reason network { id slug } organization { id } requestedBy { id } decidedBy { id } } }`;
const DECIDE = `mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) {
  id status reason decidedBy { id } requestedBy { id } } }`;
const VIEW = `query($slug: String!) { network(slug: $slug) { id
  members { organization { id } status }
  people { role person { id } organization { id } }
  joinRequests(status: PENDING) { id message organization { id } requestedBy { id } } } }`;

describe('join requests', () => {
  let hub: TestHub;
  let root: Actor;
  let admin: Actor;
  let member: Actor;

  beforeAll(async () => {
    hub = await TestHub.start();
    root = await actor(hub, 'root', { admin: true });
    [admin, member] = await Promise.all([actor(hub, 'admin'), actor(hub, 'member')]);
  });
  afterAll(() => hub.stop());

  /** A network with an ADMIN and a MEMBER who are not hub admins. */
  async function setUp(policy: string) {
    const net = await network(hub, root, policy);
    const home = await organization(hub, root, 'Heimat');
    await addMember(hub, root, net.id, home);
    await setRole(hub, root, net.id, admin.id, 'ADMIN', home);
    await setRole(hub, root, net.id, member.id, 'MEMBER', home);
    return net;
  }

  it('OPEN: a new city joins at once, with the requester as MEMBER on its behalf', async () => {
    const net = await setUp('OPEN');
    const city = await organization(hub, root, 'Stutensee');
    const newcomer = await actor(hub, 'newcomer');
    const { requestNetworkMembership: req } = await hub.ok(newcomer.token, REQUEST, {
      input: { networkId: net.id, organizationId: city, message: 'Wir möchten mitmachen' },
    });
    expect(req).toMatchObject({ status: 'APPROVED', network: { id: net.id }, organization: { id: city }, requestedBy: { id: newcomer.id } });

    const { network: seen } = await hub.ok(newcomer.token, VIEW, { slug: net.slug });
    expect(seen.members).toContainEqual({ organization: { id: city }, status: 'ACTIVE' });
    expect(seen.people).toContainEqual({ role: 'MEMBER', person: { id: newcomer.id }, organization: { id: city } });
    const { me } = await hub.ok(newcomer.token, '{ me { organizations { id } } }');
    expect(me.organizations).toEqual([{ id: city }]);
  });

  it('APPROVAL: the request waits for an ADMIN, who approves it with a reason', async () => {
    const net = await setUp('APPROVAL');
    const city = await organization(hub, root, 'Bühl');
    const requester = await actor(hub, 'requester');
    const { requestNetworkMembership: req } = await hub.ok(requester.token, REQUEST, {
      input: { networkId: net.id, organizationId: city, message: 'Bitte aufnehmen' },
    });
    expect(req).toMatchObject({ status: 'PENDING', decidedBy: null });

    const duplicate = await hub.gql(requester.token, REQUEST, { input: { networkId: net.id, organizationId: city } });
    expect(codeOf(duplicate)).toBe('BAD_USER_INPUT');

    // Only ADMINs see requests; the requester is not in yet.
    expect((await hub.ok(admin.token, VIEW, { slug: net.slug })).network.joinRequests).toEqual([
      { id: req.id, message: 'Bitte aufnehmen', organization: { id: city }, requestedBy: { id: requester.id } },
    ]);
    expect((await hub.ok(member.token, VIEW, { slug: net.slug })).network.joinRequests).toEqual([]);
    expect((await hub.ok(requester.token, VIEW, { slug: net.slug })).network.people).toEqual([]);

    // Denied: a MEMBER, and the requester themselves.
    expect(codeOf(await hub.gql(member.token, DECIDE, { input: { joinRequestId: req.id, approve: true } }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(requester.token, DECIDE, { input: { joinRequestId: req.id, approve: true } }))).toBe('NOT_FOUND');

    const { decideJoinRequest: decided } = await hub.ok(admin.token, DECIDE, {
      input: { joinRequestId: req.id, approve: true, reason: 'Willkommen im Netzwerk' },
    });
    expect(decided).toEqual({ id: req.id, status: 'APPROVED', reason: 'Willkommen im Netzwerk', decidedBy: { id: admin.id }, requestedBy: { id: requester.id } });
    const { network: seen } = await hub.ok(requester.token, VIEW, { slug: net.slug });
    expect(seen.members).toContainEqual({ organization: { id: city }, status: 'ACTIVE' });
    expect(seen.people).toContainEqual({ role: 'MEMBER', person: { id: requester.id }, organization: { id: city } });

    const twice = await hub.gql(admin.token, DECIDE, { input: { joinRequestId: req.id, approve: false } });
    expect(codeOf(twice)).toBe('CONFLICT');
  });

  it('APPROVAL: a rejection records the reason and admits nobody', async () => {
    const net = await setUp('APPROVAL');
    const city = await organization(hub, root, 'Gaggenau');
    const requester = await actor(hub, 'rejected');
    const { requestNetworkMembership: req } = await hub.ok(requester.token, REQUEST, { input: { networkId: net.id, organizationId: city } });
    const { decideJoinRequest: decided } = await hub.ok(admin.token, DECIDE, {
      input: { joinRequestId: req.id, approve: false, reason: 'Nur Kommunen aus Baden' },
    });
    expect(decided).toMatchObject({ status: 'REJECTED', reason: 'Nur Kommunen aus Baden', decidedBy: { id: admin.id } });
    const { network: seen } = await hub.ok(requester.token, VIEW, { slug: net.slug });
    expect(seen.people).toEqual([]); // still only the public face
    const { network: adminView } = await hub.ok(admin.token, VIEW, { slug: net.slug });
    expect(adminView.members.map((m: { organization: { id: string } }) => m.organization.id)).not.toContain(city);
  });

  it('APPROVAL: two ADMINs deciding at once: exactly one decision wins, the other gets CONFLICT', async () => {
    const net = await setUp('APPROVAL');
    const second = await actor(hub, 'second-admin');
    await setRole(hub, root, net.id, second.id, 'ADMIN');
    const requester = await actor(hub, 'racer');
    const city = await organization(hub, root, 'Ettlingen');
    const { requestNetworkMembership: req } = await hub.ok(requester.token, REQUEST, { input: { networkId: net.id, organizationId: city } });
    const results = await Promise.all([
      hub.gql(admin.token, DECIDE, { input: { joinRequestId: req.id, approve: true } }),
      hub.gql(second.token, DECIDE, { input: { joinRequestId: req.id, approve: false } }),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT').length).toBe(1);
  });

  it('INVITE_ONLY: outsiders cannot find it; members cannot request; ADMINs invite directly', async () => {
    const net = await setUp('INVITE_ONLY');
    const city = await organization(hub, root, 'Bruchsal');
    const outsider = await actor(hub, 'outsider');
    expect(codeOf(await hub.gql(outsider.token, REQUEST, { input: { networkId: net.id, organizationId: city } }))).toBe('NOT_FOUND');
    const fromMember = await hub.gql(member.token, REQUEST, { input: { networkId: net.id, organizationId: city } });
    expect(fromMember.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('nur auf Einladung') });

    await addMember(hub, admin, net.id, city);
    await setRole(hub, admin, net.id, outsider.id, 'MEMBER', city);
    const { network: seen } = await hub.ok(outsider.token, VIEW, { slug: net.slug });
    expect(seen.people).toContainEqual({ role: 'MEMBER', person: { id: outsider.id }, organization: { id: city } });
  });

  it('refuses an unknown organization and an unknown network clearly', async () => {
    const net = await setUp('APPROVAL');
    const unknownOrg = await hub.gql(member.token, REQUEST, { input: { networkId: net.id, organizationId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownOrg.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('organizationId') });
    const unknownNet = await hub.gql(member.token, REQUEST, { input: { networkId: '00000000-0000-4000-8000-000000000000', organizationId: '00000000-0000-4000-8000-000000000000' } });
    expect(codeOf(unknownNet)).toBe('NOT_FOUND');
    const badId = await hub.gql(member.token, DECIDE, { input: { joinRequestId: 'nope', approve: true } });
    expect(codeOf(badId)).toBe('BAD_USER_INPUT');
  });
});
