// The public face of PUBLIC networks as OParl 1.1: a crawl from /oparl/v1/system that follows
// every URL and validates each answer against the official schemas (ajv), only public things in
// it, pagination and filters, deletion markers, and caching headers with 304.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, network } from '../support/factories.js';
import type { Cast } from '../support/meeting-fixtures.js';
import { crawl, oparlValidators, type Crawl } from '../support/oparl-crawler.js';
import { ADD_ITEM, OPARL_BASE as BASE, OPARL_ROOT as ROOT, ONLINE, PLACE, publishedNetwork, SET_PRIVACY as PRIVACY, SET_PUBLICATION as SET } from '../support/oparl-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';
import { TypeOrmNestLogger } from '../../src/database/typeorm-logger.js';

/** The display name the test issuer gives a username (its `name` claim). */
const nameOf = (p: { username: string }) => p.username.replace(/^./, (ch) => ch.toUpperCase());

describe('OParl 1.1', () => {
  let hub: TestHub;
  let c: Cast;
  let secretNet: { id: string; slug: string };
  let secretMeeting: string;
  let ids: Record<string, string> = {};
  const get = (url: string, headers: Record<string, string> = {}) => hub.http.get(url.startsWith(BASE) ? url.slice(BASE.length) : url).set(headers);
  const validators = oparlValidators();
  let full: Crawl;

  beforeAll(async () => {
    hub = await TestHub.start({ OPARL_REFRESH_MS: '0' });
    ({ c, ids, secretNet, secretMeeting } = await publishedNetwork(hub));
    full = await crawl(hub, BASE, validators);
  });
  afterAll(() => hub.stop());

  it('setNetworkPublication: network ADMINs and hub admins; others FORBIDDEN, outsiders of an invite-only network NOT_FOUND; audited', async () => {
    expect(codeOf(await hub.gql(c.agency.token, SET, { networkId: c.networkId, publication: 'PRIVATE' }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.bystander.token, SET, { networkId: c.networkId, publication: 'PRIVATE' }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(null, SET, { networkId: c.networkId, publication: 'PRIVATE' }))).toBe('UNAUTHENTICATED');
    const hidden = await network(hub, c.root, 'INVITE_ONLY');
    expect(codeOf(await hub.gql(c.stranger.token, SET, { networkId: hidden.id, publication: 'PUBLIC' }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(c.root.token, SET, { networkId: hidden.id, publication: 'OPEN' }))).toBe('BAD_USER_INPUT');
    const { network: n } = await hub.ok(c.member.token, 'query($slug: String!) { network(slug: $slug) { publication oparlBodyUrl } }', { slug: secretNet.slug });
    expect(n).toEqual({ publication: 'PRIVATE', oparlBodyUrl: null });
    const [entry] = await hub.hub.app.get((await import('typeorm')).DataSource).query(
      `SELECT actor_id FROM audit_entry WHERE action = 'network.publication.set' AND subject_id = $1`,
      [c.networkId],
    );
    expect(entry.actor_id).toBe(c.root.id);
  });

  it('a crawl from /oparl/v1/system reaches every object and list, and every answer validates against the OParl 1.1 schemas', () => {
    expect(full.problems).toEqual([]);
    // The validators are real: they refuse a Body without its required lists, and a Meeting with a wrong start.
    const validate = (type: string, o: unknown) => (validators.get(`https://schema.oparl.org/1.1/${type}`) as (d: unknown) => boolean)(o);
    expect(validate('Body', { id: `${ROOT}/x`, type: 'https://schema.oparl.org/1.1/Body', name: 'x' })).toBe(false);
    expect(validate('Meeting', { id: `${ROOT}/m`, type: 'https://schema.oparl.org/1.1/Meeting', start: 'morgen' })).toBe(false);
    expect(validate('Meeting', { id: `${ROOT}/m`, type: 'https://schema.oparl.org/1.1/Meeting', start: '2026-03-12T10:00:00+01:00' })).toBe(true);
    const types = new Set([...full.objects.values()].map((o) => String(o.type).split('/').pop()));
    expect([...types].sort()).toEqual(['AgendaItem', 'Body', 'File', 'Meeting', 'Membership', 'Organization', 'Person', 'System']);
    const has = (path: string) => full.objects.has(`${ROOT}/${path}`);
    expect(has(`bodies/${c.networkId}`)).toBe(true);
    expect(has(`organizations/${c.groupId}`)).toBe(true);
    expect(has(`bodies/${c.networkId}/member-organizations/${c.city}`)).toBe(true);
    for (const p of [c.lead, c.member]) expect(has(`bodies/${c.networkId}/people/${p.id}`)).toBe(true);
    for (const m of [ids.held, ids.unpublishedMeeting, ids.upcoming, ids.cancelled]) expect(has(`meetings/${m}`)).toBe(true);
    expect(has(`agenda-items/${ids.publicItem}`)).toBe(true);
    expect(has(`files/${ids.protocol}`)).toBe(true);
    expect(full.documents.size).toBeGreaterThan(15);
  });

  it('maps the hub as README says: Body, Gremium with classification and parent, memberships on behalf of the city, results from decisions', () => {
    const body = full.objects.get(`${ROOT}/bodies/${c.networkId}`)!;
    expect(body).toMatchObject({ shortName: expect.stringMatching(/^net-/), legislativeTerm: [] });
    expect(body.mainOrganization).toBeUndefined();
    expect(full.objects.get(`${ROOT}/organizations/${c.groupId}`)).toMatchObject({ organizationType: 'Gremium', classification: 'Projektgruppe', body: `${ROOT}/bodies/${c.networkId}` });
    const lead = full.objects.get(`${ROOT}/bodies/${c.networkId}/people/${c.lead.id}`)!;
    expect(lead.membership).toEqual([
      expect.objectContaining({ role: 'Leitung', organization: `${ROOT}/organizations/${c.groupId}`, onBehalfOf: `${ROOT}/bodies/${c.networkId}/member-organizations/${c.city}`, startDate: expect.any(String) }),
    ]);
    const held = full.objects.get(`${ROOT}/meetings/${ids.held}`)!;
    expect((held.agendaItem as { id: string }[]).map((i) => i.id)).toEqual([`${ROOT}/agenda-items/${ids.publicItem}`]);
    expect(full.objects.get(`${ROOT}/agenda-items/${ids.publicItem}`)).toMatchObject({
      number: '1', order: 1, name: 'Gateways in Bruchsal', result: 'Beschlossen (5 Ja, 0 Nein, 1 Enthaltung)', resolutionText: 'Viertes Gateway wird beschafft',
    });
    expect(held.resultsProtocol).toMatchObject({ id: `${ROOT}/files/${ids.protocol}`, mimeType: 'text/markdown' });
    expect(full.objects.get(`${ROOT}/meetings/${ids.cancelled}`)).toMatchObject({ cancelled: true });
  });

  it('serves a public rendering of the protocol: public items only, no place or online link, names only with publicProfile', () => {
    const file = full.objects.get(`${ROOT}/files/${ids.protocol}`)!;
    const text = full.files.get(String(file.accessUrl))!.toString('utf8');
    expect(text).toContain('Gateways in Bruchsal');
    expect(text).toContain('Viertes Gateway wird beschafft');
    expect(text).toContain('Angebot Gateway einholen');
    expect(text).toContain(nameOf(c.lead)); // consented: named
    for (const secret of [nameOf(c.guest), PLACE, ONLINE, 'meet.example.org', 'Nichtöffentlicher Tagesordnungspunkt', 'Anwesenheit']) {
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('stops naming an assignee in the file once they withdraw publicProfile (the file changes, with a new checksum)', async () => {
    const fileUrl = `${ROOT}/files/${ids.protocol}`;
    const before = (await get(fileUrl)).body;
    await hub.ok(c.lead.token, PRIVACY, { input: { publicProfile: false } });
    try {
      const after = (await get(fileUrl)).body;
      const text = (await get(String(after.accessUrl))).text;
      expect(text).toContain('Standorte kartieren');
      expect(text).not.toContain(nameOf(c.lead));
      expect(after.sha512Checksum).not.toBe(before.sha512Checksum);
      expect(new Date(after.modified).getTime()).toBeGreaterThan(new Date(before.modified).getTime());
    } finally {
      await hub.ok(c.lead.token, PRIVACY, { input: { publicProfile: true } });
    }
    expect((await get(String((await get(fileUrl)).body.accessUrl))).text).toContain(nameOf(c.lead));
  });

  it('never shows a PRIVATE network, a non-public or unaccepted item, an unpublished protocol, or a person without consent', () => {
    for (const secret of [secretNet.id, secretNet.slug, 'Verborgenes Netzwerk', secretMeeting, ids.secretItem, 'Geheimsache', ids.proposal, 'Vorschlag Unbestaetigt',
      ids.unpublishedProtocol, 'Entwurfsbeschluss Unveroeffentlicht', c.guest.id, c.guest.username, nameOf(c.guest), c.bystander.id, c.bystander.username, nameOf(c.bystander),
      c.stranger.id, '@example.org', PLACE, ONLINE, 'meet.example.org']) {
      expect({ secret, found: full.text.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('answers without sign-in whatever Authorization header comes along, with open CORS', async () => {
    const res = await get(`${ROOT}/system`, { authorization: 'Bearer not-a-token' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body).toMatchObject({ oparlVersion: 'https://schema.oparl.org/1.1/', body: `${ROOT}/bodies` });
    expect((await get(`${ROOT}/meetings/${secretMeeting}`)).status).toBe(404);
    expect((await get(`${ROOT}/bodies/${secretNet.id}`)).status).toBe(404);
    expect((await get(`${ROOT}/bodies/${secretNet.id}/meetings`)).status).toBe(404);
    expect((await get(`${ROOT}/nonsense`)).status).toBe(404);
  });

  it('paginates with data/pagination/links, keeps the filters in every link, and filters by created and modified', async () => {
    const all = (await get(`${ROOT}/bodies/${c.networkId}/meetings`)).body;
    expect(all.pagination.totalElements).toBe(4);
    const collected: string[] = [];
    let url: string | undefined = `${ROOT}/bodies/${c.networkId}/meetings?limit=1&created_since=2000-01-01T00%3A00%3A00%2B01%3A00`;
    let pages = 0;
    while (url) {
      const page: { pagination: unknown; links: { self: string; next?: string }; data: { id: string }[] } = (await get(url)).body;
      expect(page.pagination).toMatchObject({ totalElements: 4, elementsPerPage: 1, currentPage: pages + 1, totalPages: 4 });
      expect(page.links.self).toContain('created_since=');
      collected.push(...page.data.map((m: { id: string }) => m.id));
      url = page.links.next;
      if (url) expect(url).toContain('created_since=');
      pages++;
    }
    expect(pages).toBe(4);
    expect(collected).toEqual(all.data.map((m: { id: string }) => m.id));
    const future = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString());
    expect((await get(`${ROOT}/bodies/${c.networkId}/meetings?modified_since=${future}`)).body.data).toEqual([]);
    expect((await get(`${ROOT}/bodies/${c.networkId}/meetings?created_until=2000-01-01T00:00:00Z`)).body.data).toEqual([]);
    expect((await get(`${ROOT}/bodies/${c.networkId}/meetings?modified_until=${future}`)).body.data).toHaveLength(4);
    const bad = await get(`${ROOT}/bodies/${c.networkId}/meetings?modified_since=gestern`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^modified_since: /);
    expect((await get(`${ROOT}/bodies/${c.networkId}/meetings?limit=viele`)).status).toBe(400);
    expect((await get(`${ROOT}/bodies/${c.networkId}/papers`)).body).toEqual({
      data: [], pagination: { totalElements: 0, elementsPerPage: 100, currentPage: 1, totalPages: 1 }, links: { first: `${ROOT}/bodies/${c.networkId}/papers`, self: `${ROOT}/bodies/${c.networkId}/papers` },
    });
  });

  it('answers ETag and Last-Modified, 304 on revalidation, and a new ETag once the object changed', async () => {
    const url = `${ROOT}/meetings/${ids.upcoming}`;
    const first = await get(url);
    expect(first.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(first.headers['last-modified']).toBeDefined();
    expect((await get(url, { 'if-none-match': first.headers.etag })).status).toBe(304);
    expect((await get(url, { 'if-modified-since': first.headers['last-modified'] })).status).toBe(304);
    expect((await get(url, { 'if-none-match': '"something-else"' })).status).toBe(200);
    const list = await get(`${ROOT}/bodies/${c.networkId}/meetings`);
    expect((await get(`${ROOT}/bodies/${c.networkId}/meetings`, { 'if-none-match': list.headers.etag })).status).toBe(304);

    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified has one-second resolution
    await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: ids.upcoming, title: 'Neuer Punkt' } });
    const changed = await get(url, { 'if-none-match': first.headers.etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    expect(changed.body.agendaItem.map((i: { name: string }) => i.name)).toContain('Neuer Punkt'); // after the carried-over open action items
    expect(new Date(changed.body.modified).getTime()).toBeGreaterThan(new Date(first.body.modified).getTime());
    expect((await get(url, { 'if-modified-since': first.headers['last-modified'] })).status).toBe(200);
    const file = full.objects.get(`${ROOT}/files/${ids.protocol}`)!;
    const bytes = await get(String(file.accessUrl));
    expect(bytes.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(bytes.headers['content-disposition']).toBeUndefined();
    expect((await get(String(file.accessUrl), { 'if-none-match': bytes.headers.etag })).status).toBe(304);
    expect((await get(String(file.downloadUrl))).headers['content-disposition']).toMatch(/^attachment; filename="protokoll-\d{4}-\d{2}-\d{2}\.md"$/);
  });

  it('renders the public view again only after a change, not on every request (OPARL_REFRESH_MS is 0 here)', async () => {
    const url = `${ROOT}/meetings/${ids.upcoming}`;
    await get(url); // whatever changed before is rendered now
    const renders = async (request: () => Promise<unknown>) => {
      const seen: string[] = [];
      const observe = (sql: string) => void seen.push(sql);
      TypeOrmNestLogger.queryObservers.add(observe);
      try {
        await request();
      } finally {
        TypeOrmNestLogger.queryObservers.delete(observe);
      }
      // The render starts by reading the PUBLIC networks.
      return seen.filter((sql) => /JOIN network_publication np/.test(sql)).length;
    };
    expect(await renders(async () => {
      for (let i = 0; i < 3; i++) expect((await get(url)).status).toBe(200);
      await get(`${ROOT}/bodies/${c.networkId}/meetings`);
    })).toBe(0);
    // A change anywhere in what the view shows: the next request brings it in.
    await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: ids.upcoming, title: 'Nachtrag nach Ruhe' } });
    let names: string[] = [];
    expect(await renders(async () => {
      names = (await get(url)).body.agendaItem.map((i: { name: string }) => i.name);
    })).toBe(1);
    expect(names).toContain('Nachtrag nach Ruhe');
    expect(await renders(() => get(url))).toBe(0);
  });

  it('keeps what stops being public reachable as a deletion marker, listed only for modified_since (§2.8)', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const person = `${ROOT}/bodies/${c.networkId}/people/${c.member.id}`;
    const listBefore = await get(`${ROOT}/bodies/${c.networkId}/people`);
    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified has one-second resolution
    await hub.ok(c.member.token, PRIVACY, { input: { publicProfile: false } });
    // A list someone left has changed: a new Last-Modified, no 304 for the old one or the old ETag.
    const listAfter = await get(`${ROOT}/bodies/${c.networkId}/people`);
    expect(new Date(listAfter.headers['last-modified']).getTime()).toBeGreaterThan(new Date(listBefore.headers['last-modified']).getTime());
    expect((await get(`${ROOT}/bodies/${c.networkId}/people`, { 'if-modified-since': listBefore.headers['last-modified'] })).status).toBe(200);
    expect((await get(`${ROOT}/bodies/${c.networkId}/people`, { 'if-none-match': listBefore.headers.etag })).status).toBe(200);
    const marker = (await get(person)).body;
    expect(marker).toEqual({ id: person, type: 'https://schema.oparl.org/1.1/Person', created: expect.any(String), modified: expect.any(String), deleted: true });
    const people = `${ROOT}/bodies/${c.networkId}/people`;
    expect((await get(people)).body.data.map((p: { id: string }) => p.id)).not.toContain(person);
    const sync = (await get(`${people}?modified_since=${encodeURIComponent(since)}`)).body.data;
    expect(sync).toContainEqual(marker);
    // Their memberships go with them; the group's list of memberships changes.
    const group = (await get(`${ROOT}/organizations/${c.groupId}`)).body;
    expect(group.membership.some((m: string) => (full.objects.get(person)!.membership as { id: string }[]).some((x) => x.id === m))).toBe(false);

    // The whole network set PRIVATE: its Body and everything in it are deletion markers, its file is gone (410).
    await hub.ok(c.root.token, SET, { networkId: c.networkId, publication: 'PRIVATE' });
    const body = (await get(`${ROOT}/bodies/${c.networkId}`)).body;
    expect(body).toMatchObject({ id: `${ROOT}/bodies/${c.networkId}`, type: 'https://schema.oparl.org/1.1/Body', deleted: true });
    expect(Object.keys(body).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'type']);
    // (Other public networks may exist in this database: other test files run here too.)
    expect((await get(`${ROOT}/bodies`)).body.data.map((b: { id: string }) => b.id)).not.toContain(body.id);
    expect((await get(`${ROOT}/bodies?modified_since=${encodeURIComponent(since)}`)).body.data).toContainEqual(body);
    expect((await get(`${ROOT}/meetings/${ids.held}`)).body.deleted).toBe(true);
    expect((await get(`${ROOT}/files/${ids.protocol}/content`)).status).toBe(410);
    const again = await crawl(hub, BASE, validators);
    expect(again.problems).toEqual([]);
    expect([...again.objects.keys()].filter((id) => id.includes(c.networkId) || id.includes(c.groupId) || id.includes(ids.held))).toEqual([]);
    expect(again.text).not.toContain(c.lead.id);
  });

  it('answers 404 for someone who was never public (no marker reveals that they exist)', async () => {
    const other = await actor(hub, 'ohne');
    expect((await get(`${ROOT}/bodies/${c.networkId}/people/${other.id}`)).status).toBe(404);
  });
});
