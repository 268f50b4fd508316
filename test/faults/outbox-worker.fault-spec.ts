// The outbox worker process is killed (SIGKILL) ten times while 1,000 events go to the real
// Synapse: every event arrives exactly once, and each group's events arrive in the order written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, group, network, type Actor } from '../support/factories.js';
import { KeycloakIssuer } from '../support/keycloak-issuer.js';
import { matrixApi, synapse, SYNAPSE_HUB_ENV } from '../support/synapse.js';
import { MARKER_KEY } from '../../src/matrix/chat.port.js';
import { ChildHub, dbQuery, freshDatabase } from './support/child-hub.js';

const EVENTS = 1000;
const GROUPS = 4;
const KILLS = 10;

const MATRIX = {
  ...SYNAPSE_HUB_ENV,
  MATRIX_OUTBOX_POLL_MS: '100',
  MATRIX_RETRY_BASE_MS: '200',
  // A killed worker's rows come back when their lease ends; the lease outlasts any one Matrix call.
  MATRIX_TIMEOUT_MS: '3000',
  MATRIX_OUTBOX_LEASE_MS: '4000',
};

/** Every m.room.message in a room, oldest first (paged back through the whole timeline). */
async function roomTimeline(roomId: string): Promise<{ content: Record<string, unknown> }[]> {
  const events: { type: string; content: Record<string, unknown> }[] = [];
  let from: string | undefined;
  for (;;) {
    const page = await matrixApi<{ chunk: { type: string; content: Record<string, unknown> }[]; end?: string }>(
      'GET',
      `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=1000${from ? `&from=${encodeURIComponent(from)}` : ''}`,
    );
    events.push(...page.chunk);
    if (!page.end || page.chunk.length === 0) break;
    from = page.end;
  }
  return events.filter((e) => e.type === 'm.room.message').reverse();
}

describe('the outbox worker killed while delivering', () => {
  let issuer: KeycloakIssuer;
  let db: { name: string; url: string };
  let worker: ChildHub | undefined;
  let root: Actor;
  let groups: string[];

  beforeAll(async () => {
    synapse('all');
    issuer = await new KeycloakIssuer().start();
    db = await freshDatabase('outbox');
    // The groups are made by a hub that does not deliver; its outbox rows wait for the worker.
    const producer = await ChildHub.start(issuer, db.url, { ...MATRIX, MATRIX_OUTBOX_WORKER: 'false' });
    root = await actor(producer.asTestHub, 'root', { admin: true });
    const net = await network(producer.asTestHub, root);
    groups = [];
    for (let i = 0; i < GROUPS; i++) groups.push(await group(producer.asTestHub, root, net.id, 'PLENUM'));
    producer.signal('SIGTERM');
    expect((await producer.exited).code).toBe(0);
    // 1,000 chat messages, spread over the groups, written as the hub writes them (one outbox row each).
    await dbQuery(
      db.url,
      `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, group_id, payload)
       SELECT 'ChatReply', 'Chat', g, g, jsonb_build_object('text', 'Nachricht ' || i, 'to', '@x:localhost')
         FROM generate_series(1, $2::int) i, LATERAL (SELECT ($1::uuid[])[1 + i % array_length($1::uuid[], 1)] AS g) pick`,
      [groups, EVENTS],
    );
  });
  afterAll(async () => {
    await worker?.kill();
    await issuer.stop();
  });

  const delivered = async () =>
    (await dbQuery<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'ChatReply' AND delivered_at IS NOT NULL`))[0].n;

  it('delivers every event exactly once, in order per group', async () => {
    const killedAt: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      worker = await ChildHub.start(issuer, db.url, MATRIX);
      // Let it get going, then kill it at a random moment in the middle of its work.
      const before = await delivered();
      const deadline = Date.now() + 60_000;
      while ((await delivered()) < before + 3) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 1500));
      worker.signal('SIGKILL');
      expect((await worker.exited).signal).toBe('SIGKILL');
      killedAt.push(await delivered());
    }
    expect(killedAt.at(-1)).toBeLessThan(EVENTS); // the kills really fell into the delivery

    worker = await ChildHub.start(issuer, db.url, MATRIX);
    const deadline = Date.now() + 300_000;
    while ((await delivered()) < EVENTS) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 500));
    }
    const [{ dead }] = await dbQuery<{ dead: number }>(db.url, 'SELECT count(*)::int AS dead FROM outbox_event WHERE dead_at IS NOT NULL');
    expect(dead).toBe(0);

    // What the rooms received, against what was written: each id once, in the order of seq.
    for (const groupId of groups) {
      const [{ matrix_room_id: roomId }] = await dbQuery<{ matrix_room_id: string }>(db.url, 'SELECT matrix_room_id FROM work_group WHERE id = $1', [groupId]);
      const written = (await dbQuery<{ id: string }>(db.url, `SELECT id FROM outbox_event WHERE group_id = $1 AND type = 'ChatReply' ORDER BY seq`, [groupId])).map((r) => r.id);
      const received = (await roomTimeline(roomId)).map((e) => e.content[MARKER_KEY]).filter((id): id is string => typeof id === 'string' && written.includes(id));
      expect(received.length).toBe(written.length);
      expect(new Set(received).size).toBe(written.length);
      expect(received).toEqual(written);
    }
    console.info(`outbox faults: ${EVENTS} events over ${GROUPS} groups; delivered when the worker was killed: ${killedAt.join(', ')}`);
  });
});
