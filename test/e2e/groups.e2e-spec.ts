import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { todayInBerlin } from '../../src/common/scalars.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from '../support/factories.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const CREATE = `mutation($input: CreateGroupInput!) { createGroup(input: $input) {
  id level name description network { id } parent { id } leadOrganization { id } children { id } members { role } matrixRoomId } }`;
const ADD = `mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { person { id } organization { id } role since until } }`;
const REMOVE = 'mutation($input: RemoveGroupMemberInput!) { removeGroupMember(input: $input) }';
const GROUP = `query($id: ID!) { group(id: $id) { id name level parent { id } children { id name } leadOrganization { id }
  members { role person { id displayName } organization { id } since until } } }`;
const LINK = 'mutation($input: LinkMatrixAccountInput!) { linkMatrixAccount(input: $input) { id matrixUserId } }';

describe('groups', () => {
  let hub: TestHub;
  let root: Actor;
  let moderator: Actor; // network MODERATOR (the agency)
  let lead: Actor; // LEAD of the project group
  let member: Actor; // group MEMBER
  let bystander: Actor; // network MEMBER, not in the group
  let otherAdmin: Actor; // ADMIN of another network
  let net: { id: string; slug: string };
  let city: string;
  let plenum: string;
  let expert: string;
  let project: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    root = await actor(hub, 'root', { admin: true });
    [moderator, lead, member, bystander, otherAdmin] = await Promise.all(
      ['moderator', 'lead', 'member', 'bystander', 'other-admin'].map((n) => actor(hub, n)),
    );
    net = await network(hub, root, 'APPROVAL');
    city = await organization(hub, root, 'Rheinstetten');
    await addMember(hub, root, net.id, city);
    await setRole(hub, root, net.id, moderator.id, 'MODERATOR');
    for (const p of [lead, member, bystander]) await setRole(hub, root, net.id, p.id, 'MEMBER', city);
    const other = await network(hub, root, 'APPROVAL');
    await setRole(hub, root, other.id, otherAdmin.id, 'ADMIN');

    plenum = await group(hub, moderator, net.id, 'PLENUM');
    expert = await group(hub, moderator, net.id, 'EXPERT_GROUP', { parentGroupId: plenum });
    project = await group(hub, moderator, net.id, 'PROJECT_GROUP', { parentGroupId: expert, leadOrganizationId: city });
    await addGroupMember(hub, moderator, project, lead.id, 'LEAD', { organizationId: city });
  });
  afterAll(() => hub.stop());

  describe('createGroup', () => {
    it('lets a network MODERATOR build the three levels', async () => {
      const { createGroup } = await hub.ok(moderator.token, CREATE, {
        input: { networkId: net.id, level: 'PROJECT_GROUP', name: 'LoRaWAN/IoT', description: 'Sensorik', parentGroupId: expert, leadOrganizationId: city },
      });
      expect(createGroup).toEqual({
        id: expect.any(String), level: 'PROJECT_GROUP', name: 'LoRaWAN/IoT', description: 'Sensorik', network: { id: net.id },
        parent: { id: expert }, leadOrganization: { id: city }, children: [], members: [], matrixRoomId: null,
      });
    });

    it('denies a network MEMBER and the ADMIN of another network', async () => {
      const input = { networkId: net.id, level: 'PROJECT_GROUP', name: 'X' };
      expect(codeOf(await hub.gql(member.token, CREATE, { input }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(otherAdmin.token, CREATE, { input }))).toBe('FORBIDDEN');
    });

    it.each([
      ['a plenum below another group', () => ({ level: 'PLENUM', name: 'X', parentGroupId: plenum }), 'parentGroupId'],
      ['an expert group below a project group', () => ({ level: 'EXPERT_GROUP', name: 'X', parentGroupId: project }), 'parentGroupId'],
      ['a parent from nowhere', () => ({ level: 'PROJECT_GROUP', name: 'X', parentGroupId: '00000000-0000-4000-8000-000000000000' }), 'parentGroupId'],
      ['a lead organization outside the network', () => ({ level: 'PROJECT_GROUP', name: 'X', leadOrganizationId: '00000000-0000-4000-8000-000000000000' }), 'leadOrganizationId'],
      ['an empty name', () => ({ level: 'PROJECT_GROUP', name: ' ' }), 'name'],
      ['an unknown level', () => ({ level: 'WORKING_GROUP', name: 'X' }), 'level'],
    ])('refuses %s', async (_what, make, field) => {
      const result = await hub.gql(moderator.token, CREATE, { input: { networkId: net.id, ...make() } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain(field);
    });
  });

  describe('addGroupMember and removeGroupMember', () => {
    it('let the group LEAD add and remove members on behalf of an organization', async () => {
      const { addGroupMember: added } = await hub.ok(lead.token, ADD, { input: { groupId: project, personId: member.id, role: 'MEMBER', organizationId: city } });
      expect(added).toEqual({ person: { id: member.id }, organization: { id: city }, role: 'MEMBER', since: todayInBerlin(), until: null });
      const { group: seen } = await hub.ok(member.token, GROUP, { id: project });
      expect(seen.members.map((m: { person: { id: string } }) => m.person.id).sort()).toEqual([lead.id, member.id].sort());

      const extra = await actor(hub, 'extra');
      await setRole(hub, root, net.id, extra.id, 'MEMBER');
      await hub.ok(lead.token, ADD, { input: { groupId: project, personId: extra.id, role: 'MEMBER' } });
      expect((await hub.ok(lead.token, REMOVE, { input: { groupId: project, personId: extra.id } })).removeGroupMember).toBe(true);
      expect((await hub.ok(lead.token, REMOVE, { input: { groupId: project, personId: extra.id } })).removeGroupMember).toBe(false);
      // Still a role holder of the network: the public face, but no longer the members.
      expect((await hub.ok(extra.token, GROUP, { id: project })).group).toMatchObject({ id: project, members: [] });
    });

    it('deny a group MEMBER and other role holders of the network (FORBIDDEN), and outsiders (NOT_FOUND)', async () => {
      await addGroupMember(hub, lead, project, member.id, 'MEMBER');
      expect(codeOf(await hub.gql(member.token, ADD, { input: { groupId: project, personId: bystander.id, role: 'MEMBER' } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(member.token, REMOVE, { input: { groupId: project, personId: lead.id } }))).toBe('FORBIDDEN');
      // A role holder of the network sees the group (its public face), so it is FORBIDDEN, not hidden.
      expect(codeOf(await hub.gql(bystander.token, ADD, { input: { groupId: project, personId: bystander.id, role: 'LEAD' } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(otherAdmin.token, REMOVE, { input: { groupId: project, personId: lead.id } }))).toBe('NOT_FOUND');
    });

    it('keep the last LEAD: removing or demoting them is CONFLICT, also when LEADs go at the same time', async () => {
      const g = await group(hub, moderator, net.id);
      const [a, b] = [await actor(hub, 'lead-a'), await actor(hub, 'lead-b')];
      for (const p of [a, b]) await setRole(hub, root, net.id, p.id, 'MEMBER', city);
      await addGroupMember(hub, moderator, g, a.id, 'LEAD');
      const leads = async () => (await hub.hub.app.get(DataSource).query(`SELECT person_id FROM group_member WHERE group_id = $1 AND role = 'LEAD'`, [g])).length;

      const demote = await hub.gql(moderator.token, ADD, { input: { groupId: g, personId: a.id, role: 'MEMBER' } });
      expect(demote.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: 'Die letzte LEAD-Person kann keine andere Rolle bekommen; machen Sie zuerst jemand anderen zur LEAD.' });
      const remove = await hub.gql(moderator.token, REMOVE, { input: { groupId: g, personId: a.id } });
      expect(remove.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: 'Die letzte LEAD-Person kann nicht entfernt werden; machen Sie zuerst jemand anderen zur LEAD.' });
      // The LEAD may still change their own organization or end date while staying LEAD.
      await hub.ok(moderator.token, ADD, { input: { groupId: g, personId: a.id, role: 'LEAD', organizationId: city } });
      expect(await leads()).toBe(1);

      // Two LEADs: removing both at once, or one leaving while the other is removed, leaves exactly one.
      await addGroupMember(hub, moderator, g, b.id, 'LEAD');
      const both = await Promise.all([a, b].map((p) => hub.gql(moderator.token, REMOVE, { input: { groupId: g, personId: p.id } })));
      expect(both.filter((r) => r.data?.removeGroupMember === true)).toHaveLength(1);
      expect(both.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
      expect(await leads()).toBe(1);
      const [kept] = (await hub.hub.app.get(DataSource).query(`SELECT person_id FROM group_member WHERE group_id = $1 AND role = 'LEAD'`, [g])) as { person_id: string }[];
      const other = kept.person_id === a.id ? b : a;
      const keptActor = kept.person_id === a.id ? a : b;
      await addGroupMember(hub, moderator, g, other.id, 'LEAD');
      const race = await Promise.all([
        hub.gql(keptActor.token, 'mutation($g: ID!) { leaveGroup(groupId: $g) }', { g }),
        hub.gql(moderator.token, ADD, { input: { groupId: g, personId: other.id, role: 'MEMBER' } }),
      ]);
      expect(race.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
      expect(await leads()).toBe(1);
    });

    it('refuse a person who holds no role in the network, and bad dates', async () => {
      const stranger = await actor(hub, 'stranger');
      const notInNetwork = await hub.gql(lead.token, ADD, { input: { groupId: project, personId: stranger.id, role: 'MEMBER' } });
      expect(notInNetwork.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('personId') });
      const past = await hub.gql(lead.token, ADD, { input: { groupId: project, personId: bystander.id, role: 'GUEST', until: '2020-01-01' } });
      expect(past.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('until') });
      const notADate = await hub.gql(lead.token, ADD, { input: { groupId: project, personId: bystander.id, role: 'GUEST', until: '2026-02-30' } });
      expect(codeOf(notADate)).toBe('BAD_USER_INPUT');
    });
  });

  describe('reading groups', () => {
    it('shows the hierarchy to those who may read each level', async () => {
      const { group: seen } = await hub.ok(moderator.token, GROUP, { id: expert });
      expect(seen).toMatchObject({ level: 'EXPERT_GROUP', parent: { id: plenum } });
      expect(seen.children.map((c: { id: string }) => c.id)).toContain(project);
      // Every role holder of the network sees every group: the lead sees the expert group above.
      const { group: fromLead } = await hub.ok(lead.token, GROUP, { id: project });
      expect(fromLead).toMatchObject({ id: project, parent: { id: expert }, leadOrganization: { id: city } });
    });

    it('shows network members outside a group its public face only, and other networks nothing', async () => {
      expect((await hub.ok(bystander.token, GROUP, { id: project })).group).toMatchObject({ id: project, members: [] });
      expect((await hub.ok(otherAdmin.token, GROUP, { id: project })).group).toBeNull();
      expect((await hub.ok(otherAdmin.token, GROUP, { id: 'not-a-uuid' })).group).toBeNull();
      const { network: n } = await hub.ok(bystander.token, 'query($slug: String!) { network(slug: $slug) { groups { id } } }', { slug: net.slug });
      expect(n.groups.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([plenum, expert, project]));
      const { network: m } = await hub.ok(moderator.token, 'query($slug: String!) { network(slug: $slug) { groups(level: PROJECT_GROUP) { id } } }', { slug: net.slug });
      expect(m.groups.map((g: { id: string }) => g.id)).toContain(project);
    });

    it("ends a guest's access after their until date", async () => {
      const guest = await actor(hub, 'guest');
      await setRole(hub, root, net.id, guest.id, 'MEMBER');
      await addGroupMember(hub, lead, project, guest.id, 'GUEST', { until: todayInBerlin() });
      expect((await hub.ok(guest.token, GROUP, { id: project })).group).toMatchObject({ id: project, members: expect.arrayContaining([expect.anything()]) });
      // Time passes: the guest's last day was yesterday. They keep their network role, so the public face.
      await hub.hub.app.get(DataSource).query(`UPDATE group_member SET until = CURRENT_DATE - 1 WHERE person_id = $1`, [guest.id]);
      expect((await hub.ok(guest.token, GROUP, { id: project })).group).toMatchObject({ id: project, members: [] });
    });
  });

  describe('linkMatrixAccount', () => {
    it("links the caller's own Matrix ID", async () => {
      const { linkMatrixAccount } = await hub.ok(member.token, LINK, { input: { matrixUserId: `@${member.username}:matrix.example.org` } });
      expect(linkMatrixAccount).toEqual({ id: member.id, matrixUserId: `@${member.username}:matrix.example.org` });
    });

    it('refuses malformed IDs, IDs linked to someone else, and callers without a token', async () => {
      expect(codeOf(await hub.gql(lead.token, LINK, { input: { matrixUserId: 'lead@example.org' } }))).toBe('BAD_USER_INPUT');
      const taken = await hub.gql(lead.token, LINK, { input: { matrixUserId: `@${member.username}:matrix.example.org` } });
      expect(taken.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('matrixUserId') });
      expect(codeOf(await hub.gql(null, LINK, { input: { matrixUserId: '@x:example.org' } }))).toBe('UNAUTHENTICATED');
    });
  });
});
