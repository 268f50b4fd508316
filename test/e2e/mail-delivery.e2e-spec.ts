// The mail channel's guarantees, against a real SMTP server on loopback: a temporary refusal
// (451) is retried and delivered once, a permanent one (550) becomes a dead letter, nothing is sent
// and nothing lost without SMTP_URL, and neither a hub restart nor a mail server restart in the
// middle of a delivery loses or doubles a mail.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { actor, addGroupMember, setRole, type Actor } from '../support/factories.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TestHub, workerDatabaseUrl } from '../support/test-hub.js';

const email = (a: Actor) => `${a.username}@example.org`;
const STATUS = '{ outboxStatus { channels { channel pending failed deadLetter delivered oldestPendingAt } } }';
const sql = (hub: TestHub, q: string, p: unknown[] = []) => hub.hub.app.get(DataSource).query(q, p);
const mailStatus = async (hub: TestHub, token: string) =>
  (await hub.ok(token, STATUS)).outboxStatus.channels.find((c: { channel: string }) => c.channel === 'MAIL');
/** Rows other test files left in this worker's database are not this file's business. */
const settleLeftovers = (hub: TestHub) =>
  sql(hub, `UPDATE mail_delivery SET delivered_at = now(), dead_at = NULL, remote_id = 'skipped: other test' WHERE delivered_at IS NULL`);

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('mail delivery: retries and dead letters', () => {
  let sink: SmtpSink;
  let hub: TestHub;
  let c: Cast;
  let processor: MailOutboxProcessor;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await TestHub.start({ SMTP_URL: sink.url, MAIL_OUTBOX_WORKER: 'false', MAIL_RETRY_BASE_MS: '5000' });
    processor = hub.hub.app.get(MailOutboxProcessor);
    await settleLeftovers(hub);
    c = await cast(hub);
  });
  afterAll(async () => {
    await settleLeftovers(hub);
    await hub.stop();
    await sink.stop();
  });

  it('retries a temporary 451 with backoff and delivers the mail exactly once; a permanent 550 is a dead letter at once', async () => {
    sink.rule = (address, attempt) => {
      if (address === email(c.member) && attempt === 1) return { code: 451, message: '4.7.1 Greylisted, try again later' };
      if (address === email(c.guest)) return { code: 550, message: '5.1.1 Mailbox unknown' };
      return null;
    };
    const id = await meeting(hub, c.lead, c.groupId, 5);
    await processor.drain();
    expect(sink.to(email(c.lead))).toHaveLength(1);
    expect(sink.to(email(c.member))).toHaveLength(0);
    expect(sink.to(email(c.guest))).toHaveLength(0);
    const rows = async () =>
      sql(hub, `SELECT p.display_name AS who, d.attempts, d.delivered_at IS NOT NULL AS delivered, d.dead_at IS NOT NULL AS dead, d.last_error, d.available_at
                  FROM mail_delivery d JOIN outbox_event o ON o.id = d.event_id JOIN person p ON p.id = d.person_id WHERE o.aggregate_id = $1`, [id]);
    const byWho = async () => Object.fromEntries((await rows()).map((r: { who: string }) => [r.who.toLowerCase(), r]));
    let state = await byWho();
    const member = Object.keys(state).find((k) => k.startsWith('member'))!;
    const guest = Object.keys(state).find((k) => k.startsWith('guest'))!;
    expect(state[member]).toMatchObject({ attempts: 1, delivered: false, dead: false });
    expect(state[member].last_error).toMatch(/451/);
    expect(state[guest]).toMatchObject({ attempts: 1, delivered: false, dead: true });
    expect(state[guest].last_error).toMatch(/550/);
    expect((await mailStatus(hub, c.root.token)).deadLetter).toBe(1);
    expect((await mailStatus(hub, c.root.token)).failed).toBe(1);

    // Not before its backoff (5 s for the first retry), then once.
    const [{ wait }] = await sql(hub, `SELECT extract(epoch FROM d.available_at - now())::float8 AS wait FROM mail_delivery d
      JOIN outbox_event o ON o.id = d.event_id WHERE o.aggregate_id = $1 AND d.last_error LIKE '%451%'`, [id]);
    expect(wait).toBeGreaterThan(3);
    await processor.drain();
    expect(sink.to(email(c.member))).toHaveLength(0);
    await sql(hub, `UPDATE mail_delivery SET available_at = now() WHERE last_error LIKE '%451%' AND delivered_at IS NULL`);
    await processor.drain();
    await processor.drain();
    expect(sink.to(email(c.member))).toHaveLength(1);
    expect(sink.attempts.get(email(c.member))).toBe(2);
    state = await byWho();
    expect(state[member]).toMatchObject({ attempts: 2, delivered: true, dead: false });
    expect(sink.to(email(c.guest))).toHaveLength(0);

    // The dead letter waits for an admin; retried, it is refused again and dead again.
    expect(await hub.gql(c.lead.token, 'mutation { retryOutboxDeadLetters(channel: MAIL) }')).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect((await hub.ok(c.root.token, 'mutation { retryOutboxDeadLetters(channel: MAIL) }')).retryOutboxDeadLetters).toBe(1);
    await processor.drain();
    expect(sink.attempts.get(email(c.guest))).toBe(2);
    expect((await mailStatus(hub, c.root.token)).deadLetter).toBe(1);
    sink.rule = () => null;
  });

  it('retries a fan-out that fails (finding the recipients) with backoff and records why', async () => {
    await settleLeftovers(hub);
    // An event whose recipients cannot be found (an assignee id that is no uuid makes the query fail).
    const [event] = await sql(hub, `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload) VALUES ('ActionItemAssigned', 'ActionItem', gen_random_uuid(), '{"assigneeId": "kaputt"}')
      RETURNING id, seq`);
    await sql(hub, 'INSERT INTO mail_delivery (event_id, person_id, seq) VALUES ($1, NULL, $2)', [event.id, event.seq]);
    await processor.runOnce();
    const [row] = await sql(hub, `SELECT attempts, last_error, available_at > now() AS later, delivered_at, dead_at FROM mail_delivery WHERE event_id = $1 AND person_id IS NULL`, [event.id]);
    expect(row).toMatchObject({ attempts: 1, later: true, delivered_at: null, dead_at: null });
    expect(row.last_error).toMatch(/^fan-out failed: /);
    await settleLeftovers(hub);
  });

  it('gives up on a temporary failure after the attempt limit (a dead letter, visible per channel)', async () => {
    sink.rule = (address) => (address === email(c.member) ? { code: 421, message: '4.3.2 Service not available' } : null);
    await sql(hub, `UPDATE mail_delivery SET dead_at = NULL, delivered_at = now() WHERE dead_at IS NOT NULL`);
    await meeting(hub, c.lead, c.groupId, 6);
    for (let i = 0; i < 8; i++) {
      await sql(hub, 'UPDATE mail_delivery SET available_at = now() WHERE delivered_at IS NULL AND dead_at IS NULL');
      await processor.drain();
    }
    const status = await mailStatus(hub, c.root.token);
    expect(status).toMatchObject({ deadLetter: 1, failed: 0, pending: 0 });
    const [dead] = await sql(hub, 'SELECT attempts, last_error FROM mail_delivery WHERE dead_at IS NOT NULL');
    expect(dead.attempts).toBe(8);
    expect(dead.last_error).toMatch(/421/);
    sink.rule = () => null;
  });
});

describe('mail delivery across configurations and restarts', () => {
  let sink: SmtpSink;
  const hubs: TestHub[] = [];
  const start = async (env: Record<string, string>) => {
    const hub = await TestHub.start(env);
    hubs.push(hub);
    return hub;
  };
  beforeAll(async () => {
    sink = await SmtpSink.start();
  });
  afterEach(async () => {
    for (const hub of hubs.splice(0)) await hub.stop().catch(() => undefined);
  });
  afterAll(() => sink.stop());

  it('sends nothing without SMTP_URL, loses nothing, and sends it all once a mail server is configured', async () => {
    const off = await start({});
    await settleLeftovers(off);
    const c = await cast(off);
    await meeting(off, c.lead, c.groupId, 7);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.mails).toHaveLength(0);
    const waiting = await mailStatus(off, c.root.token);
    expect(waiting.pending).toBeGreaterThan(0);
    expect(waiting.oldestPendingAt).not.toBeNull();
    await off.stop();
    hubs.length = 0;

    const on = await start({ SMTP_URL: sink.url, MAIL_OUTBOX_POLL_MS: '20' });
    await until('the three invitations', () => sink.mails.length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    for (const m of [c.lead, c.member, c.guest]) expect(sink.to(email(m))).toHaveLength(1);
    expect(sink.mails).toHaveLength(3);
    const admin = await actor(on, 'admin', { admin: true }); // each test hub has its own token issuer
    expect(await mailStatus(on, admin.token)).toMatchObject({ pending: 0, failed: 0, deadLetter: 0, oldestPendingAt: null });
  });

  it('loses and doubles nothing when the hub restarts, or the mail server restarts, in the middle of a delivery', async () => {
    sink.mails.length = 0;
    const env = { SMTP_URL: sink.url, MAIL_OUTBOX_POLL_MS: '20', MAIL_RETRY_BASE_MS: '100' };
    const first = await start({ ...env, MAIL_OUTBOX_WORKER: 'false' });
    await settleLeftovers(first);
    const c = await cast(first);
    const crowd: Actor[] = [];
    for (let i = 0; i < 6; i++) {
      const a = await actor(first, `crowd${i}`);
      await setRole(first, c.root, c.networkId, a.id, 'MEMBER', c.city);
      await addGroupMember(first, c.agency, c.groupId, a.id, 'MEMBER');
      crowd.push(a);
    }
    const recipients = [c.lead, c.member, c.guest, ...crowd];
    const meetings = [await meeting(first, c.lead, c.groupId, 8), await meeting(first, c.lead, c.groupId, 9)];
    const expected = recipients.length * meetings.length;
    await first.stop();
    hubs.length = 0;

    // A slow mail server; the hub is stopped after a few mails and another takes over.
    sink.delayMs = 120;
    const a = await start(env);
    await until('the first mails', () => sink.mails.length >= 3);
    await a.stop();
    hubs.length = 0;
    const afterStop = sink.mails.length;
    expect(afterStop).toBeLessThan(expected);
    const client = new pg.Client({ connectionString: workerDatabaseUrl() });
    await client.connect();
    const { rows: [{ sent }] } = await client.query(
      `SELECT count(*)::int AS sent FROM mail_delivery d JOIN outbox_event o ON o.id = d.event_id
        WHERE o.aggregate_id = ANY($1::uuid[]) AND d.person_id IS NOT NULL AND d.delivered_at IS NOT NULL`,
      [meetings],
    );
    await client.end();
    expect(sent).toBe(afterStop); // every mail the server took is marked sent, none more

    const b = await start(env);
    await until('a few more mails', () => sink.mails.length >= afterStop + 2);
    sink.restartDuringNextMessage = true; // the mail server goes away in the middle of a message and comes back
    await until('every mail', () => sink.mails.length >= expected, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    sink.delayMs = 0;

    expect(sink.mails).toHaveLength(expected);
    for (const r of recipients) expect(sink.to(email(r))).toHaveLength(meetings.length);
    const ids = sink.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(expected);
    expect(await mailStatus(b, (await actor(b, 'admin', { admin: true })).token)).toMatchObject({ pending: 0, failed: 0, deadLetter: 0 });
    // The mail server's restart really fell into a delivery: that mail was tried again.
    const [{ retried }] = await sql(b, `SELECT count(*)::int AS retried FROM mail_delivery d JOIN outbox_event o ON o.id = d.event_id
        WHERE o.aggregate_id = ANY($1::uuid[]) AND d.attempts > 1`, [meetings]);
    expect(retried).toBeGreaterThan(0);
    // Each person's mails arrived in the order their events were written.
    for (const r of recipients) {
      const uids = sink.to(email(r)).map((m) => /UID:([^\r\n]+)/.exec(m.calendar!.ics)![1]);
      expect(uids).toEqual(meetings.map((id) => `${id}@localhost`));
    }
  });
});
