// A hub as its own OS process for the bench: seeds when asked, listens on a free loopback port and
// prints one JSON line { port, token, meetingId, fixtures } on stdout.
// BENCH_FACTOR=n: the ratio table's data (scale-seed.ts). BENCH_DATA=demo: the demo with its
// activity (demo-fixtures.ts); BENCH_DATA=land:<scale>: the Land generator (land-seed.ts).
import { DataSource } from 'typeorm';
import { devSubject, loadOrCreateDevKey, signDevToken } from '../../src/auth/dev-keys.js';
import { createHub } from '../../src/bootstrap.js';
import { DEV_ISSUER, loadConfig } from '../../src/config/config.js';
import { seedBenchData } from './scale-seed.js';
import { seedDemoPages } from './demo-fixtures.js';
import { seedLand } from './land-seed.js';
import type { PageFixtures } from './pages.js';
import { serveStatementCount } from './statement-counter.js';

// The limiters run on every request as in production, but never refuse: the bench's load comes from one address.
const config = loadConfig({ RATE_LIMITS: 'scale=100000', ...process.env, PORT: '0', KEYCLOAK_URL: '', LOG_FORMAT: 'json', WEB_DIR: '' });
// The page bench reads the statement count on a side port (statement-counter.ts); its pool's sessions are
// application_name 'interkom' (typeorm-options.ts), which the bench's database CPU counts by.
const statementsPort = await serveStatementCount();
const hub = await createHub(config, { logger: false });
const db = hub.app.get(DataSource);
const factor = Number(process.env.BENCH_FACTOR ?? 0);
const data = process.env.BENCH_DATA ?? '';
const started = performance.now();
const { meetingId } = factor ? await seedBenchData(db, factor) : { meetingId: '' };
let fixtures: PageFixtures | undefined;
if (data === 'demo') fixtures = await seedDemoPages(hub.app);
else if (data.startsWith('land:')) fixtures = await seedLand(db, Number(data.slice(5)));
const seedSeconds = (performance.now() - started) / 1000;
if (factor || data) await db.query('VACUUM ANALYZE');
await hub.app.listen(0, '127.0.0.1');
const port = Number(new URL(await hub.app.getUrl()).port);
const viewer = fixtures?.viewer ?? 'alice';
// The token names the person as the data does (sign-in updates the display name from the token).
const [person] = await db.query<{ display_name: string }[]>('SELECT display_name FROM person WHERE issuer = $1 AND subject = $2', [DEV_ISSUER, devSubject(viewer)]);
const name = person?.display_name ?? 'Alice Admin (Demo)';
const token = await signDevToken(await loadOrCreateDevKey(config.dataDir), config.auth.clientId, viewer, { ttlSeconds: 3600 * 4, name });
// The OParl read needs a published network: the pages' network is published (as its ADMIN; again is a no-op).
if (fixtures) {
  const [network] = await db.query<{ id: string }[]>('SELECT id FROM network WHERE slug = $1', [fixtures.slug]);
  {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation($id: ID!) { setNetworkPublication(networkId: $id, publication: PUBLIC) { id } }', variables: { id: network.id } }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`publishing ${fixtures.slug}: ${JSON.stringify(body.errors)}`);
  }
}
process.stdout.write(`${JSON.stringify({ port, token, meetingId, fixtures, seedSeconds, pid: process.pid, statementsPort })}\n`);
const stop = () => void hub.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
