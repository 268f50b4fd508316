// Two hub instances deliver mail from one database while the mail server is slow and the lease is
// short: a worker never holds more rows than it can send within its lease, and a worker whose lease
// was lost does not overwrite the row's outcome, so every mail arrives exactly once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import type { MailRow } from '../../src/mail/mail-outbox.processor.js';
import type { LeaseQueue } from '../../src/outbox/lease-queue.js';
import { actor, addGroupMember, setRole, type Actor } from '../support/factories.js';
import { cast, meeting } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TestHub } from '../support/test-hub.js';

const email = (a: Actor) => `${a.username}@example.org`;
const sql = (hub: TestHub, q: string, p: unknown[] = []) => hub.hub.app.get(DataSource).query(q, p);
const settleLeftovers = (hub: TestHub) =>
  sql(hub, `UPDATE mail_delivery SET delivered_at = now(), dead_at = NULL, remote_id = 'skipped: other test' WHERE delivered_at IS NULL`);

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('mail delivery with two instances, a slow mail server and a short lease', () => {
  let sink: SmtpSink;
  const hubs: TestHub[] = [];
  beforeAll(async () => {
    sink = await SmtpSink.start();
  });
  afterAll(async () => {
    for (const hub of hubs.splice(0)) await hub.stop().catch(() => undefined);
    await sink.stop();
  });

  it('sends every mail exactly once', async () => {
    const env = { SMTP_URL: sink.url, MAIL_OUTBOX_POLL_MS: '20', MAIL_TIMEOUT_MS: '1000', MAIL_OUTBOX_LEASE_MS: '3100' };
    const setup = await TestHub.start({ ...env, MAIL_OUTBOX_WORKER: 'false' });
    hubs.push(setup);
    await settleLeftovers(setup);
    const c = await cast(setup);
    const crowd: Actor[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await actor(setup, `crowd${i}`);
      await setRole(setup, c.root, c.networkId, a.id, 'MEMBER', c.city);
      await addGroupMember(setup, c.agency, c.groupId, a.id, 'MEMBER');
      crowd.push(a);
    }
    const recipients = [c.lead, c.member, c.guest, ...crowd];
    await meeting(setup, c.lead, c.groupId, 8);
    await hubs.pop()!.stop();

    // Each message takes 0.7 s: eight of them in one claim would outlast the 3.1 s lease.
    sink.delayMs = 700;
    hubs.push(await TestHub.start(env), await TestHub.start(env));
    await until('every invitation', () => sink.mails.length >= recipients.length);
    // Long enough for a second instance to send a row again whose lease ran out meanwhile.
    await new Promise((r) => setTimeout(r, 4000));
    sink.delayMs = 0;
    for (const r of recipients) expect({ to: r.username, mails: sink.to(email(r)).length }).toEqual({ to: r.username, mails: 1 });
    expect(sink.mails).toHaveLength(recipients.length);
  });

  it('does not overwrite the outcome of a row whose lease another worker took over', async () => {
    const hub = hubs[0]!;
    const queue = (hub.hub.app.get(MailOutboxProcessor) as unknown as { queue: LeaseQueue<MailRow> }).queue;
    // Both instances' workers stop; this test claims by hand, then lets the lease pass to another claim.
    for (const h of hubs) await h.hub.app.get(MailOutboxProcessor).beforeApplicationShutdown();
    await settleLeftovers(hub);
    const [event] = await sql(hub, `SELECT id FROM outbox_event ORDER BY created_at DESC LIMIT 1`);
    const [{ id }] = await sql(hub, `INSERT INTO mail_delivery (event_id, person_id, seq) VALUES ($1, (SELECT id FROM person ORDER BY created_at LIMIT 1), 0) RETURNING id`, [event.id]);
    const first = (await queue.claim(1)).find((r) => r.id === id)!;
    expect(first).toBeDefined();
    await sql(hub, `UPDATE mail_delivery SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    const second = (await queue.claim(1)).find((r) => r.id === id)!;
    expect(second).toBeDefined();
    expect(await queue.delivered(first, 'late')).toBe(false);
    expect(await queue.failed(first, { retryable: false, retryAfterMs: null, message: 'late' })).toMatchObject({ lost: true });
    await queue.release([first]);
    const [row] = await sql(hub, `SELECT delivered_at, dead_at, locked_until > now() AS leased FROM mail_delivery WHERE id = $1`, [id]);
    expect(row).toEqual({ delivered_at: null, dead_at: null, leased: true });
    expect(await queue.delivered(second, 'mine')).toBe(true);
    const [done] = await sql(hub, `SELECT remote_id FROM mail_delivery WHERE id = $1`, [id]);
    expect(done.remote_id).toBe('mine');
  });
});
