// The RSVP round trip over real mail: the hub sends a real invitation (captured by a real SMTP
// server), a reply is built from it as Outlook, Thunderbird and Apple Mail send them, appended to a
// real Dovecot, read by the hub over IMAP and shown in GraphQL. Forged and unknown tokens, a wrong
// UID and a stale SEQUENCE change nothing and are counted in /metrics.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { eventUid, seriesUid } from '../../src/calendar/ical-common.js';
import { todayInBerlin } from '../../src/common/scalars.js';
import type { AppConfig } from '../../src/config/config.js';
import { APP_CONFIG } from '../../src/config/config.module.js';
import { ImapReader } from '../../src/mail/inbound/imap-reader.service.js';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { Dovecot } from '../support/dovecot.js';
import { actor, setRole, type Actor } from '../support/factories.js';
import { invitationFacts, replyMessage, type ReplyParams, type ReplyShape } from '../support/imip-replies.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TestHub } from '../support/test-hub.js';

const MINE = `query($id: ID!) { meeting(id: $id) { myAnswer { answer source current deputy { id } deputyEmail } } }`;
const RESCHEDULE = 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { sequence } }';
const SCHEDULE = 'mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }';
const OCCURRENCES = `query($id: ID!, $from: DateTime!, $to: DateTime!) { group(id: $id) { series { id occurrences(from: $from, to: $to) { id startsAt endsAt } } } }`;
const email = (a: Actor) => `${a.username}@example.org`;

describe('RSVP round trip: invitation mail → reply in a mail program → IMAP → the answer in Interkom', () => {
  let smtp: SmtpSink;
  let dovecot: Dovecot;
  let hub: TestHub;
  let c: Cast;
  let colleague: Actor;
  let config: AppConfig;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    dovecot = await Dovecot.start();
    hub = await TestHub.start({
      SMTP_URL: smtp.url, MAIL_FROM: 'Interkom <interkom@example.org>', MAIL_OUTBOX_WORKER: 'false',
      IMAP_URL: dovecot.url(), IMAP_POLL_SECONDS: '1',
    });
    config = hub.hub.app.get(APP_CONFIG);
    // Notifications other test files left in this worker's database are not this test's business.
    await hub.hub.app.get(DataSource).query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = 'skipped: earlier test' WHERE delivered_at IS NULL`);
    c = await cast(hub);
    colleague = await actor(hub, 'vertreterin');
    await setRole(hub, c.root, c.networkId, colleague.id, 'MEMBER', c.city);
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
    await dovecot?.stop();
    await smtp?.stop();
  });

  const mine = async (who: Actor, id: string) => (await hub.ok(who.token, MINE, { id })).meeting.myAnswer;

  /** The latest invitation mail of a meeting to a person, as the hub sent it. */
  async function invitation(id: string, who: Actor) {
    await hub.hub.app.get(MailOutboxProcessor).drain();
    const uid = eventUid(id, config.publicBaseUrl);
    const mails = smtp.to(email(who)).filter((m) => m.calendar?.method === 'REQUEST' && m.calendar.ics.includes(uid));
    expect(mails.length).toBeGreaterThan(0);
    return invitationFacts(mails.at(-1)!.calendar!.ics);
  }

  /** The person answers in a mail program; the reply lands in the mailbox the hub reads. */
  async function answer(shape: ReplyShape, who: Actor, facts: ReturnType<typeof invitationFacts>, over: Partial<ReplyParams> = {}) {
    const params: ReplyParams = {
      to: facts.organizer, uid: facts.uid, sequence: facts.sequence, summary: facts.summary, start: facts.start, end: facts.end,
      attendee: { email: email(who), name: who.username }, partstat: 'ACCEPTED', ...over,
    };
    await dovecot.deliver(await replyMessage(shape, params));
    hub.hub.app.get(ImapReader).poke();
    const deadline = Date.now() + 30_000;
    while ((await dovecot.messages('INBOX')).length > 0) {
      if (Date.now() > deadline) throw new Error('the hub did not read the reply');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function counts(): Promise<Record<string, number>> {
    const res = await hub.http.get('/metrics');
    const out: Record<string, number> = {};
    for (const m of res.text.matchAll(/^interkom_imip_replies_total\{outcome="([^"]+)"\} (\d+)$/gm)) out[m[1]!] = Number(m[2]);
    return out;
  }

  it('answers from Outlook, Thunderbird (with a deputy) and Apple Mail arrive in Interkom', async () => {
    const id = await meeting(hub, c.lead, c.groupId, 6);
    const facts = await invitation(id, c.member);
    expect(facts.organizer).toMatch(/^interkom\+[0-9a-f]{32}@example\.org$/);
    expect(await mine(c.member, id)).toBeNull();

    await answer('outlook', c.member, facts, { partstat: 'ACCEPTED' });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'ACCEPTED', source: 'MAIL', current: true });

    await answer('thunderbird', c.member, facts, { partstat: 'DELEGATED', delegatedTo: { email: email(colleague).toUpperCase(), name: 'Vertreterin' } });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'DEPUTY', source: 'MAIL', deputy: { id: colleague.id }, deputyEmail: email(colleague) });

    await answer('apple', c.lead, await invitation(id, c.lead), { partstat: 'TENTATIVE' });
    expect(await mine(c.lead, id)).toMatchObject({ answer: 'TENTATIVE', source: 'MAIL', current: true });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'DEPUTY' });
  }, 120_000);

  it('forged and unknown tokens, a wrong UID and a stale SEQUENCE change nothing and are counted', async () => {
    const id = await meeting(hub, c.lead, c.groupId, 7);
    const other = await meeting(hub, c.lead, c.groupId, 9);
    const first = await invitation(id, c.member);
    await answer('outlook', c.member, first, { partstat: 'ACCEPTED' });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'ACCEPTED', current: true });

    // The meeting moves: a new invitation (SEQUENCE 1) asks again.
    const startsAt = new Date(Date.now() + 8 * 86_400_000);
    await hub.ok(c.lead.token, RESCHEDULE, { input: { meetingId: id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) } });
    const moved = await invitation(id, c.member);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(await mine(c.member, id)).toMatchObject({ answer: 'ACCEPTED', current: false });

    const before = await counts();
    const token = /\+([0-9a-f]{32})@/.exec(moved.organizer)![1]!;
    const forged = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    await answer('outlook', c.member, moved, { partstat: 'DECLINED', to: `interkom+${forged}@example.org` });
    await answer('thunderbird', c.member, moved, { partstat: 'DECLINED', to: 'interkom@example.org' });
    await answer('apple', c.member, moved, { partstat: 'DECLINED', uid: eventUid(other, config.publicBaseUrl) });
    await answer('outlook', c.member, moved, { partstat: 'DECLINED', sequence: first.sequence });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'ACCEPTED', current: false });
    expect(await mine(c.member, other)).toBeNull();
    const after = await counts();
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    expect({ unknown: delta('unknown-token'), uid: delta('wrong-uid'), stale: delta('stale-sequence'), applied: delta('applied') }).toEqual({ unknown: 2, uid: 1, stale: 1, applied: 0 });

    // The genuine answer to the moved meeting counts again.
    await answer('outlook', c.member, moved, { partstat: 'DECLINED' });
    expect(await mine(c.member, id)).toMatchObject({ answer: 'DECLINED', source: 'MAIL', current: true });
    expect((await counts()).applied! - (after.applied ?? 0)).toBe(1);
  }, 120_000);

  it('a series answered once from Thunderbird, one occurrence declined alone from Outlook (RECURRENCE-ID in a Windows time zone)', async () => {
    const { scheduleMeetingSeries: series } = await hub.ok(c.lead.token, SCHEDULE, {
      input: { groupId: c.groupId, title: 'Jour fixe', rrule: 'FREQ=WEEKLY', startsOn: todayInBerlin(), startTime: '10:00', durationMinutes: 60, holidayPolicy: 'IGNORE' },
    });
    const { group } = await hub.ok(c.lead.token, OCCURRENCES, { id: c.groupId, from: new Date(), to: new Date(Date.now() + 60 * 86_400_000) });
    const occurrences = (group.series.find((x: { id: string }) => x.id === series.id).occurrences as { id: string; startsAt: string; endsAt: string }[])
      .filter((o) => new Date(o.startsAt) > new Date());
    expect(occurrences.length).toBeGreaterThanOrEqual(3);
    // The series' one invitation as the hub mailed it: the member's own organizer address for the whole series.
    await hub.hub.app.get(MailOutboxProcessor).drain();
    const uid = seriesUid(series.id, config.publicBaseUrl);
    const mails = smtp.to(email(c.member)).filter((m) => m.calendar?.method === 'REQUEST' && m.calendar.ics.includes(uid));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.calendar!.ics).toMatch(/\r\nRRULE:FREQ=WEEKLY/);
    const facts = invitationFacts(mails[0]!.calendar!.ics);
    expect(facts.uid).toBe(uid);
    expect(facts.organizer).toMatch(/^interkom\+[0-9a-f]{32}@example\.org$/);

    await answer('thunderbird', c.member, facts, { partstat: 'ACCEPTED' });
    for (const o of occurrences) expect(await mine(c.member, o.id)).toMatchObject({ answer: 'ACCEPTED', source: 'MAIL' });
    const [, declined, ...rest] = occurrences;
    await answer('outlook', c.member, facts, { partstat: 'DECLINED', recurrenceId: new Date(declined!.startsAt) });
    expect(await mine(c.member, declined!.id)).toMatchObject({ answer: 'DECLINED', source: 'MAIL' });
    for (const o of [occurrences[0]!, ...rest]) expect(await mine(c.member, o.id)).toMatchObject({ answer: 'ACCEPTED' });
  }, 120_000);
});
