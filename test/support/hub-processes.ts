import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { GqlResult } from './test-hub.js';
import { TEST_RATE_LIMITS } from './global-setup.js';
import type { KeycloakIssuer } from './keycloak-issuer.js';

/** A hub running as its own OS process, reached over HTTP; duck-types TestHub for the factories. */
export class HubProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    private readonly issuer: KeycloakIssuer,
    readonly output: () => string,
  ) {}

  static async start(issuer: KeycloakIssuer, databaseUrl: string, env: Record<string, string> = {}): Promise<HubProcess> {
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'test/support/hub-process.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: {
        ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'interkom-proc-')),
        KEYCLOAK_URL: issuer.baseUrl, KEYCLOAK_REALM: issuer.realm, KEYCLOAK_CLIENT_ID: issuer.clientId, KEYCLOAK_JWKS_COOLDOWN_MS: '0',
        WEB_DIR: '', LOG_FORMAT: 'json', RATE_LIMITS: TEST_RATE_LIMITS, ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr!.on('data', (d) => (log += d));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`hub process exited with ${code}:\n${log}`)));
    });
    return new HubProcess(child, `http://127.0.0.1:${JSON.parse(line).port}`, issuer, () => log);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await new Promise((r) => this.child.once('exit', r));
  }

  token(username: string, opts: { roles?: string[] } = {}): Promise<string> {
    return this.issuer.token({ username, ...opts });
  }

  async gql<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data, errors: body.errors };
  }

  async ok<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(token, query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}
