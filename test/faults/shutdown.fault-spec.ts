// SIGTERM: the hub stops accepting, finishes the requests in flight, releases its outbox leases and
// exits 0 within 10 s; a new hub then delivers what was left, each event once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { todayInBerlin } from '../../src/common/scalars.js';
import { actor, group, network, type Actor } from '../support/factories.js';
import { KeycloakIssuer } from '../support/keycloak-issuer.js';
import { synapse, SYNAPSE_HUB_ENV } from '../support/synapse.js';
import { ChildHub, dbQuery, freshDatabase } from './support/child-hub.js';

const MATRIX = {
  ...SYNAPSE_HUB_ENV,
  MATRIX_OUTBOX_POLL_MS: '100',
  MATRIX_TIMEOUT_MS: '5000',
};

describe('SIGTERM', () => {
  let issuer: KeycloakIssuer;
  let db: { name: string; url: string };
  let hub: ChildHub;
  let root: Actor;
  let groups: string[];
  const outbox = async () =>
    (
      await dbQuery<{ delivered: number; leased: number; pending: number; spent: number }>(
        db.url,
        `SELECT count(*) FILTER (WHERE delivered_at IS NOT NULL)::int AS delivered,
                count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL AND locked_until > now())::int AS leased,
                count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL)::int AS pending,
                count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL AND attempts > 0 AND last_error IS NULL)::int AS spent
           FROM outbox_event WHERE type = 'ChatReply'`,
      )
    )[0];

  beforeAll(async () => {
    synapse('all');
    issuer = await new KeycloakIssuer().start();
    db = await freshDatabase('sigterm');
    // Set up with the worker off, so that the rows are all still waiting when the test begins.
    const setup = await ChildHub.start(issuer, db.url, { ...MATRIX, MATRIX_OUTBOX_WORKER: 'false' });
    root = await actor(setup.asTestHub, 'root', { admin: true });
    const net = await network(setup.asTestHub, root);
    groups = [];
    for (let i = 0; i < 4; i++) groups.push(await group(setup.asTestHub, root, net.id, 'PLENUM'));
    setup.signal('SIGTERM');
    expect((await setup.exited).code).toBe(0);
  });
  afterAll(async () => {
    await hub?.kill();
    await issuer.stop();
  });

  /** Chat messages in the outbox, spread over the groups: each is a message in the group's room. */
  async function enqueue(n: number): Promise<void> {
    await dbQuery(
      db.url,
      `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, group_id, payload)
       SELECT 'ChatReply', 'Chat', g, g, jsonb_build_object('text', 'Nachricht ' || i, 'to', '@x:localhost')
         FROM generate_series(1, $2::int) i, LATERAL (SELECT ($1::uuid[])[1 + i % array_length($1::uuid[], 1)] AS g) pick`,
      [groups, n],
    );
  }

  it('finishes the request in flight, refuses new ones, releases its leases and exits 0 within 10 s', async () => {
    hub = await ChildHub.start(issuer, db.url, MATRIX);
    await enqueue(120);
    // Wait until the worker is delivering and holds a batch, so that rows are claimed when the signal comes.
    const deadline = Date.now() + 60_000;
    for (let o = await outbox(); o.delivered < 5 || o.leased < 2; o = await outbox()) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 20));
    }
    const token = await hub.token(root.username, { roles: ['hub-admin'] });
    // A request that takes ~300 ms (a rule that never occurs is searched until the time limit).
    const inFlight = hub.gql(token, 'mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }', {
      input: { groupId: groups[0], title: 'Nie', rrule: 'FREQ=YEARLY;BYYEARDAY=60;BYMONTH=1', startsOn: todayInBerlin(), startTime: '10:00', durationMinutes: 60 },
    });
    await new Promise((r) => setTimeout(r, 60));
    const signalled = Date.now();
    hub.signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 30));
    const late = await hub.gql(token, '{ me { id } }').then((r) => r.status, (e: Error) => e.message);

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('die Regel ergibt keine Termine') });
    // Refused: 503 while the requests in flight finish, or no connection once the server is closed.
    expect([503, 'fetch failed']).toContain(late);

    const exit = await hub.exited;
    expect({ exit, logs: exit.code === 0 ? [] : hub.logs.slice(-10) }).toEqual({ exit: { code: 0, signal: null }, logs: [] });
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(hub.logs.join('\n')).toMatch(/shut down cleanly/);
    // Whether the signal came mid-batch depends on timing (src/outbox/outbox-worker.spec.ts checks the
    // release itself deterministically). Either way no row is left leased:
    const released = hub.logs.join('\n').match(/released (\d+) claimed outbox row/g) ?? [];
    console.info(`SIGTERM: ${released.length ? released.join(', ') : 'between two batches'}`);

    // No row is left leased, and a released row has not used up an attempt.
    const left = await outbox();
    expect(left.leased).toBe(0);
    expect(left.spent).toBe(0);
    expect(left.pending).toBeGreaterThan(0); // it stopped mid-way, as intended

    // A new hub picks the rest up at once (no lease to wait out) and delivers all of it.
    hub = await ChildHub.start(issuer, db.url, MATRIX);
    const until = Date.now() + 120_000;
    while ((await outbox()).pending > 0) {
      expect(Date.now()).toBeLessThan(until);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
});

