import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { todayInBerlin } from '../../src/common/scalars.js';
import { bothRead, expandedByAll, expandWithIcalJs, instantsOfLocalTime, nextClockChange, nonStandardProperties, nonUtcStamps, unfolded } from '../support/ical-readers.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

/** Parses a feed with Mozilla's ical.js, a parser independent of the generator. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zones = cal.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid')));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const start = v.getFirstProperty('dtstart')!;
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      sequence: Number(v.getFirstPropertyValue('sequence')),
      status: String(v.getFirstPropertyValue('status')),
      url: v.getFirstPropertyValue('url') as string | null,
      tzid: start.getParameter('tzid'),
      localStart: e.startDate.toString(), // wall-clock time in its TZID
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
    };
  });
  return { zones, events };
}

describe('calendar feeds', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  const feedPath = async (token: string) => new URL((await hub.ok(token, '{ calendarFeedUrl }')).calendarFeedUrl).pathname;

  it('serves a personal feed that an independent parser reads: stable UIDs, TZID with VTIMEZONE, local times, link, group', async () => {
    await hub.ok(c.lead.token, 'mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }', {
      input: { groupId: c.groupId, title: 'Jour fixe', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', startsOn: todayInBerlin(), startTime: '10:00', durationMinutes: 60, onlineUrl: 'https://meet.jit.si/jf' },
    });
    const path = await feedPath(c.member.token);
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const res = await hub.http.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const { zones, events } = parse(res.text);
    expect(zones).toContain('Europe/Berlin');
    // The series is one recurring event (series-ical.e2e-spec.ts checks its expansion in depth).
    const jf = events.filter((e) => e.summary.endsWith(': Jour fixe'));
    expect(jf).toHaveLength(1);
    const [master] = jf;
    expect(master).toMatchObject({ tzid: 'Europe/Berlin', url: 'https://meet.jit.si/jf', status: 'CONFIRMED', uid: expect.stringMatching(/^series-/) });
    expect(master!.localStart).toMatch(/T10:00:00$/);
    expect(master!.description).toContain('https://meet.jit.si/jf');
    const instances = expandWithIcalJs(res.text, master!.uid, new Date(), new Date(Date.now() + 366 * 86_400_000));
    expect(instances.length).toBeGreaterThanOrEqual(25);
    for (const e of instances) {
      expect(new Date(e.start).toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' })).toBe('10:00');
      expect(new Date(e.end).getTime() - new Date(e.start).getTime()).toBe(3_600_000);
    }
    // Summer and winter both at 10:00 local, i.e. 08:00Z and 09:00Z.
    expect(new Set(instances.map((e) => e.start.slice(11, 16)))).toEqual(new Set(['08:00', '09:00']));
    const again = parse((await hub.http.get(path)).text).events;
    expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  });

  it('raises SEQUENCE on every change and marks cancelled meetings STATUS:CANCELLED', async () => {
    const id = await meeting(hub, c.lead, c.groupId, 12, { title: 'Sondersitzung', location: 'Rathaus' });
    const path = await feedPath(c.member.token);
    const find = async () => parse((await hub.http.get(path)).text).events.find((e) => e.uid.startsWith(id))!;
    const first = await find();
    expect(first).toMatchObject({ sequence: 0, status: 'CONFIRMED', location: 'Rathaus' });
    const startsAt = new Date(Date.now() + 13 * 86_400_000);
    await hub.ok(c.lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', {
      input: { meetingId: id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
    const moved = await find();
    expect(moved.sequence).toBe(1);
    expect(moved.uid).toBe(first.uid);
    expect(moved.start.getTime()).toBe(Math.floor(startsAt.getTime() / 1000) * 1000);
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: id, reason: 'Krankheit' } });
    const cancelled = await find();
    expect(cancelled).toMatchObject({ sequence: 2, status: 'CANCELLED' });
    expect(cancelled.description).toContain('Abgesagt: Krankheit');
  });

  const bothFeeds = async (token: string) => {
    const personal = await feedPath(token);
    const paths = [personal, `/calendar/groups/${c.groupId}.ics?token=${personal.slice(10, -4)}`];
    return Promise.all(paths.map(async (path) => ({ path, text: (await hub.http.get(path)).text })));
  };

  it('writes DTSTAMP, CREATED and LAST-MODIFIED in UTC (RFC 5545 3.8.7), in both feeds', async () => {
    const since = Date.now() - 1000; // the stamps have whole seconds
    await meeting(hub, c.lead, c.groupId, 30, { title: 'Stempel' });
    const until = Date.now() + 1000;
    for (const { path, text } of await bothFeeds(c.member.token)) {
      expect({ path, lines: nonUtcStamps(text) }).toEqual({ path, lines: [] });
      // Read by node-ical as the instants the test made the meeting at (a floating stamp is off by the zone's offset).
      const { stamps } = bothRead(text, 'Stempel').nodeIcal;
      expect(stamps).toHaveLength(3);
      for (const d of stamps) expect(d.getTime() >= since && d.getTime() <= until ? 'while the test made it' : d.toISOString()).toBe('while the test made it');
    }
  });

  it('writes only standard or X- properties (no TIMEZONE-ID, which libical reports as an error), in both feeds', async () => {
    await meeting(hub, c.lead, c.groupId, 31);
    for (const { path, text } of await bothFeeds(c.member.token)) {
      expect({ path, properties: nonStandardProperties(text) }).toEqual({ path, properties: [] });
      expect(unfolded(text)).toContain('X-WR-TIMEZONE:Europe/Berlin'); // the calendar's zone, the de-facto way
    }
  });

  it('writes a time the autumn clock change repeats in UTC and keeps the spring night local: ical.js and node-ical place the meeting, ical.js, libical and Python the series\' occurrences right, in both feeds', async () => {
    const SERIES = `mutation($input: ScheduleMeetingSeriesInput!, $from: DateTime!, $to: DateTime!) {
      scheduleMeetingSeries(input: $input) { occurrences(from: $from, to: $to) { startsAt endsAt } } }`;
    const night = async (title: string, date: string) => {
      const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, SERIES, {
        input: { groupId: c.groupId, title, rrule: 'FREQ=DAILY;COUNT=1', startsOn: date, startTime: '02:30', durationMinutes: 60, holidayRegions: [] },
        from: new Date(`${date}T00:00:00+02:00`), to: new Date(`${date}T23:59:59+01:00`),
      });
      expect(s.occurrences).toHaveLength(1);
      return { start: new Date(s.occurrences[0].startsAt), end: new Date(s.occurrences[0].endsAt) };
    };
    // The last Sundays of October and March ahead (2027-10-31 and 2027-03-28 as of December 2026).
    const autumn = nextClockChange('autumn', new Date());
    const spring = nextClockChange('spring', new Date());
    const [firstHalf, secondHalf] = instantsOfLocalTime(autumn, '02:30');
    expect(secondHalf!.getTime() - firstHalf!.getTime()).toBe(3_600_000); // 02:30 happens twice
    expect(instantsOfLocalTime(spring, '02:30')).toEqual([]); // and not at all in spring

    // A series' 02:30 on the autumn night is the first 02:30 (RFC 5545); an hour later it is 02:30 again.
    const sameWallTime = await night('Nachtschicht Herbst', autumn);
    expect(sameWallTime).toEqual({ start: firstHalf, end: secondHalf });
    // A meeting set by its instants: from the second 02:30 to 03:30 CET.
    await hub.ok(c.lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId: c.groupId, title: 'Nach der Umstellung', startsAt: secondHalf, endsAt: new Date(secondHalf!.getTime() + 3_600_000) },
    });
    // A series' 02:30 on the spring night moves to 03:30 CEST, a wall time that exists once.
    const gap = await night('Nachtschicht Frühling', spring);
    expect(gap.end.getTime() - gap.start.getTime()).toBe(3_600_000);

    for (const { text } of await bothFeeds(c.member.token)) {
      const expected: [string, { start: Date; end: Date }][] = [
        ['Nachtschicht Herbst', sameWallTime],
        ['Nach der Umstellung', { start: secondHalf!, end: new Date(secondHalf!.getTime() + 3_600_000) }],
        ['Nachtschicht Frühling', gap],
      ];
      const events = parse(text).events;
      for (const [title, want] of expected) {
        const one = events.filter((e) => e.summary.endsWith(`: ${title}`));
        const uid = one[0]!.uid;
        if (uid.startsWith('series-')) {
          // A series: one recurring event; every reader places its one instance where the hub does.
          const read = expandedByAll(text, uid, new Date(want.start.getTime() - 86_400_000), new Date(want.start.getTime() + 86_400_000));
          for (const [reader, got] of Object.entries(read)) {
            const exact = { title, reader, got: [{ start: want.start.toISOString(), end: want.end.toISOString() }] };
            // recurring_ical_events first rewrites UTC times into the feed's X-WR-TIMEZONE
            // (x_wr_timezone), which loses which of the two 02:30 an override meant: a known fault
            // of that step on this one night, asserted so that its fix shows. The group feeds keep
            // X-WR-TIMEZONE for Apple and Google Calendar.
            if (reader === 'python' && title === 'Nachtschicht Herbst') expect({ title, reader, got }).not.toEqual(exact);
            else expect({ title, reader, got }).toEqual(exact);
          }
          continue;
        }
        const read = bothRead(text, title);
        for (const e of [read.icaljs, read.nodeIcal]) {
          expect({ title, start: e.start.toISOString(), end: e.end.toISOString() }).toEqual({ title, start: want.start.toISOString(), end: want.end.toISOString() });
        }
      }
      const lines = unfolded(text);
      const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
      // The single meeting after the change, and the autumn series' occurrence (an override), in UTC.
      expect(lines).toEqual(expect.arrayContaining([`DTSTART:${utc(firstHalf!)}`, `DTEND:${utc(secondHalf!)}`, `DTSTART:${utc(secondHalf!)}`]));
      // The spring series keeps the rule's wall time in its DTSTART (RFC 5545 reads it as 03:30 CEST).
      expect(lines).toContain(`DTSTART;TZID=Europe/Berlin:${spring.replace(/-/g, '')}T023000`);
    }
  });

  it('serves a group feed to those who may read the group, and 404 to others', async () => {
    const memberToken = new URL((await hub.ok(c.member.token, '{ calendarFeedUrl }')).calendarFeedUrl).pathname.slice(10, -4);
    const ok = await hub.http.get(`/calendar/groups/${c.groupId}.ics`).query({ token: memberToken });
    expect(ok.status).toBe(200);
    expect(parse(ok.text).events.length).toBeGreaterThan(0);
    const strangerToken = new URL((await hub.ok(c.stranger.token, '{ calendarFeedUrl }')).calendarFeedUrl).pathname.slice(10, -4);
    expect((await hub.http.get(`/calendar/groups/${c.groupId}.ics`).query({ token: strangerToken })).status).toBe(404);
    expect((await hub.http.get(`/calendar/groups/${c.groupId}.ics`)).status).toBe(404);
  });

  it('rotating the token makes the old URL answer 404', async () => {
    const old = await feedPath(c.guest.token);
    expect((await hub.http.get(old)).status).toBe(200);
    const { rotateCalendarFeedToken } = await hub.ok(c.guest.token, 'mutation { rotateCalendarFeedToken }');
    const fresh = new URL(rotateCalendarFeedToken).pathname;
    expect(fresh).not.toBe(old);
    expect((await hub.http.get(old)).status).toBe(404);
    expect((await hub.http.get(fresh)).status).toBe(200);
    expect(await feedPath(c.guest.token)).toBe(fresh);
    expect((await hub.http.get('/calendar/not-a-token.ics')).status).toBe(404);
    expect(codeOf(await hub.gql(null, '{ calendarFeedUrl }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await hub.gql(null, 'mutation { rotateCalendarFeedToken }'))).toBe('UNAUTHENTICATED');
  });
});

describe('date polls', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  const CREATE = 'mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id title closed options { id startsAt yes maybe no } } }';
  const VOTE = 'mutation($input: VoteDatePollInput!) { voteDatePoll(input: $input) { id options { id yes maybe no } } }';
  const CLOSE = 'mutation($input: CloseDatePollInput!) { closeDatePoll(input: $input) { id closed meeting { id title startsAt status } } }';
  const slot = (days: number) => ({ startsAt: new Date(Date.now() + days * 86_400_000), endsAt: new Date(Date.now() + days * 86_400_000 + 5_400_000) });

  it('moderators offer slots, members answer (later answers replace earlier ones), closing creates the meeting', async () => {
    const { createDatePoll: poll } = await hub.ok(c.lead.token, CREATE, { input: { groupId: c.groupId, title: 'Plenum Frühjahr', options: [slot(20), slot(21), slot(22)] } });
    expect(poll).toMatchObject({ closed: false });
    const [a, b] = poll.options;
    await hub.ok(c.member.token, VOTE, { input: { pollId: poll.id, votes: [{ optionId: a.id, answer: 'YES' }, { optionId: b.id, answer: 'NO' }] } });
    await hub.ok(c.guest.token, VOTE, { input: { pollId: poll.id, votes: [{ optionId: a.id, answer: 'MAYBE' }] } });
    const { voteDatePoll } = await hub.ok(c.member.token, VOTE, { input: { pollId: poll.id, votes: [{ optionId: b.id, answer: 'YES' }] } });
    const tally = Object.fromEntries(voteDatePoll.options.map((o: { id: string; yes: number; maybe: number; no: number }) => [o.id, [o.yes, o.maybe, o.no]]));
    expect(tally[a.id]).toEqual([1, 1, 0]);
    expect(tally[b.id]).toEqual([1, 0, 0]);

    expect(codeOf(await hub.gql(c.agency.token, VOTE, { input: { pollId: poll.id, votes: [{ optionId: a.id, answer: 'YES' }] } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.bystander.token, VOTE, { input: { pollId: poll.id, votes: [{ optionId: a.id, answer: 'YES' }] } }))).toBe('NOT_FOUND');
    expect((await hub.ok(c.bystander.token, 'query($id: ID!) { datePoll(id: $id) { id } }', { id: poll.id })).datePoll).toBeNull();
    expect(codeOf(await hub.gql(c.member.token, CLOSE, { input: { pollId: poll.id, optionId: a.id } }))).toBe('FORBIDDEN');

    const { closeDatePoll } = await hub.ok(c.lead.token, CLOSE, { input: { pollId: poll.id, optionId: a.id } });
    expect(closeDatePoll).toMatchObject({ closed: true, meeting: { title: 'Plenum Frühjahr', startsAt: a.startsAt, status: 'SCHEDULED' } });
    const late = await hub.gql(c.member.token, VOTE, { input: { pollId: poll.id, votes: [{ optionId: a.id, answer: 'NO' }] } });
    expect(late.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('abgeschlossen') });
  });

  it.each([
    ['an empty poll', { options: [] }, 'options'],
    ['an option ending before it starts', { options: [{ startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 80_000_000) }] }, 'options[0]'],
  ])('refuses %s', async (_what, change, field) => {
    const result = await hub.gql(c.lead.token, CREATE, { input: { groupId: c.groupId, title: 'X', ...change } });
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining(field) });
  });

  it('denies members creating polls', async () => {
    expect(codeOf(await hub.gql(c.member.token, CREATE, { input: { groupId: c.groupId, title: 'X', options: [slot(5)] } }))).toBe('FORBIDDEN');
  });
});
