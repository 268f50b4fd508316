// A hub in its own OS process for tests that need several (two-processes.e2e-spec.ts): the
// configuration comes from the environment; it listens on a free loopback port, prints
// { "port": … } on stdout and shuts down gracefully on SIGTERM.
import { createHub } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';

const hub = await createHub(loadConfig(), { logger: false });
await hub.app.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ port: Number(new URL(await hub.app.getUrl()).port) })}\n`);
process.on('SIGTERM', () => void hub.close().then(() => process.exit(0)));
