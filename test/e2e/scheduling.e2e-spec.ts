import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { holidayName } from '../../libs/recurrence/index.js';
import { todayInBerlin } from '../../src/common/scalars.js';
import { cast, type Cast } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const SERIES = `id title rrule timeZone startTime durationMinutes holidayPolicy holidayRegions startsOn until skippedDates { date reason }`;
const SCHEDULE = `mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { ${SERIES} } }`;
const UPDATE = `mutation($input: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $input) { ${SERIES} } }`;
const END = `mutation($input: EndMeetingSeriesInput!) { endMeetingSeries(input: $input) { ${SERIES} } }`;
const OCCURRENCES = `query($id: ID!, $from: DateTime!, $to: DateTime!) { group(id: $id) { series {
  id occurrences(from: $from, to: $to) { id startsAt endsAt status sequence series { id } } } } }`;

const berlin = (d: string | Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', ...opts }).format(new Date(d));
const localTime = (d: string) => berlin(d, { hour: '2-digit', minute: '2-digit', hour12: false });
const localDate = (d: string) => berlin(d, { year: 'numeric', month: '2-digit', day: '2-digit' });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

describe('meeting series', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  async function occurrences(seriesId: string, days = 400) {
    const { group } = await hub.ok(c.lead.token, OCCURRENCES, { id: c.groupId, from: inDays(-1), to: inDays(days) });
    return group.series.find((s: { id: string }) => s.id === seriesId).occurrences as { id: string; startsAt: string; endsAt: string; status: string; sequence: number }[];
  }

  it('plans the 14-day jour fixe a year ahead at 10:00 local time, summer and winter, skipping holidays', async () => {
    const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, SCHEDULE, {
      input: { groupId: c.groupId, title: 'Jour fixe', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', startsOn: todayInBerlin(), startTime: '10:00', durationMinutes: 60, onlineUrl: 'https://meet.jit.si/readi-jf' },
    });
    expect(s).toMatchObject({ timeZone: 'Europe/Berlin', holidayPolicy: 'SKIP', holidayRegions: ['DE-BW'], startTime: '10:00' });
    const list = await occurrences(s.id, 366);
    expect(list.length).toBeGreaterThanOrEqual(25);
    expect(list.length).toBeLessThanOrEqual(27);
    const offsets = new Set<string>();
    for (const o of list) {
      expect(localTime(o.startsAt)).toBe('10:00');
      expect(new Date(`${localDate(o.startsAt)}T00:00:00Z`).getUTCDay()).toBe(2);
      expect(holidayName(localDate(o.startsAt), ['DE-BW'])).toBeNull();
      offsets.add(new Date(o.startsAt).toISOString().slice(11, 16));
    }
    expect(offsets).toEqual(new Set(['08:00', '09:00'])); // CEST and CET
    for (const skipped of s.skippedDates) expect(holidayName(skipped.date, ['DE-BW'])).toBe(skipped.reason);
  });

  it('records Ascension and Corpus Christi (always Thursdays) as skipped for a Thursday series in DE-BW', async () => {
    const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, SCHEDULE, {
      input: { groupId: c.groupId, title: 'Fachgruppe', rrule: 'FREQ=WEEKLY;BYDAY=TH', startsOn: todayInBerlin(), startTime: '14:00', durationMinutes: 120, holidayRegions: ['DE-BW'] },
    });
    const reasons = s.skippedDates.map((d: { reason: string }) => d.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Christi Himmelfahrt', 'Fronleichnam']));
    const { scheduleMeetingSeries: berlinSeries } = await hub.ok(c.lead.token, SCHEDULE, {
      input: { groupId: c.groupId, title: 'Berlin', rrule: 'FREQ=WEEKLY;BYDAY=TH', startsOn: todayInBerlin(), startTime: '14:00', durationMinutes: 60, holidayRegions: ['DE-BE'], holidayPolicy: 'SKIP' },
    });
    expect(berlinSeries.skippedDates.map((d: { reason: string }) => d.reason)).not.toContain('Fronleichnam');
  });

  it('keeps single edits and everything held when the series is updated and ended', async () => {
    const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, SCHEDULE, {
      input: { groupId: c.groupId, title: 'Jour fixe B', rrule: 'FREQ=WEEKLY;BYDAY=WE', startsOn: todayInBerlin(), startTime: '10:00', durationMinutes: 60, holidayPolicy: 'IGNORE' },
    });
    const before = await occurrences(s.id, 120);
    const [cancelled, moved, attended, withProtocol] = before;
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: cancelled.id, reason: 'Ferien' } });
    const movedStart = new Date(Date.parse(moved.startsAt) + 86_400_000 + 3_600_000);
    await hub.ok(c.lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', {
      input: { meetingId: moved.id, startsAt: movedStart, endsAt: new Date(movedStart.getTime() + 3_600_000) },
    });
    await hub.ok(c.lead.token, 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }', { input: { meetingId: attended.id, personId: c.member.id, status: 'PRESENT' } });
    await hub.ok(c.lead.token, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id } }', { input: { meetingId: withProtocol.id } });

    const { updateMeetingSeries: u } = await hub.ok(c.lead.token, UPDATE, { input: { seriesId: s.id, effectiveFrom: todayInBerlin(), startTime: '11:30' } });
    expect(u.startTime).toBe('11:30');
    const after = await occurrences(s.id, 120);
    const byId = new Map(after.map((o) => [o.id, o]));
    expect(byId.get(cancelled.id)).toMatchObject({ status: 'CANCELLED', startsAt: cancelled.startsAt });
    expect(byId.get(moved.id)!.startsAt).toBe(movedStart.toISOString());
    expect(byId.get(attended.id)!.startsAt).toBe(attended.startsAt);
    expect(byId.get(withProtocol.id)!.startsAt).toBe(withProtocol.startsAt);
    const untouched = after.filter((o) => ![cancelled.id, moved.id, attended.id, withProtocol.id].includes(o.id));
    expect(untouched.length).toBeGreaterThan(5);
    for (const o of untouched) {
      expect(localTime(o.startsAt)).toBe('11:30');
      expect(o.sequence).toBeGreaterThanOrEqual(1);
    }
    // The same occurrences (ids) were updated in place, not replaced.
    expect(untouched.every((o) => before.some((b) => b.id === o.id))).toBe(true);

    // Ending the series: untouched later occurrences go, the held ones stay.
    const lastDate = localDate(before[1].startsAt);
    const { endMeetingSeries: e } = await hub.ok(c.lead.token, END, { input: { seriesId: s.id, lastDate } });
    expect(e.until).toBe(lastDate);
    const ended = (await occurrences(s.id, 120)).map((o) => o.id);
    expect(ended).toEqual(expect.arrayContaining([cancelled.id, moved.id, attended.id, withProtocol.id]));
    expect(ended).toHaveLength(4);
  });

  it('lets a new rule count from effectiveFrom', async () => {
    const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, SCHEDULE, {
      input: { groupId: c.groupId, title: 'Rhythmus', rrule: 'FREQ=WEEKLY;BYDAY=MO', startsOn: todayInBerlin(), startTime: '09:00', durationMinutes: 30, holidayPolicy: 'IGNORE' },
    });
    const from = localDate(inDays(30).toISOString());
    await hub.ok(c.lead.token, UPDATE, { input: { seriesId: s.id, effectiveFrom: from, rrule: 'FREQ=WEEKLY;BYDAY=FR' } });
    for (const o of await occurrences(s.id, 90)) {
      const weekday = new Date(`${localDate(o.startsAt)}T00:00:00Z`).getUTCDay();
      expect(weekday).toBe(localDate(o.startsAt) < from ? 1 : 5); // Mondays before, Fridays from then on
    }
  });

  it('denies members and outsiders', async () => {
    const input = { groupId: c.groupId, title: 'X', rrule: 'FREQ=WEEKLY', startsOn: todayInBerlin(), startTime: '10:00', durationMinutes: 60 };
    expect(codeOf(await hub.gql(c.member.token, SCHEDULE, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.stranger.token, SCHEDULE, { input }))).toBe('NOT_FOUND');
    const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, SCHEDULE, { input: { ...input, until: localDate(inDays(20).toISOString()) } });
    expect(codeOf(await hub.gql(c.member.token, UPDATE, { input: { seriesId: s.id, effectiveFrom: todayInBerlin(), startTime: '12:00' } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.stranger.token, END, { input: { seriesId: s.id, lastDate: todayInBerlin() } }))).toBe('NOT_FOUND');
  });

  it.each([
    ['an invalid RRULE', { rrule: 'JEDEN ZWEITEN DIENSTAG' }, 'rrule'],
    ['more than one occurrence a day', { rrule: 'FREQ=HOURLY;INTERVAL=2' }, 'rrule'],
    ['several times a day', { rrule: 'FREQ=DAILY;BYHOUR=9,15' }, 'rrule'],
    ['an unknown zone', { timeZone: 'Europe/Ettlingen' }, 'timeZone'],
    ['an unknown region', { holidayRegions: ['DE-XX'] }, 'holidayRegions'],
    ['a start time not HH:MM', { startTime: '9 Uhr' }, 'startTime'],
    ['a start time out of range', { startTime: '25:00' }, 'startTime'],
    ['a zero duration', { durationMinutes: 0 }, 'durationMinutes'],
    ['until before the start', { until: '2020-01-01' }, 'until'],
  ])('refuses %s', async (_what, change, field) => {
    const input = { groupId: c.groupId, title: 'X', rrule: 'FREQ=WEEKLY', startsOn: todayInBerlin(), startTime: '10:00', durationMinutes: 60, ...change };
    const result = await hub.gql(c.lead.token, SCHEDULE, { input });
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining(field) });
  });
});
