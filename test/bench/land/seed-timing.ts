// How long the Land generator takes, and what it writes: seeds a fresh database at each scale given
// and prints seconds and rows per table.
//   node --import @swc-node/register/esm-register test/bench/land/seed-timing.ts 0.1 1
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createHub } from '../../../src/bootstrap.js';
import { loadConfig } from '../../../src/config/config.js';
import { benchDatabase } from '../compare-pages.js';
import { landCounts, seedLand } from '../land-seed.js';

for (const scale of process.argv.slice(2).map(Number)) {
  const url = await benchDatabase(`interkom_land_${String(scale).replace('.', '_')}`);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, DATA_DIR: mkdtempSync(join(tmpdir(), 'interkom-land-')), PORT: '0', KEYCLOAK_URL: '', WEB_DIR: '' });
  const hub = await createHub(config, { logger: false });
  const db = hub.app.get(DataSource);
  const started = performance.now();
  const fixtures = await seedLand(db, scale);
  const seconds = (performance.now() - started) / 1000;
  const counts = await landCounts(db);
  process.stdout.write(`${JSON.stringify({ scale, seconds: Number(seconds.toFixed(1)), counts, fixtures })}\n`);
  await hub.close();
}
