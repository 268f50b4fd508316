// A hub as its own OS process for the bench: seeds (BENCH_FACTOR) when asked, listens on a free
// loopback port and prints one JSON line { port, token, meetingId } on stdout.
import { DataSource } from 'typeorm';
import { loadOrCreateDevKey, signDevToken } from '../../src/auth/dev-keys.js';
import { createHub } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { seedBenchData } from './scale-seed.js';

// The limiters run on every request as in production, but never refuse: the bench's load comes from one address.
const config = loadConfig({ RATE_LIMITS: 'scale=100000', ...process.env, PORT: '0', KEYCLOAK_URL: '', LOG_FORMAT: 'json', WEB_DIR: '' });
const hub = await createHub(config, { logger: false });
const db = hub.app.get(DataSource);
const factor = Number(process.env.BENCH_FACTOR ?? 0);
const { meetingId } = factor ? await seedBenchData(db, factor) : { meetingId: '' };
if (factor) await db.query('VACUUM ANALYZE');
await hub.app.listen(0, '127.0.0.1');
const port = Number(new URL(await hub.app.getUrl()).port);
const token = await signDevToken(await loadOrCreateDevKey(config.dataDir), config.auth.clientId, 'alice', { ttlSeconds: 3600, name: 'Alice Admin (Demo)' });
process.stdout.write(`${JSON.stringify({ port, token, meetingId })}\n`);
const stop = () => void hub.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
