import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The PostgreSQL server the tests use: the machine's, unless TEST_DATABASE_URL says otherwise. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Prefix of the per-worker databases; a second checkout testing at the same time sets its own. */
export const TEST_DB_PREFIX = process.env.INTERKOM_TEST_DB_PREFIX ?? 'interkom_test';
/**
 * The rate limits of test hubs: every test's traffic comes from one address (127.0.0.1) and signs
 * in dozens of people a second, so each limit is a thousand times wider; the limiters still run on
 * every request. `test/e2e/rate-limits.e2e-spec.ts` tests the limits themselves, defaults included.
 */
export const TEST_RATE_LIMITS = 'scale=1000';
const WORKERS = 4;

/**
 * One fresh database per jest worker, so parallel test files never share a schema. Fails loudly
 * when PostgreSQL is not reachable: the tests never fall back to anything else.
 */
export default async function globalSetup(): Promise<void> {
  // The web client's generated documents (web/src/gql, not committed): the bench's page documents
  // and the statement-count test read them, so that they are the client's own (issue 24).
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], { cwd: join(process.cwd(), 'web'), stdio: 'inherit' });
  const client = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_SERVER_URL} (${(error as Error).message}). ` +
        'Start it (pg_ctlcluster 15 main start) or set TEST_DATABASE_URL.',
    );
  }
  try {
    for (let i = 1; i <= WORKERS; i++) {
      await client.query(`DROP DATABASE IF EXISTS ${TEST_DB_PREFIX}_${i} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${TEST_DB_PREFIX}_${i}`);
    }
  } finally {
    await client.end();
  }
  // The Matrix bridge is tested against a real Synapse: start it (installed once, then cached).
  // (globalSetup runs outside the ESM test environment, so no local imports here.)
  try {
    execFileSync('bash', [join(process.cwd(), 'test/support/synapse-homeserver.sh'), 'all'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`Synapse could not be started (test/support/synapse-homeserver.sh all): ${e.message}\n${e.stderr?.toString() ?? ''}`);
  }
  await acknowledgeHeldTransactions();
}

/**
 * Synapse keeps every room event for the application service until it is acknowledged, and
 * delivers them one transaction at a time, oldest first. Events of earlier runs that no test hub
 * took (the Matrix bench posts thousands while no hub listens on the port) would queue a test's
 * own `!agenda` behind hundreds of old transactions. They belong to databases long gone: they are
 * acknowledged here, on the port (under the lock test/support/appservice-port.ts uses), after a
 * ping that makes Synapse send them at once, until none has come for a second and a half.
 */
async function acknowledgeHeldTransactions(): Promise<void> {
  const port = 39999;
  const lock = join(tmpdir(), `interkom-appservice-${port}.lock`);
  try {
    mkdirSync(lock);
  } catch {
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8').trim() || NaN);
    } catch {
      return; // being created or removed right now
    }
    if (Number.isInteger(owner) && owner > 0) {
      try {
        process.kill(owner, 0);
        return; // another run listens there now and acknowledges them itself
      } catch {
        rmSync(lock, { recursive: true, force: true });
        mkdirSync(lock);
      }
    } else return;
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  let last = Date.now();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      last = Date.now();
      // No keep-alive: Synapse must not keep a pooled connection to a listener that goes away.
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end('{}');
    });
  });
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await fetch('http://127.0.0.1:8008/_matrix/client/v1/appservice/hub-interkom-appservice/ping', {
      method: 'POST',
      headers: { authorization: 'Bearer interkom-test-as-token', 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_id: `setup-${Date.now()}` }),
    }).catch(() => undefined);
    const deadline = Date.now() + 120_000;
    while (Date.now() - last < 1500 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  } catch {
    // the port is taken by something else: the tests' own listener will say so
  } finally {
    await new Promise((r) => server.close(r));
    rmSync(lock, { recursive: true, force: true });
  }
}
