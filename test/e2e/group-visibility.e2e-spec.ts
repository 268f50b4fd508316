import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { todayInBerlin } from '../../src/common/scalars.js';
import { group } from '../support/factories.js';
import { groupCast, sql, type GroupCast } from '../support/group-fixtures.js';
import { meeting } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

/** Everything of a group, the public face and the parts for members and managers. */
const FIELDS = `id name level description joinPolicy memberCount myRole parent { id } children { id } leadOrganization { id }
  organizations { id } members { person { id } } matrixRoomId series { id } openActionItems { id } joinRequests { id }
  meetings { id title agenda { title } attendance { status } }`;
const GROUP = `query($id: ID!) { group(id: $id) { ${FIELDS} } }`;
const NETWORK_GROUPS = `query($slug: String!) { network(slug: $slug) { groups { ${FIELDS} } } }`;

describe('who sees which part of a group', () => {
  let hub: TestHub;
  let c: GroupCast;
  let meetingId: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    c = await groupCast(hub);
    meetingId = await meeting(hub, c.lead, c.groupId, 5);
    const addItem = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
    await hub.ok(c.lead.token, addItem, { input: { meetingId, title: 'Öffentlicher Punkt' } });
    await hub.ok(c.lead.token, addItem, { input: { meetingId, title: 'Vertraulicher Punkt', public: false } });
    await hub.ok(c.lead.token, 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }', {
      input: { meetingId, personId: c.member.id, status: 'EXCUSED' },
    });
    // The series begins after that meeting, whatever today's weekday: its first Tuesday would otherwise be the
    // group's next meeting on a Monday and take the open item that the meeting five days out is to show.
    const afterTheMeeting = todayInBerlin(new Date(Date.now() + 6 * 86_400_000));
    await hub.ok(c.lead.token, 'mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }', {
      input: { groupId: c.groupId, title: 'Jour fixe', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', startsOn: afterTheMeeting, startTime: '10:00', durationMinutes: 60 },
    });
    await hub.ok(c.lead.token, 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }', { input: { groupId: c.groupId, title: 'Gateways zählen' } });
    await hub.ok(c.bystander.token, 'mutation($input: RequestGroupMembershipInput!) { requestGroupMembership(input: $input) { id } }', { input: { groupId: c.groupId } });
    // As if the bridge had created the room.
    await sql(hub, 'UPDATE work_group SET matrix_room_id = $2 WHERE id = $1', [c.groupId, `!room-${c.groupId}:localhost`]);
  });
  afterAll(() => hub.stop());

  const seenBy = async (token: string) => (await hub.ok(token, GROUP, { id: c.groupId })).group;

  it('shows every role holder of the network all its groups and their public face, nothing personal', async () => {
    const sibling = await group(hub, c.agency, c.networkId, 'EXPERT_GROUP', { joinPolicy: 'OPEN' });
    const { network } = await hub.ok(c.bystander.token, NETWORK_GROUPS, { slug: c.slug });
    expect(network.groups.map((g: { id: string }) => g.id).sort()).toEqual([c.groupId, sibling].sort());
    const g = await seenBy(c.bystander.token);
    expect(g).toMatchObject({
      id: c.groupId, level: 'PROJECT_GROUP', description: 'LoRaWAN', joinPolicy: 'APPROVAL', memberCount: 2, myRole: null,
      leadOrganization: { id: c.city }, organizations: [{ id: c.city }],
      members: [], matrixRoomId: null, series: [], openActionItems: [], joinRequests: [],
    });
    // The public part of its meetings: public accepted items, never the attendance.
    const m = g.meetings.find((x: { id: string }) => x.id === meetingId);
    expect(m.agenda.map((i: { title: string }) => i.title)).toEqual(['Öffentlicher Punkt', 'Offener Punkt: Gateways zählen']);
    expect(m.attendance).toEqual([]);
    expect(network.groups.find((x: { id: string }) => x.id === sibling)).toMatchObject({ joinPolicy: 'OPEN', memberCount: 0, organizations: [] });
  });

  it('gives the group\'s members its members, room, series and open items, but not its join requests', async () => {
    const g = await seenBy(c.member.token);
    expect(g.myRole).toBe('MEMBER');
    expect(g.members.map((m: { person: { id: string } }) => m.person.id).sort()).toEqual([c.lead.id, c.member.id].sort());
    expect(g.matrixRoomId).toBe(`!room-${c.groupId}:localhost`);
    expect(g.series).toHaveLength(1);
    expect(g.openActionItems).toHaveLength(1);
    expect(g.joinRequests).toEqual([]);
    expect(g.meetings.find((x: { id: string }) => x.id === meetingId).attendance).toEqual([{ status: 'EXCUSED' }]);
  });

  it.each([
    ['the group LEAD', 'lead'],
    ['a network MODERATOR', 'agency'],
    ['a network ADMIN', 'admin'],
    ['a hub admin without a role in the network', 'operator'],
  ] as const)('gives %s everything, join requests included', async (_, who) => {
    const g = await seenBy(c[who].token);
    expect(g.members).toHaveLength(2);
    expect(g.matrixRoomId).toBe(`!room-${c.groupId}:localhost`);
    expect(g.series).toHaveLength(1);
    expect(g.openActionItems).toHaveLength(1);
    expect(g.joinRequests).toHaveLength(1);
  });

  it('shows outsiders of the network no group at all', async () => {
    expect(await seenBy(c.stranger.token)).toBeNull();
    const { network } = await hub.ok(c.stranger.token, 'query($slug: String!) { network(slug: $slug) { name groups { id } } }', { slug: c.slug });
    expect(network.groups).toEqual([]);
    const viaMeeting = await hub.gql(c.stranger.token, 'query($id: ID!) { meeting(id: $id) { id } }', { id: meetingId });
    expect(viaMeeting.data.meeting).toBeNull();
    const unauthenticated = await hub.gql(null, GROUP, { id: c.groupId });
    expect(codeOf(unauthenticated)).toBe('UNAUTHENTICATED');
  });

  it('counts only active members, and a guest whose access ended drops out', async () => {
    const before = (await seenBy(c.bystander.token)).memberCount;
    await sql(hub, `INSERT INTO group_member (group_id, person_id, role, since, until) VALUES ($1, $2, 'GUEST', CURRENT_DATE - 10, CURRENT_DATE - 1)`, [
      c.groupId,
      c.agency.id,
    ]);
    expect((await seenBy(c.bystander.token)).memberCount).toBe(before);
    await sql(hub, 'DELETE FROM group_member WHERE group_id = $1 AND person_id = $2', [c.groupId, c.agency.id]);
  });
});
