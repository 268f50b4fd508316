// A series is one invitation: a re@di-like jour fixe every other Thursday in Europe/Berlin, across
// both clock changes, with a holiday skipped, one occurrence cancelled, one moved, then changed from
// a date on and ended. The group feed, the personal feed and the invitation mails are expanded by
// three independent readers (ical.js, libical, Python icalendar + recurring_ical_events); each
// must give exactly the hub's occurrences (GraphQL), instant for instant.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { addDays, holidayName } from '../../libs/recurrence/index.js';
import { seriesUid } from '../../src/calendar/ical-common.js';
import type { AppConfig } from '../../src/config/config.js';
import { APP_CONFIG } from '../../src/config/config.module.js';
import { todayInBerlin } from '../../src/common/scalars.js';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { expandedByAll, nonStandardProperties, nonUtcStamps, type Instance } from '../support/ical-readers.js';
import { cast, type Cast } from '../support/meeting-fixtures.js';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink.js';
import { TestHub } from '../support/test-hub.js';

const email = (username: string) => `${username}@example.org`;
const OCCURRENCES = `query($id: ID!, $from: DateTime!, $to: DateTime!) { group(id: $id) { series {
  id occurrences(from: $from, to: $to) { id startsAt endsAt status } } } }`;
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

/** The calendar's VEVENTs with a UID, as ical.js reads them (METHOD, RECURRENCE-ID, SEQUENCE, ATTENDEE). */
function components(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return {
    method: cal.getFirstPropertyValue('method') as string | null,
    events: cal.getAllSubcomponents('vevent').map((v) => ({
      uid: String(v.getFirstPropertyValue('uid')),
      recurrenceId: v.getFirstProperty('recurrence-id')?.toICALString() ?? null,
      sequence: Number(v.getFirstPropertyValue('sequence')),
      rrule: v.getFirstProperty('rrule')?.toICALString() ?? null,
      attendee: v.getFirstProperty('attendee')?.toICALString() ?? null,
    })),
  };
}

describe('a series is one recurring event in feeds and mail', () => {
  let sink: SmtpSink;
  let hub: TestHub;
  let c: Cast;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await TestHub.start({ SMTP_URL: sink.url, MAIL_FROM: 'Interkom <interkom@example.org>', MAIL_OUTBOX_WORKER: 'false' });
    await hub.hub.app.get(DataSource).query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = 'skipped: earlier test' WHERE delivered_at IS NULL`);
    c = await cast(hub);
  });
  afterAll(async () => {
    await hub.stop();
    await sink.stop();
  });

  it('expands to exactly the hub\'s occurrences in ical.js, libical and Python, through every change', async () => {
    const deliver = () => hub.hub.app.get(MailOutboxProcessor).drain();
    // Every other Thursday, phased so that a Thursday holiday in DE-BW (Ascension, Corpus Christi,
    // 1 January …) within the next year is one of its dates.
    const today = todayInBerlin();
    let holiday = addDays(today, 30);
    while (!(weekday(holiday) === 4 && holidayName(holiday, ['DE-BW']))) holiday = addDays(holiday, 1);
    let startsOn = holiday;
    while (addDays(startsOn, -14) > addDays(today, 7)) startsOn = addDays(startsOn, -14);
    const { scheduleMeetingSeries: series } = await hub.ok(c.lead.token, `mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id skippedDates { date } } }`, {
      input: { groupId: c.groupId, title: 'Jour fixe re@di', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', startsOn, startTime: '10:00', durationMinutes: 90, holidayRegions: ['DE-BW'], location: 'Rathaus, Raum 3' },
    });
    expect(series.skippedDates.map((d: { date: string }) => d.date)).toContain(holiday);
    const uid = seriesUid(series.id, hub.hub.app.get<AppConfig>(APP_CONFIG).publicBaseUrl);
    const from = new Date();
    const to = new Date(Date.now() + 390 * 86_400_000);
    const hubOccurrences = async (): Promise<(Instance & { id: string; status: string })[]> => {
      const { group } = await hub.ok(c.lead.token, OCCURRENCES, { id: c.groupId, from, to });
      const list = group.series.find((s: { id: string }) => s.id === series.id).occurrences as { id: string; startsAt: string; endsAt: string; status: string }[];
      return list.map((o) => ({ id: o.id, status: o.status, start: new Date(o.startsAt).toISOString(), end: new Date(o.endsAt).toISOString() }));
    };
    const expected = async () => (await hubOccurrences()).filter((o) => o.status !== 'CANCELLED').map(({ start, end }) => ({ start, end })).sort((a, b) => a.start.localeCompare(b.start));
    const feedPath = new URL((await hub.ok(c.member.token, '{ calendarFeedUrl }')).calendarFeedUrl).pathname;
    const groupPath = `/calendar/groups/${c.groupId}.ics?token=${feedPath.slice(10, -4)}`;
    const feeds = async () => Promise.all([feedPath, groupPath].map(async (p) => (await hub.http.get(p)).text));

    /** Each reader, on each text, gives the hub's occurrences. */
    const agree = async (texts: string[], label: string) => {
      const want = await expected();
      for (const [i, text] of texts.entries()) {
        const read = expandedByAll(text, uid, from, to);
        for (const [reader, got] of Object.entries(read)) expect({ label: `${label} #${i} ${reader}`, got }).toEqual({ label: `${label} #${i} ${reader}`, got: want });
        // Standard or X- properties only, stamps in UTC (as the single meetings' entries).
        expect({ label, properties: nonStandardProperties(text), stamps: nonUtcStamps(text) }).toEqual({ label, properties: [], stamps: [] });
        // One UID for the series: none of its meetings has an entry of its own.
        const own = components(text).events.filter((e) => e.uid !== uid && e.uid.includes(series.id));
        expect(own).toEqual([]);
      }
      return want;
    };

    const initial = await agree(await feeds(), 'scheduled');
    // Both clock changes lie within the year: 10:00 local is 09:00Z in winter and 08:00Z in summer.
    expect(new Set(initial.map((o) => o.start.slice(11, 16)))).toEqual(new Set(['08:00', '09:00']));
    await deliver();
    const invitation = sink.to(email(c.member.username));
    expect(invitation).toHaveLength(1);
    const invited = components(invitation[0]!.calendar!.ics);
    expect(invited.method).toBe('REQUEST');
    expect(invited.events.filter((e) => !e.recurrenceId)).toEqual([expect.objectContaining({ uid, sequence: 0, rrule: expect.stringContaining('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH') })]);
    expect(invited.events[0]!.attendee).toMatch(/RSVP=TRUE/);
    await agree([invitation[0]!.calendar!.ics], 'invitation');

    // One occurrence cancelled, one moved (a day later, 15:00): each mailed alone by RECURRENCE-ID.
    const occ = await hubOccurrences();
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: occ[1]!.id, reason: 'Ferien' } });
    const movedTo = new Date(new Date(occ[2]!.start).getTime() + 29 * 3_600_000);
    await hub.ok(c.lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', {
      input: { meetingId: occ[2]!.id, startsAt: movedTo, endsAt: new Date(movedTo.getTime() + 3_600_000) },
    });
    await deliver();
    const [, cancelMail, moveMail] = sink.to(email(c.member.username)) as ReceivedMail[];
    const cancel = components(cancelMail!.calendar!.ics);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events).toEqual([expect.objectContaining({ uid, rrule: null, recurrenceId: expect.stringMatching(/^RECURRENCE-ID;TZID=Europe\/Berlin:\d{8}T100000$/) })]);
    const move = components(moveMail!.calendar!.ics);
    expect(move.method).toBe('REQUEST');
    expect(move.events).toEqual([expect.objectContaining({ uid, rrule: null, sequence: 1, recurrenceId: expect.stringMatching(/T100000$/) })]);
    await agree(await feeds(), 'cancelled and moved');

    // From a date on: Tuesdays every other week at 11:00; then ended. Earlier occurrences stay.
    const effectiveFrom = addDays(occ[5]!.start.slice(0, 10), 1);
    await hub.ok(c.lead.token, 'mutation($input: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $input) { id } }', {
      input: { seriesId: series.id, effectiveFrom, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', startTime: '11:00' },
    });
    await deliver();
    const changed = await agree(await feeds(), 'changed from a date on');
    expect(changed.filter((o) => o.start < `${effectiveFrom}T00`).length).toBeGreaterThanOrEqual(4);
    const lastDate = addDays(effectiveFrom, 150);
    await hub.ok(c.lead.token, 'mutation($input: EndMeetingSeriesInput!) { endMeetingSeries(input: $input) { id } }', { input: { seriesId: series.id, lastDate } });
    await deliver();
    const ended = await agree(await feeds(), 'ended');
    expect(ended.every((o) => o.start.slice(0, 10) <= lastDate)).toBe(true);
    const mails = sink.to(email(c.member.username));
    const updates = mails.slice(3).map((m) => components(m.calendar!.ics));
    expect(updates.map((u) => [u.method, u.events.find((e) => !e.recurrenceId)!.sequence])).toEqual([['REQUEST', 1], ['REQUEST', 2]]);
    expect(updates[1]!.events.find((e) => !e.recurrenceId)!.rrule).toMatch(/UNTIL=\d{8}T\d{6}Z/);
    await agree([mails[mails.length - 1]!.calendar!.ics], 'ended, by mail');
    // Nobody outside the group hears of it, by mail or in their own feed.
    for (const outsider of [c.bystander, c.stranger]) {
      expect(sink.to(email(outsider.username))).toEqual([]);
      const path = new URL((await hub.ok(outsider.token, '{ calendarFeedUrl }')).calendarFeedUrl).pathname;
      const text = (await hub.http.get(path)).text;
      expect(text).toContain('BEGIN:VCALENDAR');
      expect(text).not.toContain(series.id);
    }
  }, 240_000);

  it('writes an occurrence a holiday moved to the next working day as an override of its rule date', async () => {
    const today = todayInBerlin();
    let holiday = addDays(today, 30);
    while (!(weekday(holiday) === 4 && holidayName(holiday, ['DE-BW']))) holiday = addDays(holiday, 1);
    const startsOn = addDays(holiday, -21);
    const { scheduleMeetingSeries: series } = await hub.ok(c.lead.token, `mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }`, {
      input: { groupId: c.groupId, title: 'Fachgruppe', rrule: 'FREQ=WEEKLY;BYDAY=TH', startsOn, until: addDays(holiday, 70), startTime: '14:00', durationMinutes: 120, holidayRegions: ['DE-BW'], holidayPolicy: 'NEXT_WORKING_DAY' },
    });
    const uid = seriesUid(series.id, hub.hub.app.get<AppConfig>(APP_CONFIG).publicBaseUrl);
    const from = new Date();
    const to = new Date(Date.now() + 390 * 86_400_000);
    const { group } = await hub.ok(c.lead.token, OCCURRENCES, { id: c.groupId, from, to });
    const want = (group.series.find((x: { id: string }) => x.id === series.id).occurrences as { startsAt: string; endsAt: string }[])
      .map((o) => ({ start: new Date(o.startsAt).toISOString(), end: new Date(o.endsAt).toISOString() }));
    // The holiday's meeting takes place on the Friday (or later) at 14:00.
    expect(want.some((o) => o.start.slice(0, 10) > holiday && o.start.slice(0, 10) <= addDays(holiday, 4) && weekday(o.start.slice(0, 10)) !== 4)).toBe(true);
    const feedPath = new URL((await hub.ok(c.member.token, '{ calendarFeedUrl }')).calendarFeedUrl).pathname;
    const text = (await hub.http.get(`/calendar/groups/${c.groupId}.ics?token=${feedPath.slice(10, -4)}`)).text;
    for (const [reader, got] of Object.entries(expandedByAll(text, uid, from, to))) expect({ reader, got }).toEqual({ reader, got: want });
    // Overrides exactly for the holiday Thursdays, named by their rule date at 14:00.
    const overridden = components(text).events.filter((e) => e.uid === uid && e.recurrenceId).map((e) => e.recurrenceId!);
    expect(overridden).toContain(`RECURRENCE-ID;TZID=Europe/Berlin:${holiday.replace(/-/g, '')}T140000`);
    for (const r of overridden) {
      const date = `${r.slice(-15, -11)}-${r.slice(-11, -9)}-${r.slice(-9, -7)}`;
      expect({ r, holiday: holidayName(date, ['DE-BW']) }).toEqual({ r: expect.stringMatching(/T140000$/), holiday: expect.any(String) });
    }
  }, 120_000);
});
