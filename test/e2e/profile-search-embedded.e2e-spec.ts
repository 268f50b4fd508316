import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadOrCreateDevKey, signDevToken } from '../../src/auth/dev-keys.js';
import { createHub, type RunningHub } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';

/**
 * The German search on the embedded default (PGlite with its bundled unaccent and pg_trgm): the
 * migration creates the extensions there too, and the cases behave as on PostgreSQL.
 */
describe('profile search on the embedded database (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-embedded-search-'));
  let hub: RunningHub;
  let token: string;
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await request(hub.app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${token}`).send({ query, variables });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data;
  };
  const search = async (query: string) =>
    (await gql('query($q: String) { searchProjectProfiles(query: $q) { total hits { snippet profile { title } } } }', { q: query })).searchProjectProfiles as {
      total: number;
      hits: { snippet: string; profile: { title: string } }[];
    };

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, KEYCLOAK_URL: '', DATABASE_URL: '' });
    hub = await createHub(config, { logger: false });
    token = await signDevToken(await loadOrCreateDevKey(dataDir), config.auth.clientId, 'alice', { admin: true });
    const org = (await gql('mutation { createOrganization(input: { name: "Stadt Bühl", kind: MUNICIPALITY, federalState: "DE-BW" }) { id } }')).createOrganization.id;
    const create = 'mutation($input: CreateProjectProfileInput!) { createProjectProfile(input: $input) { id } }';
    for (const [title, summary, body] of [
      ['Videokonferenz im Rathaus', 'Sitzungen hybrid', null],
      ['Beteiligungsportal', 'Digitale Bürgerbeteiligung für alle', null],
      ['Technik für den Rat', 'Neue Geräte', 'Ein Videokonferenzsystem für den Gemeinderat.'],
    ]) {
      await gql(create, { input: { title, summary, body, organizationIds: [org], status: 'RUNNING', visibility: 'HUB' } });
    }
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stems, folds umlauts and finds parts of compounds, ranking title above body', async () => {
    // The stem "videokonferenz" is also a part of "Videokonferenzsystem" (in a body: ranked below).
    expect((await search('Videokonferenzen')).hits.map((h) => h.profile.title)).toEqual(['Videokonferenz im Rathaus', 'Technik für den Rat']);
    expect((await search('Buergerbeteiligung')).hits.map((h) => h.snippet)).toEqual(['Digitale <mark>Bürgerbeteiligung</mark> für alle']);
    // A typo finds the closest known stem through pg_trgm (bundled with PGlite too).
    expect((await search('Bürgerbeteilung')).hits.map((h) => h.profile.title)).toEqual(['Beteiligungsportal']);
    const compound = await search('konferenz');
    expect(compound.total).toBe(2);
    expect(compound.hits.map((h) => h.profile.title)).toEqual(['Videokonferenz im Rathaus', 'Technik für den Rat']);
  });
});
