// Issue 24: the bench's hand-written baselines answer every page document and HTTP read with the
// hub's bytes, from the same database — on the demo and on generated Land data. A baseline that
// drifts from the hub (a new field in a page's document, a changed rule) fails here, not silently
// in the bench's "not measured" column.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_BASE_URL, comparePages, dropBenchDatabase, startBenchServer, stopBenchServers, type BenchServer } from '../bench/compare-pages.js';
import { PAGE_DOCUMENTS, HTTP_READS } from '../bench/pages.js';
import { TEST_DB_PREFIX } from '../support/global-setup.js';

describe.each(['demo', 'land:0.01'])('the page baselines on %s data', (data) => {
  const database = `${TEST_DB_PREFIX}_pages_${data.replace(/[^a-z0-9]/gi, '_')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-pages-'));
  let servers: BenchServer[] = [];
  afterAll(async () => {
    await stopBenchServers(servers);
    rmSync(dataDir, { recursive: true, force: true });
    await dropBenchDatabase(database, process.env.TEST_DATABASE_URL);
  }, 60_000);

  it('answer every page document and read with the hub’s bytes', async () => {
    const { benchDatabase } = await import('../bench/compare-pages.js');
    const env = { DATABASE_URL: await benchDatabase(database, process.env.TEST_DATABASE_URL), DATA_DIR: dataDir, PUBLIC_BASE_URL: BENCH_BASE_URL };
    const hub = await startBenchServer('hub-server.ts', { ...env, BENCH_DATA: data });
    servers = [hub];
    const limit = await startBenchServer('limit-server.ts', env);
    servers.push(limit);
    const { equal, lines } = await comparePages(hub, limit);
    expect(lines).toHaveLength(PAGE_DOCUMENTS.length + HTTP_READS.length);
    expect(lines.filter((l) => !l.startsWith('equal'))).toEqual([]);
    expect(equal).toBe(true);
  }, 300_000);
});
