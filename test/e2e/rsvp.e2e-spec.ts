// RSVP (issue 23.1): Zusage / Absage / Vielleicht / Vertretung in the client and from mail programs.
// Only invited people answer; a series answer holds for every coming occurrence not answered on its
// own; a changed meeting asks again; the attendance list starts from the answers; a mail reply
// counts only with the token, UID and SEQUENCE of a current invitation of that person — forged,
// unknown, wrong-UID, stale, duplicate and late replies change nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { todayInBerlin } from '../../src/common/scalars.js';
import { eventUid, seriesUid } from '../../src/calendar/ical-common.js';
import type { AppConfig } from '../../src/config/config.js';
import { APP_CONFIG } from '../../src/config/config.module.js';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { IMIP_REPLY_SINK, type ImipReply, type ImipReplySink } from '../../src/rsvp/imip-reply.js';
import { newToken, replyAddress } from '../../src/rsvp/reply-address.js';
import { actor, addGroupMember, setRole, type Actor } from '../support/factories.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const ANSWER = 'mutation($input: AnswerMeetingInput!) { answerMeeting(input: $input) { id myAnswer { answer source current forSeries deputy { id } comment } } }';
const ANSWER_SERIES = 'mutation($input: AnswerSeriesInput!) { answerSeries(input: $input) { seriesId answer appliesTo } }';
const MINE = `query($id: ID!) { meeting(id: $id) { mayAnswer
  myAnswer { answer source current forSeries deputy { id } deputyName deputyEmail organization { id } }
  deputyCandidates { id } } }`;
const EXPECTED = `query($id: ID!) { meeting(id: $id) {
  expectedAttendance { organization { id } invited accepted tentative declined deputies noAnswer outdated people { person { id } answer { answer current } } }
  answers { person { id } answer source } } }`;
const SUGGESTIONS = `query($id: ID!) { meeting(id: $id) { attendanceSuggestions { person { id } name email organization { id } status role answer } } }`;
const RESCHEDULE = 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { sequence } }';
const SCHEDULE = 'mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }';
const OCCURRENCES = `query($id: ID!, $from: DateTime!, $to: DateTime!) { group(id: $id) { series { id occurrences(from: $from, to: $to) { id startsAt endsAt } } } }`;

const email = (a: Actor) => `${a.username}@example.org`;
type Answer = { answer: string; current: boolean; source: string; forSeries: boolean } | null;

describe('RSVP', () => {
  let hub: TestHub;
  let smtp: SmtpSink;
  let c: Cast;
  let db: DataSource;
  let sink: ImipReplySink;
  let config: AppConfig;
  /** Acts for the same city as the member, in the network but not in the group: a possible deputy. */
  let colleague: Actor;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    hub = await TestHub.start({ SMTP_URL: smtp.url, MAIL_FROM: 'Interkom <interkom@example.org>', MAIL_OUTBOX_WORKER: 'false' });
    db = hub.hub.app.get(DataSource);
    sink = hub.hub.app.get(IMIP_REPLY_SINK);
    config = hub.hub.app.get(APP_CONFIG);
    await db.query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = 'skipped: earlier test' WHERE delivered_at IS NULL`);
    c = await cast(hub);
    colleague = await actor(hub, 'kollegin');
    await setRole(hub, c.root, c.networkId, colleague.id, 'MEMBER', c.city);
  }, 120_000);
  afterAll(async () => {
    await hub.stop();
    await smtp.stop();
  });

  const mine = async (who: Actor, id: string): Promise<Answer> => (await hub.ok(who.token, MINE, { id })).meeting.myAnswer;
  const reply = (over: Partial<ImipReply> & { token: string | null; uid: string }): ImipReply => ({
    sequence: 0, recurrenceId: null, from: email(c.member), messageId: `<${newToken()}@mail.example.org>`,
    attendees: [{ email: email(c.member), partstat: 'ACCEPTED', delegatedTo: [], name: 'Member' }],
    ...over,
  });
  const invite = (who: Actor, meetingId: string, sequence = 0) =>
    replyAddress(db.manager, 'interkom@example.org', { personId: who.id, uid: eventUid(meetingId, config.publicBaseUrl), meetingId, sequence });
  const tokenOf = (address: string) => /\+([0-9a-f]{32})@/.exec(address)![1];

  it('lets an invited person answer and change the answer; the moderation sees it per city, members the counts, others nothing', async () => {
    const id = await meeting(hub, c.lead, c.groupId, 5);
    expect((await hub.ok(c.member.token, MINE, { id })).meeting).toMatchObject({ mayAnswer: true, myAnswer: null });
    const first = (await hub.ok(c.member.token, ANSWER, { input: { meetingId: id, answer: 'ACCEPTED', comment: ' komme später ' } })).answerMeeting;
    expect(first.myAnswer).toMatchObject({ answer: 'ACCEPTED', source: 'CLIENT', current: true, forSeries: false, comment: 'komme später' });
    await hub.ok(c.member.token, ANSWER, { input: { meetingId: id, answer: 'DECLINED' } });
    await hub.ok(c.lead.token, ANSWER, { input: { meetingId: id, answer: 'TENTATIVE' } });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'DECLINED', current: true });

    const lead = (await hub.ok(c.lead.token, EXPECTED, { id })).meeting;
    const city = lead.expectedAttendance.find((e: { organization: { id: string } | null }) => e.organization?.id === c.city);
    // Lead, member and guest act for the city (the guest through their network role).
    expect(city).toMatchObject({ invited: 3, accepted: 0, tentative: 1, declined: 1, deputies: 0, noAnswer: 1 });
    expect(city.people).toContainEqual({ person: { id: c.member.id }, answer: { answer: 'DECLINED', current: true } });
    expect(city.people).toContainEqual({ person: { id: c.guest.id }, answer: null });
    expect(lead.answers).toHaveLength(2);
    // A member sees the counts, not who answered what.
    const member = (await hub.ok(c.member.token, EXPECTED, { id })).meeting;
    expect(member.expectedAttendance.find((e: { organization: { id: string } | null }) => e.organization?.id === c.city)).toMatchObject({ declined: 1, people: [] });
    expect(member.answers).toEqual([]);
    // Someone of the network outside the groups sees neither, and may not answer; a stranger does not see the meeting.
    expect((await hub.ok(c.bystander.token, EXPECTED, { id })).meeting).toEqual({ expectedAttendance: [], answers: [] });
    expect((await hub.ok(c.bystander.token, MINE, { id })).meeting.mayAnswer).toBe(false);
    expect(codeOf(await hub.gql(c.bystander.token, ANSWER, { input: { meetingId: id, answer: 'ACCEPTED' } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.agency.token, ANSWER, { input: { meetingId: id, answer: 'ACCEPTED' } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.stranger.token, ANSWER, { input: { meetingId: id, answer: 'ACCEPTED' } }))).toBe('NOT_FOUND');
    // Every answer is in the audit log, about the person, without their name.
    const audit = await db.query(`SELECT actor_id, summary FROM audit_entry WHERE action = 'meeting.rsvp.answer' AND subject_id = $1 ORDER BY at`, [id]);
    expect(audit.map((a: { actor_id: string }) => a.actor_id)).toEqual([c.member.id, c.member.id, c.lead.id]);
    expect(audit[1].summary).toBe('Teilnahme beantwortet (Absage, in Interkom).');
  });

  it('refuses in German, naming the field: a meeting that is over, a deputy of another city, oneself, none, a deputy without DEPUTY', async () => {
    const past = await meeting(hub, c.lead, c.groupId, -1);
    const r = await hub.gql(c.member.token, ANSWER, { input: { meetingId: past, answer: 'ACCEPTED' } });
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'meetingId' } });
    expect(r.errors![0].message).toMatch(/^meetingId: die Sitzung ist vorbei/);
    const id = await meeting(hub, c.lead, c.groupId, 6);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ answer: 'DEPUTY' }, /^deputyPersonId: bitte die Person wählen/],
      [{ answer: 'DEPUTY', deputyPersonId: c.member.id }, /^deputyPersonId: Sie können sich nicht selbst vertreten/],
      [{ answer: 'DEPUTY', deputyPersonId: c.agency.id }, /^deputyPersonId: die Person handelt nicht für Ihre Organisation/],
      [{ answer: 'ACCEPTED', deputyPersonId: colleague.id }, /^deputyPersonId: eine Vertretung gibt es nur bei der Antwort „Vertretung“/],
    ];
    for (const [input, message] of cases) {
      const res = await hub.gql(c.member.token, ANSWER, { input: { meetingId: id, ...input } });
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'deputyPersonId' } });
      expect(res.errors![0].message).toMatch(message);
    }
    expect(await mine(c.member, id)).toBeNull();
  });

  it('takes a deputy of the same city, and the attendance list starts from the answers', async () => {
    const id = await meeting(hub, c.lead, c.groupId, 7);
    const candidates = (await hub.ok(c.member.token, MINE, { id })).meeting.deputyCandidates.map((p: { id: string }) => p.id);
    expect(candidates).toEqual(expect.arrayContaining([colleague.id, c.lead.id, c.bystander.id]));
    expect(candidates).not.toContain(c.member.id);
    expect(candidates).not.toContain(c.agency.id);
    const answered = (await hub.ok(c.member.token, ANSWER, { input: { meetingId: id, answer: 'DEPUTY', deputyPersonId: colleague.id } })).answerMeeting;
    expect(answered.myAnswer).toMatchObject({ answer: 'DEPUTY', deputy: { id: colleague.id } });
    await hub.ok(c.lead.token, ANSWER, { input: { meetingId: id, answer: 'ACCEPTED' } });
    await hub.ok(c.guest.token, ANSWER, { input: { meetingId: id, answer: 'TENTATIVE' } });

    const { meeting: m } = await hub.ok(c.lead.token, SUGGESTIONS, { id });
    expect(m.attendanceSuggestions).toHaveLength(3);
    expect(m.attendanceSuggestions).toEqual(expect.arrayContaining([
      { person: { id: c.lead.id }, name: null, email: null, organization: { id: c.city }, status: 'PRESENT', role: null, answer: 'ACCEPTED' },
      { person: { id: c.member.id }, name: null, email: null, organization: { id: c.city }, status: 'EXCUSED', role: null, answer: 'DEPUTY' },
      { person: { id: colleague.id }, name: null, email: null, organization: { id: c.city }, status: 'PRESENT', role: 'DEPUTY', answer: 'DEPUTY' },
    ]));
    // Only the moderation sees the starting point; nothing was recorded by it.
    expect((await hub.ok(c.member.token, SUGGESTIONS, { id })).meeting.attendanceSuggestions).toEqual([]);
    expect(await db.query('SELECT 1 FROM attendance WHERE meeting_id = $1', [id])).toEqual([]);
    const city = (await hub.ok(c.lead.token, EXPECTED, { id })).meeting.expectedAttendance.find((e: { organization: { id: string } | null }) => e.organization?.id === c.city);
    expect(city).toMatchObject({ accepted: 1, deputies: 1 });
  });

  it('asks again after a change: the earlier answer is kept as "before the change" and counts again once answered', async () => {
    const id = await meeting(hub, c.lead, c.groupId, 8);
    await hub.ok(c.member.token, ANSWER, { input: { meetingId: id, answer: 'ACCEPTED' } });
    const startsAt = new Date(Date.now() + 9 * 86_400_000);
    await hub.ok(c.lead.token, RESCHEDULE, { input: { meetingId: id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) } });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'ACCEPTED', current: false });
    const city = () => hub.ok(c.lead.token, EXPECTED, { id }).then((d) => d.meeting.expectedAttendance.find((e: { organization: { id: string } | null }) => e.organization?.id === c.city));
    expect(await city()).toMatchObject({ accepted: 0, noAnswer: 3, outdated: 1 });
    expect((await hub.ok(c.lead.token, SUGGESTIONS, { id })).meeting.attendanceSuggestions).toEqual([]);
    await hub.ok(c.member.token, ANSWER, { input: { meetingId: id, answer: 'ACCEPTED' } });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'ACCEPTED', current: true });
    expect(await city()).toMatchObject({ accepted: 1, outdated: 0 });
  });

  it('answers a series once for every coming occurrence; an occurrence answered alone keeps its own answer; a moved one asks again', async () => {
    const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, SCHEDULE, {
      input: { groupId: c.groupId, title: 'Jour fixe', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', startsOn: todayInBerlin(), startTime: '23:30', durationMinutes: 20, holidayPolicy: 'IGNORE' },
    });
    const { group } = await hub.ok(c.lead.token, OCCURRENCES, { id: c.groupId, from: new Date(), to: new Date(Date.now() + 30 * 86_400_000) });
    const occ = group.series.find((x: { id: string }) => x.id === s.id).occurrences.filter((o: { endsAt: string }) => new Date(o.endsAt) > new Date());
    expect(occ.length).toBeGreaterThanOrEqual(4);
    const [a, b, moved] = occ as { id: string; startsAt: string }[];
    await hub.ok(c.member.token, ANSWER, { input: { meetingId: b.id, answer: 'DECLINED' } });
    const { answerSeries } = await hub.ok(c.member.token, ANSWER_SERIES, { input: { seriesId: s.id, answer: 'ACCEPTED' } });
    expect(answerSeries).toMatchObject({ seriesId: s.id, answer: 'ACCEPTED' });
    expect(answerSeries.appliesTo).toBeGreaterThanOrEqual(occ.length - 1);
    expect(await mine(c.member, a.id)).toMatchObject({ answer: 'ACCEPTED', forSeries: true, current: true });
    expect(await mine(c.member, b.id)).toMatchObject({ answer: 'DECLINED', forSeries: false });
    const later = new Date(new Date(moved.startsAt).getTime() + 3_600_000);
    await hub.ok(c.lead.token, RESCHEDULE, { input: { meetingId: moved.id, startsAt: later, endsAt: new Date(later.getTime() + 1_200_000) } });
    expect(await mine(c.member, moved.id)).toMatchObject({ answer: 'ACCEPTED', forSeries: true, current: false });
    // Outside the group: the series is not found; in the network but not invited: FORBIDDEN.
    expect(codeOf(await hub.gql(c.stranger.token, ANSWER_SERIES, { input: { seriesId: s.id, answer: 'ACCEPTED' } }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(c.bystander.token, ANSWER_SERIES, { input: { seriesId: s.id, answer: 'ACCEPTED' } }))).toBe('FORBIDDEN');

    // From the mail program: the series UID without RECURRENCE-ID is the whole series, with one the occurrence.
    const uid = seriesUid(s.id, config.publicBaseUrl);
    const token = tokenOf(await replyAddress(db.manager, 'interkom@example.org', { personId: c.lead.id, uid, seriesId: s.id, sequence: 0 }));
    const lead = (partstat: ImipReply['attendees'][number]['partstat']) => [{ email: email(c.lead), partstat, delegatedTo: [], name: null }];
    expect(await sink.apply(reply({ token, uid, attendees: lead('TENTATIVE') }))).toEqual({ applied: true });
    expect(await sink.apply(reply({ token, uid, recurrenceId: new Date(a.startsAt), attendees: lead('DECLINED') }))).toEqual({ applied: true });
    expect(await mine(c.lead, a.id)).toMatchObject({ answer: 'DECLINED', source: 'MAIL', forSeries: false });
    expect(await mine(c.lead, b.id)).toMatchObject({ answer: 'TENTATIVE', source: 'MAIL', forSeries: true });
    // A RECURRENCE-ID the series does not have.
    const nowhere = new Date(new Date(a.startsAt).getTime() + 60_000);
    expect(await sink.apply(reply({ token, uid, recurrenceId: nowhere, attendees: lead('ACCEPTED') }))).toEqual({ applied: false, reason: 'wrong-uid' });
    // The series invited again (a change, SEQUENCE 1): the series answer is from before the change until answered again.
    await replyAddress(db.manager, 'interkom@example.org', { personId: c.lead.id, uid, seriesId: s.id, sequence: 1 });
    expect(await mine(c.lead, b.id)).toMatchObject({ answer: 'TENTATIVE', forSeries: true, current: false });
    expect(await sink.apply(reply({ token, uid, sequence: 0, attendees: lead('ACCEPTED') }))).toEqual({ applied: false, reason: 'stale-sequence' });
    expect(await sink.apply(reply({ token, uid, sequence: 1, attendees: lead('ACCEPTED') }))).toEqual({ applied: true });
    expect(await mine(c.lead, b.id)).toMatchObject({ answer: 'ACCEPTED', forSeries: true, current: true });
  }, 60_000);

  describe('replies from mail programs', () => {
    it('takes the token from the invitation mail itself (ORGANIZER) and applies the reply', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 10);
      await hub.hub.app.get(MailOutboxProcessor).drain();
      const mail = smtp.to(email(c.member)).find((m) => m.calendar?.ics.includes(eventUid(id, config.publicBaseUrl)))!;
      expect(mail.calendar!.ics).toMatch(/RSVP=TRUE/);
      expect(mail.parsed.text).toContain('Zusagen/Absagen aus dem Kalender kommen in Interkom an');
      const organizer = /ORGANIZER[^:]*:mailto:([^\r\n]+)/i.exec(mail.calendar!.ics.replace(/\r?\n[ \t]/g, ''))![1];
      expect(organizer).toMatch(/^interkom\+[0-9a-f]{32}@example\.org$/);
      const token = tokenOf(organizer).toUpperCase(); // Outlook may change the case
      const uid = eventUid(id, config.publicBaseUrl);
      expect(await sink.apply(reply({ token, uid, attendees: [{ email: email(c.member), partstat: 'TENTATIVE', delegatedTo: [], name: null }] }))).toEqual({ applied: true });
      expect(await mine(c.member, id)).toMatchObject({ answer: 'TENTATIVE', source: 'MAIL', current: true });
      const audit = await db.query(`SELECT actor_id, summary FROM audit_entry WHERE action = 'meeting.rsvp.answer' AND subject_id = $1`, [id]);
      expect(audit).toEqual([{ actor_id: c.member.id, summary: 'Teilnahme beantwortet (Vielleicht, aus dem Mailprogramm).' }]);
    });

    it('ignores forged, unknown-token, wrong-UID, stale, duplicate, attendee-less and late replies: nothing changes', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 11);
      const uid = eventUid(id, config.publicBaseUrl);
      const token = tokenOf(await invite(c.member, id, 0));
      const otherId = await meeting(hub, c.lead, c.groupId, 12);
      const before = async () => db.query('SELECT answer, sequence, source FROM rsvp_answer WHERE meeting_id = $1 ORDER BY person_id', [id]);
      const applied = reply({ token, uid, sequence: 0 });
      expect(await sink.apply(applied)).toEqual({ applied: true });
      const state = await before();
      expect(state).toEqual([{ answer: 'ACCEPTED', sequence: 0, source: 'MAIL' }]);

      const declined = [{ email: email(c.member), partstat: 'DECLINED' as const, delegatedTo: [], name: null }];
      const cases: [ImipReply, string][] = [
        [reply({ token: newToken(), uid, attendees: declined }), 'unknown-token'], // forged: a token nobody was given
        [reply({ token: null, uid, attendees: declined }), 'unknown-token'],
        [reply({ token: 'x'.repeat(32), uid, attendees: declined }), 'unknown-token'],
        [reply({ token, uid: eventUid(otherId, config.publicBaseUrl), attendees: declined }), 'wrong-uid'],
        [reply({ token, uid, attendees: [] }), 'malformed'],
        [reply({ token, uid, attendees: [{ email: email(c.member), partstat: 'NEEDS-ACTION', delegatedTo: [], name: null }] }), 'malformed'],
        [reply({ token, uid, attendees: [{ email: 'a@x.org', partstat: 'DECLINED', delegatedTo: [], name: null }, { email: 'b@x.org', partstat: 'DECLINED', delegatedTo: [], name: null }] }), 'not-attendee'],
        [{ ...applied, attendees: declined }, 'duplicate'], // the same message again
      ];
      for (const [r, reason] of cases) expect(await sink.apply(r)).toEqual({ applied: false, reason });
      // A changed meeting's new invitation (SEQUENCE 1) makes the old one's replies stale.
      await invite(c.member, id, 1);
      expect(await sink.apply(reply({ token, uid, sequence: 0, attendees: declined }))).toEqual({ applied: false, reason: 'stale-sequence' });
      expect(await before()).toEqual(state);
      // A meeting that is over takes no more replies.
      const past = await meeting(hub, c.lead, c.groupId, -2);
      const pastToken = tokenOf(await invite(c.member, past, 0));
      expect(await sink.apply(reply({ token: pastToken, uid: eventUid(past, config.publicBaseUrl) }))).toEqual({ applied: false, reason: 'meeting-over' });
      expect(await db.query('SELECT 1 FROM rsvp_answer WHERE meeting_id = $1', [past])).toEqual([]);
      // The current SEQUENCE counts; an ATTENDEE address other than the person's (an alias) is the person's (the token says who).
      expect(await sink.apply(reply({ token, uid, sequence: 1, attendees: [{ email: 'm.alias@example.net', partstat: 'DECLINED', delegatedTo: [], name: null }] }))).toEqual({ applied: true });
      expect(await before()).toEqual([{ answer: 'DECLINED', sequence: 1, source: 'MAIL' }]);
      // One invitation per person and UID: the same token again, and the SEQUENCE never goes down.
      expect(tokenOf(await invite(c.member, id, 0))).toBe(token);
      expect((await db.query('SELECT sequence FROM rsvp_invitation WHERE token = $1', [token]))[0].sequence).toBe(1);
    });

    it('turns DELEGATED-TO into a deputy: a person of the hub by address, else kept by name and address', async () => {
      const id = await meeting(hub, c.lead, c.groupId, 13);
      const uid = eventUid(id, config.publicBaseUrl);
      const token = tokenOf(await invite(c.member, id));
      const delegated = (to: string, name: string | null) => [
        { email: email(c.member), partstat: 'DELEGATED' as const, delegatedTo: [`mailto:${to.toUpperCase()}`], name: null },
        { email: to, partstat: 'NEEDS-ACTION' as const, delegatedTo: [], name },
      ];
      expect(await sink.apply(reply({ token, uid, attendees: delegated(email(colleague), null) }))).toEqual({ applied: true });
      expect(await mine(c.member, id)).toMatchObject({ answer: 'DEPUTY', deputy: { id: colleague.id }, deputyEmail: email(colleague) });
      expect(await sink.apply(reply({ token, uid, attendees: delegated('vertretung@rathaus.example', 'Vera Vertretung') }))).toEqual({ applied: true });
      expect(await mine(c.member, id)).toMatchObject({ answer: 'DEPUTY', deputy: null, deputyName: 'Vera Vertretung', deputyEmail: 'vertretung@rathaus.example' });
      const { meeting: m } = await hub.ok(c.lead.token, SUGGESTIONS, { id });
      expect(m.attendanceSuggestions).toContainEqual({
        person: null, name: 'Vera Vertretung', email: 'vertretung@rathaus.example', organization: { id: c.city }, status: 'PRESENT', role: 'DEPUTY', answer: 'DEPUTY',
      });
      expect(await sink.apply(reply({ token, uid, attendees: [{ email: email(c.member), partstat: 'DELEGATED', delegatedTo: [], name: null }] }))).toEqual({ applied: false, reason: 'malformed' });
    });
  });
  it("is in the person's export; erasure takes their tokens (old replies no longer count) and what they wrote by hand", async () => {
    const leaver = await actor(hub, 'weggang');
    await setRole(hub, c.root, c.networkId, leaver.id, 'MEMBER', c.city);
    await addGroupMember(hub, c.agency, c.groupId, leaver.id, 'MEMBER', { organizationId: c.city });
    const id = await meeting(hub, c.lead, c.groupId, 14);
    const uid = eventUid(id, config.publicBaseUrl);
    const token = tokenOf(await invite(leaver, id));
    const mine = [
      { email: email(leaver), partstat: 'DELEGATED' as const, delegatedTo: ['mailto:extern@rathaus.example'], name: null },
      { email: 'extern@rathaus.example', partstat: 'NEEDS-ACTION' as const, delegatedTo: [], name: 'Erik Extern' },
    ];
    expect(await sink.apply(reply({ token, uid, attendees: mine }))).toEqual({ applied: true });
    const doc = JSON.parse((await hub.http.get('/privacy/export').set('authorization', `Bearer ${leaver.token}`)).text);
    expect(doc.meetingAnswers).toEqual([expect.objectContaining({ meeting: expect.objectContaining({ id }), answer: 'DEPUTY', deputyName: 'Erik Extern', source: 'MAIL' })]);
    expect(JSON.stringify(doc)).not.toContain(token);

    expect((await hub.ok(leaver.token, 'mutation($id: ID!) { erasePerson(input: { personId: $id }) }', { id: leaver.id })).erasePerson).toBe(true);
    expect(await sink.apply(reply({ token, uid, attendees: mine }))).toEqual({ applied: false, reason: 'unknown-token' });
    expect(await db.query('SELECT answer, deputy_name, deputy_email FROM rsvp_answer WHERE person_id = $1', [leaver.id])).toEqual([
      { answer: 'DEPUTY', deputy_name: null, deputy_email: null },
    ]);
  });
});
