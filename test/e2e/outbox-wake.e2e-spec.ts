import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { MARKER_KEY } from '../../src/matrix/chat.port.js';
import { actor, group, network, type Actor } from '../support/factories.js';
import { roomMessages, SYNAPSE_HUB_ENV } from '../support/synapse.js';
import { HubProcess } from '../support/hub-processes.js';
import { KeycloakIssuer } from '../support/keycloak-issuer.js';
import { freshDatabase, TestHub } from '../support/test-hub.js';
import { APP_CONFIG } from '../../src/config/config.module.js';

/** Two hub processes (HubProcess) duck-type TestHub for the factories. */
type Hub = TestHub;

/**
 * Issue 24: the outbox workers drain when an event commits (LISTEN/NOTIFY), not only when their
 * poll comes round. The poll is set to ten minutes here, far beyond every wait of the test, and
 * after the start-up drain only a notification can make a worker look again. Nothing is timed:
 * each wait is generous, and it is delivery within it that shows the wake-up.
 */
const NEVER_POLL = {
  ...SYNAPSE_HUB_ENV,
  MATRIX_OUTBOX_WORKER: 'true',
  MATRIX_OUTBOX_POLL_MS: '600000',
  MATRIX_RETRY_BASE_MS: '50',
  MATRIX_TIMEOUT_MS: '5000',
  MATRIX_RECONCILE_MS: '3600000',
};

/** The sessions that LISTEN for the outbox (OutboxWakeup names them so). */
const LISTENERS = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE '%outbox-listen'`;

describe('waking the outbox workers when an event commits', () => {
  let issuer: KeycloakIssuer;
  let a: Hub;
  let b: Hub;
  let processes: HubProcess[] = [];
  let root: Actor;
  let db: pg.Client;

  beforeAll(async () => {
    issuer = await new KeycloakIssuer().start();
    const DATABASE_URL = await freshDatabase('wake');
    processes = [await HubProcess.start(issuer, DATABASE_URL, NEVER_POLL), await HubProcess.start(issuer, DATABASE_URL, NEVER_POLL)];
    [a, b] = processes as unknown as Hub[];
    root = await actor(a, 'root', { admin: true });
    db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await Promise.all(processes.map((p) => p.stop()));
    await issuer?.stop();
  });

  const outboxStatus = async (hub: Hub) =>
    (await hub.ok(root.token, '{ outboxStatus { pending failed deadLetter delivered } }')).outboxStatus as { pending: number; failed: number };
  const roomOfGroup = async (hub: Hub, groupId: string) =>
    (await hub.ok(root.token, 'query($id: ID!) { group(id: $id) { matrixRoomId } }', { id: groupId })).group.matrixRoomId as string;

  /** Waits until nothing is pending or failed (the start-up drain is long over; only a wake-up delivers). */
  const delivered = async (hub: Hub) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const s = await outboxStatus(hub);
      if (s.pending === 0 && s.failed === 0) return s;
      if (Date.now() > deadline) throw new Error(`outbox not delivered without a poll: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const listeners = async () => (await db.query<{ pid: number }>(LISTENERS)).rows.map((r) => r.pid);

  const meeting = (hub: Hub, groupId: string, title: string, day: number) => {
    const startsAt = new Date(Date.now() + day * 86_400_000);
    return hub.ok(root.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId, title, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
  };

  const announced = async (roomId: string) => {
    const messages = await roomMessages(roomId);
    const markers = messages.map((m) => m.content[MARKER_KEY]).filter(Boolean);
    expect(new Set(markers).size).toBe(markers.length); // nothing posted twice
    return messages.map((m) => String(m.content.body));
  };

  it('listens on one connection per process', async () => {
    const deadline = Date.now() + 30_000;
    while ((await listeners()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await listeners()).toHaveLength(2);
  });

  it('delivers a new group room and its announcements without waiting for the poll, each once, from either process', async () => {
    const net = await network(a, root, 'APPROVAL');
    const groupId = await group(b, root, net.id, 'PROJECT_GROUP');
    await delivered(a);
    const titles = Array.from({ length: 6 }, (_, i) => `Weckruf ${i}`);
    for (const [i, title] of titles.entries()) await meeting(i % 2 ? b : a, groupId, title, i + 2);
    await delivered(b);
    const bodies = await announced(await roomOfGroup(a, groupId));
    expect(titles.map((t) => bodies.filter((body) => body.includes(t)).length)).toEqual(titles.map(() => 1));
  });

  it('listens again after its connection was terminated, and delivers what committed meanwhile', async () => {
    const net = await network(a, root, 'APPROVAL');
    const groupId = await group(a, root, net.id, 'PROJECT_GROUP');
    await delivered(a);
    const before = await listeners();
    await db.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1::int[])', [before]);
    // Written while nobody may be listening: the reconnect's own wake-up or the next notification finds it.
    await meeting(a, groupId, 'Nach dem Abbruch', 3);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const now = await listeners();
      if (now.length === 2 && now.every((pid) => !before.includes(pid))) break;
      if (Date.now() > deadline) throw new Error(`the LISTEN connections did not come back: ${JSON.stringify({ before, now })}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await meeting(b, groupId, 'Nach der Rückkehr', 4);
    await delivered(a);
    const bodies = await announced(await roomOfGroup(a, groupId));
    expect(bodies.filter((body) => body.includes('Nach dem Abbruch'))).toHaveLength(1);
    expect(bodies.filter((body) => body.includes('Nach der Rückkehr'))).toHaveLength(1);
  });
});

/**
 * The embedded database (PGlite) takes one connection, the pool's, so there is no LISTEN
 * connection of its own: its one session listens, and hears its own commits (OutboxWakeup).
 */
describe('waking the outbox worker on the embedded database', () => {
  let hub: TestHub;
  let root: Actor;
  beforeAll(async () => {
    hub = await TestHub.start({ ...NEVER_POLL, DATABASE_URL: '' });
    root = await actor(hub, 'root', { admin: true });
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('runs on PGlite and delivers a new room and its announcement without waiting for the poll', async () => {
    expect(hub.hub.app.get(APP_CONFIG).embeddedDatabase).toBe(true);
    const net = await network(hub, root, 'APPROVAL');
    const groupId = await group(hub, root, net.id, 'PROJECT_GROUP');
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    await hub.ok(root.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId, title: 'Eingebettet geweckt', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { outboxStatus: s } = await hub.ok(root.token, '{ outboxStatus { pending failed } }');
      if (s.pending === 0 && s.failed === 0) break;
      if (Date.now() > deadline) throw new Error(`outbox not delivered without a poll: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const roomId = (await hub.ok(root.token, 'query($id: ID!) { group(id: $id) { matrixRoomId } }', { id: groupId })).group.matrixRoomId;
    const bodies = (await roomMessages(roomId)).map((m) => String(m.content.body));
    expect(bodies.filter((body) => body.includes('Eingebettet geweckt'))).toHaveLength(1);
  });
});
