// The hub is killed (SIGKILL) five times while it sends a few hundred invitations to a real SMTP
// server: no mail is lost, and a mail sent twice can only be the one in hand at a kill, with the
// same Message-ID (the window between the server's 250 and the hub's record of it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, addGroupMember, setRole, type Actor } from '../support/factories.js';
import { KeycloakIssuer } from '../support/keycloak-issuer.js';
import { cast, meeting } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { ChildHub, dbQuery, freshDatabase } from './support/child-hub.js';

const MEMBERS = 40;
const MEETINGS = 6;
const KILLS = 5;

describe('the mail worker killed while delivering', () => {
  let issuer: KeycloakIssuer;
  let sink: SmtpSink;
  let db: { name: string; url: string };
  let worker: ChildHub | undefined;
  let mail: Record<string, string>;
  let expected: number;

  beforeAll(async () => {
    issuer = await new KeycloakIssuer().start();
    sink = await SmtpSink.start();
    db = await freshDatabase('mail');
    mail = {
      SMTP_URL: sink.url, MAIL_OUTBOX_POLL_MS: '50', MAIL_RETRY_BASE_MS: '200',
      // A killed worker's mails come back when their lease ends.
      MAIL_TIMEOUT_MS: '1000', MAIL_OUTBOX_LEASE_MS: '3500',
    };
    // The meetings are made by a hub without a mail server; the invitations wait in the outbox.
    const producer = await ChildHub.start(issuer, db.url);
    const hub = producer.asTestHub;
    const c = await cast(hub);
    const crowd: Actor[] = [];
    for (let i = 0; i < MEMBERS - 3; i++) crowd.push(await actor(hub, `m${i}`));
    for (const a of crowd) {
      await setRole(hub, c.root, c.networkId, a.id, 'MEMBER', c.city);
      await addGroupMember(hub, c.agency, c.groupId, a.id, 'MEMBER');
    }
    for (let i = 0; i < MEETINGS; i++) await meeting(hub, c.lead, c.groupId, 10 + i);
    producer.signal('SIGTERM');
    expect((await producer.exited).code).toBe(0);
    expected = MEMBERS * MEETINGS;
  });
  afterAll(async () => {
    await worker?.kill();
    await sink.stop();
    await issuer.stop();
  });

  const sent = async () =>
    (await dbQuery<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM mail_delivery WHERE person_id IS NOT NULL AND delivered_at IS NOT NULL`))[0]!.n;

  it('loses no mail, and sends a mail twice only with the same Message-ID', async () => {
    sink.delayMs = 10;
    const killedAt: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      worker = await ChildHub.start(issuer, db.url, mail);
      const before = sink.mails.length;
      const deadline = Date.now() + 60_000;
      while (sink.mails.length < before + 5) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 600));
      worker.signal('SIGKILL');
      expect((await worker.exited).signal).toBe('SIGKILL');
      killedAt.push(sink.mails.length);
    }
    expect(killedAt.at(-1)).toBeLessThan(expected); // the kills fell into the delivery

    worker = await ChildHub.start(issuer, db.url, mail);
    const deadline = Date.now() + 180_000;
    while ((await sent()) < expected) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 500));
    const [{ dead }] = await dbQuery<{ dead: number }>(db.url, 'SELECT count(*)::int AS dead FROM mail_delivery WHERE dead_at IS NOT NULL');
    expect(dead).toBe(0);
    const ids = await dbQuery<{ id: string }>(
      db.url,
      `SELECT '<' || event_id || '.' || person_id || '@127.0.0.1>' AS id FROM mail_delivery WHERE person_id IS NOT NULL`,
    );
    expect(ids).toHaveLength(expected);
    const received = new Set(sink.mails.map((m) => m.messageId));
    for (const { id } of ids) expect(received.has(id)).toBe(true);
    expect(received.size).toBe(expected);
    const doubled = sink.mails.length - received.size;
    expect(doubled).toBeLessThanOrEqual(KILLS);
    console.info(`mail faults: ${expected} mails, ${KILLS} kills at ${killedAt.join(', ')} received; sent twice (same Message-ID): ${doubled}`);
  });
});
