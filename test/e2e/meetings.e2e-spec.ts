import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cast, meeting, outbox, type Cast } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) {
  id title startsAt endsAt timeZone status location onlineUrl group { id } additionalGroups { id } agenda { id } } }`;
const RESCHEDULE = 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id startsAt endsAt status sequence } }';
const CANCEL = 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id status cancelReason sequence } }';
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id position title status public durationMinutes proposedBy { id } presenter { id } } }';
const ACCEPT = 'mutation($input: AcceptAgendaItemInput!) { acceptAgendaItem(input: $input) { id status } }';
const MOVE = 'mutation($input: MoveAgendaItemInput!) { moveAgendaItem(input: $input) { id position title } }';
const ATTEND = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { person { id } organization { id } status } }';
const MEETING = `query($id: ID!) { meeting(id: $id) { id status cancelReason title
  agenda { id position title status public } attendance { person { id } status } history { kind reason previousStartsAt } } }`;

describe('meetings, agenda and attendance', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  const inDays = (d: number, hours = 0) => new Date(Date.now() + d * 86_400_000 + hours * 3_600_000);

  describe('createMeeting', () => {
    it('lets the group LEAD plan a joint meeting with place, Jitsi link and zone, and records MeetingScheduled', async () => {
      const second = (await hub.ok(c.agency.token, 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', {
        input: { networkId: c.networkId, level: 'PROJECT_GROUP', name: 'E-Akte' },
      })).createGroup.id;
      await hub.ok(c.agency.token, 'mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { role } }', {
        input: { groupId: second, personId: c.lead.id, role: 'LEAD' },
      });
      const { createMeeting: m } = await hub.ok(c.lead.token, CREATE, {
        input: {
          groupId: c.groupId, additionalGroupIds: [second], title: 'Gemeinsame Sitzung', startsAt: inDays(10), endsAt: inDays(10, 2),
          timeZone: 'Europe/Berlin', location: 'Rathaus Bretten', onlineUrl: 'https://meet.jit.si/readi-lorawan',
        },
      });
      expect(m).toMatchObject({ title: 'Gemeinsame Sitzung', status: 'SCHEDULED', timeZone: 'Europe/Berlin', group: { id: c.groupId }, additionalGroups: [{ id: second }] });
      const events = await outbox(hub, m.id);
      expect(events.map((e) => e.type)).toEqual(['MeetingScheduled']);
      expect(events[0].payload).toMatchObject({ title: 'Gemeinsame Sitzung', onlineUrl: 'https://meet.jit.si/readi-lorawan', groupIds: [c.groupId, second] });
      const { group } = await hub.ok(c.member.token, 'query($id: ID!) { group(id: $id) { meetings { id } } }', { id: c.groupId });
      expect(group.meetings.map((x: { id: string }) => x.id)).toContain(m.id);
    });

    it('denies a group MEMBER and a network member outside the group (FORBIDDEN), and another network (NOT_FOUND)', async () => {
      const input = { groupId: c.groupId, title: 'X', startsAt: inDays(3), endsAt: inDays(3, 1) };
      expect(codeOf(await hub.gql(c.member.token, CREATE, { input }))).toBe('FORBIDDEN');
      // Every role holder of the network sees the group, so this is FORBIDDEN rather than hidden.
      expect(codeOf(await hub.gql(c.bystander.token, CREATE, { input }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.stranger.token, CREATE, { input }))).toBe('NOT_FOUND');
    });

    it.each([
      ['end before start', { startsAt: inDays(3, 2), endsAt: inDays(3, 1) }, 'endsAt'],
      ['more than 24 hours', { startsAt: inDays(3), endsAt: inDays(4, 1) }, 'endsAt'],
      ['an unknown time zone', { startsAt: inDays(3), endsAt: inDays(3, 1), timeZone: 'Europe/Karlsruhe' }, 'timeZone'],
      ['a start that is not a date-time', { startsAt: 'nächsten Dienstag', endsAt: inDays(3, 1) }, 'startsAt'],
      ['an empty title', { title: ' ', startsAt: inDays(3), endsAt: inDays(3, 1) }, 'title'],
      ['a link that is not http(s)', { startsAt: inDays(3), endsAt: inDays(3, 1), onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
    ])('refuses %s', async (_what, times, field) => {
      const result = await hub.gql(c.lead.token, CREATE, { input: { groupId: c.groupId, title: 'Sitzung', ...times } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain(field);
    });
  });

  describe('rescheduling and cancelling', () => {
    it('keep the history, raise the sequence and record events; a cancelled meeting stays visible', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 20);
      const { rescheduleMeeting: moved } = await hub.ok(c.lead.token, RESCHEDULE, { input: { meetingId: id, startsAt: inDays(21), endsAt: inDays(21, 1) } });
      expect(moved).toMatchObject({ status: 'SCHEDULED', sequence: 1 });
      const { cancelMeeting: cancelled } = await hub.ok(c.lead.token, CANCEL, { input: { meetingId: id, reason: 'Krankheit der Moderation' } });
      expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Krankheit der Moderation', sequence: 2 });

      const { meeting: seen } = await hub.ok(c.member.token, MEETING, { id });
      expect(seen).toMatchObject({ status: 'CANCELLED', cancelReason: 'Krankheit der Moderation' });
      expect(seen.history.map((h: { kind: string }) => h.kind)).toEqual(['SCHEDULED', 'RESCHEDULED', 'CANCELLED']);
      expect(seen.history[1].previousStartsAt).not.toBeNull();
      expect((await outbox(hub, id)).map((e) => e.type).sort()).toEqual(['MeetingCancelled', 'MeetingRescheduled', 'MeetingScheduled']);

      const again = await hub.gql(c.lead.token, RESCHEDULE, { input: { meetingId: id, startsAt: inDays(22), endsAt: inDays(22, 1) } });
      expect(codeOf(again)).toBe('BAD_USER_INPUT');
    });

    it('deny a group MEMBER', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 25);
      expect(codeOf(await hub.gql(c.member.token, RESCHEDULE, { input: { meetingId: id, startsAt: inDays(26), endsAt: inDays(26, 1) } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.member.token, CANCEL, { input: { meetingId: id } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.stranger.token, CANCEL, { input: { meetingId: id } }))).toBe('NOT_FOUND');
    });
  });

  describe('agenda', () => {
    it('moderators add accepted items, members propose, moderators accept; proposals are hidden from others', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 30);
      const { addAgendaItem: a } = await hub.ok(c.lead.token, ADD_ITEM, {
        input: { meetingId: id, title: 'Begrüßung', durationMinutes: 10, presenterId: c.lead.id, presenterOrganizationId: c.city },
      });
      expect(a).toMatchObject({ position: 1, status: 'ACCEPTED', public: true, durationMinutes: 10, presenter: { id: c.lead.id } });
      const { addAgendaItem: p } = await hub.ok(c.member.token, ADD_ITEM, { input: { meetingId: id, title: 'Sensoren in Stutensee', public: false } });
      expect(p).toMatchObject({ position: 2, status: 'PROPOSED', public: false, proposedBy: { id: c.member.id } });

      expect(codeOf(await hub.gql(c.guest.token, ADD_ITEM, { input: { meetingId: id, title: 'Gast' } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.bystander.token, ADD_ITEM, { input: { meetingId: id, title: 'Von außen' } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.stranger.token, ADD_ITEM, { input: { meetingId: id, title: 'Fremd' } }))).toBe('NOT_FOUND');

      const titles = async (who: { token: string }) => ((await hub.ok(who.token, MEETING, { id })).meeting?.agenda ?? []).map((i: { title: string }) => i.title);
      expect(await titles(c.guest)).toEqual(['Begrüßung']);
      expect(await titles(c.member)).toEqual(['Begrüßung', 'Sensoren in Stutensee']);
      expect(await titles(c.lead)).toEqual(['Begrüßung', 'Sensoren in Stutensee']);

      expect(codeOf(await hub.gql(c.member.token, ACCEPT, { input: { agendaItemId: p.id } }))).toBe('FORBIDDEN');
      expect((await hub.ok(c.lead.token, ACCEPT, { input: { agendaItemId: p.id } })).acceptAgendaItem.status).toBe('ACCEPTED');
      expect(await titles(c.guest)).toEqual(['Begrüßung', 'Sensoren in Stutensee']);
      // Outside the group only public items show, and never the attendance.
      expect(await titles(c.bystander)).toEqual(['Begrüßung']);
      expect((await outbox(hub, id)).filter((e) => e.type === 'AgendaChanged').map((e) => e.payload.change)).toEqual(
        expect.arrayContaining(['added', 'proposed', 'accepted']),
      );
    });

    it('moves items and renumbers 1..n; refuses positions out of range; denies members', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 31);
      const ids: string[] = [];
      for (const title of ['A', 'B', 'C', 'D']) ids.push((await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: id, title } })).addAgendaItem.id);
      const { moveAgendaItem } = await hub.ok(c.lead.token, MOVE, { input: { agendaItemId: ids[3], position: 1 } });
      expect(moveAgendaItem.map((i: { title: string; position: number }) => `${i.position}${i.title}`)).toEqual(['1D', '2A', '3B', '4C']);
      for (const position of [0, 5, -1]) {
        const result = await hub.gql(c.lead.token, MOVE, { input: { agendaItemId: ids[0], position } });
        expect(result.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('position') });
      }
      expect(codeOf(await hub.gql(c.member.token, MOVE, { input: { agendaItemId: ids[0], position: 2 } }))).toBe('FORBIDDEN');
    });

    it('removes items and turns down proposals, renumbering the rest; denies members', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 34);
      const ids: string[] = [];
      for (const title of ['A', 'B', 'C']) ids.push((await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: id, title } })).addAgendaItem.id);
      const proposal = (await hub.ok(c.member.token, ADD_ITEM, { input: { meetingId: id, title: 'Vorschlag' } })).addAgendaItem.id;
      const REMOVE = 'mutation($input: RemoveAgendaItemInput!) { removeAgendaItem(input: $input) { position title } }';
      expect(codeOf(await hub.gql(c.member.token, REMOVE, { input: { agendaItemId: proposal } }))).toBe('FORBIDDEN');
      expect((await hub.ok(c.lead.token, REMOVE, { input: { agendaItemId: ids[0] } })).removeAgendaItem).toEqual([
        { position: 1, title: 'B' }, { position: 2, title: 'C' }, { position: 3, title: 'Vorschlag' },
      ]);
      expect((await hub.ok(c.lead.token, REMOVE, { input: { agendaItemId: proposal } })).removeAgendaItem.map((i: { title: string }) => i.title)).toEqual(['B', 'C']);
      expect(codeOf(await hub.gql(c.lead.token, REMOVE, { input: { agendaItemId: proposal } }))).toBe('NOT_FOUND');
    });

    it('keeps positions 1..n unique under 20 concurrent moves', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 32);
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: id, title: `TOP ${i}` } })).addAgendaItem.id);
      const moves = Array.from({ length: 20 }, (_, i) => hub.gql(c.lead.token, MOVE, { input: { agendaItemId: ids[i % 8], position: ((i * 5) % 8) + 1 } }));
      const results = await Promise.all(moves);
      expect(results.filter((r) => r.errors)).toEqual([]);
      const { meeting: m } = await hub.ok(c.lead.token, MEETING, { id });
      expect(m.agenda.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(m.agenda.map((i: { id: string }) => i.id))).toEqual(new Set(ids));
    });

    it('refuses a bad duration and a presenter outside the network', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 33);
      expect(codeOf(await hub.gql(c.lead.token, ADD_ITEM, { input: { meetingId: id, title: 'X', durationMinutes: -5 } }))).toBe('BAD_USER_INPUT');
      const outside = await hub.gql(c.lead.token, ADD_ITEM, { input: { meetingId: id, title: 'X', presenterId: c.stranger.id } });
      expect(outside.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('presenterId') });
    });
  });

  describe('attendance', () => {
    it('is recorded per person for an organization, shown only to the groups, and makes a past meeting HELD', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -1);
      expect((await hub.ok(c.member.token, MEETING, { id })).meeting.status).toBe('SCHEDULED');
      const { recordAttendance } = await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.member.id, status: 'PRESENT', organizationId: c.city } });
      expect(recordAttendance).toEqual({ person: { id: c.member.id }, organization: { id: c.city }, status: 'PRESENT' });
      await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.guest.id, status: 'EXCUSED' } });
      await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.guest.id, status: 'ABSENT' } });

      const { meeting: seen } = await hub.ok(c.member.token, MEETING, { id });
      expect(seen.status).toBe('HELD');
      expect(seen.attendance).toHaveLength(2);
      expect(seen.attendance).toContainEqual({ person: { id: c.guest.id }, status: 'ABSENT' });
      const { meeting: outside } = await hub.ok(c.bystander.token, MEETING, { id });
      expect(outside.attendance).toEqual([]);
      expect((await hub.ok(c.stranger.token, MEETING, { id })).meeting).toBeNull();
    });

    it('denies a MEMBER and refuses a person outside the network', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -2);
      expect(codeOf(await hub.gql(c.member.token, ATTEND, { input: { meetingId: id, personId: c.member.id, status: 'PRESENT' } }))).toBe('FORBIDDEN');
      const outside = await hub.gql(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.stranger.id, status: 'PRESENT' } });
      expect(outside.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('personId') });
    });
  });

  it('upcomingMeetings lists the caller\'s meetings across their groups, by start', async () => {
    const later = await meeting(hub, c.lead, c.groupId, 40);
    const sooner = await meeting(hub, c.lead, c.groupId, 39);
    const { upcomingMeetings } = await hub.ok(c.guest.token, 'query($from: DateTime) { upcomingMeetings(from: $from) { id startsAt } }', { from: inDays(38) });
    const ids = upcomingMeetings.map((m: { id: string }) => m.id);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    expect(ids).toContain(later);
    const starts = upcomingMeetings.map((m: { startsAt: string }) => Date.parse(m.startsAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect((await hub.ok(c.bystander.token, '{ upcomingMeetings { id } }')).upcomingMeetings).toEqual([]);
  });
});
