import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const DEPLOY = new URL('../../deploy/', import.meta.url).pathname;
const load = (file: string) => parse(readFileSync(join(DEPLOY, file), 'utf8'));

const run = promisify(execFile);

/**
 * deploy/compose.yaml, structurally (no Docker engine on the CI machines to run it: `docker info`
 * finds no daemon, so the stack is never `up`ed here): every service it depends on exists, every
 * mounted file exists, named volumes are declared, published ports do not collide, the hub and
 * Synapse agree on the application service registration, nothing waits on a health check that
 * cannot pass; and a real Compose implementation (docker-compose config) and the Compose
 * Specification's JSON schema both accept the file.
 */
describe('deploy/compose.yaml', () => {
  const compose = load('compose.yaml') as { services: Record<string, any>; volumes: Record<string, unknown> };

  it('is consistent: dependencies, mounts, volumes and ports', () => {
    const services = compose.services;
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'keycloak', 'interkom', 'synapse', 'element', 'mailpit']));
    const published: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      expect(service.image || service.build).toBeTruthy();
      const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dep of deps) expect(`${name} → ${dep}: ${dep in services}`).toBe(`${name} → ${dep}: true`);
      for (const volume of service.volumes ?? []) {
        const source = String(volume).split(':')[0];
        if (source.startsWith('.')) expect(`${name}: ${source} ${existsSync(join(DEPLOY, source))}`).toBe(`${name}: ${source} true`);
        else expect(Object.keys(compose.volumes)).toContain(source);
      }
      for (const port of service.ports ?? []) published.push(String(port).split(':')[0]);
    }
    expect(new Set(published).size).toBe(published.length);
  });

  it('registers the hub with Synapse under the tokens the hub uses, at the hub\'s address', () => {
    const registration = load('synapse/interkom-registration.yaml');
    const homeserver = load('synapse/homeserver.yaml');
    const hub = compose.services.interkom.environment;
    expect(homeserver.app_service_config_files).toEqual(['/config/interkom-registration.yaml']);
    expect(compose.services.synapse.volumes).toContain('./synapse/interkom-registration.yaml:/config/interkom-registration.yaml:ro');
    expect(registration).toMatchObject({ as_token: hub.MATRIX_AS_TOKEN, hs_token: hub.MATRIX_HS_TOKEN, url: 'http://interkom:3000', rate_limited: false });
    expect(homeserver.server_name).toBe(hub.MATRIX_SERVER_NAME);
    expect(hub.MATRIX_HOMESERVER_URL).toBe('http://synapse:8008');
    expect(registration.namespaces.aliases[0]).toMatchObject({ exclusive: true, regex: `#interkom-.*:${hub.MATRIX_SERVER_NAME}` });
  });

  it('sends the hub\'s mail to the mail catcher and points Element at Synapse', () => {
    expect(compose.services.interkom.environment.SMTP_URL).toBe('smtp://mailpit:1025');
    const element = JSON.parse(readFileSync(join(DEPLOY, 'element/config.json'), 'utf8'));
    expect(element.default_server_config['m.homeserver'].server_name).toBe(compose.services.interkom.environment.MATRIX_SERVER_NAME);
  });

  it('waits only on what can become ready: service_healthy on services with a health check, service_completed_successfully on one-off services', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dep, { condition }] of Object.entries<{ condition: string }>(Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {}))) {
        const target = compose.services[dep];
        if (condition === 'service_healthy') expect(`${name} → ${dep}: ${Array.isArray(target.healthcheck?.test)}`).toBe(`${name} → ${dep}: true`);
        else if (condition === 'service_completed_successfully') {
          expect(`${name} → ${dep}: restart ${target.restart}`).toBe(`${name} → ${dep}: restart no`);
          expect(target.entrypoint ?? target.command).toBeTruthy();
        } else expect(condition).toBe('service_started');
      }
    }
    // The stack's health: the hub waits on its database and on Synapse.
    expect(compose.services.interkom.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, synapse: { condition: 'service_healthy' } });
    // pg_isready over TCP: during a new volume's initialisation the image's temporary server listens on the socket only.
    for (const db of ['postgres', 'keycloak-db']) expect(compose.services[db].healthcheck.test).toEqual(expect.arrayContaining(['pg_isready', '-h', '127.0.0.1']));
  });

  it('hands Synapse its new volume before it starts (the image runs as uid 991 and chowns /data only in generate mode)', () => {
    const { synapse } = compose.services;
    const [init] = Object.entries(synapse.depends_on).filter(([, d]: [string, any]) => d.condition === 'service_completed_successfully').map(([n]) => n);
    const initService = compose.services[init!];
    expect(initService.image).toBe(synapse.image);
    expect(initService.user).toBe('root');
    expect(initService.entrypoint).toEqual(['chown', '-R', '991:991', '/data']);
    const dataVolume = (service: any) => service.volumes.find((v: string) => v.endsWith(':/data'));
    expect(dataVolume(initService)).toBe(dataVolume(synapse));
    expect(dataVolume(synapse)).toBe('synapse-data:/data');
  });

  it('keeps Keycloak\'s users: production mode on its own PostgreSQL with a named volume, no dev H2', () => {
    const { keycloak } = compose.services;
    expect(keycloak.command).not.toContain('start-dev');
    expect(keycloak.command[0]).toBe('start');
    expect(keycloak.environment.KC_DB).toBe('postgres');
    const host = /^jdbc:postgresql:\/\/([^:/]+):5432\/(\w+)$/.exec(keycloak.environment.KC_DB_URL);
    expect(host).not.toBeNull();
    const db = compose.services[host![1]!];
    expect(db.environment).toMatchObject({ POSTGRES_DB: host![2], POSTGRES_USER: keycloak.environment.KC_DB_USERNAME, POSTGRES_PASSWORD: keycloak.environment.KC_DB_PASSWORD });
    expect(keycloak.depends_on[host![1]!]).toEqual({ condition: 'service_healthy' });
    const volume = db.volumes.find((v: string) => v.endsWith(':/var/lib/postgresql/data')).split(':')[0];
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(keycloak.environment.KC_HEALTH_ENABLED).toBe('true');
  });

  it('gives Keycloak the mail catcher as SMTP server, so verification mail (verifyEmail) goes out', () => {
    const realm = JSON.parse(readFileSync(join(DEPLOY, 'keycloak/interkom-realm.json'), 'utf8'));
    expect(realm.verifyEmail).toBe(true);
    expect(realm.smtpServer).toMatchObject({ host: 'mailpit', port: '1025', auth: 'false', ssl: 'false', starttls: 'false' });
    expect(realm.smtpServer.from).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(compose.services.mailpit).toBeDefined();
    expect(compose.services.interkom.environment.SMTP_URL).toBe(`smtp://${realm.smtpServer.host}:${realm.smtpServer.port}`);
  });

  it('pins every image to a version tag (no :latest, no bare name)', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.image) continue;
      const tag = /^[^:@]+(?::\d+)?(?:\/[^:@]+)*:([^:@]+)$/.exec(service.image)?.[1];
      expect(`${name}: ${tag}`).toMatch(new RegExp(`^${name}: v?\\d+(\\.\\d+)*$`));
    }
  });

  it('is accepted by a real Compose implementation: docker-compose config', async () => {
    // Debian's docker-compose 1.29.2 (.ci/run installs it): parses, interpolates and validates the file.
    const found = await run('docker-compose', ['version', '--short']).catch(() => null);
    if (!found) throw new Error('docker-compose is not installed: apt-get install -y docker-compose (.ci/run does it)');
    const { stdout } = await run('docker-compose', ['-f', join(DEPLOY, 'compose.yaml'), 'config']);
    const resolved = parse(stdout) as { services: Record<string, any> };
    expect(Object.keys(resolved.services).sort()).toEqual(Object.keys(compose.services).sort());
    expect(resolved.services.synapse.depends_on['synapse-init']).toEqual({ condition: 'service_completed_successfully' });
    // The same file with a condition Compose does not know is refused: the check above can fail.
    const dir = mkdtempSync(join(tmpdir(), 'interkom-compose-'));
    try {
      const file = join(dir, 'compose.yaml');
      writeFileSync(file, readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8').replace('service_completed_successfully', 'service_done'));
      const refused = await run('docker-compose', ['-f', file, 'config', '-q']).then(() => '', (e: { stderr: string }) => e.stderr);
      expect(refused).toContain('synapse.depends_on.synapse-init.condition contains "service_done"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates against the Compose Specification\'s JSON schema', () => {
    // The schema of compose-spec/compose-spec (schema/compose-spec.json), as the dclint package ships it.
    const dclint = dirname(createRequire(import.meta.url).resolve('dclint/package.json'));
    const schema = JSON.parse(readFileSync(join(dclint, 'schemas/compose.schema.json'), 'utf8'));
    expect(schema.title).toBe('Compose Specification');
    // Draft 07, Ajv's own; it names the draft by an https URL Ajv does not know, so that name is left out.
    expect(schema.$schema).toBe('https://json-schema.org/draft-07/schema');
    const validate = new Ajv({ strict: false, allErrors: true }).compile({ ...schema, $schema: undefined });
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate({ services: { x: { image: 'a', depends_on: { y: { condition: 'service_ready' } } } } })).toBe(false);
  });
});
