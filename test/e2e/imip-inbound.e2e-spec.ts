// The inbound mail channel against real parts: a real Dovecot (IMAP) the hub reads with imapflow,
// the hub's own SMTP receiver spoken to with nodemailer, PostgreSQL with the real migrations. The
// RSVP domain is replaced by a recording sink: this tests what arrives, not what it means.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { loadConfig } from '../../src/config/config.js';
import { ImapReader, PROCESSED_KEYWORD } from '../../src/mail/inbound/imap-reader.service.js';
import { IMAP_READER_LOCK_KEY } from '../../src/mail/inbound/reader-lock.js';
import { SmtpReceiver } from '../../src/mail/inbound/smtp-receiver.service.js';
import { IMIP_REPLY_SINK, type ImipReply, type ImipReplySink, type ReplyOutcome } from '../../src/rsvp/imip-reply.js';
import { Dovecot } from '../support/dovecot.js';
import { plainMessage, replyMessage, type ReplyParams } from '../support/imip-replies.js';
import { freshDatabase } from '../support/test-hub.js';

const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const REPLY_TO = `interkom+${TOKEN}@example.org`;
const base: ReplyParams = {
  to: REPLY_TO,
  uid: 'meeting-7f3c@interkom.example.org',
  sequence: 2,
  attendee: { email: 'anna.beispiel@stadt-a.example', name: 'Anna Beispiel' },
  partstat: 'ACCEPTED',
};

/** Stands in for the RSVP domain: records every reply; `fail` makes the next calls throw (a database away). */
class RecordingSink implements ImipReplySink {
  readonly replies: ImipReply[] = [];
  fail = 0;
  async apply(reply: ImipReply): Promise<ReplyOutcome> {
    if (this.fail > 0) {
      this.fail--;
      throw new Error('database unavailable');
    }
    this.replies.push(reply);
    if (reply.uid.startsWith('stale')) return { applied: false, reason: 'stale-sequence' };
    return { applied: true };
  }
}

interface Hub {
  app: NestFastifyApplication;
  sink: RecordingSink;
}

async function startHub(databaseUrl: string, env: Record<string, string>): Promise<Hub> {
  const sink = new RecordingSink();
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'interkom-inbound-')),
    MAIL_FROM: 'Interkom <interkom@example.org>',
    WEB_DIR: '',
    DEMO_DATA: 'false',
    RATE_LIMITS: 'off',
    ...env,
  });
  const module = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).overrideProvider(IMIP_REPLY_SINK).useValue(sink).compile();
  const app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, sink };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function counts(app: NestFastifyApplication): Promise<Record<string, number>> {
  const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode).toBe(200);
  const out: Record<string, number> = {};
  for (const m of res.body.matchAll(/^interkom_imip_replies_total\{outcome="([^"]+)"\} (\d+)$/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

describe('inbound iMIP replies over IMAP (Dovecot) and SMTP', () => {
  let dovecot: Dovecot;
  let hub: Hub;
  let reader: ImapReader;

  beforeAll(async () => {
    dovecot = await Dovecot.start();
    const db = await freshDatabase('inbound');
    hub = await startHub(db, { IMAP_URL: dovecot.url(), IMAP_POLL_SECONDS: '1', INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1', INBOUND_MAX_BYTES: '60000' });
    reader = hub.app.get(ImapReader);
  }, 120_000);
  afterAll(async () => {
    await hub?.app.close();
    await dovecot?.stop();
  });
  afterEach(() => {
    hub.sink.replies.length = 0;
  });

  it('reads Outlook, Thunderbird and Apple Mail replies with token, UID, SEQUENCE, PARTSTAT, DELEGATED-TO and RECURRENCE-ID', async () => {
    // Every outcome's series is there from the start, at 0.
    expect(await counts(hub.app)).toEqual(Object.fromEntries(
      ['applied', 'malformed', 'not-a-reply', 'unknown-token', 'wrong-uid', 'stale-sequence', 'not-attendee', 'meeting-over', 'duplicate', 'no-calendar', 'too-large', 'error'].map((o) => [o, 0]),
    ));
    const occurrence = new Date('2027-05-11T07:00:00Z');
    await dovecot.deliver(await replyMessage('outlook', { ...base, messageId: '<outlook-1@mail.stadt-a.example>' }));
    await dovecot.deliver(await replyMessage('thunderbird', { ...base, sequence: 3, partstat: 'DELEGATED', delegatedTo: { email: 'Bernd.Vertreter@Stadt-A.example', name: 'Bernd Vertreter' }, messageId: '<tb-1@mail.stadt-a.example>' }));
    await dovecot.deliver(await replyMessage('apple', { ...base, partstat: 'TENTATIVE', recurrenceId: occurrence, messageId: '<apple-1@mail.stadt-a.example>' }));
    reader.poke();
    await until('three replies', () => hub.sink.replies.length >= 3);
    const byId = Object.fromEntries(hub.sink.replies.map((r) => [r.messageId, r]));
    expect(byId['<outlook-1@mail.stadt-a.example>']).toEqual({
      token: TOKEN, uid: base.uid, sequence: 2, recurrenceId: null,
      attendees: [{ email: 'anna.beispiel@stadt-a.example', partstat: 'ACCEPTED', delegatedTo: [], name: 'Anna Beispiel' }],
      from: 'anna.beispiel@stadt-a.example', messageId: '<outlook-1@mail.stadt-a.example>',
    });
    expect(byId['<tb-1@mail.stadt-a.example>']).toMatchObject({ token: TOKEN, sequence: 3, attendees: [{ partstat: 'DELEGATED', delegatedTo: ['bernd.vertreter@stadt-a.example'] }, { email: 'bernd.vertreter@stadt-a.example' }] });
    expect(byId['<apple-1@mail.stadt-a.example>']).toMatchObject({ token: TOKEN, uid: base.uid, attendees: [{ partstat: 'TENTATIVE' }] });
    expect(byId['<apple-1@mail.stadt-a.example>']!.recurrenceId?.toISOString()).toBe(occurrence.toISOString());
    expect(hub.sink.replies).toHaveLength(3);

    // Read once: moved out of the inbox, \Seen and marked as read by the hub.
    await until('the inbox emptied', async () => (await dovecot.messages('INBOX')).length === 0);
    const processed = await dovecot.messages('Interkom');
    expect(processed).toHaveLength(3);
    for (const m of processed) expect(m.flags).toEqual(expect.arrayContaining(['\\Seen', PROCESSED_KEYWORD]));
  });

  it('ignores junk, an invitation that is not a REPLY, a broken calendar and an oversized message; counts each once and never retries', async () => {
    const before = await counts(hub.app);
    await dovecot.deliver(await plainMessage({ to: REPLY_TO, subject: 'Ihr Gewinn wartet' }));
    await dovecot.deliver(await plainMessage({ to: REPLY_TO, subject: 'Abwesenheitsnotiz', headers: { 'Auto-Submitted': 'auto-replied' } }));
    await dovecot.deliver(await plainMessage({ to: REPLY_TO, subject: 'WG: Sitzung', calendar: { method: 'REQUEST', content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x@y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' } }));
    await dovecot.deliver(await plainMessage({ to: REPLY_TO, subject: 'kaputt', calendar: { method: 'REPLY', content: 'BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x@y\r\nSEQUENCE:eins\r\n' } }));
    await dovecot.deliver(await plainMessage({ to: REPLY_TO, subject: 'groß', text: 'x'.repeat(70_000) }));
    reader.poke();
    await until('the inbox emptied', async () => (await dovecot.messages('INBOX')).length === 0);
    const after = await counts(hub.app);
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    expect({ 'no-calendar': delta('no-calendar'), 'not-a-reply': delta('not-a-reply'), malformed: delta('malformed'), 'too-large': delta('too-large') }).toEqual({
      'no-calendar': 2, 'not-a-reply': 1, malformed: 1, 'too-large': 1,
    });
    expect(hub.sink.replies).toHaveLength(0);
    // Looked at again (twice): nothing is read a second time.
    reader.poke();
    await new Promise((r) => setTimeout(r, 1500));
    reader.poke();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await counts(hub.app)).toEqual(after);
    expect((await dovecot.messages('Interkom')).filter((m) => /Gewinn|Abwesenheit|WG: Sitzung|kaputt|groß|=?UTF-8/.test(m.source))).toHaveLength(5);
  });

  it('a reply the domain could not take (database away) stays in the inbox and is taken on a later try', async () => {
    const before = await counts(hub.app);
    hub.sink.fail = 1;
    await dovecot.deliver(await replyMessage('outlook', { ...base, messageId: '<retry-1@mail.stadt-a.example>' }));
    reader.poke();
    await until('the failed try counted', async () => ((await counts(hub.app)).error ?? 0) > (before.error ?? 0));
    const inbox = await dovecot.messages('INBOX');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.flags).not.toContain(PROCESSED_KEYWORD);
    await until('the reply taken on a later try', () => hub.sink.replies.some((r) => r.messageId === '<retry-1@mail.stadt-a.example>'));
    await until('the inbox emptied', async () => (await dovecot.messages('INBOX')).length === 0);
    const after = await counts(hub.app);
    expect((after.applied ?? 0) - (before.applied ?? 0)).toBe(1);
    expect((after.error ?? 0) - (before.error ?? 0)).toBe(1);
  });

  it('takes replies over SMTP for its own address only: the token from RCPT TO, no relaying, a size limit, text refused', async () => {
    const port = hub.app.get(SmtpReceiver).port!;
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const before = await counts(hub.app);
    const other = 'ffeeddccbbaa99887766554433221100';
    // Envelope recipient with another token than the To header: the envelope wins (it is where the mail was sent).
    const raw = await replyMessage('apple', { ...base, uid: 'stale-uid@interkom.example.org', messageId: '<smtp-1@mail.stadt-a.example>' });
    const info = await transport.sendMail({ envelope: { from: 'anna.beispiel@stadt-a.example', to: [`INTERKOM+${other.toUpperCase()}@Example.org`] }, raw });
    expect(info.accepted).toHaveLength(1);
    expect(hub.sink.replies).toEqual([expect.objectContaining({ token: other, uid: 'stale-uid@interkom.example.org', messageId: '<smtp-1@mail.stadt-a.example>' })]);
    expect(((await counts(hub.app))['stale-sequence'] ?? 0) - (before['stale-sequence'] ?? 0)).toBe(1);

    await expect(transport.sendMail({ envelope: { from: 'spam@elsewhere.example', to: ['someone@elsewhere.example'] }, raw })).rejects.toMatchObject({ responseCode: 550 });
    await expect(transport.sendMail({ envelope: { from: 'spam@elsewhere.example', to: ['interkom+x@example.org.evil.example'] }, raw })).rejects.toMatchObject({ responseCode: 550 });
    const big = await plainMessage({ to: REPLY_TO, subject: 'groß', text: 'y'.repeat(80_000) });
    await expect(transport.sendMail({ envelope: { from: 'a@elsewhere.example', to: [REPLY_TO] }, raw: big })).rejects.toMatchObject({ responseCode: 552 });
    // Text someone wrote to the reply address is refused at the end of DATA (their own server tells them) and counted.
    await expect(transport.sendMail({ envelope: { from: 'a@elsewhere.example', to: [REPLY_TO] }, raw: await plainMessage({ to: REPLY_TO, subject: 'Ich komme später' }) }))
      .rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('nur Antworten auf Einladungen') });
    hub.sink.fail = 1;
    await expect(transport.sendMail({ envelope: { from: 'a@elsewhere.example', to: [REPLY_TO] }, raw: await replyMessage('outlook', base) })).rejects.toMatchObject({ responseCode: 451 });
    const after = await counts(hub.app);
    expect((after['too-large'] ?? 0) - (before['too-large'] ?? 0)).toBe(1);
    expect((after['no-calendar'] ?? 0) - (before['no-calendar'] ?? 0)).toBe(1);
    expect((after.error ?? 0) - (before.error ?? 0)).toBe(1);
    transport.close();
  });

  it('offers STARTTLS with INBOUND_SMTP_TLS_CERT/KEY, and a sender that requires TLS gets through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interkom-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=antworten.example.org', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const tls = await startHub(await freshDatabase('inbound_tls'), {
      INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1', INBOUND_SMTP_TLS_CERT: join(dir, 'cert.pem'), INBOUND_SMTP_TLS_KEY: join(dir, 'key.pem'),
    });
    try {
      const port = tls.app.get(SmtpReceiver).port!;
      const secured = createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      await secured.sendMail({ envelope: { from: 'anna.beispiel@stadt-a.example', to: [REPLY_TO] }, raw: await replyMessage('thunderbird', { ...base, messageId: '<tls-1@mail.stadt-a.example>' }) });
      expect(tls.sink.replies.map((r) => r.messageId)).toEqual(['<tls-1@mail.stadt-a.example>']);
      secured.close();
      // The main hub has no certificate: it offers no STARTTLS, and a sender requiring TLS is refused there.
      const plain = createTransport({ host: '127.0.0.1', port: hub.app.get(SmtpReceiver).port!, secure: false, requireTLS: true });
      await expect(plain.sendMail({ envelope: { from: 'a@elsewhere.example', to: [REPLY_TO] }, raw: 'Subject: x\r\n\r\nx' })).rejects.toThrow(/STARTTLS/);
      plain.close();
    } finally {
      await tls.app.close();
    }
  }, 90_000);

  it('reads over implicit TLS (imaps://) from a server with a self-signed certificate when IMAP_TLS_INSECURE=true', async () => {
    const server = await Dovecot.start({ tls: true });
    const tls = await startHub(await freshDatabase('inbound_imaps'), { IMAP_URL: server.url('INBOX', true), IMAP_TLS_INSECURE: 'true', IMAP_POLL_SECONDS: '1' });
    try {
      await server.deliver(await replyMessage('outlook', { ...base, messageId: '<imaps-1@mail.stadt-a.example>' }));
      await until('the reply read over TLS', () => tls.sink.replies.length === 1);
      expect(tls.sink.replies[0]!.messageId).toBe('<imaps-1@mail.stadt-a.example>');
      expect(server.log()).toMatch(/Login: user=<interkom>.*TLS/);
    } finally {
      await tls.app.close();
      await server.stop();
    }
  }, 90_000);

  it('reconnects when the IMAP server goes away and comes back, and reads what arrived meanwhile', async () => {
    await dovecot.kill();
    // Down for a while: the reader's tries fail and back off (logged, never thrown).
    reader.poke();
    await new Promise((r) => setTimeout(r, 1500));
    await dovecot.revive();
    await dovecot.deliver(await replyMessage('outlook', { ...base, messageId: '<after-outage@mail.stadt-a.example>' }));
    await until('the reply after the outage', () => hub.sink.replies.some((r) => r.messageId === '<after-outage@mail.stadt-a.example>'), 60_000);
    await until('the inbox emptied', async () => (await dovecot.messages('INBOX')).length === 0);
  }, 90_000);

  it('hears of new mail through IDLE, without polling', async () => {
    await dovecot.createMailbox('Idle');
    const logins = () => dovecot.log().split('\n').filter((l) => l.includes('Login: user=<interkom>')).length;
    const before = logins();
    const idle = await startHub(await freshDatabase('inbound_idle'), { IMAP_URL: dovecot.url('Idle'), IMAP_POLL_SECONDS: '3600' });
    try {
      await until('the reader signed in', () => logins() > before);
      // It has looked once (an empty mailbox) and idles from 2 s after its last command.
      await new Promise((r) => setTimeout(r, 4000));
      await dovecot.deliver(await replyMessage('apple', { ...base, messageId: '<idle-1@mail.stadt-a.example>' }), 'Idle');
      await until('the reply read', () => idle.sink.replies.length === 1, 30_000);
      expect(idle.sink.replies[0]!.messageId).toBe('<idle-1@mail.stadt-a.example>');
    } finally {
      await idle.app.close();
    }
  }, 90_000);

  it('two hub processes on one database: one reads (advisory lock), the other takes over when it stops; without a processed folder messages stay, flagged, and are read once', async () => {
    await dovecot.createMailbox('Antworten');
    const db = await freshDatabase('inbound_pair');
    const env = { IMAP_URL: dovecot.url('Antworten'), IMAP_POLL_SECONDS: '0.5', IMAP_PROCESSED_MAILBOX: '' };
    const first = await startHub(db, env);
    const second = await startHub(db, env);
    try {
      for (let i = 0; i < 4; i++) await dovecot.deliver(await replyMessage('outlook', { ...base, messageId: `<pair-${i}@mail.stadt-a.example>` }), 'Antworten');
      await until('four replies', () => first.sink.replies.length + second.sink.replies.length >= 4);
      await new Promise((r) => setTimeout(r, 2000));
      const all = [...first.sink.replies, ...second.sink.replies].map((r) => r.messageId).sort();
      expect(all).toEqual([0, 1, 2, 3].map((i) => `<pair-${i}@mail.stadt-a.example>`));
      // One of them did all the reading, holding the advisory lock on a session of its own.
      expect([first.sink.replies.length, second.sink.replies.length].sort()).toEqual([0, 4]);
      const holders = await first.app.get(DataSource).query(
        `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint`,
        [IMAP_READER_LOCK_KEY],
      );
      expect(holders).toEqual([{ application_name: 'interkom-imap-reader' }]);
      const stored = await dovecot.messages('Antworten');
      expect(stored).toHaveLength(4);
      for (const m of stored) expect(m.flags).toEqual(expect.arrayContaining(['\\Seen', PROCESSED_KEYWORD]));
      // The reader stops; the other process takes the lock and reads what comes next.
      const [holder, other] = first.sink.replies.length ? [first, second] : [second, first];
      await holder.app.close();
      await dovecot.deliver(await replyMessage('apple', { ...base, messageId: '<pair-after@mail.stadt-a.example>' }), 'Antworten');
      await until('the other process reads', () => other.sink.replies.length === 1, 60_000);
      expect(other.sink.replies[0]!.messageId).toBe('<pair-after@mail.stadt-a.example>');
    } finally {
      await first.app.close().catch(() => undefined);
      await second.app.close().catch(() => undefined);
    }
  }, 120_000);
});
