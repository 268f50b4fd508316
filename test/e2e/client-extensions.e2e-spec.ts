import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor } from '../support/factories.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

/** The API extensions the web client needs: what the caller may do, polls per group, feeds, series preview. */
describe('client extensions', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  it('Network.myRole is the caller\'s role, null for outsiders', async () => {
    const q = 'query($id: ID!) { group(id: $id) { network { myRole } } }';
    expect((await hub.ok(c.agency.token, q, { id: c.groupId })).group.network.myRole).toBe('MODERATOR');
    expect((await hub.ok(c.member.token, q, { id: c.groupId })).group.network.myRole).toBe('MEMBER');
    const { networks } = await hub.ok(c.stranger.token, '{ networks { id myRole } }');
    expect(networks.find((n: { id: string }) => n.id === c.networkId)?.myRole ?? null).toBeNull();
  });

  it('Group.viewerCanManage and Meeting.viewerCanManage/viewerCanPropose follow the role rules', async () => {
    const meetingId = await meeting(hub, c.agency, c.groupId, 3);
    const q = 'query($g: ID!, $m: ID!) { group(id: $g) { viewerCanManage } meeting(id: $m) { viewerCanManage viewerCanPropose } }';
    const seen = async (token: string) => hub.ok(token, q, { g: c.groupId, m: meetingId });
    expect(await seen(c.lead.token)).toEqual({ group: { viewerCanManage: true }, meeting: { viewerCanManage: true, viewerCanPropose: true } });
    expect(await seen(c.agency.token)).toEqual({ group: { viewerCanManage: true }, meeting: { viewerCanManage: true, viewerCanPropose: true } });
    expect(await seen(c.member.token)).toEqual({ group: { viewerCanManage: false }, meeting: { viewerCanManage: false, viewerCanPropose: true } });
    expect(await seen(c.guest.token)).toEqual({ group: { viewerCanManage: false }, meeting: { viewerCanManage: false, viewerCanPropose: false } });
  });

  it('Group.datePolls lists the group\'s polls with the caller\'s own answers; others see none', async () => {
    const slot = (d: number) => ({ startsAt: new Date(Date.now() + d * 86_400_000), endsAt: new Date(Date.now() + d * 86_400_000 + 3_600_000) });
    const { createDatePoll } = await hub.ok(c.lead.token, 'mutation($i: CreateDatePollInput!) { createDatePoll(input: $i) { id options { id } } }', {
      i: { groupId: c.groupId, title: 'Workshop LoRaWAN', options: [slot(10), slot(11)] },
    });
    const [first, second] = createDatePoll.options.map((o: { id: string }) => o.id);
    await hub.ok(c.member.token, 'mutation($i: VoteDatePollInput!) { voteDatePoll(input: $i) { id } }', {
      i: { pollId: createDatePoll.id, votes: [{ optionId: first, answer: 'YES' }, { optionId: second, answer: 'NO' }] },
    });
    const q = 'query($g: ID!) { group(id: $g) { datePolls { id title closed options { id yes no myAnswer } } } }';
    const mine = (await hub.ok(c.member.token, q, { g: c.groupId })).group.datePolls;
    const poll = mine.find((p: { id: string }) => p.id === createDatePoll.id);
    expect(poll.options).toEqual([
      { id: first, yes: 1, no: 0, myAnswer: 'YES' },
      { id: second, yes: 0, no: 1, myAnswer: 'NO' },
    ]);
    const leads = (await hub.ok(c.lead.token, q, { g: c.groupId })).group.datePolls.find((p: { id: string }) => p.id === createDatePoll.id);
    expect(leads.options.map((o: { myAnswer: string | null }) => o.myAnswer)).toEqual([null, null]);
    // The stranger cannot reach the group at all.
    expect((await hub.ok(c.stranger.token, q, { g: c.groupId })).group).toBeNull();
  });

  it('Group.calendarFeedUrl is a working feed for members and null for a network member outside the group', async () => {
    const q = 'query($g: ID!) { group(id: $g) { calendarFeedUrl } }';
    const url: string = (await hub.ok(c.member.token, q, { g: c.groupId })).group.calendarFeedUrl;
    expect(url).toMatch(new RegExp(`/calendar/groups/${c.groupId}\\.ics\\?token=[A-Za-z0-9_-]{32}$`));
    const res = await hub.http.get(new URL(url).pathname + new URL(url).search);
    expect(res.status).toBe(200);
    expect(res.text).toContain('BEGIN:VCALENDAR');
    // Same token as the personal feed: rotating it revokes both.
    const { calendarFeedUrl } = await hub.ok(c.member.token, '{ calendarFeedUrl }');
    expect(url.split('token=')[1]).toBe(calendarFeedUrl.match(/calendar\/(.+)\.ics$/)[1]);
    // (Until other network members may see groups at all, the whole group is null for them.)
    const bystander = (await hub.ok(c.bystander.token, q, { g: c.groupId })).group;
    expect(bystander?.calendarFeedUrl ?? null).toBeNull();
    expect((await hub.ok(c.agency.token, q, { g: c.groupId })).group.calendarFeedUrl).toMatch(/token=/);
  });

  it('Group.calendarFeedUrl serves a hub admin without a role in the network (they see every group), until a sign-in without the role', async () => {
    const q = 'query($g: ID!) { group(id: $g) { calendarFeedUrl } }';
    const operator = await actor(hub, 'operator', { admin: true });
    const title = `Betriebssitzung ${Date.now()}`;
    await hub.ok(c.agency.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId: c.groupId, title, startsAt: new Date(Date.now() + 5 * 86_400_000), endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000) },
    });
    const url = new URL((await hub.ok(operator.token, q, { g: c.groupId })).group.calendarFeedUrl);
    const res = await hub.http.get(url.pathname + url.search);
    expect(res.status).toBe(200);
    expect(res.text).toContain(title);
    // The role taken away in Keycloak: the next sign-in shows it, and the feed stops at once.
    const demoted = await hub.token(operator.username, { roles: [] });
    expect((await hub.ok(demoted, q, { g: c.groupId })).group?.calendarFeedUrl ?? null).toBeNull();
    expect((await hub.http.get(url.pathname + url.search)).status).toBe(404);
  });

  it('previewMeetingSeries shows the jour fixe\'s next dates and the holidays it skips, saving nothing', async () => {
    const input = {
      groupId: c.groupId, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', startsOn: '2027-04-22', startTime: '10:00', durationMinutes: 60, count: 6,
    };
    const q = `query($i: PreviewMeetingSeriesInput!) { previewMeetingSeries(input: $i) {
      holidayRegions occurrences { date startsAt endsAt movedBecause } skippedDates { date reason } } }`;
    const { previewMeetingSeries: p } = await hub.ok(c.lead.token, q, { i: input });
    expect(p.holidayRegions).toEqual(['DE-BW']);
    // 6 May 2027 is Ascension Day (Christi Himmelfahrt): skipped under the default SKIP policy.
    expect(p.skippedDates).toEqual([{ date: '2027-05-06', reason: 'Christi Himmelfahrt' }]);
    expect(p.occurrences.map((o: { date: string }) => o.date)).toEqual(['2027-04-22', '2027-05-20', '2027-06-03', '2027-06-17', '2027-07-01', '2027-07-15']);
    expect(p.occurrences[0].startsAt).toBe('2027-04-22T08:00:00.000Z');
    const moved = (await hub.ok(c.lead.token, q, { i: { ...input, holidayPolicy: 'NEXT_WORKING_DAY' } })).previewMeetingSeries;
    expect(moved.occurrences[1]).toMatchObject({ date: '2027-05-07', movedBecause: 'Christi Himmelfahrt' });
    const { group } = await hub.ok(c.lead.token, 'query($g: ID!) { group(id: $g) { series { id } } }', { g: c.groupId });
    expect(group.series).toEqual([]);
  });

  it('Group.myJoinRequest shows the caller their own pending request after a reload, and nobody else\'s', async () => {
    const q = 'query($g: ID!) { group(id: $g) { myJoinRequest { status message } } }';
    expect((await hub.ok(c.bystander.token, q, { g: c.groupId })).group.myJoinRequest).toBeNull();
    await hub.ok(c.bystander.token, 'mutation($i: RequestGroupMembershipInput!) { requestGroupMembership(input: $i) { id } }', {
      i: { groupId: c.groupId, message: 'Bretten möchte mitmachen' },
    });
    expect((await hub.ok(c.bystander.token, q, { g: c.groupId })).group.myJoinRequest).toEqual({ status: 'PENDING', message: 'Bretten möchte mitmachen' });
    expect((await hub.ok(c.lead.token, q, { g: c.groupId })).group.myJoinRequest).toBeNull();
  });

  it('myWorkshops lists the Digital-Werkstätten one may open, and Workshop.viewer says one\'s part', async () => {
    const { createWorkshop } = await hub.ok(c.agency.token, 'mutation($i: CreateWorkshopInput!) { createWorkshop(input: $i) { id } }', {
      i: { title: 'Digital-Werkstatt Bretten', date: '2027-03-11', networkId: c.networkId, municipalityIds: [c.city] },
    });
    const q = '{ myWorkshops { id title viewer { role organization { id } } } }';
    const mine = (token: string) => hub.ok(token, q).then((d) => d.myWorkshops.filter((w: { id: string }) => w.id === createWorkshop.id));
    expect(await mine(c.agency.token)).toEqual([{ id: createWorkshop.id, title: 'Digital-Werkstatt Bretten', viewer: { role: 'FACILITATOR', organization: null } }]);
    expect((await mine(c.member.token))[0].viewer).toEqual({ role: 'VIEWER', organization: null });
    await hub.ok(c.agency.token, 'mutation($i: AddWorkshopParticipantInput!) { addWorkshopParticipant(input: $i) { person { id } } }', {
      i: { workshopId: createWorkshop.id, personId: c.member.id, organizationId: c.city },
    });
    expect((await mine(c.member.token))[0].viewer).toEqual({ role: 'PARTICIPANT', organization: { id: c.city } });
    expect(await mine(c.stranger.token)).toEqual([]);
  });

  it('myEventSeries lists the series one organizes, and EventSeries.viewerCanManage says so per series', async () => {
    const { createEventSeries } = await hub.ok(c.agency.token, 'mutation($i: CreateEventSeriesInput!) { createEventSeries(input: $i) { id } }', {
      i: { title: 'Digital ins Wochenende', organizerId: c.city, networkId: c.networkId, visibility: 'NETWORK' },
    });
    const q = '{ myEventSeries { id title viewerCanManage } }';
    const mine = (token: string) => hub.ok(token, q).then((d) => d.myEventSeries.filter((s: { id: string }) => s.id === createEventSeries.id));
    // The creator (a MODERATOR of its network) and hub admins organize it; a member sees it but does not.
    expect(await mine(c.agency.token)).toEqual([{ id: createEventSeries.id, title: 'Digital ins Wochenende', viewerCanManage: true }]);
    expect(await mine(c.root.token)).toEqual([{ id: createEventSeries.id, title: 'Digital ins Wochenende', viewerCanManage: true }]);
    expect(await mine(c.member.token)).toEqual([]);
    expect(await mine(c.stranger.token)).toEqual([]);
    const seen = await hub.ok(c.member.token, 'query($id: ID!) { eventSeries(id: $id) { viewerCanManage } }', { id: createEventSeries.id });
    expect(seen.eventSeries).toEqual({ viewerCanManage: false });
  });

  it('Person.hubAdmin answers for the caller only', async () => {
    expect((await hub.ok(c.root.token, '{ me { hubAdmin } }')).me.hubAdmin).toBe(true);
    expect((await hub.ok(c.member.token, '{ me { hubAdmin } }')).me.hubAdmin).toBe(false);
    // On anyone else, also for a hub admin looking at them: null.
    const { group: g } = await hub.ok(c.root.token, 'query($g: ID!) { group(id: $g) { members { person { id hubAdmin } } } }', { g: c.groupId });
    const others = g.members.map((m: { person: { id: string; hubAdmin: boolean | null } }) => m.person);
    expect(others.length).toBeGreaterThan(1);
    expect(others.filter((p: { id: string }) => p.id !== c.root.id).map((p: { hubAdmin: boolean | null }) => p.hubAdmin)).toEqual(others.filter((p: { id: string }) => p.id !== c.root.id).map(() => null));
  });

  it('previewMeetingSeries refuses members, outsiders and bad rules', async () => {
    const input = { groupId: c.groupId, rrule: 'FREQ=WEEKLY;BYDAY=TH', startsOn: '2027-04-22', startTime: '10:00', durationMinutes: 60 };
    const q = 'query($i: PreviewMeetingSeriesInput!) { previewMeetingSeries(input: $i) { holidayRegions } }';
    expect(codeOf(await hub.gql(c.member.token, q, { i: input }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.stranger.token, q, { i: input }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(c.lead.token, q, { i: { ...input, startTime: '25:00' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.gql(c.lead.token, q, { i: { ...input, rrule: 'FREQ=SOMETIMES' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.gql(c.lead.token, q, { i: { ...input, count: 500 } }))).toBe('BAD_USER_INPUT');
  });
});
