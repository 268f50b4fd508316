import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';

/** The PostgreSQL server the tests use: the machine's, unless TEST_DATABASE_URL says otherwise. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Prefix of the per-worker databases; a second checkout testing at the same time sets its own. */
export const TEST_DB_PREFIX = process.env.INTERKOM_TEST_DB_PREFIX ?? 'interkom_test';
const WORKERS = 4;

/**
 * One fresh database per jest worker, so parallel test files never share a schema. Fails loudly
 * when PostgreSQL is not reachable: the tests never fall back to anything else.
 */
export default async function globalSetup(): Promise<void> {
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
}
