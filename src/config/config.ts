import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import { ConfigError } from './config-error.js';
import { parseMigrationsMode, type MigrationsMode } from './migrations-config.js';
import { parseRateLimits, parseTrustProxy, type RateLimits } from './rate-limits.js';
import { parseObjectStorage, type ObjectStorageConfig } from './object-storage-config.js';
import { parseInboundMail, type InboundMailConfig } from './inbound-mail-config.js';
import { parseStorage, type StorageConfig } from './storage-config.js';

/** Everything the hub reads from its environment, validated once at boot. */
export interface AppConfig {
  readonly port: number;
  readonly publicBaseUrl: string;
  readonly production: boolean;
  readonly logFormat: 'json' | 'pretty';
  readonly dataDir: string;
  /** Unset = embedded PostgreSQL (PGlite) in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Set by bootstrap when it started the embedded server for this process. */
  readonly embeddedDatabase: boolean;
  /** Hot statements as named prepared statements on a PostgreSQL server (never on the embedded one). */
  readonly preparedStatements: boolean;
  /**
   * OUTBOX_LISTEN (default true): the outbox workers hold a LISTEN connection and drain as soon as
   * an event commits; false: they only poll (behind a transaction-mode PgBouncer, where LISTEN has
   * no session of its own). Never on the embedded database, which serves one session.
   */
  readonly outboxListen: boolean;
  /** DATABASE_READ_BATCHING: a request's reads due in the same tick sent as one statement (src/database/read-batch.ts). */
  readonly readBatching: boolean;
  /** MIGRATIONS: `run` = migrate at start (under the migration lock), `check` = never; wait, unready, for another process. */
  readonly migrations: MigrationsMode;
  /**
   * Run queries compiled by graphql-jit (GRAPHQL_COMPILED_QUERIES): `true` (default) from a
   * document's second run, `always` from its first (so that tests and benches exercise the compiled
   * path with every document), `false` never.
   */
  readonly compiledQueries: boolean;
  /** After how many runs a query document is compiled (1 with `always`, else 2). */
  readonly compileAfter: number;
  readonly auth: AuthConfig;
  /** How long before a meeting its reminder goes out. */
  readonly reminderHours: number;
  /** How often the hub looks for protocols whose objection period has ended (PROTOCOL_APPROVAL_POLL_SECONDS, default 60). */
  readonly approvalPollSeconds: number;
  /** Null = bridge off: changes are still recorded in the outbox and delivered once configured. */
  readonly matrix: MatrixConfig | null;
  /** The built web client served at `/`; null = do not serve one. */
  readonly webDir: string | null;
  /** Null = no generated video rooms (JITSI_URL unset). */
  readonly video: VideoConfig | null;
  /** Load the demo networks at start when the database has no network yet (`npm start` on a fresh clone). */
  readonly demoData: boolean;
  /** E-mail notifications; `smtpUrl` null = nothing is sent (the outbox keeps every notification). */
  readonly mail: MailConfig;
  /** iMIP replies read over IMAP and/or received over SMTP; both off by default. */
  readonly inboundMail: InboundMailConfig;
  /** Bearer token for GET /metrics; null = no sign-in needed. */
  readonly metricsToken: string | null;
  /** How old the public OParl view may be before a request brings it up to date. */
  readonly oparlRefreshMs: number;
  /** RATE_LIMITS; null = off. */
  readonly rateLimits: RateLimits;
  /** TRUST_PROXY: Fastify's `trustProxy` (whose X-Forwarded-For names the client). */
  readonly trustProxy: boolean | number | string[];
  /**
   * ACCESSIBILITY_CONTACT: the e-mail address for barriers (BITV 2.0 feedback), shown in the web
   * client's accessibility statement; default: the mail sender's address.
   */
  readonly accessibilityContact: string;
  /** Uploaded documents: S3 (S3_BUCKET set) or DATA_DIR/files, and the DOCUMENT_* limits. */
  readonly objectStorage: ObjectStorageConfig;
}

export interface MailConfig {
  /** smtp:// (STARTTLS when offered) or smtps://, with user and password in the URL; null = no e-mail. */
  readonly smtpUrl: string | null;
  /** The sender, e.g. `Interkom <interkom@example.org>`; also the ORGANIZER of invitations. */
  readonly from: { readonly name: string; readonly address: string };
  /** Deliver mail in this process (more instances may run; rows are claimed with SKIP LOCKED). */
  readonly worker: boolean;
  readonly pollMs: number;
  /** First retry delay; doubles per attempt up to 5 minutes. */
  readonly retryBaseMs: number;
  /** Connection, greeting and socket timeout of every SMTP conversation. */
  readonly timeoutMs: number;
  /** How long a claimed mail row stays with its worker (must exceed three timeouts). */
  readonly leaseMs: number;
}

/** Jitsi Meet rooms for meetings and webinars; with `token` every join link carries a personal JWT. */
export interface VideoConfig {
  /** Base URL of the Jitsi Meet installation, without a trailing slash. */
  readonly url: string;
  /** Its host: the `sub` claim of the tokens. */
  readonly host: string;
  /** Jitsi token authentication (prosody `token`): `iss` = appId, HS256 with appSecret. */
  readonly token: { readonly appId: string; readonly appSecret: string } | null;
}

export interface MatrixConfig {
  readonly homeserverUrl: string;
  readonly serverName: string;
  readonly asToken: string;
  readonly hsToken: string;
  readonly botLocalpart: string;
  /** Every Matrix call gives up after this long. */
  readonly timeoutMs: number;
  /** Deliver the outbox in this process (more instances may run; rows are claimed with SKIP LOCKED). */
  readonly worker: boolean;
  readonly pollMs: number;
  /** First retry delay; doubles per attempt up to 5 minutes. */
  readonly retryBaseMs: number;
  /** How often every group room is compared with the hub (drift repair, expired guests). */
  readonly reconcileMs: number;
  /**
   * How long a claimed outbox row stays with its worker. A worker that dies (SIGKILL) holds its rows
   * this long; it must exceed timeoutMs, so no row is taken over while its delivery may still run.
   */
  readonly leaseMs: number;
  /** Group rooms that exist already get their announcements side by side, this many at once (1: one after another). */
  readonly deliveryLanes: number;
  /** The `id` of the application-service registration (`npm run matrix:registration` writes `interkom`). */
  readonly appserviceId: string;
}

export type AuthConfig =
  | {
      readonly mode: 'keycloak';
      readonly issuer: string;
      readonly jwksUrl: string;
      readonly clientId: string;
      /** Minimum time between two JWKS fetches triggered by an unknown `kid`. */
      readonly jwksCooldownMs: number;
      /** The public client the web client signs in with (authorization code flow with PKCE). */
      readonly webClientId: string;
    }
  | { readonly mode: 'development'; readonly issuer: string; readonly clientId: string; readonly webClientId: string };

export { ConfigError } from './config-error.js';

type Env = Record<string, string | undefined>;

export const DEV_ISSUER = 'interkom-development';

/** Only DATA_DIR and DATABASE_URL (the backup and restore commands): nothing else has to be valid for them. */
export function loadStorageConfig(env: Env = process.env): StorageConfig {
  const problems: string[] = [];
  const storage = parseStorage(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return storage;
}

/** Reads and validates the configuration; throws a ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';

  const port = parsePort(env.PORT, problems);
  const publicBaseUrl = parseUrl('PUBLIC_BASE_URL', env.PUBLIC_BASE_URL ?? `http://localhost:${port}`, problems);
  const { dataDir, databaseUrl } = parseStorage(env, problems);
  const preparedStatements = env.DATABASE_PREPARED_STATEMENTS ?? 'true';
  if (preparedStatements !== 'true' && preparedStatements !== 'false') {
    problems.push(`DATABASE_PREPARED_STATEMENTS must be "true" or "false" (false behind a transaction-mode PgBouncer), got "${preparedStatements}"`);
  }
  const outboxListen = env.OUTBOX_LISTEN ?? 'true';
  if (outboxListen !== 'true' && outboxListen !== 'false') {
    problems.push(`OUTBOX_LISTEN must be "true" or "false" (false behind a transaction-mode PgBouncer), got "${outboxListen}"`);
  }
  const readBatching = env.DATABASE_READ_BATCHING ?? 'true';
  if (readBatching !== 'true' && readBatching !== 'false') problems.push(`DATABASE_READ_BATCHING must be "true" or "false", got "${readBatching}"`);
  const migrations = parseMigrationsMode(env, databaseUrl, problems);
  const compiledQueries = env.GRAPHQL_COMPILED_QUERIES ?? 'true';
  if (!['true', 'false', 'always'].includes(compiledQueries)) problems.push(`GRAPHQL_COMPILED_QUERIES must be "true", "always" or "false", got "${compiledQueries}"`);
  const logFormat = env.LOG_FORMAT ?? 'json';
  if (logFormat !== 'json' && logFormat !== 'pretty') problems.push(`LOG_FORMAT must be "json" or "pretty", got "${logFormat}"`);

  const auth = parseAuth(env, production, problems);
  const matrix = parseMatrix(env, problems);
  const reminderHours = Number(env.MEETING_REMINDER_HOURS ?? 24);
  if (!Number.isFinite(reminderHours) || reminderHours <= 0) problems.push('MEETING_REMINDER_HOURS must be a positive number');
  const approvalPollSeconds = Number(env.PROTOCOL_APPROVAL_POLL_SECONDS ?? 60);
  if (!Number.isFinite(approvalPollSeconds) || approvalPollSeconds <= 0) problems.push('PROTOCOL_APPROVAL_POLL_SECONDS must be a positive number');
  const webDir = env.WEB_DIR === '' ? null : resolve(env.WEB_DIR ?? './web/dist');
  const video = parseVideo(env, problems);
  const mail = parseMail(env, problems);
  const inboundMail = parseInboundMail(env, problems);
  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  if (metricsToken && metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters long');
  const oparlRefreshMs = Number(env.OPARL_REFRESH_MS ?? 2000);
  if (!Number.isInteger(oparlRefreshMs) || oparlRefreshMs < 0) problems.push('OPARL_REFRESH_MS must be a non-negative integer');
  const rateLimits = parseRateLimits(env.RATE_LIMITS, problems);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  const accessibilityContact = env.ACCESSIBILITY_CONTACT?.trim() || mail.from.address;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(accessibilityContact)) problems.push(`ACCESSIBILITY_CONTACT must be an e-mail address, got "${accessibilityContact}"`);
  const objectStorage = parseObjectStorage(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    publicBaseUrl: publicBaseUrl.replace(/\/+$/, ''),
    production,
    logFormat: logFormat as 'json' | 'pretty',
    dataDir,
    databaseUrl,
    embeddedDatabase: false,
    preparedStatements: preparedStatements === 'true',
    outboxListen: outboxListen === 'true',
    readBatching: readBatching === 'true',
    migrations,
    compiledQueries: compiledQueries !== 'false',
    compileAfter: compiledQueries === 'always' ? 1 : 2,
    auth,
    matrix,
    reminderHours,
    approvalPollSeconds,
    webDir,
    // On by default only for the embedded database with development sign-in: a first look, never production.
    demoData: env.DEMO_DATA === 'true' || (env.DEMO_DATA !== 'false' && !databaseUrl && auth.mode === 'development'),
    video,
    mail,
    inboundMail,
    metricsToken,
    oparlRefreshMs,
    rateLimits,
    trustProxy,
    accessibilityContact,
    objectStorage,
  };
}

function parseMail(env: Env, problems: string[]): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl) {
    try {
      const url = new URL(smtpUrl);
      if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') problems.push(`SMTP_URL must be an smtp:// or smtps:// URL, got "${url.protocol}//…"`);
      if (!url.hostname) problems.push('SMTP_URL names no host');
    } catch {
      problems.push('SMTP_URL is not a valid URL (smtp://user:password@host:587)');
    }
  }
  const rawFrom = env.MAIL_FROM?.trim() || 'interkom@localhost';
  const parsed = addressparser(rawFrom, { flatten: true });
  const from = parsed.length === 1 && /^[^\s@]+@[^\s@]+$/.test(parsed[0]!.address) ? parsed[0]! : null;
  if (!from) problems.push(`MAIL_FROM must be one address, e.g. "Interkom <interkom@example.org>", got "${rawFrom}"`);
  const int = (name: string, fallback: number, min: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < min) problems.push(`${name} must be a whole number of at least ${min}`);
    return value;
  };
  const timeoutMs = int('MAIL_TIMEOUT_MS', 30_000, 1);
  const leaseMs = int('MAIL_OUTBOX_LEASE_MS', 5 * 60_000, 1);
  if (leaseMs <= 3 * timeoutMs) problems.push('MAIL_OUTBOX_LEASE_MS must exceed three times MAIL_TIMEOUT_MS (connection, greeting and transfer of one message)');
  return {
    smtpUrl,
    from: { name: from?.name || 'Interkom', address: from?.address ?? 'interkom@localhost' },
    worker: env.MAIL_OUTBOX_WORKER !== 'false',
    pollMs: int('MAIL_OUTBOX_POLL_MS', 1000, 1),
    retryBaseMs: int('MAIL_RETRY_BASE_MS', 30_000, 1),
    timeoutMs,
    leaseMs,
  };
}

function parseVideo(env: Env, problems: string[]): VideoConfig | null {
  const url = env.JITSI_URL?.trim();
  const appId = env.JITSI_APP_ID?.trim();
  const appSecret = env.JITSI_APP_SECRET;
  if (!url) {
    if (appId || appSecret) problems.push('JITSI_APP_ID and JITSI_APP_SECRET need JITSI_URL');
    return null;
  }
  parseUrl('JITSI_URL', url, problems);
  if (!!appId !== !!appSecret) problems.push('JITSI_APP_ID and JITSI_APP_SECRET must be set together (or neither, for plain room links)');
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // reported by parseUrl
  }
  return { url: url.replace(/\/+$/, ''), host, token: appId && appSecret ? { appId, appSecret } : null };
}

function parseAuth(env: Env, production: boolean, problems: string[]): AuthConfig {
  let url = env.KEYCLOAK_URL?.trim();
  let realm = env.KEYCLOAK_REALM ?? 'interkom';
  let clientId = env.KEYCLOAK_CLIENT_ID ?? 'interkom-api';
  const webClientId = env.KEYCLOAK_WEB_CLIENT_ID?.trim() || 'interkom-web';
  if (env.KEYCLOAK_CONFIG_FILE) {
    const adapter = readAdapterFile(env.KEYCLOAK_CONFIG_FILE, problems);
    if (adapter) ({ url, realm, clientId } = adapter);
  }
  if (!url) {
    if (production) problems.push('KEYCLOAK_URL is required when NODE_ENV=production (development sign-in is refused)');
    return { mode: 'development', issuer: DEV_ISSUER, clientId, webClientId };
  }
  parseUrl('KEYCLOAK_URL', url, problems);
  if (!/^[A-Za-z0-9._-]+$/.test(realm)) problems.push(`KEYCLOAK_REALM "${realm}" is not a valid realm name`);
  if (!clientId) problems.push('KEYCLOAK_CLIENT_ID must not be empty');
  const cooldown = Number(env.KEYCLOAK_JWKS_COOLDOWN_MS ?? 10_000);
  if (!Number.isInteger(cooldown) || cooldown < 0) problems.push('KEYCLOAK_JWKS_COOLDOWN_MS must be a non-negative integer');
  // Browsers may reach Keycloak under another URL than the hub does (a container network): the
  // issuer in tokens is the public one, the keys are fetched from the one the hub can reach.
  const publicUrl = env.KEYCLOAK_PUBLIC_URL?.trim() || url;
  if (publicUrl !== url) parseUrl('KEYCLOAK_PUBLIC_URL', publicUrl, problems);
  const issuer = `${publicUrl.replace(/\/+$/, '')}/realms/${realm}`;
  const jwksUrl = `${url.replace(/\/+$/, '')}/realms/${realm}/protocol/openid-connect/certs`;
  return { mode: 'keycloak', issuer, jwksUrl, clientId, jwksCooldownMs: cooldown, webClientId };
}

/** Reads a keycloak.json as exported by the Keycloak admin console. */
function readAdapterFile(path: string, problems: string[]) {
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const url = json['auth-server-url'];
    const realm = json.realm;
    const clientId = json.resource;
    if (typeof url !== 'string' || typeof realm !== 'string' || typeof clientId !== 'string') {
      problems.push(`KEYCLOAK_CONFIG_FILE ${path} lacks auth-server-url, realm or resource`);
      return undefined;
    }
    return { url, realm, clientId };
  } catch (error) {
    problems.push(`KEYCLOAK_CONFIG_FILE ${path} cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

function parseMatrix(env: Env, problems: string[]): MatrixConfig | null {
  const url = env.MATRIX_HOMESERVER_URL?.trim();
  if (!url) return null;
  parseUrl('MATRIX_HOMESERVER_URL', url, problems);
  const required = ['MATRIX_SERVER_NAME', 'MATRIX_AS_TOKEN', 'MATRIX_HS_TOKEN'] as const;
  for (const name of required) if (!env[name]?.trim()) problems.push(`${name} is required when MATRIX_HOMESERVER_URL is set`);
  const botLocalpart = env.MATRIX_BOT_LOCALPART ?? 'interkom';
  if (!/^[a-z0-9._=-]+$/.test(botLocalpart)) problems.push(`MATRIX_BOT_LOCALPART "${botLocalpart}" is not a valid Matrix localpart`);
  const timeoutMs = Number(env.MATRIX_TIMEOUT_MS ?? 10_000);
  const pollMs = Number(env.MATRIX_OUTBOX_POLL_MS ?? 1000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) problems.push('MATRIX_TIMEOUT_MS must be a positive integer');
  if (!Number.isInteger(pollMs) || pollMs <= 0) problems.push('MATRIX_OUTBOX_POLL_MS must be a positive integer');
  const leaseMs = Number(env.MATRIX_OUTBOX_LEASE_MS ?? 60_000);
  if (!Number.isInteger(leaseMs) || leaseMs <= timeoutMs) problems.push('MATRIX_OUTBOX_LEASE_MS must be a whole number of milliseconds above MATRIX_TIMEOUT_MS');
  const deliveryLanes = Number(env.MATRIX_DELIVERY_LANES ?? 4);
  if (!Number.isInteger(deliveryLanes) || deliveryLanes < 1 || deliveryLanes > 16) problems.push('MATRIX_DELIVERY_LANES must be a whole number from 1 to 16');
  return {
    homeserverUrl: url.replace(/\/+$/, ''),
    serverName: env.MATRIX_SERVER_NAME?.trim() ?? '',
    asToken: env.MATRIX_AS_TOKEN ?? '',
    hsToken: env.MATRIX_HS_TOKEN ?? '',
    botLocalpart,
    timeoutMs,
    worker: env.MATRIX_OUTBOX_WORKER !== 'false',
    pollMs,
    retryBaseMs: Number(env.MATRIX_RETRY_BASE_MS ?? 1000),
    reconcileMs: Number(env.MATRIX_RECONCILE_MS ?? 15 * 60_000),
    leaseMs,
    deliveryLanes,
    appserviceId: env.MATRIX_APPSERVICE_ID?.trim() || 'interkom',
  };
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer between 0 and 65535, got "${raw}"`);
    return 3000;
  }
  return port;
}

function parseUrl(name: string, raw: string, problems: string[]): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`${name} must be an http(s) URL, got "${raw}"`);
  } catch {
    problems.push(`${name} is not a valid URL: "${raw}"`);
  }
  return raw;
}
