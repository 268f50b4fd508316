// The search part of `npm run bench` (BENCH_SEARCH=1): requests per second and latency of typical reads on the seeded demo data.
// Uses DATABASE_URL when set, else the embedded database in a temporary DATA_DIR. Bounded: a fixed
// number of requests on loopback only. Numbers, not assertions: timing goals live here, not in tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadOrCreateDevKey, signDevToken } from '../../src/auth/dev-keys.js';
import { createHub } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemo } from '../../src/database/seed/demo-seed.js';
import { SEARCH_QUERIES, seedProfiles } from './profiles.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** Generated project profiles the search cases run over. */
const PROFILES = Number(process.env.BENCH_PROFILES ?? 10_000);
/** The search cases are heavier: fewer requests each. */
const SEARCH_REQUESTS = Number(process.env.BENCH_SEARCH_REQUESTS ?? 500);

const QUERIES: Record<string, string> = {
  me: '{ me { id displayName } }',
  'network (deep)': `{ network(slug: "readi") { name members { organization { name } }
    people { role person { displayName organizations { name } } }
    groups { name parent { name } children { name } leadOrganization { name } members { role person { displayName } } } } }`,
  networks: '{ networks { slug name joinPolicy } }',
};

export async function runSearchBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-bench-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', KEYCLOAK_URL: '', LOG_FORMAT: 'json' });
  const hub = await createHub(config, { logger: false });
  await hub.app.listen(0, '127.0.0.1');
  const url = `${await hub.app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  try {
    await seedDemo(hub.app.get(DataSource));
    const seededMs = await seedProfiles(hub.app.get(DataSource), PROFILES);
    const token = await signDevToken(await loadOrCreateDevKey(dataDir), config.auth.clientId, 'alice');
    console.log(`database: ${config.databaseUrl ? 'DATABASE_URL' : 'embedded PGlite'}; ${REQUESTS} requests per query, concurrency ${CONCURRENCY}`);
    console.log(`${PROFILES} project profiles generated in ${(seededMs / 1000).toFixed(1)} s; search cases ${SEARCH_REQUESTS} requests each`);
    for (const [name, query] of [...Object.entries(QUERIES), ...Object.entries(SEARCH_QUERIES)]) {
      const requests = name in SEARCH_QUERIES ? SEARCH_REQUESTS : REQUESTS;
      const body = JSON.stringify({ query });
      const send = async () => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        const json = (await res.json()) as { errors?: unknown };
        if (json.errors) throw new Error(`${name}: ${JSON.stringify(json.errors)}`);
      };
      for (let i = 0; i < 50; i++) await send(); // warm-up
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next++ < requests) {
            const t = performance.now();
            await send();
            latencies.push(performance.now() - t);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);
      console.log(`${name.padEnd(18)} ${(requests / seconds).toFixed(0).padStart(6)} req/s   p50 ${pct(0.5)} ms   p95 ${pct(0.95)} ms`);
    }
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

