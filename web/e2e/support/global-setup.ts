import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { KeycloakIssuer } from '../../../test/support/keycloak-issuer';

const ROOT = resolve(import.meta.dirname, '../../..');
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `${process.env.INTERKOM_TEST_DB_PREFIX ?? 'interkom_test'}_web`;

/**
 * The real hub, twice, on one fresh PostgreSQL database with the demo networks (no activity): one in development
 * sign-in mode (most tests), one signing in through a Keycloak-shaped issuer with the code flow.
 * Both serve the built client (web/dist). Their URLs reach the tests through the environment.
 */
export default async function globalSetup() {
  if (!existsSync(join(ROOT, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build -w web` first (npm test does)');
  const databaseUrl = await freshDatabase();
  const logDir = mkdtempSync(join(tmpdir(), 'interkom-web-e2e-'));
  // The networks without their activity: the tests here count what is in re@di's groups.
  await run('seed', ['src/cli/seed-demo.ts', '--without-activity'], { DATABASE_URL: databaseUrl, KEYCLOAK_URL: '', DATA_DIR: join(logDir, 'seed') }, logDir);

  const devPort = await freePort();
  const devHub = startHub('dev', { PORT: String(devPort), DATABASE_URL: databaseUrl, KEYCLOAK_URL: '', DATA_DIR: join(logDir, 'dev') }, logDir);
  await healthy(`http://127.0.0.1:${devPort}`, devHub);

  const kcPort = await freePort();
  const kcOrigin = `http://localhost:${kcPort}`;
  const issuer = await new KeycloakIssuer('interkom', 'interkom-api', [{ clientId: 'interkom-web', redirectUris: [`${kcOrigin}/*`] }]).start();
  const kcHub = startHub(
    'keycloak',
    {
      PORT: String(kcPort),
      DATABASE_URL: databaseUrl,
      KEYCLOAK_URL: issuer.baseUrl,
      KEYCLOAK_REALM: 'interkom',
      KEYCLOAK_CLIENT_ID: 'interkom-api',
      KEYCLOAK_WEB_CLIENT_ID: 'interkom-web',
      DATA_DIR: join(logDir, 'kc'),
    },
    logDir,
  );
  await healthy(`http://127.0.0.1:${kcPort}`, kcHub);

  // The embedded default (PGlite, as `npm start` runs it) on its truly first start: it loads the
  // demo networks and their activity itself. For the first-page timing, the first start and the demo tour.
  const embeddedDir = join(logDir, 'embedded');
  const embeddedPort = await freePort();
  const embeddedHub = startHub('embedded', { PORT: String(embeddedPort), DATABASE_URL: '', KEYCLOAK_URL: '', DATA_DIR: embeddedDir }, logDir);
  // Its first start runs the migrations on PGlite and loads the demo: give it longer.
  await healthy(`http://127.0.0.1:${embeddedPort}`, embeddedHub, 180_000);

  process.env.INTERKOM_WEB_EMBEDDED_URL = `http://localhost:${embeddedPort}`;
  process.env.INTERKOM_WEB_URL = `http://localhost:${devPort}`;
  process.env.INTERKOM_WEB_KC_URL = kcOrigin;
  process.env.INTERKOM_WEB_DB_URL = databaseUrl;
  process.env.INTERKOM_WEB_LOGS = logDir;

  return async () => {
    for (const hub of [devHub, kcHub, embeddedHub]) hub.kill('SIGTERM');
    await issuer.stop();
  };
}

async function freshDatabase(): Promise<string> {
  const client = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${SERVER} (${(error as Error).message}). Start it (pg_ctlcluster 15 main start) or set TEST_DATABASE_URL.`);
  }
  await client.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${DB_NAME}`);
  await client.end();
  const url = new URL(SERVER);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

const baseEnv = (extra: Record<string, string>) => ({
  ...process.env,
  NODE_ENV: 'test',
  LOG_FORMAT: 'json',
  WEB_DIR: join(ROOT, 'web/dist'),
  MATRIX_HOMESERVER_URL: '',
  // All browsers and API calls of the tests come from one address (see test/support/test-hub.ts).
  RATE_LIMITS: 'scale=1000',
  // A protocol whose objection period a test has ended is approved within a second, not a minute.
  PROTOCOL_APPROVAL_POLL_SECONDS: '1',
  ...extra,
});

function startHub(name: string, env: Record<string, string>, logDir: string): ChildProcess {
  const log = openSync(join(logDir, `${name}.log`), 'a');
  return spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], { cwd: ROOT, env: baseEnv(env), stdio: ['ignore', log, log] });
}

function run(name: string, args: string[], env: Record<string, string>, logDir: string): Promise<void> {
  const log = openSync(join(logDir, `${name}.log`), 'a');
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', ...args], {
    cwd: ROOT,
    env: baseEnv(env),
    stdio: ['ignore', log, log],
  });
  return new Promise((ok, fail) => child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${name} exited with ${code}; see ${logDir}/${name}.log`)))));
}

async function healthy(base: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the hub at ${base} exited with ${child.exitCode} before it was healthy`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the hub at ${base} did not become healthy within ${timeoutMs / 1000} s`);
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}
