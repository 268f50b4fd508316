import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { knowledgeCast, nonce, profile, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const SEARCH = `query($query: String, $keys: [String!], $state: String, $status: ProjectStatus, $limit: Int, $offset: Int) {
  searchProjectProfiles(query: $query, fieldOfActionKeys: $keys, federalState: $state, status: $status, limit: $limit, offset: $offset) {
    total hits { rank snippet profile { id title } } } }`;

interface Search { total: number; hits: { rank: number; snippet: string | null; profile: { id: string; title: string } }[] }

describe('searchProjectProfiles', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
  });
  afterAll(() => hub.stop());

  const search = async (token: string | null, vars: Record<string, unknown>): Promise<Search> => (await hub.ok(token, SEARCH, vars)).searchProjectProfiles;
  const ids = (s: Search) => s.hits.map((h) => h.profile.id);
  const make = (input: Record<string, unknown>) => profile(hub, c.member, { organizationIds: [c.cityA], ...input });

  it('stems German words: "Videokonferenzen" finds "Videokonferenz"', async () => {
    const n = nonce();
    const p = await make({ title: `Videokonferenz im Rathaus ${n}` });
    const found = await search(c.member.token, { query: `Videokonferenzen ${n}` });
    expect(ids(found)).toEqual([p.id]);
    expect(found.total).toBe(1);
  });

  it('folds umlauts both ways: "Buergerbeteiligung" ~ "Bürgerbeteiligung"', async () => {
    const n = nonce();
    const umlaut = await make({ title: `Beteiligung ${n}`, summary: 'Digitale Bürgerbeteiligung in der Altstadt' });
    const spelled = await make({ title: `Beteiligung ${n}`, summary: 'Buergerbeteiligung per App' });
    expect(ids(await search(c.member.token, { query: `Buergerbeteiligung ${n}` })).sort()).toEqual([umlaut.id, spelled.id].sort());
    expect(ids(await search(c.member.token, { query: `Bürgerbeteiligung ${n}` })).sort()).toEqual([umlaut.id, spelled.id].sort());
    expect(ids(await search(c.member.token, { query: `BÜRGERBETEILIGUNG ${n}` }))).toHaveLength(2);
  });

  it('tolerates typos: "Bürgerbeteilung" finds "Bürgerbeteiligung" (pg_trgm), ranked below exact matches', async () => {
    const n = nonce();
    const typo = await make({ title: `Beteiligungsportal ${n}`, summary: 'Digitale Bürgerbeteiligung für alle' });
    const found = await search(c.member.token, { query: `Bürgerbeteilung ${n}` });
    expect(ids(found)).toEqual([typo.id]);
    expect(found.hits[0].snippet).toBe('Digitale <mark>Bürgerbeteiligung</mark> für alle');
    // A letter missing inside the word (no part of any known stem): found by similarity, below the exact word.
    const typo2 = await search(c.member.token, { query: `Bürgerbeteligung ${n}` });
    expect(ids(typo2)).toEqual([typo.id]);
    const exact = await search(c.member.token, { query: `Bürgerbeteiligung ${n}` });
    expect(typo2.hits[0].rank).toBeLessThan(exact.hits[0].rank);
    // Not a typo but another word: a much longer compound is not taken for the shorter one.
    expect(ids(await search(c.member.token, { query: `Beteiligungsportalbetrieb ${n}` }))).toEqual([]);
  });

  it('finds parts of compounds: "konferenz" finds "Videokonferenzsystem", "konferenzen" too', async () => {
    const n = nonce();
    const p = await make({ title: `Neue Technik ${n}`, body: 'Wir haben ein Videokonferenzsystem für den Gemeinderat beschafft.' });
    const found = await search(c.member.token, { query: `konferenz ${n}` });
    expect(ids(found)).toEqual([p.id]);
    expect(found.hits[0].snippet).toBe('Wir haben ein <mark>Videokonferenzsystem</mark> für den Gemeinderat beschafft.');
    expect(ids(await search(c.member.token, { query: `Konferenzen ${n}` }))).toEqual([p.id]);
    expect(ids(await search(c.member.token, { query: `Gemeinderatssitzung ${n}` }))).toEqual([]);
  });

  it('combines the words of a query with AND and ignores stop words', async () => {
    const n = nonce();
    const both = await make({ title: `Glasfaser für Schulen ${n}` });
    await make({ title: `Glasfaser im Gewerbegebiet ${n}` });
    expect(ids(await search(c.member.token, { query: `Glasfaser und die Schulen ${n}` }))).toEqual([both.id]);
    expect((await search(c.member.token, { query: `Glasfaser ${n}` })).total).toBe(2);
  });

  it('ranks title above summary above body', async () => {
    const n = nonce();
    const inBody = await make({ title: `Projekt eins ${n}`, summary: 'Etwas anderes', body: 'Es geht um Carsharing im Dorf.' });
    const inSummary = await make({ title: `Projekt zwei ${n}`, summary: 'Carsharing mit Elektroautos' });
    const inTitle = await make({ title: `Carsharing auf dem Land ${n}`, summary: 'Etwas anderes' });
    const found = await search(c.member.token, { query: `carsharing ${n}` });
    expect(ids(found)).toEqual([inTitle.id, inSummary.id, inBody.id]);
    expect(found.hits[0].rank).toBeGreaterThan(found.hits[1].rank);
    expect(found.hits[1].rank).toBeGreaterThan(found.hits[2].rank);
  });

  it('combines filters with AND: fields of action, federal state (of any of its organizations) and status', async () => {
    const n = nonce();
    const tourismBw = await make({ title: `Gästekarte ${n}`, fieldOfActionKeys: ['tourismus'], status: 'RUNNING' });
    const tourismRp = await profile(hub, c.member2, { title: `Gästekarte ${n}`, organizationIds: [c.cityA2], fieldOfActionKeys: ['tourismus'], status: 'RUNNING' });
    const schoolBw = await make({ title: `Schul-WLAN ${n}`, fieldOfActionKeys: ['bildung-und-jugend'], status: 'COMPLETED' });
    const q = (vars: Record<string, unknown>) => search(c.member.token, { query: n, ...vars }).then((s) => ids(s).sort());
    expect(await q({})).toEqual([tourismBw.id, tourismRp.id, schoolBw.id].sort());
    expect(await q({ keys: ['tourismus'] })).toEqual([tourismBw.id, tourismRp.id].sort());
    expect(await q({ keys: ['tourismus', 'bildung-und-jugend'] })).toEqual([tourismBw.id, tourismRp.id, schoolBw.id].sort());
    expect(await q({ state: 'DE-BW' })).toEqual([tourismBw.id, schoolBw.id].sort());
    expect(await q({ keys: ['tourismus'], state: 'DE-BW' })).toEqual([tourismBw.id]);
    expect(await q({ state: 'DE-BW', status: 'COMPLETED' })).toEqual([schoolBw.id]);
    expect(await q({ keys: ['tourismus'], status: 'COMPLETED' })).toEqual([]);
    expect(await search(c.member.token, { query: `Gästekarte ${n}`, state: 'DE-RP' }).then(ids)).toEqual([tourismRp.id]);
  });

  it('ranks and counts only what the caller may see: a NETWORK profile never appears in another network, not even in total', async () => {
    const n = nonce();
    const networkOnly = await make({ title: `Sensorik ${n}`, visibility: 'NETWORK', networkId: c.networkId });
    const hubWide = await make({ title: `Sensorik ${n}`, visibility: 'HUB' });
    const pub = await profile(hub, c.agency, { title: `Sensorik ${n}`, organizationIds: [c.agencyOrg], visibility: 'PUBLIC' });
    const other = await profile(hub, c.otherMember, { title: `Sensorik ${n}`, organizationIds: [c.cityB], visibility: 'NETWORK', networkId: c.otherNetworkId });
    const seen = async (token: string | null) => {
      const s = await search(token, { query: `Sensorik ${n}` });
      expect(s.total).toBe(s.hits.length);
      return ids(s).sort();
    };
    expect(await seen(c.member.token)).toEqual([networkOnly.id, hubWide.id, pub.id].sort());
    expect(await seen(c.otherMember.token)).toEqual([hubWide.id, pub.id, other.id].sort());
    expect(await seen(c.outsider.token)).toEqual([hubWide.id, pub.id].sort());
    expect(await seen(null)).toEqual([pub.id]);
    expect(await seen(c.operator.token)).toEqual([networkOnly.id, hubWide.id, pub.id, other.id].sort());
    // Without a query the filters and visibility alone decide.
    const all = await search(c.otherMember.token, { query: null, limit: 100 });
    expect(all.hits.map((h) => h.profile.id)).not.toContain(networkOnly.id);
    expect(all.hits.every((h) => h.snippet === null && h.rank === 0)).toBe(true);
  });

  it('pages with limit and offset; total stays the number of all matches', async () => {
    const n = nonce();
    for (let i = 0; i < 5; i++) await make({ title: `Mängelmelder ${i} ${n}` });
    const first = await search(c.member.token, { query: n, limit: 2 });
    const rest = await search(c.member.token, { query: n, limit: 2, offset: 2 });
    const beyond = await search(c.member.token, { query: n, limit: 2, offset: 10 });
    expect([first.total, rest.total, beyond.total]).toEqual([5, 5, 5]);
    expect(first.hits).toHaveLength(2);
    expect(beyond.hits).toHaveLength(0);
    expect(new Set([...ids(first), ...ids(rest)]).size).toBe(4);
  });

  it('snippets mark the matches and escape everything else', async () => {
    const n = nonce();
    await make({ title: `Escaping ${n}`, summary: 'Die <b>Bürger</b>-App & "Beteiligung" <script>alert(1)</script>' });
    const [hit] = (await search(c.member.token, { query: `buerger ${n}` })).hits;
    expect(hit.snippet).toBe('Die &lt;b&gt;<mark>Bürger</mark>&lt;/b&gt;-App &amp; &quot;Beteiligung&quot; &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    ['an unknown field key', { keys: ['tourismus', 'mondbasis'] }, 'fieldOfActionKeys'],
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit 101', { limit: 101 }, 'limit'],
    ['a negative offset', { offset: -1 }, 'offset'],
    ['a malformed federal state', { state: 'Baden' }, 'federalState'],
    ['a query over 200 characters', { query: 'a'.repeat(201) }, 'query'],
    ['a NUL in the query', { query: 'Glas\u0000faser' }, 'query'],
    ['a NUL in a field key', { keys: ['tour\u0000ismus'] }, 'fieldOfActionKeys'],
  ])('answers %s with BAD_USER_INPUT', async (_, vars, field) => {
    const r = await hub.gql(c.member.token, SEARCH, vars);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain(field);
  });
});
