/**
 * The hub as a real child process (`node src/main.ts`, as `npm start` runs it), so the fault tests
 * can kill it, signal it and cut its database connections like an operator's world would.
 */
import pg from 'pg';
import { TEST_DB_PREFIX, TEST_SERVER_URL } from '../../support/global-setup.js';
import type { KeycloakIssuer } from '../../support/keycloak-issuer.js';
import { freePort, NodeProcess, type Exit } from '../../support/processes.js';
import type { GqlResult, TestHub } from '../../support/test-hub.js';

export { freePort, type Exit };

/** A fresh database of this test file's own; returns its name and URL. */
export async function freshDatabase(suffix: string): Promise<{ name: string; url: string }> {
  const name = `${TEST_DB_PREFIX}_fault_${suffix}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** One statement on the server's maintenance database, as an operator would run it. */
export function adminQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return dbQuery<T>(TEST_SERVER_URL, sql, params);
}

/** One statement on the given database, on a connection of the test's own (not the hub's). */
export async function dbQuery<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'interkom-fault-test' });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export class ChildHub {
  private constructor(
    private readonly proc: NodeProcess,
    readonly port: number,
    private readonly issuer: KeycloakIssuer,
  ) {}

  /** Every line it printed. */
  get logs(): string[] {
    return this.proc.lines;
  }

  get exited(): Promise<Exit> {
    return this.proc.exited;
  }

  /** Starts `src/main.ts` on a free port against the database and issuer, and waits until it is healthy. */
  static async start(issuer: KeycloakIssuer, databaseUrl: string, env: Record<string, string> = {}): Promise<ChildHub> {
    const port = await freePort();
    const proc = NodeProcess.hub(databaseUrl, port, {
      KEYCLOAK_URL: issuer.baseUrl,
      KEYCLOAK_REALM: issuer.realm,
      KEYCLOAK_CLIENT_ID: issuer.clientId,
      KEYCLOAK_JWKS_COOLDOWN_MS: '0',
      ...env,
    });
    const hub = new ChildHub(proc, port, issuer);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const exit = await Promise.race([hub.exited, new Promise<null>((r) => setTimeout(() => r(null), 200))]);
      if (exit) throw new Error(`the hub exited during start (${JSON.stringify(exit)}):\n${hub.logs.slice(-20).join('\n')}`);
      if ((await hub.health().catch(() => 0)) === 200) return hub;
      if (Date.now() > deadline) {
        proc.signal('SIGKILL');
        throw new Error(`the hub did not become healthy:\n${hub.logs.slice(-20).join('\n')}`);
      }
    }
  }

  get pid(): number {
    return this.proc.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  signal(signal: NodeJS.Signals): void {
    this.proc.signal(signal);
  }

  async health(): Promise<number> {
    return (await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(5000) })).status;
  }

  /** Same shape as TestHub's, so the factories work with either. */
  token(username: string, opts: { roles?: string[] } = {}): Promise<string> {
    return this.issuer.token({ username, roles: opts.roles ?? [] });
  }

  /** This hub as the factories (test/support/factories.ts) expect it. */
  get asTestHub(): TestHub {
    return this as unknown as TestHub;
  }

  async gql<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data, errors: body.errors };
  }

  async ok<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(token, query, variables);
    if (result.errors?.length || result.status !== 200) throw new Error(`GraphQL ${result.status}: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** Stops the process if it still runs (SIGKILL: the tests that need a clean stop signal it themselves). */
  async kill(): Promise<Exit> {
    this.proc.signal('SIGKILL');
    return this.exited;
  }
}
