import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** A public client that signs in with the authorization code flow (PKCE S256), like `interkom-web`. */
export interface PublicClient {
  clientId: string;
  /** Allowed redirect URIs; a trailing `*` allows any suffix, as in Keycloak. */
  redirectUris: string[];
}

interface PendingCode {
  username: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  expires: number;
}

/**
 * A Keycloak-shaped token issuer over real HTTP: discovery document, JWKS, a password-grant
 * token endpoint, and for browser sign-in an authorization endpoint (a one-field login form) with
 * the code flow, PKCE S256, refresh tokens, logout and CORS, with access tokens shaped like
 * Keycloak's (typ Bearer, azp, aud, realm_access).
 */
export class KeycloakIssuer {
  private server?: Server;
  private keys: { kid: string; key: Key }[] = [];
  private readonly codes = new Map<string, PendingCode>();
  private readonly refreshTokens = new Map<string, { username: string; clientId: string }>();
  baseUrl = '';
  jwksRequests = 0;
  /** Usernames signed in through the login form, in order (for tests). */
  readonly browserSignIns: string[] = [];

  constructor(
    readonly realm = 'interkom',
    readonly clientId = 'interkom-api',
    readonly publicClients: PublicClient[] = [],
  ) {}

  get issuer(): string {
    return `${this.baseUrl}/realms/${this.realm}`;
  }

  async start(port = 0): Promise<this> {
    await this.rotateKey();
    this.server = createServer((req, res) => void this.handle(req.url ?? '', req.method ?? 'GET', req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
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
      // Keycloak's realm (deploy/keycloak) requires verification: its tokens say so.
      email_verified: true,
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

  private async handle(rawUrl: string, method: string, req: IncomingMessage, res: ServerResponse) {
    const prefix = `/realms/${this.realm}`;
    const [url, query = ''] = rawUrl.split('?') as [string, string?];
    // Browsers call discovery, JWKS and the token endpoint from the client's origin.
    const cors: Record<string, string> = req.headers.origin ? { 'access-control-allow-origin': req.headers.origin, vary: 'origin' } : {};
    if (method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, authorization' });
      return res.end();
    }
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
      res.end(JSON.stringify(body));
    };
    if (url === `${prefix}/.well-known/openid-configuration`) {
      return json(200, {
        issuer: this.issuer,
        jwks_uri: `${this.issuer}/protocol/openid-connect/certs`,
        token_endpoint: `${this.issuer}/protocol/openid-connect/token`,
        authorization_endpoint: `${this.issuer}/protocol/openid-connect/auth`,
        end_session_endpoint: `${this.issuer}/protocol/openid-connect/logout`,
        userinfo_endpoint: `${this.issuer}/protocol/openid-connect/userinfo`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token', 'password'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url === `${prefix}/protocol/openid-connect/auth`) return this.authorize(method, query, req, res);
    if (url === `${prefix}/protocol/openid-connect/logout`) {
      const target = new URLSearchParams(query).get('post_logout_redirect_uri');
      const client = this.publicClients.find((c) => target && c.redirectUris.some((r) => matchesRedirect(r, target)) ) ?? null;
      res.writeHead(client && target ? 302 : 200, client && target ? { location: target } : { 'content-type': 'text/plain' });
      return res.end(client ? '' : 'abgemeldet');
    }
    if (url === `${prefix}/protocol/openid-connect/certs`) {
      this.jwksRequests++;
      const keys = await Promise.all(this.keys.map(async ({ kid, key }) => ({ ...(await exportJWK(key.publicKey)), kid, alg: 'RS256', use: 'sig' })));
      return json(200, { keys });
    }
    if (url === `${prefix}/protocol/openid-connect/token` && method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      if (form.get('grant_type') === 'authorization_code') return json(...(await this.exchangeCode(form)));
      if (form.get('grant_type') === 'refresh_token') return json(...(await this.refresh(form)));
      if (form.get('grant_type') !== 'password' || !form.get('username')) return json(400, { error: 'unsupported_grant_type' });
      const username = form.get('username')!;
      const roles = username.startsWith('admin') ? ['hub-admin'] : [];
      return json(200, { access_token: await this.token({ username, roles }), token_type: 'Bearer', expires_in: 300 });
    }
    json(404, { error: 'not found' });
  }

  /** GET shows a login form (username only); POST signs that person in and redirects back with a code. */
  private async authorize(method: string, query: string, req: IncomingMessage, res: ServerResponse) {
    const params = new URLSearchParams(method === 'POST' ? await readBody(req) : query);
    const clientId = params.get('client_id') ?? '';
    const redirectUri = params.get('redirect_uri') ?? '';
    const client = this.publicClients.find((c) => c.clientId === clientId);
    // Like Keycloak: an unknown client or redirect URI is an error page, never a redirect.
    if (!client || !client.redirectUris.some((r) => matchesRedirect(r, redirectUri))) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Invalid parameter: redirect_uri');
    }
    if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
      const back = new URL(redirectUri);
      back.searchParams.set('error', 'invalid_request');
      if (params.get('state')) back.searchParams.set('state', params.get('state')!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    const username = params.get('username')?.trim();
    if (method !== 'POST' || !username) {
      const hidden = [...params.entries()].filter(([k]) => k !== 'username').map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><html lang="de"><head><title>Anmeldung bei ${esc(this.realm)}</title></head><body><main>
<h1>Anmeldung</h1><form method="post"><label for="username">Benutzername</label> <input id="username" name="username" autocomplete="username">${hidden}
<button type="submit">Anmelden</button></form></main></body></html>`);
    }
    const code = randomUUID();
    this.codes.set(code, {
      username, clientId, redirectUri, codeChallenge: params.get('code_challenge')!, nonce: params.get('nonce') ?? undefined, expires: Date.now() + 60_000,
    });
    this.browserSignIns.push(username);
    const back = new URL(redirectUri);
    back.searchParams.set('state', params.get('state') ?? '');
    back.searchParams.set('session_state', randomUUID());
    back.searchParams.set('iss', this.issuer);
    back.searchParams.set('code', code);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  private async exchangeCode(form: URLSearchParams): Promise<[number, unknown]> {
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code); // single use
    if (!pending || pending.expires < Date.now()) return [400, { error: 'invalid_grant', error_description: 'Code not valid' }];
    if (form.get('client_id') !== pending.clientId || form.get('redirect_uri') !== pending.redirectUri) {
      return [400, { error: 'invalid_grant', error_description: 'Incorrect redirect_uri or client' }];
    }
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.codeChallenge) {
      return [400, { error: 'invalid_grant', error_description: 'PKCE verification failed' }];
    }
    return [200, await this.browserTokens(pending.username, pending.clientId, pending.nonce)];
  }

  private async refresh(form: URLSearchParams): Promise<[number, unknown]> {
    const known = this.refreshTokens.get(form.get('refresh_token') ?? '');
    if (!known || known.clientId !== form.get('client_id')) return [400, { error: 'invalid_grant' }];
    return [200, await this.browserTokens(known.username, known.clientId, undefined)];
  }

  /** What Keycloak gives a public client: an access token for the API (audience mapper), an ID token, a refresh token. */
  private async browserTokens(username: string, clientId: string, nonce: string | undefined) {
    const roles = username.startsWith('admin') ? ['hub-admin'] : [];
    const accessToken = await this.token({ username, roles, claims: { azp: clientId, aud: [this.clientId, 'account'] } });
    const idClaims: Record<string, unknown> = {
      typ: 'ID', azp: clientId, preferred_username: username, name: username.replace(/^./, (c) => c.toUpperCase()), email: `${username}@example.org`, email_verified: true,
    };
    if (nonce) idClaims.nonce = nonce;
    const idToken = await new SignJWT(idClaims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keys[0].kid })
      .setIssuer(this.issuer)
      .setAudience(clientId)
      .setSubject(`kc-${username}`)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(this.keys[0].key.privateKey);
    const refreshToken = randomUUID();
    this.refreshTokens.set(refreshToken, { username, clientId });
    return { access_token: accessToken, id_token: idToken, refresh_token: refreshToken, token_type: 'Bearer', expires_in: 300, refresh_expires_in: 1800, scope: 'openid profile email' };
  }
}

function matchesRedirect(pattern: string, uri: string): boolean {
  return pattern.endsWith('*') ? uri.startsWith(pattern.slice(0, -1)) : uri === pattern;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

const esc = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
