import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from './config/config.js';
import { KNOWN_MIGRATIONS, readPendingMigrations } from './database/pending-migrations.js';
import { SchemaWatch, type SchemaState, type Timers } from './database/schema-watch.js';
import { readiness } from './health/readiness.js';
import { oparlError } from './oparl/oparl-error.js';
import { apiArea } from './rate-limits/http-limits.js';

/** How often a hub with MIGRATIONS=check looks whether the migrations have been applied. */
export const SCHEMA_CHECK_EVERY_MS = 5000;
/** How long one look may take (connection included) before the database counts as away. */
const CHECK_TIMEOUT_MS = 2000;

/** What a request to the waiting room gets; shown to people, hence German. */
export const WAITING_MESSAGE = 'Interkom wird gerade aktualisiert und nimmt in wenigen Sekunden wieder Anfragen an. Bitte versuchen Sie es gleich noch einmal.';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * The waiting room's answer to a request: liveness 200, readiness 503 with the reason, anything
 * else 503 with Retry-After, in the form its client reads (GraphQL `errors`, an OParl error
 * object, or a small JSON body).
 */
export function waitingAnswer(url: string, state: SchemaState): Answer {
  const path = url.split('?', 1)[0].replace(/\/+$/, '') || '/';
  const json = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (path === '/health/live') return { status: 200, headers: json, body: { status: 'ok' } };
  // Never ready itself: once the schema is current the hub is being built, and it answers next.
  if (path === '/health') return { status: 503, headers: json, body: readiness(state.kind === 'current' ? { kind: 'starting' } : state).body };
  const headers = { ...json, 'retry-after': String(SCHEMA_CHECK_EVERY_MS / 1000) };
  const area = apiArea(url);
  if (area === 'graphql') return { status: 503, headers, body: { errors: [{ message: WAITING_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] } };
  if (area === 'oparl') return { status: 503, headers: { ...headers, 'access-control-allow-origin': '*' }, body: oparlError(WAITING_MESSAGE, 'HTTP 503: the hub is waiting for its database migrations') };
  return { status: 503, headers, body: { error: 'SERVICE_UNAVAILABLE', message: WAITING_MESSAGE } };
}

/**
 * MIGRATIONS=check while migrations are pending: before the hub itself is built, a bare HTTP
 * server on the hub's port answers the probes (alive, not ready, and why) and every other request
 * with 503, and the database is looked at every SCHEMA_CHECK_EVERY_MS, read-only. Nothing of the
 * hub runs meanwhile: no request reaches a resolver, and no outbox worker, reminder, series or
 * OParl timer touches a schema older than its code. Once the migrations are applied (by the
 * migration Job), main.ts builds the hub, closes the waiting room and listens on the same port.
 */
export class WaitingRoom {
  private constructor(
    private readonly server: Server,
    private readonly pool: pg.Pool,
    private readonly watch: SchemaWatch,
    readonly port: number,
  ) {}

  static async open(config: AppConfig, opts: { host: string; port: number; logger: LoggerService; timers?: Timers }): Promise<WaitingRoom> {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 1,
      application_name: 'interkom',
      connectionTimeoutMillis: CHECK_TIMEOUT_MS,
      query_timeout: CHECK_TIMEOUT_MS,
      idleTimeoutMillis: 2 * SCHEMA_CHECK_EVERY_MS,
    });
    // An idle connection the server ends must not end the process; the next check reconnects.
    pool.on('error', () => undefined);
    const log = (state: SchemaState) => {
      const every = `checking every ${SCHEMA_CHECK_EVERY_MS / 1000} s`;
      if (state.kind === 'pending') {
        opts.logger.log(`MIGRATIONS=check: ${state.pending.length} migration(s) pending (${state.pending.join(', ')}): not ready, serving only /health and /health/live until another process applies them (node dist/src/cli/migrate.js); ${every}`, 'Migrations');
      } else if (state.kind === 'unreachable') {
        opts.logger.warn(`MIGRATIONS=check: the database does not answer (${state.error}); ${every}`, 'Migrations');
      } else if (state.kind === 'current') {
        opts.logger.log(`MIGRATIONS=check: the schema is current (the latest ${KNOWN_MIGRATIONS.at(-1)}); starting the hub`, 'Migrations');
      }
    };
    const watch = new SchemaWatch(() => readPendingMigrations(async (sql) => (await pool.query<{ name: string }>(sql)).rows), {
      everyMs: SCHEMA_CHECK_EVERY_MS,
      timers: opts.timers,
      onChange: log,
    });
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      const answer = waitingAnswer(req.url ?? '/', watch.state);
      res.writeHead(answer.status, answer.headers).end(req.method === 'HEAD' ? undefined : JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.port, opts.host, resolve));
    return new WaitingRoom(server, pool, watch, (server.address() as { port: number }).port);
  }

  /** Resolves true once no migration is pending (the room then says "starting"), false when closed first. */
  untilSchemaCurrent(): Promise<boolean> {
    return this.watch.untilCurrent();
  }

  /** Stops checking and frees the port (open connections are cut: the hub listens there next). */
  async close(): Promise<void> {
    this.watch.stop();
    const closed = new Promise((resolve) => this.server.close(resolve));
    this.server.closeAllConnections();
    await closed;
    await this.pool.end();
  }
}
