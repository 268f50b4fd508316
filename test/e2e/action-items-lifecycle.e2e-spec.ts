import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, addGroupMember, addMember, group, organization, setRole, type Actor } from '../support/factories.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { TestHub } from '../support/test-hub.js';

const ITEM = 'id title status closedAt closedBy { id } assigneeOrganization { id }';
const ACTION = `mutation($input: AddActionItemInput!) { addActionItem(input: $input) { ${ITEM} } }`;
const STATUS = `mutation($input: SetActionItemStatusInput!) { setActionItemStatus(input: $input) { ${ITEM} } }`;
const AGENDA = 'query($id: ID!) { meeting(id: $id) { agenda { carriedOverFrom { id } } } }';
const GROUP_ITEMS = `query($id: ID!, $status: ActionItemStatus) { group(id: $id) {
  openActionItems { id } actionItems(status: $status) { ${ITEM} } } }`;
const MINE = `query($status: ActionItemStatus) { myActionItems(status: $status) { ${ITEM} } }`;
const AUDIT = 'query { myAuditLog(limit: 20) { action subjectType subjectId summary } }';

interface Item { id: string; status: string; closedAt: string | null; closedBy: { id: string } | null }

describe('action items: closing, reopening and who they go to', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  const carried = async (meetingId: string) =>
    ((await hub.ok(c.lead.token, AGENDA, { id: meetingId })).meeting.agenda as { carriedOverFrom: { id: string } | null }[])
      .filter((i) => i.carriedOverFrom)
      .map((i) => i.carriedOverFrom!.id);
  const groupItems = async (by: Actor, id: string, status: string | null) =>
    (await hub.ok(by.token, GROUP_ITEMS, { id, status })).group as { openActionItems: { id: string }[]; actionItems: Item[] };
  const setStatus = async (by: Actor, actionItemId: string, status: string): Promise<Item> =>
    (await hub.ok(by.token, STATUS, { input: { actionItemId, status } })).setActionItemStatus;

  it('undoes "done": who closed it and when is kept, cleared on reopening, both audited, and it is carried over again', async () => {
    const groupId = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP');
    await addGroupMember(hub, c.agency, groupId, c.lead.id, 'LEAD', { organizationId: c.city });
    await addGroupMember(hub, c.agency, groupId, c.member.id, 'MEMBER', { organizationId: c.city });
    const next = await meeting(hub, c.lead, groupId, 7);
    const item: Item = (await hub.ok(c.lead.token, ACTION, { input: { groupId, title: 'Messkonzept schreiben', assigneeId: c.member.id } })).addActionItem;
    expect(item).toMatchObject({ status: 'OPEN', closedAt: null, closedBy: null });
    expect(await carried(next)).toEqual([item.id]);

    // The assignee marks it done.
    const before = Date.now();
    const done = await setStatus(c.member, item.id, 'DONE');
    expect(done).toMatchObject({ status: 'DONE', closedBy: { id: c.member.id } });
    expect(new Date(done.closedAt!).getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(await carried(next)).toEqual([]);
    // Done items stay visible behind the status filter; the open list leaves them out.
    let g = await groupItems(c.lead, groupId, 'DONE');
    expect(g.openActionItems).toEqual([]);
    expect(g.actionItems).toEqual([expect.objectContaining({ id: item.id, status: 'DONE', closedBy: { id: c.member.id } })]);
    expect((await groupItems(c.lead, groupId, 'OPEN')).actionItems).toEqual([]);
    expect((await groupItems(c.lead, groupId, null)).actionItems.map((i) => i.id)).toEqual([item.id]);
    const mineDone = (await hub.ok(c.member.token, MINE, { status: 'DONE' })).myActionItems as Item[];
    expect(mineDone.find((i) => i.id === item.id)).toMatchObject({ closedBy: { id: c.member.id } });

    // Undone by the assignee: open again, closedAt/closedBy cleared, back on the next meeting's agenda.
    expect(await setStatus(c.member, item.id, 'OPEN')).toMatchObject({ status: 'OPEN', closedAt: null, closedBy: null });
    expect(await carried(next)).toEqual([item.id]);
    g = await groupItems(c.lead, groupId, 'DONE');
    expect(g.actionItems).toEqual([]);
    expect(g.openActionItems).toEqual([{ id: item.id }]);

    // A moderator drops it and the lead reopens it: the last closer is the one kept.
    expect(await setStatus(c.agency, item.id, 'DROPPED')).toMatchObject({ status: 'DROPPED', closedBy: { id: c.agency.id } });
    expect(await setStatus(c.lead, item.id, 'OPEN')).toMatchObject({ status: 'OPEN', closedAt: null, closedBy: null });
    // Setting the status it already has changes nothing and writes no entry.
    await setStatus(c.lead, item.id, 'OPEN');

    const audit = async (by: Actor) =>
      ((await hub.ok(by.token, AUDIT)).myAuditLog as { action: string; subjectType: string; subjectId: string; summary: string }[])
        .filter((e) => e.subjectId === item.id)
        .reverse();
    // The assignee sees both of their transitions (as actor) and the others' (as the person concerned).
    expect((await audit(c.member)).map((e) => `${e.subjectType} ${e.action}: ${e.summary}`)).toEqual([
      'ActionItem action-item.close: Aufgabe von „offen“ auf „erledigt“ gesetzt',
      'ActionItem action-item.reopen: Aufgabe von „erledigt“ auf „offen“ gesetzt',
      'ActionItem action-item.close: Aufgabe von „offen“ auf „verworfen“ gesetzt',
      'ActionItem action-item.reopen: Aufgabe von „verworfen“ auf „offen“ gesetzt',
    ]);
    expect((await audit(c.lead)).map((e) => e.action)).toEqual(['action-item.reopen']);
  });

  it('shows a group\'s items, done ones included, only to those who may read the group', async () => {
    const item: Item = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Intern' } })).addActionItem;
    await setStatus(c.lead, item.id, 'DONE');
    expect((await groupItems(c.member, c.groupId, 'DONE')).actionItems.map((i) => i.id)).toContain(item.id);
    const strangers = (await hub.gql(c.stranger.token, GROUP_ITEMS, { id: c.groupId, status: 'DONE' })).data?.group as { actionItems: Item[] } | null;
    expect(strangers?.actionItems ?? []).toEqual([]);
  });

  it('assigns to any member organization of the network and the people acting for it, in the group or not', async () => {
    const town = await organization(hub, c.root, 'Bruchsal');
    await addMember(hub, c.root, c.networkId, town);
    const clerk = await actor(hub, 'clerk');
    await setRole(hub, c.root, c.networkId, clerk.id, 'MEMBER', town);

    const forTown: Item = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Bericht aus Bruchsal', assigneeOrganizationId: town } })).addActionItem;
    const forClerk: Item = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Zahlen nachreichen', assigneeId: clerk.id } })).addActionItem;
    const mine = ((await hub.ok(clerk.token, MINE, { status: 'OPEN' })).myActionItems as Item[]).map((i) => i.id);
    expect(mine).toEqual(expect.arrayContaining([forTown.id, forClerk.id]));
    // The city's people do not get the town's task.
    expect(((await hub.ok(c.member.token, MINE)).myActionItems as Item[]).map((i) => i.id)).not.toContain(forTown.id);
    // The clerk, outside the group, closes and reopens it.
    expect(await setStatus(clerk, forTown.id, 'DONE')).toMatchObject({ status: 'DONE', closedBy: { id: clerk.id } });
    expect(await setStatus(clerk, forTown.id, 'OPEN')).toMatchObject({ status: 'OPEN', closedBy: null });
  });

  it('refuses an organization outside the network and a person acting for nobody in it, naming the field', async () => {
    const outside = await organization(hub, c.root, 'Karlsruhe');
    const r = await hub.gql(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'X', assigneeOrganizationId: outside } });
    expect(r.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('assigneeOrganizationId') });
    const ended = await organization(hub, c.root, 'Ettlingen');
    const outsider = await actor(hub, 'outsider');
    const p = await hub.gql(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'X', assigneeId: outsider.id, assigneeOrganizationId: ended } });
    expect(p.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('assigneeId') });
  });
});
