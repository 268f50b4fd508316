import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

type Key = Awaited<ReturnType<typeof generateKeyPair>>;

export interface TokenOptions {
  username: string;
  roles?: string[];
  /** Overrides or removals (value undefined) of claims, for attack tests. */
  claims?: Record<string, unknown>;
  expiresIn?: string | number;
  notBefore?: string | number;
  omitExp?: boolean;
  /** Sign with this key instead of the realm's. */
  key?: Key;
  kid?: string;
}

/**
 * A Keycloak-shaped token issuer over real HTTP: discovery document, JWKS, and a password-grant
 * token endpoint, with access tokens shaped like Keycloak's (typ Bearer, azp, aud, realm_access).
 */
export class KeycloakIssuer {
  private server?: Server;
  private keys: { kid: string; key: Key }[] = [];
  baseUrl = '';
  jwksRequests = 0;

  constructor(
    readonly realm = 'interkom',
    readonly clientId = 'interkom-api',
  ) {}

  get issuer(): string {
    return `${this.baseUrl}/realms/${this.realm}`;
  }

  async start(): Promise<this> {
    await this.rotateKey();
    this.server = createServer((req, res) => void this.handle(req.url ?? '', req.method ?? 'GET', req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Adds a new signing key (new kid) and signs with it from now on; the old key stays published. */
  async rotateKey(): Promise<string> {
    const kid = randomUUID();
    this.keys.unshift({ kid, key: await generateKeyPair('RS256', { extractable: true }) });
    return kid;
  }

  /** A key the realm never published, for wrong-key attacks. */
  static async foreignKey(): Promise<Key> {
    return generateKeyPair('RS256', { extractable: true });
  }

  get publicJwk(): Promise<JWK> {
    return exportJWK(this.keys[0].key.publicKey);
  }

  async token(opts: TokenOptions): Promise<string> {
    const sub = `kc-${opts.username}`;
    const payload: Record<string, unknown> = {
      typ: 'Bearer',
      azp: this.clientId,
      scope: 'openid profile email',
      preferred_username: opts.username,
      name: opts.username.replace(/^./, (c) => c.toUpperCase()),
      email: `${opts.username}@example.org`,
      realm_access: { roles: ['default-roles-interkom', ...(opts.roles ?? [])] },
      resource_access: { account: { roles: ['manage-account'] } },
      sid: randomUUID(),
    };
    for (const [k, v] of Object.entries(opts.claims ?? {})) {
      if (v === undefined) delete payload[k];
      else payload[k] = v;
    }
    const signing = opts.key ?? this.keys[0].key;
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: opts.kid ?? this.keys[0].kid })
      .setIssuer((opts.claims?.iss as string) ?? this.issuer)
      .setAudience((opts.claims?.aud as string | string[]) ?? [this.clientId, 'account'])
      .setSubject(sub)
      .setIssuedAt()
      .setJti(randomUUID());
    if (!opts.omitExp) jwt.setExpirationTime(opts.expiresIn ?? '5m');
    if (opts.notBefore !== undefined) jwt.setNotBefore(opts.notBefore);
    return jwt.sign(signing.privateKey);
  }

  private async handle(url: string, method: string, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
    const prefix = `/realms/${this.realm}`;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url === `${prefix}/.well-known/openid-configuration`) {
      return json(200, {
        issuer: this.issuer,
        jwks_uri: `${this.issuer}/protocol/openid-connect/certs`,
        token_endpoint: `${this.issuer}/protocol/openid-connect/token`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url === `${prefix}/protocol/openid-connect/certs`) {
      this.jwksRequests++;
      const keys = await Promise.all(this.keys.map(async ({ kid, key }) => ({ ...(await exportJWK(key.publicKey)), kid, alg: 'RS256', use: 'sig' })));
      return json(200, { keys });
    }
    if (url === `${prefix}/protocol/openid-connect/token` && method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'password' || !form.get('username')) return json(400, { error: 'unsupported_grant_type' });
      const username = form.get('username')!;
      const roles = username.startsWith('admin') ? ['hub-admin'] : [];
      return json(200, { access_token: await this.token({ username, roles }), token_type: 'Bearer', expires_in: 300 });
    }
    json(404, { error: 'not found' });
  }
}
