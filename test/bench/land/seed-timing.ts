// How long the Land generator takes, and what it writes: seeds a fresh database at each scale given
// and prints seconds and rows per table.
//   node --import @swc-node/register/esm-register test/bench/land/seed-timing.ts 0.1 1
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createHub } from '../../../src/bootstrap.js';
import { loadConfig } from '../../../src/config/config.js';
import { benchDatabase } from '../compare-pages.js';
import { landCounts, seedLand } from '../land-seed.js';

// LAND_SQL_LOG=1: every statement that takes more than half a second, with its time.
if (process.env.LAND_SQL_LOG) {
  const original = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const started = performance.now();
    const text = String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).replace(/\s+/g, ' ').slice(0, 120);
    const result = original.apply(this, args);
    if (result instanceof Promise) void result.finally(() => performance.now() - started > 500 && process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s ${text}\n`)).catch(() => {});
    return result;
  } as typeof pg.Client.prototype.query;
}

for (const scale of process.argv.slice(2).map(Number)) {
  const url = await benchDatabase(`interkom_land_${String(scale).replace('.', '_')}`);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, DATA_DIR: mkdtempSync(join(tmpdir(), 'interkom-land-')), PORT: '0', KEYCLOAK_URL: '', WEB_DIR: '' });
  const hub = await createHub(config, { logger: false });
  const db = hub.app.get(DataSource);
  const started = performance.now();
  const steps: Record<string, number> = {};
  const fixtures = await seedLand(db, scale, { step: (name, s) => (steps[name] = Number(s.toFixed(1))) });
  const seconds = (performance.now() - started) / 1000;
  const counts = await landCounts(db);
  process.stdout.write(`${JSON.stringify({ scale, seconds: Number(seconds.toFixed(1)), steps, counts, fixtures })}\n`);
  await hub.close();
}
