import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { loadMigrateConfig } from './migrations-config.js';

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database and development sign-in', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, publicBaseUrl: 'http://localhost:3000', databaseUrl: undefined, logFormat: 'json' });
    expect(config.auth).toEqual({ mode: 'development', issuer: 'interkom-development', clientId: 'interkom-api', webClientId: 'interkom-web' });
    expect(config.webDir).toMatch(/web\/dist$/);
  });

  it('serves no web client with WEB_DIR set empty, and names the web client id', () => {
    expect(loadConfig({ WEB_DIR: '' }).webDir).toBeNull();
    const { auth } = loadConfig({ KEYCLOAK_URL: 'https://id.example.org', KEYCLOAK_WEB_CLIENT_ID: 'readi-web' });
    expect(auth).toMatchObject({ webClientId: 'readi-web' });
  });

  it('derives issuer and JWKS from KEYCLOAK_URL and KEYCLOAK_REALM', () => {
    const { auth } = loadConfig({ KEYCLOAK_URL: 'https://id.example.org/', KEYCLOAK_REALM: 'readi', KEYCLOAK_CLIENT_ID: 'hub' });
    expect(auth).toMatchObject({
      mode: 'keycloak',
      issuer: 'https://id.example.org/realms/readi',
      jwksUrl: 'https://id.example.org/realms/readi/protocol/openid-connect/certs',
      clientId: 'hub',
    });
  });

  it('takes the issuer from KEYCLOAK_PUBLIC_URL and the keys from KEYCLOAK_URL when browsers reach Keycloak elsewhere', () => {
    const { auth } = loadConfig({ KEYCLOAK_URL: 'http://keycloak:8080', KEYCLOAK_PUBLIC_URL: 'http://localhost:8080/' });
    expect(auth).toMatchObject({
      issuer: 'http://localhost:8080/realms/interkom',
      jwksUrl: 'http://keycloak:8080/realms/interkom/protocol/openid-connect/certs',
    });
  });

  it('reads a keycloak.json adapter file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kc-')), 'keycloak.json');
    writeFileSync(file, JSON.stringify({ realm: 'ikone', 'auth-server-url': 'https://sso.example.org', resource: 'interkom' }));
    expect(loadConfig({ KEYCLOAK_CONFIG_FILE: file }).auth).toMatchObject({ issuer: 'https://sso.example.org/realms/ikone', clientId: 'interkom' });
  });

  it('refuses development sign-in in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/KEYCLOAK_URL is required/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KEYCLOAK_URL: 'not a url', LOG_FORMAT: 'xml' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL/);
      expect(problems.join('\n')).toMatch(/KEYCLOAK_URL/);
      expect(problems.join('\n')).toMatch(/LOG_FORMAT/);
    }
  });

  it('prepares hot statements unless told not to (behind a transaction-mode PgBouncer)', () => {
    expect(loadConfig({}).preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).preparedStatements).toBe(false);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'no' })).toThrow(/DATABASE_PREPARED_STATEMENTS must be "true" or "false"/);
  });

  it('wakes the outbox workers on commit unless told not to (behind a transaction-mode PgBouncer)', () => {
    expect(loadConfig({}).outboxListen).toBe(true);
    expect(loadConfig({ OUTBOX_LISTEN: 'false' }).outboxListen).toBe(false);
    expect(() => loadConfig({ OUTBOX_LISTEN: 'nein' })).toThrow(/OUTBOX_LISTEN must be "true" or "false"/);
  });

  it('compiles repeated queries unless told not to', () => {
    expect(loadConfig({}).compiledQueries).toBe(true);
    expect(loadConfig({ GRAPHQL_COMPILED_QUERIES: 'false' }).compiledQueries).toBe(false);
    expect(loadConfig({}).compileAfter).toBe(2);
    expect(loadConfig({ GRAPHQL_COMPILED_QUERIES: 'always' })).toMatchObject({ compiledQueries: true, compileAfter: 1 });
    expect(() => loadConfig({ GRAPHQL_COMPILED_QUERIES: 'yes' })).toThrow(/GRAPHQL_COMPILED_QUERIES must be "true", "always" or "false"/);
  });

  it('keeps an outbox lease longer than a Matrix call may take', () => {
    const matrix = { MATRIX_HOMESERVER_URL: 'http://hs', MATRIX_SERVER_NAME: 'hs', MATRIX_AS_TOKEN: 'a', MATRIX_HS_TOKEN: 'h' };
    expect(loadConfig(matrix).matrix?.leaseMs).toBe(60_000);
    expect(loadConfig(matrix).matrix?.appserviceId).toBe('interkom');
    expect(loadConfig({ ...matrix, MATRIX_APPSERVICE_ID: 'hub-as' }).matrix?.appserviceId).toBe('hub-as');
    expect(loadConfig({ ...matrix, MATRIX_TIMEOUT_MS: '2000', MATRIX_OUTBOX_LEASE_MS: '3000' }).matrix?.leaseMs).toBe(3000);
    expect(() => loadConfig({ ...matrix, MATRIX_TIMEOUT_MS: '5000', MATRIX_OUTBOX_LEASE_MS: '3000' })).toThrow(/MATRIX_OUTBOX_LEASE_MS/);
  });
});

describe('loadConfig: migrations', () => {
  it('migrates at start unless MIGRATIONS=check, which needs a database server', () => {
    expect(loadConfig({}).migrations).toBe('run');
    expect(loadConfig({ MIGRATIONS: 'run' }).migrations).toBe('run');
    expect(loadConfig({ MIGRATIONS: 'check', DATABASE_URL: 'postgres://db/interkom' }).migrations).toBe('check');
    expect(() => loadConfig({ MIGRATIONS: 'check' })).toThrow(/MIGRATIONS=check needs DATABASE_URL/);
    expect(() => loadConfig({ MIGRATIONS: 'never', DATABASE_URL: 'postgres://db/interkom' })).toThrow(/MIGRATIONS must be "run" .* or "check" .*, got "never"/);
  });

  it('gives the migration CLI only DATABASE_URL and LOG_FORMAT, both checked', () => {
    expect(loadMigrateConfig({ DATABASE_URL: 'postgres://db/interkom', NODE_ENV: 'production' })).toEqual({ databaseUrl: 'postgres://db/interkom', logFormat: 'json' });
    expect(() => loadMigrateConfig({})).toThrow(/DATABASE_URL is required/);
    expect(() => loadMigrateConfig({ DATABASE_URL: 'mysql://db/x', LOG_FORMAT: 'xml' })).toThrow(ConfigError);
    try {
      loadMigrateConfig({ DATABASE_URL: 'mysql://db/x', LOG_FORMAT: 'xml' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^DATABASE_URL must be a postgres/), expect.stringMatching(/^LOG_FORMAT/)]);
    }
  });
});

describe('loadConfig: video rooms', () => {
  it('has none without JITSI_URL, plain room links with it, personal tokens with app id and secret', () => {
    expect(loadConfig({}).video).toBeNull();
    expect(loadConfig({ JITSI_URL: 'https://meet.example.org/' }).video).toEqual({ url: 'https://meet.example.org', host: 'meet.example.org', token: null });
    expect(loadConfig({ JITSI_URL: 'https://meet.example.org', JITSI_APP_ID: 'interkom', JITSI_APP_SECRET: 's3cret' }).video).toEqual({
      url: 'https://meet.example.org', host: 'meet.example.org', token: { appId: 'interkom', appSecret: 's3cret' },
    });
  });

  it('refuses half a token configuration, a token without JITSI_URL, and a non-http JITSI_URL', () => {
    expect(() => loadConfig({ JITSI_URL: 'https://meet.example.org', JITSI_APP_ID: 'interkom' })).toThrow(/set together/);
    expect(() => loadConfig({ JITSI_APP_ID: 'interkom', JITSI_APP_SECRET: 'x' })).toThrow(/need JITSI_URL/);
    expect(() => loadConfig({ JITSI_URL: 'ftp://meet.example.org' })).toThrow(/JITSI_URL must be an http\(s\) URL/);
  });
});

describe('loadConfig: accessibility contact', () => {
  it('reads ACCESSIBILITY_CONTACT, falls back to the mail sender, and refuses what is no address', () => {
    expect(loadConfig({ ACCESSIBILITY_CONTACT: 'barrieren@readi.example.org' }).accessibilityContact).toBe('barrieren@readi.example.org');
    expect(loadConfig({ MAIL_FROM: 'Re@di Hub <hub@readi.example.org>' }).accessibilityContact).toBe('hub@readi.example.org');
    expect(() => loadConfig({ ACCESSIBILITY_CONTACT: 'Frau Muster' })).toThrow(/ACCESSIBILITY_CONTACT must be an e-mail address/);
  });
});

describe('loadConfig: mail, metrics, OParl', () => {
  it('sends no mail without SMTP_URL, and reads the sender from MAIL_FROM', () => {
    expect(loadConfig({}).mail).toMatchObject({ smtpUrl: null, from: { name: 'Interkom', address: 'interkom@localhost' }, retryBaseMs: 30_000 });
    const { mail } = loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.org:587', MAIL_FROM: 'Re@di Hub <hub@readi.example.org>' });
    expect(mail).toMatchObject({ smtpUrl: 'smtp://u:p@mail.example.org:587', from: { name: 'Re@di Hub', address: 'hub@readi.example.org' } });
    expect(loadConfig({ SMTP_URL: 'smtps://mail.example.org' }).mail.smtpUrl).toBe('smtps://mail.example.org');
  });

  it('refuses a non-SMTP URL, a sender that is not one address, a short METRICS_TOKEN and a lease shorter than three timeouts', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ MAIL_FROM: 'a@example.org, b@example.org' })).toThrow(/MAIL_FROM must be one address/);
    expect(() => loadConfig({ MAIL_FROM: 'kein Absender' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ METRICS_TOKEN: 'kurz' })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(() => loadConfig({ MAIL_TIMEOUT_MS: '60000', MAIL_OUTBOX_LEASE_MS: '120000' })).toThrow(/MAIL_OUTBOX_LEASE_MS/);
    expect(() => loadConfig({ OPARL_REFRESH_MS: '-1' })).toThrow(/OPARL_REFRESH_MS/);
  });

  it('asks no token for /metrics unless METRICS_TOKEN is set', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: '0123456789abcdef0123' }).metricsToken).toBe('0123456789abcdef0123');
  });
});
