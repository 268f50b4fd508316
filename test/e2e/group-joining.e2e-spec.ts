import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, addGroupMember, addMember, group, organization, setRole } from '../support/factories.js';
import { groupCast, sql, type GroupCast } from '../support/group-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const REQUEST = `mutation($input: RequestGroupMembershipInput!) { requestGroupMembership(input: $input) {
  id status message reason group { id } person { id } organization { id } decidedBy { id } createdAt } }`;
const DECIDE = `mutation($input: DecideGroupJoinRequestInput!) { decideGroupJoinRequest(input: $input) { id status reason decidedBy { id } person { id } } }`;
const LEAVE = 'mutation($groupId: ID!) { leaveGroup(groupId: $groupId) }';
const POLICY = 'mutation($groupId: ID!, $joinPolicy: GroupJoinPolicy!) { setGroupJoinPolicy(groupId: $groupId, joinPolicy: $joinPolicy) { id joinPolicy } }';
const MINE = 'query($id: ID!) { group(id: $id) { myRole memberCount members { person { id } role } } }';
const PENDING = '{ pendingGroupJoinRequests { id group { id } person { id } } }';

describe('joining working groups', () => {
  let hub: TestHub;
  let c: GroupCast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await groupCast(hub);
  });
  afterAll(() => hub.stop());

  /** A fresh MEMBER of the network, outside every group. */
  const newcomer = async () => {
    const a = await actor(hub, 'newcomer');
    await setRole(hub, c.admin, c.networkId, a.id, 'MEMBER', c.city);
    return a;
  };
  const outbox = (groupId: string, type: string) => sql(hub, 'SELECT payload FROM outbox_event WHERE group_id = $1 AND type = $2 ORDER BY seq', [groupId, type]);

  describe('createGroup and setGroupJoinPolicy', () => {
    it('defaults to APPROVAL and takes another policy at creation', async () => {
      const q = 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { joinPolicy } }';
      expect((await hub.ok(c.agency.token, q, { input: { networkId: c.networkId, level: 'EXPERT_GROUP', name: 'Fachgruppe' } })).createGroup.joinPolicy).toBe('APPROVAL');
      expect((await hub.ok(c.agency.token, q, { input: { networkId: c.networkId, level: 'EXPERT_GROUP', name: 'Offen', joinPolicy: 'OPEN' } })).createGroup.joinPolicy).toBe('OPEN');
    });

    it('lets managers set the policy; group members and other role holders FORBIDDEN, outsiders NOT_FOUND', async () => {
      const g = await group(hub, c.agency, c.networkId);
      await addGroupMember(hub, c.agency, g, c.lead.id, 'LEAD');
      await addGroupMember(hub, c.agency, g, c.member.id, 'MEMBER');
      for (const [who, policy] of [[c.lead, 'OPEN'], [c.agency, 'CLOSED'], [c.admin, 'APPROVAL'], [c.operator, 'OPEN']] as const) {
        expect((await hub.ok(who.token, POLICY, { groupId: g, joinPolicy: policy })).setGroupJoinPolicy).toEqual({ id: g, joinPolicy: policy });
      }
      expect(codeOf(await hub.gql(c.member.token, POLICY, { groupId: g, joinPolicy: 'CLOSED' }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.bystander.token, POLICY, { groupId: g, joinPolicy: 'CLOSED' }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.stranger.token, POLICY, { groupId: g, joinPolicy: 'CLOSED' }))).toBe('NOT_FOUND');
      expect(codeOf(await hub.gql(c.lead.token, POLICY, { groupId: g, joinPolicy: 'SOMETIMES' }))).toBe('BAD_USER_INPUT');
      const entries = await sql(hub, `SELECT actor_id, summary FROM audit_entry WHERE action = 'group.joinPolicy.set' AND subject_id = $1 ORDER BY at`, [g]);
      expect(entries.map((e) => e.actor_id)).toEqual([c.lead.id, c.agency.id, c.admin.id, c.operator.id]);
      expect(entries[0].summary).toMatch(/mit Freigabe → offen/);
    });
  });

  describe('requestGroupMembership', () => {
    it('queues a request in an APPROVAL group (organization: the one the caller acts for), once', async () => {
      const n = await newcomer();
      const { requestGroupMembership: r } = await hub.ok(n.token, REQUEST, { input: { groupId: c.groupId, message: 'Wir bauen gerade Gateways auf.' } });
      expect(r).toMatchObject({ status: 'PENDING', message: 'Wir bauen gerade Gateways auf.', group: { id: c.groupId }, person: { id: n.id }, organization: { id: c.city }, decidedBy: null });
      const again = await hub.gql(n.token, REQUEST, { input: { groupId: c.groupId } });
      expect(codeOf(again)).toBe('CONFLICT');
      expect((await hub.ok(n.token, MINE, { id: c.groupId })).group.myRole).toBeNull();
    });

    it('takes a role holder into an OPEN group at once as MEMBER', async () => {
      const g = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP', { joinPolicy: 'OPEN' });
      const n = await newcomer();
      const { requestGroupMembership: r } = await hub.ok(n.token, REQUEST, { input: { groupId: g } });
      expect(r).toMatchObject({ status: 'APPROVED', decidedBy: null, organization: { id: c.city } });
      expect((await hub.ok(n.token, MINE, { id: g })).group).toMatchObject({ myRole: 'MEMBER', memberCount: 1 });
      expect(codeOf(await hub.gql(n.token, REQUEST, { input: { groupId: g } }))).toBe('CONFLICT');
      expect((await outbox(g, 'GroupMembershipChanged')).map((e) => e.payload.personId)).toEqual([n.id]);
    });

    it('answers CONFLICT in an OPEN group while the person has a PENDING request (from before the group opened)', async () => {
      const g = await group(hub, c.agency, c.networkId);
      const n = await newcomer();
      const { requestGroupMembership: first } = await hub.ok(n.token, REQUEST, { input: { groupId: g } });
      expect(first.status).toBe('PENDING');
      await hub.ok(c.agency.token, POLICY, { groupId: g, joinPolicy: 'OPEN' });
      const again = await hub.gql(n.token, REQUEST, { input: { groupId: g } });
      expect(codeOf(again)).toBe('CONFLICT');
      expect((await hub.ok(n.token, MINE, { id: g })).group.myRole).toBeNull();
      expect(await sql(hub, 'SELECT status FROM group_join_request WHERE group_id = $1', [g])).toEqual([{ status: 'PENDING' }]);
      // Once decided, the open group takes them at once.
      await hub.ok(c.agency.token, DECIDE, { input: { requestId: first.id, approve: false } });
      expect((await hub.ok(n.token, REQUEST, { input: { groupId: g } })).requestGroupMembership.status).toBe('APPROVED');
    });

    it('refuses CLOSED groups and callers without a network role (FORBIDDEN), members (CONFLICT), outsiders (NOT_FOUND)', async () => {
      const closed = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP', { joinPolicy: 'CLOSED' });
      expect(codeOf(await hub.gql(c.bystander.token, REQUEST, { input: { groupId: closed } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.operator.token, REQUEST, { input: { groupId: c.groupId } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.member.token, REQUEST, { input: { groupId: c.groupId } }))).toBe('CONFLICT');
      expect(codeOf(await hub.gql(c.stranger.token, REQUEST, { input: { groupId: c.groupId } }))).toBe('NOT_FOUND');
      expect(codeOf(await hub.gql(c.stranger.token, REQUEST, { input: { groupId: 'no-uuid' } }))).toBe('BAD_USER_INPUT');
      const foreignOrg = await hub.gql(c.bystander.token, REQUEST, { input: { groupId: c.groupId, organizationId: c.networkId } });
      expect(foreignOrg.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('organizationId') });
    });

    it('takes only an organization the caller acts for (role or group membership in the network), unless they manage the group', async () => {
      const other = await organization(hub, c.operator, 'Bruchsal');
      await addMember(hub, c.admin, c.networkId, other);
      const refusedFor = async (token: string, organizationId: string) => {
        const result = await hub.gql(token, REQUEST, { input: { groupId: c.groupId, organizationId } });
        expect(result.errors?.[0]).toMatchObject({
          message: 'organizationId: Sie handeln nicht für diese Organisation', extensions: { code: 'BAD_USER_INPUT', field: 'organizationId' },
        });
      };
      // Acts for the city (network role): not for Bruchsal.
      const n = await newcomer();
      await refusedFor(n.token, other);
      // A role without an organization acts for none.
      const loose = await actor(hub, 'loose');
      await setRole(hub, c.admin, c.networkId, loose.id, 'MEMBER');
      await refusedFor(loose.token, c.city);
      // Acting for Bruchsal in another group of the network counts.
      const g = await group(hub, c.agency, c.networkId);
      await addGroupMember(hub, c.agency, g, n.id, 'MEMBER', { organizationId: other });
      expect((await hub.ok(n.token, REQUEST, { input: { groupId: c.groupId, organizationId: other } })).requestGroupMembership.organization).toEqual({ id: other });
      // Managers of the group may name any member organization.
      expect((await hub.ok(c.agency.token, REQUEST, { input: { groupId: c.groupId, organizationId: other } })).requestGroupMembership.organization).toEqual({ id: other });
      expect(await sql(hub, 'SELECT 1 FROM group_join_request WHERE person_id = ANY($1)', [[loose.id]])).toEqual([]);
    });

    it('of 20 concurrent requests by one person for one group, exactly one is PENDING; the rest CONFLICT', async () => {
      const n = await newcomer();
      const results = await Promise.all(Array.from({ length: 20 }, () => hub.gql(n.token, REQUEST, { input: { groupId: c.groupId } })));
      expect(results.filter((r) => r.data?.requestGroupMembership?.status === 'PENDING')).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(19);
      const rows = await sql(hub, 'SELECT status FROM group_join_request WHERE group_id = $1 AND person_id = $2', [c.groupId, n.id]);
      expect(rows).toEqual([{ status: 'PENDING' }]);
    });

    it('of 20 concurrent requests for an OPEN group, one makes the person MEMBER; the rest CONFLICT and leave nothing behind', async () => {
      const g = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP', { joinPolicy: 'OPEN' });
      const n = await newcomer();
      const results = await Promise.all(Array.from({ length: 20 }, () => hub.gql(n.token, REQUEST, { input: { groupId: g } })));
      expect(results.filter((r) => r.data?.requestGroupMembership?.status === 'APPROVED')).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(19);
      expect(await sql(hub, 'SELECT role FROM group_member WHERE group_id = $1', [g])).toEqual([{ role: 'MEMBER' }]);
      expect(await sql(hub, 'SELECT status FROM group_join_request WHERE group_id = $1', [g])).toEqual([{ status: 'APPROVED' }]);
      expect(await sql(hub, `SELECT 1 FROM audit_entry WHERE action = 'group.member.join' AND subject_id = $1`, [g])).toHaveLength(1);
    });
  });

  describe('decideGroupJoinRequest', () => {
    const pending = async () => {
      const n = await newcomer();
      const { requestGroupMembership: r } = await hub.ok(n.token, REQUEST, { input: { groupId: c.groupId } });
      return { n, requestId: r.id as string };
    };

    it.each([
      ['the group LEAD', 'lead'],
      ['a network MODERATOR', 'agency'],
      ['a network ADMIN', 'admin'],
      ['a hub admin without a role in the network', 'operator'],
    ] as const)('lets %s approve: the person becomes MEMBER and hears of it through the outbox', async (_, who) => {
      const { n, requestId } = await pending();
      const { decideGroupJoinRequest: d } = await hub.ok(c[who].token, DECIDE, { input: { requestId, approve: true, reason: 'Willkommen' } });
      expect(d).toEqual({ id: requestId, status: 'APPROVED', reason: 'Willkommen', decidedBy: { id: c[who].id }, person: { id: n.id } });
      const members = (await hub.ok(c.lead.token, MINE, { id: c.groupId })).group.members;
      expect(members).toContainEqual({ person: { id: n.id }, role: 'MEMBER' });
      const decided = (await outbox(c.groupId, 'GroupJoinRequestDecided')).map((e) => e.payload);
      expect(decided).toContainEqual(expect.objectContaining({ requestId, personId: n.id, approved: true, reason: 'Willkommen' }));
      expect((await outbox(c.groupId, 'GroupMembershipChanged')).map((e) => e.payload.personId)).toContain(n.id);
      expect(codeOf(await hub.gql(c.lead.token, DECIDE, { input: { requestId, approve: false } }))).toBe('CONFLICT');
    });

    it('rejects with a reason: no membership, the person hears of it', async () => {
      const { n, requestId } = await pending();
      const { decideGroupJoinRequest: d } = await hub.ok(c.lead.token, DECIDE, { input: { requestId, approve: false, reason: 'Nur Pilotstädte' } });
      expect(d.status).toBe('REJECTED');
      expect((await hub.ok(n.token, MINE, { id: c.groupId })).group.myRole).toBeNull();
      expect((await outbox(c.groupId, 'GroupJoinRequestDecided')).map((e) => e.payload)).toContainEqual(expect.objectContaining({ requestId, approved: false }));
      // A new request may follow a rejection.
      expect((await hub.ok(n.token, REQUEST, { input: { groupId: c.groupId } })).requestGroupMembership.status).toBe('PENDING');
    });

    it('denies the requester and group members (FORBIDDEN / NOT_FOUND) and outsiders (NOT_FOUND)', async () => {
      const { n, requestId } = await pending();
      expect(codeOf(await hub.gql(n.token, DECIDE, { input: { requestId, approve: true } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.member.token, DECIDE, { input: { requestId, approve: true } }))).toBe('NOT_FOUND');
      expect(codeOf(await hub.gql(c.bystander.token, DECIDE, { input: { requestId, approve: true } }))).toBe('NOT_FOUND');
      expect(codeOf(await hub.gql(c.stranger.token, DECIDE, { input: { requestId, approve: true } }))).toBe('NOT_FOUND');
      expect(codeOf(await hub.gql(c.lead.token, DECIDE, { input: { requestId: 'x', approve: true } }))).toBe('BAD_USER_INPUT');
      expect(await sql(hub, 'SELECT status FROM group_join_request WHERE id = $1', [requestId])).toEqual([{ status: 'PENDING' }]);
    });

    it('lists the requests a caller may decide across their groups (pendingGroupJoinRequests)', async () => {
      const { requestId } = await pending();
      const ids = async (token: string) => (await hub.ok(token, PENDING)).pendingGroupJoinRequests.map((r: { id: string }) => r.id);
      for (const who of [c.lead, c.agency, c.admin, c.operator]) expect(await ids(who.token)).toContain(requestId);
      for (const who of [c.member, c.bystander, c.stranger]) expect(await ids(who.token)).toEqual([]);
      await hub.ok(c.lead.token, DECIDE, { input: { requestId, approve: false } });
      expect(await ids(c.lead.token)).not.toContain(requestId);
    });
  });

  describe('leaveGroup', () => {
    it('ends the caller\'s membership and tells the bridge', async () => {
      const n = await newcomer();
      await addGroupMember(hub, c.lead, c.groupId, n.id, 'MEMBER');
      expect((await hub.ok(n.token, LEAVE, { groupId: c.groupId })).leaveGroup).toBe(true);
      expect((await hub.ok(n.token, MINE, { id: c.groupId })).group.myRole).toBeNull();
      const changes = (await outbox(c.groupId, 'GroupMembershipChanged')).map((e) => e.payload.personId);
      expect(changes.filter((id) => id === n.id)).toHaveLength(2); // added, then left
      expect(codeOf(await hub.gql(n.token, LEAVE, { groupId: c.groupId }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await hub.gql(c.stranger.token, LEAVE, { groupId: c.groupId }))).toBe('NOT_FOUND');
    });

    it('keeps the last LEAD (CONFLICT), lets one of two LEADs go', async () => {
      const g = await group(hub, c.agency, c.networkId);
      await addGroupMember(hub, c.agency, g, c.lead.id, 'LEAD');
      const lastLead = await hub.gql(c.lead.token, LEAVE, { groupId: g });
      expect(codeOf(lastLead)).toBe('CONFLICT');
      expect(lastLead.errors![0].message).toMatch(/letzte Leitung/);
      await addGroupMember(hub, c.agency, g, c.member.id, 'LEAD');
      const both = await Promise.all([hub.gql(c.lead.token, LEAVE, { groupId: g }), hub.gql(c.member.token, LEAVE, { groupId: g })]);
      // Two LEADs leaving at once: exactly one may go.
      expect(both.filter((r) => r.data?.leaveGroup === true)).toHaveLength(1);
      expect(both.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
      expect(await sql(hub, 'SELECT role FROM group_member WHERE group_id = $1', [g])).toEqual([{ role: 'LEAD' }]);
    });
  });
});
