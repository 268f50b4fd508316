// Start-up says which migrations ran: all of them on a fresh database, none on the next start.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleLogger } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS } from '../../migrations/index.js';
import { createHub } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { TEST_DB_PREFIX, TEST_SERVER_URL } from '../support/global-setup.js';

/** Keeps what the hub logs, as the operator would read it. */
class CapturingLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  override log(message: unknown, context?: string): void {
    this.lines.push(`[${context ?? ''}] ${String(message)}`);
  }
  override warn(message: unknown, context?: string): void {
    this.lines.push(`[${context ?? ''}] ${String(message)}`);
  }
}

describe('start-up logs', () => {
  const name = `${TEST_DB_PREFIX}_startup_${process.env.JEST_WORKER_ID ?? '1'}`;
  const admin = () => new pg.Client({ connectionString: TEST_SERVER_URL });
  const url = () => {
    const u = new URL(TEST_SERVER_URL);
    u.pathname = `/${name}`;
    return u.toString();
  };

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });

  const start = async () => {
    const logger = new CapturingLogger();
    const hub = await createHub(loadConfig({ DATABASE_URL: url(), DATA_DIR: mkdtempSync(join(tmpdir(), 'interkom-startup-')), LOG_FORMAT: 'json' }), { logger });
    await hub.close();
    return logger.lines.filter((l) => l.startsWith('[Migrations]'));
  };

  it('names every migration it ran on a fresh database, and says there was none to run on the next start', async () => {
    const names = MIGRATIONS.map((m) => m.name);
    const first = await start();
    expect(first).toHaveLength(1);
    expect(first[0]).toContain(`ran ${names.length} migration(s)`);
    for (const n of names) expect(first[0]).toContain(n);
    const second = await start();
    expect(second).toEqual([`[Migrations] no pending migrations; ${names.length} applied, the latest ${names.at(-1)}`]);
  });
});
