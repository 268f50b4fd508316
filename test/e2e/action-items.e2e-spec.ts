import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { actor, addGroupMember, group, setRole } from '../support/factories.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const ACTION = 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id title status } }';
const STATUS = 'mutation($input: SetActionItemStatusInput!) { setActionItemStatus(input: $input) { id status } }';
const AGENDA = `query($id: ID!) { meeting(id: $id) { agenda { position title status carriedOverFrom { id title status } } } }`;
const MINE = 'query($status: ActionItemStatus) { myActionItems(status: $status) { id title status group { id } } }';

describe('action items', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  const carried = async (meetingId: string) =>
    ((await hub.ok(c.lead.token, AGENDA, { id: meetingId })).meeting.agenda as { title: string; carriedOverFrom: { id: string } | null }[])
      .filter((i) => i.carriedOverFrom)
      .map((i) => i.carriedOverFrom!.id);

  it('carries open items to the next meeting as "Offener Punkt", until they are done or dropped', async () => {
    const groupId = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP');
    await addGroupMember(hub, c.agency, groupId, c.lead.id, 'LEAD');
    const next = await meeting(hub, c.lead, groupId, 7);
    const later = await meeting(hub, c.lead, groupId, 21);
    await hub.ok(c.lead.token, 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { input: { meetingId: next, title: 'Begrüßung' } });

    const a = (await hub.ok(c.lead.token, ACTION, { input: { groupId, title: 'Messkonzept schreiben', assigneeId: c.lead.id } })).addActionItem;
    const b = (await hub.ok(c.lead.token, ACTION, { input: { groupId, title: 'Förderantrag prüfen' } })).addActionItem;

    const { meeting: m } = await hub.ok(c.lead.token, AGENDA, { id: next });
    expect(m.agenda.map((i: { position: number; title: string }) => `${i.position} ${i.title}`)).toEqual([
      '1 Begrüßung', '2 Offener Punkt: Messkonzept schreiben', '3 Offener Punkt: Förderantrag prüfen',
    ]);
    expect(m.agenda[1].carriedOverFrom).toEqual({ id: a.id, title: 'Messkonzept schreiben', status: 'OPEN' });
    expect(await carried(later)).toEqual([]); // only the next meeting

    // Done: off the agenda, renumbered.
    await hub.ok(c.lead.token, STATUS, { input: { actionItemId: a.id, status: 'DONE' } });
    expect(await carried(next)).toEqual([b.id]);
    const positions = (await hub.ok(c.lead.token, AGENDA, { id: next })).meeting.agenda.map((i: { position: number }) => i.position);
    expect(positions).toEqual([1, 2]);

    // The next meeting is cancelled: the open item moves on to the one after.
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: next } });
    expect(await carried(later)).toEqual([b.id]);

    // Time passes: the meeting that had it is over, and it still is open; the following meeting gets it.
    const after = await meeting(hub, c.lead, groupId, 35);
    await hub.hub.app.get(DataSource).query(
      `UPDATE meeting SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [later],
    );
    expect(await carried(after)).toEqual([b.id]);
    expect(await carried(later)).toEqual([b.id]); // the past agenda keeps what stood on it

    await hub.ok(c.lead.token, STATUS, { input: { actionItemId: b.id, status: 'DROPPED' } });
    expect(await carried(after)).toEqual([]);
    const { group: g } = await hub.ok(c.lead.token, 'query($id: ID!) { group(id: $id) { openActionItems { id } } }', { id: groupId });
    expect(g.openActionItems).toEqual([]);
  });

  it('puts an item recorded for a future meeting on the meeting after it, not on "the next meeting from now"', async () => {
    const groupId = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP');
    await addGroupMember(hub, c.agency, groupId, c.lead.id, 'LEAD');
    const first = await meeting(hub, c.lead, groupId, 7);
    const second = await meeting(hub, c.lead, groupId, 21);
    const third = await meeting(hub, c.lead, groupId, 35);
    // The protocol of the first meeting is prepared ahead, and an action item is recorded in it.
    const { startProtocol: p } = await hub.ok(c.lead.token, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id } }', { input: { meetingId: first } });
    const item = (await hub.ok(c.lead.token, ACTION, { input: { groupId, title: 'Bericht nachreichen', protocolId: p.id } })).addActionItem;

    expect(await carried(first)).toEqual([]);
    expect(await carried(second)).toEqual([item.id]);
    expect(await carried(third)).toEqual([]);

    // The second meeting moves behind the third: the item follows the first meeting after its origin.
    const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
    await hub.ok(c.lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', {
      input: { meetingId: second, startsAt: inDays(42), endsAt: new Date(inDays(42).getTime() + 3_600_000) },
    });
    expect(await carried(third)).toEqual([item.id]);
    expect(await carried(second)).toEqual([]);

    // Its origin is rescheduled behind all others: no later meeting exists, so it stands nowhere yet.
    await hub.ok(c.lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', {
      input: { meetingId: first, startsAt: inDays(50), endsAt: new Date(inDays(50).getTime() + 3_600_000) },
    });
    expect([...(await carried(second)), ...(await carried(third))]).toEqual([]);
  });

  it("lists the caller's own items and those of organizations they act for", async () => {
    const mine = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Für Mitglied', assigneeId: c.member.id } })).addActionItem;
    const cityItem = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Für die Stadt', assigneeOrganizationId: c.city } })).addActionItem;
    const other = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Für die Leitung', assigneeId: c.lead.id } })).addActionItem;

    const ids = (await hub.ok(c.member.token, MINE)).myActionItems.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, cityItem.id]));
    expect(ids).not.toContain(other.id);
    // The guest acts for the city too (network role), but the member's personal item is not theirs.
    const guests = (await hub.ok(c.guest.token, MINE)).myActionItems.map((i: { id: string }) => i.id);
    expect(guests).toContain(cityItem.id);
    expect(guests).not.toContain(mine.id);
    // The admin of another network acts for nobody here.
    expect((await hub.ok(c.stranger.token, MINE)).myActionItems).toEqual([]);

    await hub.ok(c.member.token, STATUS, { input: { actionItemId: mine.id, status: 'DONE' } });
    const open = (await hub.ok(c.member.token, MINE, { status: 'OPEN' })).myActionItems.map((i: { id: string }) => i.id);
    expect(open).not.toContain(mine.id);
    expect(open).toContain(cityItem.id);
  });

  it('lets the assignee, their organization and moderators set the status; denies others', async () => {
    const item = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Nur für die Stadt', assigneeOrganizationId: c.city } })).addActionItem;
    // The bystander acts for the city in this network, though outside the group.
    expect((await hub.ok(c.bystander.token, STATUS, { input: { actionItemId: item.id, status: 'DONE' } })).setActionItemStatus.status).toBe('DONE');
    const personal = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Persönlich', assigneeId: c.lead.id } })).addActionItem;
    expect(codeOf(await hub.gql(c.guest.token, STATUS, { input: { actionItemId: personal.id, status: 'DONE' } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.stranger.token, STATUS, { input: { actionItemId: personal.id, status: 'DONE' } }))).toBe('NOT_FOUND');
    expect((await hub.ok(c.agency.token, STATUS, { input: { actionItemId: personal.id, status: 'DROPPED' } })).setActionItemStatus.status).toBe('DROPPED');
  });

  it('refuses assignees outside the network and denies members creating items', async () => {
    const outsider = await actor(hub, 'outsider');
    const result = await hub.gql(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'X', assigneeId: outsider.id } });
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('assigneeId') });
    await setRole(hub, c.root, c.networkId, outsider.id, 'MEMBER');
    expect(codeOf(await hub.gql(c.member.token, ACTION, { input: { groupId: c.groupId, title: 'X' } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.stranger.token, ACTION, { input: { groupId: c.groupId, title: 'X' } }))).toBe('NOT_FOUND');
  });
});
