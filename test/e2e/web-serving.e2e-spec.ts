import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { TestHub } from '../support/test-hub.js';

const BIG = `console.log(${JSON.stringify('Interkom '.repeat(500))});`;

/** A minimal client build: the real one is tested in the browser (web/e2e). */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'interkom-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="de"><head><!--interkom-config--></head><body><div id="root"></div></body></html>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("hi")');
  // As the build writes them (web/scripts/precompress.ts): brotli and gzip beside the asset.
  writeFileSync(join(dir, 'assets', 'page-def456.js'), BIG);
  writeFileSync(join(dir, 'assets', 'page-def456.js.br'), brotliCompressSync(BIG));
  writeFileSync(join(dir, 'assets', 'page-def456.js.gz'), gzipSync(BIG));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
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

  it('sends precompressed assets per Accept-Encoding (brotli first), with Vary: Accept-Encoding', async () => {
    const br = await hub.http.get('/assets/page-def456.js').set('accept-encoding', 'gzip, deflate, br, zstd').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await hub.http.get('/assets/page-def456.js').set('accept-encoding', 'gzip').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    // supertest decodes both itself; the bytes on the wire are the precompressed file's.
    expect((gz.body as Buffer).toString()).toContain('Interkom Interkom');
    expect((br.body as Buffer).toString()).toContain('Interkom Interkom');
    expect(Number(br.headers['content-length'])).toBe(brotliCompressSync(BIG).length);
    expect(Number(gz.headers['content-length'])).toBe(gzipSync(BIG).length);
    const plain = await hub.http.get('/assets/page-def456.js').set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toContain('Interkom Interkom');
  });

  it('has a favicon', async () => {
    const res = await hub.http.get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
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
