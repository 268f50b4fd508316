import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestHub } from '../support/test-hub.js';

/** A minimal client build: the real one is tested in the browser (web/e2e). */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'interkom-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="de"><head><!--interkom-config--></head><body><div id="root"></div></body></html>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("hi")');
  return dir;
}

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the web client served by the hub (development sign-in)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start({ KEYCLOAK_URL: '', WEB_DIR: fakeBuild(), ACCESSIBILITY_CONTACT: 'barrieren@readi.example.org' });
  });
  afterAll(() => hub.stop());

  it('answers / and deep links with index.html carrying the sign-in configuration', async () => {
    for (const path of ['/', '/netzwerke/readi', '/sitzungen/123?tab=protokoll']) {
      const res = await hub.http.get(path).set(html);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<script id="interkom-config" type="application/json">{"auth":{"mode":"development"},"accessibilityContact":"barrieren@readi.example.org"}</script>');
    }
    expect((await hub.http.head('/').set(html)).status).toBe(200);
  });

  it('caches hashed assets for a year and answers 404 for missing assets, API paths and non-HTML requests', async () => {
    const asset = await hub.http.get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await hub.http.get('/assets/missing.js').set(html)).status).toBe(404);
    expect((await hub.http.get('/favicon.ico').set(html)).status).toBe(404);
    expect((await hub.http.get('/graphqlx').set(html)).status).toBe(404);
    expect((await hub.http.get('/privacy/whatever').set(html)).status).toBe(404);
    expect((await hub.http.get('/netzwerke/readi').set({ accept: 'application/json' })).status).toBe(404);
    expect((await hub.http.get('/calendar/nope.ics').set(html)).text).toBe('Kalender nicht gefunden');
    expect((await hub.http.get('/health')).body).toMatchObject({ status: 'ok' });
  });

  it('signs a named person in through the development sign-in, and the token works for the API', async () => {
    const res = await hub.http.post('/auth/dev-sign-in').send({ username: 'Bretten.Digital' });
    expect(res.status).toBe(201);
    expect(res.body.expiresIn).toBe(43200);
    const { me } = await hub.ok(res.body.accessToken, '{ me { displayName } }');
    expect(me.displayName).toBe('bretten.digital');
    // The demo people keep their demo names (npm run seed:demo).
    const mara = await hub.http.post('/auth/dev-sign-in').send({ username: 'mara' });
    expect((await hub.ok(mara.body.accessToken, '{ me { displayName } }')).me.displayName).toBe('Mara Moderation (Demo)');
    const admin = await hub.http.post('/auth/dev-sign-in').send({ username: 'alice', admin: true });
    const created = await hub.gql(admin.body.accessToken, 'mutation { createOrganization(input: {name: "Musterstadt", kind: MUNICIPALITY}) { id } }');
    expect(created.errors).toBeUndefined();
  });

  it('refuses bad names with a German message naming the field', async () => {
    for (const username of ['', 'x'.repeat(65), 'a b', '<script>', 42]) {
      const res = await hub.http.post('/auth/dev-sign-in').send({ username });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'BAD_USER_INPUT' });
      expect(res.body.message).toMatch(/^username: Bitte einen Namen/);
    }
  });
});

describe('the web client served by the hub (Keycloak sign-in)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start({ WEB_DIR: fakeBuild(), KEYCLOAK_WEB_CLIENT_ID: 'readi-web' });
  });
  afterAll(() => hub.stop());

  it('tells the client the issuer and its public client, and the contact for barriers (by default the mail sender)', async () => {
    const res = await hub.http.get('/').set(html);
    const config = JSON.parse(/<script id="interkom-config" type="application\/json">(.*?)<\/script>/.exec(res.text)![1]);
    expect(config).toEqual({ auth: { mode: 'keycloak', authority: hub.issuer.issuer, clientId: 'readi-web' }, accessibilityContact: 'interkom@localhost' });
  });

  it('has no development sign-in', async () => {
    expect((await hub.http.post('/auth/dev-sign-in').send({ username: 'alice', admin: true })).status).toBe(404);
  });
});

describe('without a client build', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start({ WEB_DIR: join(tmpdir(), 'interkom-no-such-build') });
  });
  afterAll(() => hub.stop());

  it('serves the API alone', async () => {
    expect((await hub.http.get('/').set(html)).status).toBe(404);
    expect((await hub.http.get('/health')).status).toBe(200);
  });
});
