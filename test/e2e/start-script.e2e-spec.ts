import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerDatabaseUrl } from '../support/test-hub.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CACHE = `.cache/test-${randomUUID().slice(0, 8)}`;

/** Runs `npm start`'s script until /health answers, then stops it; returns what it printed. */
async function start(): Promise<string> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['src/cli/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env, INTERKOM_BUILD_CACHE: CACHE, PORT: String(port), DATABASE_URL: workerDatabaseUrl(),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'interkom-start-')), KEYCLOAK_URL: '', WEB_DIR: '', LOG_FORMAT: 'json', DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    for (let i = 0; i < 1200; i++) {
      if (child.exitCode !== null) throw new Error(`start.mjs exited with ${child.exitCode}:\n${output}`);
      if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return output;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`not healthy:\n${output}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

/** Issue 13, P4: `npm start` runs compiled JavaScript and transpiles only what changed. */
describe('npm start', () => {
  afterAll(() => rmSync(join(ROOT, CACHE), { recursive: true, force: true }));

  it('transpiles the server once into its cache and starts from it without transpiling again', async () => {
    const first = await start();
    expect(first).toMatch(/server: transpiled \d+ changed file\(s\)/);
    const second = await start();
    expect(second).not.toContain('transpiled');
    expect(second).toContain('Interkom serves GraphQL');
  });
});
