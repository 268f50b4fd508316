import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { createHub, type RunningHub } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { TEST_DB_PREFIX, TEST_RATE_LIMITS, TEST_SERVER_URL } from './global-setup.js';
import { KeycloakIssuer, type TokenOptions } from './keycloak-issuer.js';

/** This jest worker's own database on the test server. */
export function workerDatabaseUrl(): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${TEST_DB_PREFIX}_${process.env.JEST_WORKER_ID ?? '1'}`;
  return url.toString();
}

/** A database of its own (emptied first) on the test server, so a file's bridge or worker sees only its own events. */
export async function freshDatabase(label: string): Promise<string> {
  const name = `${TEST_DB_PREFIX}_${label}_${process.env.JEST_WORKER_ID ?? '1'}`;
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(workerDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** The whole hub over real HTTP, on this worker's PostgreSQL, with a Keycloak-shaped issuer. */
export class TestHub {
  private constructor(
    readonly hub: RunningHub,
    readonly issuer: KeycloakIssuer,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestHub> {
    const issuer = await new KeycloakIssuer().start();
    const config = loadConfig({
      DATABASE_URL: workerDatabaseUrl(),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'interkom-test-')),
      KEYCLOAK_URL: issuer.baseUrl,
      KEYCLOAK_REALM: issuer.realm,
      KEYCLOAK_CLIENT_ID: issuer.clientId,
      KEYCLOAK_JWKS_COOLDOWN_MS: '0',
      RATE_LIMITS: TEST_RATE_LIMITS,
      ...env,
    });
    const hub = await createHub(config, { logger: false });
    return new TestHub(hub, issuer);
  }

  async stop(): Promise<void> {
    await this.hub.close();
    await this.issuer.stop();
  }

  get http() {
    return request(this.hub.app.getHttpServer());
  }

  token(username: string, opts: Omit<TokenOptions, 'username'> = {}): Promise<string> {
    return this.issuer.token({ username, ...opts });
  }

  /** Runs a GraphQL operation with a bearer token (or none). */
  async gql<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const req = this.http.post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }

  /** Like gql, but fails the test with the errors when there are any. */
  async ok<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(token, query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

/** The error code of the first error, for concise assertions. */
export const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
