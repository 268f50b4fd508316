import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createHub, type RunningHub } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { loadDemoDataIfEmpty } from '../../src/database/seed/demo-seed.js';
import { DataSource } from 'typeorm';

const run = promisify(execFile);

/** `npm run dev-token -- <user> --admin`, as a user would run it. */
async function devToken(dataDir: string, username: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/cli/dev-token.ts', username, '--admin'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', KEYCLOAK_URL: '', NODE_OPTIONS: '' },
  });
  return stdout.trim();
}

async function gql(hub: RunningHub, token: string, query: string, variables = {}) {
  const res = await request(hub.app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${token}`).send({ query, variables });
  return res.body as { data?: any; errors?: unknown[] };
}

describe('the embedded default (no DATABASE_URL, no Keycloak)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps a network across a restart, signed in with npm run dev-token', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.auth.mode).toBe('development');
    const token = await devToken(dataDir, 'alice');

    const first = await createHub(config, { logger: false });
    try {
      expect((await request(first.app.getHttpServer()).get('/health')).body).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });
      const created = await gql(first, token, 'mutation { createNetwork(input: { slug: "ikone", name: "IKONE", joinPolicy: APPROVAL }) { id slug } }');
      expect(created.errors).toBeUndefined();
      expect(created.data.createNetwork.slug).toBe('ikone');
    } finally {
      await first.close();
    }

    const second = await createHub(config, { logger: false });
    try {
      const found = await gql(second, token, '{ network(slug: "ikone") { name people { role person { displayName } } } }');
      expect(found.data.network).toEqual({ name: 'IKONE', people: [{ role: 'ADMIN', person: { displayName: 'Alice Admin (Demo)' } }] });
    } finally {
      await second.close();
    }
    // Two cold starts of an embedded PostgreSQL (migrations on the first): ~20 s alone, longer on a busy machine.
  }, 240_000);

  it('loads the demo data into a fresh database once, so a first `npm start` has something to show', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'interkom-demo-'));
    const config = loadConfig({ DATA_DIR: fresh });
    expect(config.demoData).toBe(true);
    expect(loadConfig({ DATA_DIR: fresh, DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y' }).demoData).toBe(false);
    const hub = await createHub(config, { logger: false });
    try {
      const db = hub.app.get(DataSource);
      expect(await loadDemoDataIfEmpty(db)).toBe(true);
      expect(await loadDemoDataIfEmpty(db)).toBe(false);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM network WHERE slug IN ($1, $2)', ['readi', 'ikone']);
      expect(n).toBe(2);
    } finally {
      await hub.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 240_000);
});
