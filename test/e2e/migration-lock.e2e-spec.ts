// Issue 20: migrations under a PostgreSQL advisory lock (every migrating process: the migration
// CLI and hubs with MIGRATIONS=run), hubs that never migrate (MIGRATIONS=check: alive, not ready,
// until the migrations are applied), and the CLI's failure. Real processes on real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { MIGRATION_LOCK_KEY } from '../../src/database/migration-lock.js';
import { KNOWN_MIGRATIONS } from '../../src/database/pending-migrations.js';
import { typeormOptions } from '../../src/database/typeorm-options.js';
import { KeycloakIssuer } from '../support/keycloak-issuer.js';
import { freePort, NodeProcess } from '../support/processes.js';
import { freshDatabase } from '../support/test-hub.js';

const KEY = MIGRATION_LOCK_KEY.toString();
const LATEST = KNOWN_MIGRATIONS.at(-1)!;
const migrate = (databaseUrl: string) => NodeProcess.start('src/cli/migrate.ts', { DATABASE_URL: databaseUrl });
const outcome = (p: NodeProcess) => p.messages('Migrations').filter((m) => /^(ran \d+ migration|no pending migrations)/.test(m));

async function connect(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  return client;
}

describe('migrations under the advisory lock', () => {
  let url: string;
  let holder: pg.Client;
  const procs: NodeProcess[] = [];
  beforeAll(async () => {
    url = await freshDatabase('miglock');
    holder = await connect(url, 'interkom-test-holder');
  });
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await holder?.end();
  });

  it('lets two CLIs and a hub (MIGRATIONS=run) started at once on an empty database wait while the lock is held, then exactly one migrates and the others find nothing pending', async () => {
    // The test holds the lock first, so all three are certain to meet it.
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [KEY]);
    const port = await freePort();
    procs.push(migrate(url), migrate(url), NodeProcess.hub(url, port));
    for (const p of procs) {
      await p.until(() => p.messages('Migrations').some((m) => m.startsWith('waiting for the migration lock')), 'logged that it waits for the lock');
    }
    for (const p of procs) expect(p.messages('Migrations').find((m) => m.startsWith('waiting'))).toContain('application "interkom-test-holder"');
    // The database agrees: three sessions wait for the lock, and nothing was migrated meanwhile.
    const { rows: waiting } = await holder.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
          AND classid::bigint = ($1::bigint >> 32) AND objid::bigint = ($1::bigint & 4294967295) AND objsubid = 1`,
      [KEY],
    );
    expect(waiting).toEqual([{ n: 3 }]);
    expect((await holder.query("SELECT to_regclass('migrations') AS t")).rows).toEqual([{ t: null }]);
    for (const p of procs) expect(outcome(p)).toEqual([]);

    await holder.query('SELECT pg_advisory_unlock($1::bigint)', [KEY]);
    const [first, second] = await Promise.all([procs[0].exited, procs[1].exited]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const hub = procs[2];
    await hub.until(() => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status === 200, () => false), 'became ready');

    const outcomes = procs.map(outcome);
    for (const o of outcomes) expect(o).toHaveLength(1);
    const ran = outcomes.filter(([line]) => line.startsWith('ran '));
    expect(ran).toEqual([[`ran ${KNOWN_MIGRATIONS.length} migration(s): ${KNOWN_MIGRATIONS.join(', ')}; ${KNOWN_MIGRATIONS.length} applied in total`]]);
    expect(outcomes.filter(([line]) => line.startsWith('no pending'))).toEqual([
      [`no pending migrations; ${KNOWN_MIGRATIONS.length} applied, the latest ${LATEST}`],
      [`no pending migrations; ${KNOWN_MIGRATIONS.length} applied, the latest ${LATEST}`],
    ]);
    // Each migration recorded once.
    const { rows } = await holder.query<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY min(id)');
    expect(rows).toEqual(KNOWN_MIGRATIONS.map((name) => ({ name, n: 1 })));
  }, 240_000);
});

describe('a hub with MIGRATIONS=check', () => {
  let url: string;
  let issuer: KeycloakIssuer;
  let hub: NodeProcess | undefined;
  /** The hub's address, once the first test has brought it up. */
  let hubUrl = '';
  beforeAll(async () => {
    url = await freshDatabase('migcheck');
    // As a database looks when a rollout begins: every migration but the new version's.
    const db = new DataSource({ ...typeormOptions(url), migrations: MIGRATIONS.slice(0, -1) });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await db.destroy();
    issuer = await new KeycloakIssuer().start();
  }, 60_000);
  afterAll(async () => {
    await hub?.stop();
    await issuer?.stop();
  });

  it('is alive but not ready while a migration is pending, answers GraphQL 503 in German, migrates nothing, and becomes ready without a restart once the CLI has migrated', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    hub = NodeProcess.hub(url, port, {
      MIGRATIONS: 'check',
      KEYCLOAK_URL: issuer.baseUrl, KEYCLOAK_REALM: issuer.realm, KEYCLOAK_CLIENT_ID: issuer.clientId, KEYCLOAK_JWKS_COOLDOWN_MS: '0',
    });
    const h = hub;
    await h.until(() => fetch(`${base}/health/live`).then((r) => r.status === 200, () => false), 'answered /health/live');
    // Its first look at the database may still be under way: until then it says so (database "unknown").
    let health = await fetch(`${base}/health`);
    await h.until(async () => (health = await fetch(`${base}/health`)).status !== 503 || ((await health.clone().json()) as { database: string }).database !== 'unknown', 'looked at the database');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'error', database: 'up', migrations: 'pending', pending: [LATEST], reason: `migrations pending: ${LATEST}` });
    const token = await issuer.token({ username: `checker-${Date.now()}` });
    const ask = () =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { id } }' }) });
    const refused = await ask();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    const { errors } = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors).toEqual([{ message: expect.stringContaining('Interkom wird gerade aktualisiert'), extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    await h.until(() => h.messages('Migrations').some((m) => m.startsWith(`MIGRATIONS=check: 1 migration(s) pending (${LATEST})`)), 'logged the pending migration');
    // Nothing of the hub runs yet, and it migrated nothing.
    expect(h.messages().some((m) => m.startsWith('Interkom serves GraphQL'))).toBe(false);
    const probe = await connect(url, 'interkom-test-probe');
    try {
      expect((await probe.query('SELECT count(*)::int AS n FROM migrations')).rows).toEqual([{ n: KNOWN_MIGRATIONS.length - 1 }]);
    } finally {
      await probe.end();
    }

    const cli = migrate(url);
    expect((await cli.exited).code).toBe(0);
    expect(outcome(cli)).toEqual([`ran 1 migration(s): ${LATEST}; ${KNOWN_MIGRATIONS.length} applied in total`]);

    await h.until(() => fetch(`${base}/health`).then((r) => r.status === 200, () => false), 'became ready');
    expect(h.running).toBe(true);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const served = await ask();
    expect(served.status).toBe(200);
    expect(((await served.json()) as { data: { me: { id: string } } }).data.me.id).toEqual(expect.any(String));
    const messages = h.messages();
    const current = messages.findIndex((m) => m.startsWith('MIGRATIONS=check: the schema is current'));
    expect(current).toBeGreaterThan(-1);
    expect(messages.findIndex((m) => m.startsWith('Interkom serves GraphQL'))).toBeGreaterThan(current);
    // It never migrated: the one migration was the CLI's.
    expect(h.messages('Migrations').filter((m) => /^(ran|no pending)/.test(m))).toEqual([]);
    hubUrl = base;
  }, 240_000);

  it('stays alive but not ready while its database does not answer, and while a migration goes missing (reverted by hand)', async () => {
    const base = hubUrl;
    const ask = (path: string) => fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000) });
    const probe = await connect(url, 'interkom-test-probe');
    try {
      // A statement that waits for a lock is a database that does not answer in time.
      await probe.query('BEGIN');
      await probe.query('LOCK TABLE migrations IN ACCESS EXCLUSIVE MODE');
      const slow = await ask('/health');
      expect(slow.status).toBe(503);
      expect(await slow.json()).toEqual({ status: 'error', database: 'down', migrations: 'unknown', reason: 'the database does not answer' });
      expect((await ask('/health/live')).status).toBe(200);
      await probe.query('ROLLBACK');
      expect((await ask('/health')).status).toBe(200);

      await probe.query('BEGIN');
      await probe.query('DELETE FROM migrations WHERE name = $1', [LATEST]);
      await probe.query('COMMIT');
      const behind = await ask('/health');
      expect(behind.status).toBe(503);
      expect(await behind.json()).toEqual({ status: 'error', database: 'up', migrations: 'pending', pending: [LATEST], reason: `migrations pending: ${LATEST}` });
      await probe.query('INSERT INTO migrations (timestamp, name) VALUES ($1, $2)', [Number(LATEST.slice(-13)), LATEST]);
      expect((await ask('/health')).status).toBe(200);
    } finally {
      await probe.query('ROLLBACK').catch(() => undefined);
      await probe.end();
    }
  }, 120_000);
});

describe('a hub with MIGRATIONS=check on an empty database', () => {
  it('lists every migration as pending, and exits 0 on SIGTERM while it waits', async () => {
    const url = await freshDatabase('migempty');
    const port = await freePort();
    const hub = NodeProcess.hub(url, port, { MIGRATIONS: 'check' });
    try {
      await hub.until(() => hub.messages('Migrations').some((m) => m.startsWith(`MIGRATIONS=check: ${KNOWN_MIGRATIONS.length} migration(s) pending`)), 'logged the pending migrations');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { pending: string[] }).pending).toEqual(KNOWN_MIGRATIONS);
    } finally {
      expect(await hub.stop()).toEqual({ code: 0, signal: null });
    }
    expect(hub.messages('Interkom')).toEqual(['SIGTERM received while waiting for the migrations: nothing of the hub runs yet, exiting']);
  }, 120_000);
});

describe('the migration CLI', () => {
  it('exits 1 naming the unreachable database (never its password), and 2 without DATABASE_URL', async () => {
    const port = await freePort();
    const cli = migrate(`postgres://interkom:geheim@127.0.0.1:${port}/interkom`);
    expect((await cli.exited).code).toBe(1);
    expect(cli.messages('Migrations')).toEqual([expect.stringMatching(new RegExp(`^cannot connect to the database at 127\\.0\\.0\\.1:${port}/interkom: .*ECONNREFUSED.*; nothing was migrated$`))]);
    expect(cli.lines.join('\n')).not.toContain('geheim');

    const unset = migrate('');
    expect((await unset.exited).code).toBe(2);
    expect(unset.lines.join('\n')).toContain('DATABASE_URL is required');
  }, 120_000);
});
