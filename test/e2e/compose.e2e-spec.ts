import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const DEPLOY = new URL('../../deploy/', import.meta.url).pathname;
const load = (file: string) => parse(readFileSync(join(DEPLOY, file), 'utf8'));

/**
 * deploy/compose.yaml, structurally (no Docker engine on the CI machines to run it): every service
 * it depends on exists, every mounted file exists, named volumes are declared, published ports do
 * not collide, and the hub and Synapse agree on the application service registration.
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
});
