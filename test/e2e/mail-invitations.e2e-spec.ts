// Meeting invitations as iMIP (RFC 6047) over a real SMTP server on loopback: one event per
// meeting with the feeds' UID, SEQUENCE = Meeting.sequence, REQUEST → REQUEST → CANCEL, and only
// to members of the meeting's groups who want e-mail.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { addDays } from '../../libs/recurrence/index.js';
import { todayInBerlin } from '../../src/common/scalars.js';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { actor, addGroupMember, setRole, type Actor } from '../support/factories.js';
import { feedEvents } from '../support/ical-events.js';
import { bothRead, instantsOfLocalTime, nextClockChange, nonStandardProperties, nonUtcStamps, unfolded } from '../support/ical-readers.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink.js';
import { TestHub } from '../support/test-hub.js';

const PRIVACY = 'mutation($input: PrivacySettingsInput!) { setPrivacySettings(input: $input) { notifyByEmail } }';
const email = (a: Actor) => `${a.username}@example.org`;

/** The VEVENT of a mail's calendar part, read with ical.js (independent of the generator). */
function vevent(mail: ReceivedMail) {
  const cal = new ICAL.Component(ICAL.parse(mail.calendar!.ics));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  const v = cal.getFirstSubcomponent('vevent')!;
  const e = new ICAL.Event(v);
  return {
    method: String(cal.getFirstPropertyValue('method')),
    uid: e.uid,
    sequence: Number(v.getFirstPropertyValue('sequence')),
    status: String(v.getFirstPropertyValue('status')),
    start: e.startDate.toJSDate(),
    tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'),
    timezones: cal.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))),
    organizer: String(v.getFirstPropertyValue('organizer')).toLowerCase(),
    attendees: v.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase()),
    events: cal.getAllSubcomponents('vevent').length,
  };
}

describe('meeting invitations by e-mail (iMIP)', () => {
  let sink: SmtpSink;
  let hub: TestHub;
  let c: Cast;
  let quiet: Actor;
  let processor: MailOutboxProcessor;
  const deliver = () => processor.drain();

  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await TestHub.start({ SMTP_URL: sink.url, MAIL_FROM: 'Interkom <interkom@example.org>', MAIL_OUTBOX_WORKER: 'false' });
    processor = hub.hub.app.get(MailOutboxProcessor);
    // Notifications other test files left in this worker's database are not this test's business.
    await hub.hub.app.get(DataSource).query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = 'skipped: earlier test' WHERE delivered_at IS NULL`);
    c = await cast(hub);
    quiet = await actor(hub, 'quiet');
    await setRole(hub, c.root, c.networkId, quiet.id, 'MEMBER', c.city);
    await addGroupMember(hub, c.agency, c.groupId, quiet.id, 'MEMBER');
    await hub.ok(quiet.token, PRIVACY, { input: { notifyByEmail: false } });
  });
  afterAll(async () => {
    await hub.stop();
    await sink.stop();
  });

  it('sends REQUEST, REQUEST with a higher SEQUENCE, then CANCEL: one event with the feeds\' UID, to each member once', async () => {
    const id = await meeting(hub, c.lead, c.groupId, 10, { title: 'Jour fixe <b>& Co</b>' });
    await deliver();
    const members = [c.lead, c.member, c.guest];
    for (const m of members) expect(sink.to(email(m))).toHaveLength(1);
    const first = vevent(sink.to(email(c.member))[0]!);
    const feedUid = (await feedEvents(hub, c.member.token)).find((e) => e.uid.startsWith(id))!.uid;
    expect(first).toMatchObject({ method: 'REQUEST', uid: feedUid, sequence: 0, status: 'CONFIRMED', tzid: 'Europe/Berlin', events: 1 });
    expect(first.timezones).toContain('Europe/Berlin');
    // The organizer address carries the recipient's own token (RSVP); replies from the calendar go there.
    expect(first.organizer).toMatch(/^mailto:interkom\+[0-9a-f]{32}@example\.org$/);
    expect(vevent(sink.to(email(c.lead))[0]!).organizer).not.toBe(first.organizer);
    expect(first.attendees).toEqual([`mailto:${email(c.member)}`]); // no other member's address
    const mail = sink.to(email(c.member))[0]!;
    expect(mail.calendar!.method).toBe('REQUEST');
    expect(mail.parsed.subject).toMatch(/^Einladung: .*Jour fixe <b>& Co<\/b>/);
    expect(mail.parsed.html).toContain('Jour fixe &lt;b&gt;&amp; Co&lt;/b&gt;');
    expect(mail.parsed.html).not.toContain('<b>& Co');
    expect(mail.parsed.text).toContain('lädt Sie zur Sitzung „Jour fixe <b>& Co</b>“ ein');

    const startsAt = new Date(Date.now() + 12 * 86_400_000);
    await hub.ok(c.lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { sequence } }', {
      input: { meetingId: id, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) },
    });
    await deliver();
    for (const m of members) expect(sink.to(email(m))).toHaveLength(2);
    const second = vevent(sink.to(email(c.member))[1]!);
    expect(second).toMatchObject({ method: 'REQUEST', uid: feedUid, sequence: 1, status: 'CONFIRMED' });
    expect(second.start.getTime()).toBe(Math.floor(startsAt.getTime() / 1000) * 1000);
    expect(sink.to(email(c.member))[1]!.parsed.subject).toMatch(/^Verschoben: /);

    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { sequence } }', { input: { meetingId: id, reason: 'Krankheit' } });
    await deliver();
    for (const m of members) expect(sink.to(email(m))).toHaveLength(3);
    const third = vevent(sink.to(email(c.member))[2]!);
    expect(third).toMatchObject({ method: 'CANCEL', uid: feedUid, sequence: 2, status: 'CANCELLED' });
    expect(sink.to(email(c.member))[2]!.calendar!.method).toBe('CANCEL');
    const { meeting: served } = await hub.ok(c.member.token, 'query($id: ID!) { meeting(id: $id) { sequence } }', { id });
    expect(served.sequence).toBe(2);

    // Nobody outside the group, and nobody who turned e-mail off.
    for (const outsider of [c.bystander, c.stranger, c.agency, quiet]) expect(sink.to(email(outsider))).toEqual([]);
    // Each mail has its own stable Message-ID, derived from the outbox row and the person.
    const ids = sink.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of sink.mails) expect(m.messageId).toMatch(/^<[0-9a-f-]{36}\.[0-9a-f-]{36}@localhost>$/);
  });

  it('sends a member who joined later the next change, and a member who left nothing more', async () => {
    const gone = await actor(hub, 'gone');
    await setRole(hub, c.root, c.networkId, gone.id, 'MEMBER', c.city);
    await addGroupMember(hub, c.agency, c.groupId, gone.id, 'MEMBER');
    const id = await meeting(hub, c.lead, c.groupId, 20);
    await deliver();
    expect(sink.to(email(gone))).toHaveLength(1);
    await hub.ok(gone.token, 'mutation($groupId: ID!) { leaveGroup(groupId: $groupId) }', { groupId: c.groupId });
    const late = await actor(hub, 'late');
    await setRole(hub, c.root, c.networkId, late.id, 'MEMBER', c.city);
    await addGroupMember(hub, c.agency, c.groupId, late.id, 'MEMBER');
    const startsAt = new Date(Date.now() + 21 * 86_400_000);
    await hub.ok(c.lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', {
      input: { meetingId: id, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) },
    });
    await deliver();
    const lateMails = sink.to(email(late));
    expect(lateMails).toHaveLength(1);
    expect(vevent(lateMails[0]!)).toMatchObject({ method: 'REQUEST', sequence: 1 });
    expect(sink.to(email(gone))).toHaveLength(1);
  });

  it('sends nothing for a meeting cancelled before its invitation went out (nobody has it in their calendar)', async () => {
    const before = sink.mails.length;
    const id = await meeting(hub, c.lead, c.groupId, 30);
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: id } });
    await deliver();
    expect(sink.mails.slice(before)).toEqual([]);
    const outcomes = await hub.hub.app.get(DataSource).query(
      `SELECT d.remote_id FROM mail_delivery d JOIN outbox_event o ON o.id = d.event_id WHERE o.aggregate_id = $1 AND d.person_id IS NOT NULL`,
      [id],
    );
    expect(outcomes.length).toBeGreaterThan(0);
    for (const o of outcomes) expect(o.remote_id).toMatch(/^skipped: /);
  });

  it('sends a cancellation to whoever got the invitation, also after they left the group', async () => {
    const leaver = await actor(hub, 'leaver');
    await setRole(hub, c.root, c.networkId, leaver.id, 'MEMBER', c.city);
    await addGroupMember(hub, c.agency, c.groupId, leaver.id, 'MEMBER');
    const id = await meeting(hub, c.lead, c.groupId, 40);
    await deliver();
    expect(sink.to(email(leaver))).toHaveLength(1);
    await hub.ok(leaver.token, 'mutation($groupId: ID!) { leaveGroup(groupId: $groupId) }', { groupId: c.groupId });
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: id } });
    await deliver();
    expect(sink.to(email(leaver)).map((m) => vevent(m).method)).toEqual(['REQUEST', 'CANCEL']);
  });

  it('writes an invitation and its cancellation on the autumn night in UTC, which ical.js and node-ical both place right', async () => {
    // The last Sunday of October ahead (2027-10-31 as of December 2026): 02:30 CEST to 02:30 CET.
    const [start, end] = instantsOfLocalTime(nextClockChange('autumn', new Date()), '02:30');
    const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    const { createMeeting } = await hub.ok(c.lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId: c.groupId, title: 'Nachtschicht', startsAt: start, endsAt: end },
    });
    const check = (mail: ReceivedMail, method: string, sequence: number) => {
      const ics = mail.calendar!.ics;
      const read = bothRead(ics, 'Nachtschicht');
      for (const e of [read.icaljs, read.nodeIcal]) {
        expect({ start: e.start.toISOString(), minutes: (e.end.getTime() - e.start.getTime()) / 60_000, sequence: e.sequence })
          .toEqual({ start: start!.toISOString(), minutes: 60, sequence });
      }
      expect(unfolded(ics)).toEqual(expect.arrayContaining([`METHOD:${method}`, `DTSTART:${utc(start!)}`, `DTEND:${utc(end!)}`]));
      expect(nonUtcStamps(ics)).toEqual([]);
      expect(nonStandardProperties(ics)).toEqual([]);
    };
    await deliver();
    const [invitation] = sink.to(email(c.member)).filter((m) => m.parsed.subject?.includes('Nachtschicht'));
    check(invitation!, 'REQUEST', 0);
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: createMeeting.id } });
    await deliver();
    const mails = sink.to(email(c.member)).filter((m) => m.parsed.subject?.includes('Nachtschicht'));
    expect(mails.map((m) => m.calendar!.method)).toEqual(['REQUEST', 'CANCEL']);
    check(mails[1]!, 'CANCEL', 1);
  });

  it('sends the members a CANCEL when one occurrence of a series is cancelled (the series itself sends no invitation)', async () => {
    const before = sink.mails.length;
    const startsOn = addDays(todayInBerlin(), 50);
    const { scheduleMeetingSeries: series } = await hub.ok(c.lead.token, `mutation($input: ScheduleMeetingSeriesInput!, $from: DateTime!, $to: DateTime!) {
      scheduleMeetingSeries(input: $input) { occurrences(from: $from, to: $to) { id sequence } } }`, {
      input: { groupId: c.groupId, title: 'Serientermin', rrule: 'FREQ=DAILY;COUNT=3', startsOn, startTime: '10:00', durationMinutes: 60, holidayRegions: [] },
      from: new Date(`${startsOn}T00:00:00Z`), to: new Date(`${addDays(startsOn, 3)}T00:00:00Z`),
    });
    expect(series.occurrences).toHaveLength(3);
    await deliver();
    expect(sink.mails.slice(before)).toEqual([]); // some 26 mails a year per member otherwise; the feeds carry series
    const cancelled = series.occurrences[1].id;
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: cancelled, reason: 'Brückentag' } });
    await deliver();
    const feedUid = (await feedEvents(hub, c.member.token)).find((e) => e.uid.startsWith(cancelled))!.uid;
    for (const m of [c.lead, c.member, c.guest]) {
      const mails = sink.mails.slice(before).filter((x) => x.to === email(m));
      expect(mails.map((x) => x.parsed.subject)).toEqual([expect.stringMatching(/^Abgesagt: .*Serientermin/)]);
      expect(vevent(mails[0]!)).toMatchObject({ method: 'CANCEL', uid: feedUid, sequence: 1, status: 'CANCELLED', events: 1 });
      expect(mails[0]!.calendar!.method).toBe('CANCEL');
      expect(mails[0]!.parsed.text).toContain('Brückentag');
    }
    for (const outsider of [c.bystander, c.stranger, c.agency, quiet]) expect(sink.mails.slice(before).filter((x) => x.to === email(outsider))).toEqual([]);

    // A moved occurrence sends its REQUEST; cancelled afterwards, each member gets one CANCEL, not two.
    const moved = series.occurrences[2].id;
    const startsAt = new Date(`${addDays(startsOn, 5)}T12:00:00Z`);
    await hub.ok(c.lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', {
      input: { meetingId: moved, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
    await deliver();
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: moved } });
    await deliver();
    for (const m of [c.lead, c.member, c.guest]) {
      const mails = sink.mails.slice(before).filter((x) => x.to === email(m) && vevent(x).uid.startsWith(moved));
      expect(mails.map((x) => [vevent(x).method, vevent(x).sequence])).toEqual([['REQUEST', 1], ['CANCEL', 2]]);
    }
  });
});
