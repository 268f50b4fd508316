// What the OParl 1.1 spec text requires beyond the JSON schemas (found from outside, issue 19):
// §2.4 date-times without fraction, §3.1 created/modified on embedded objects and the System,
// §2.6 CORS for a browser's preflight, and the should-rules: error objects (§2.9), no link back
// from an embedded object to its parent (§3), no empty arrays where a property has no value (§2.4).
// Also: ledger rows the earlier rendering stored are served right after an update.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { group } from '../support/factories.js';
import { meeting } from '../support/meeting-fixtures.js';
import { crawl, oparlValidators, type Crawl } from '../support/oparl-crawler.js';
import { ADD_ITEM, OPARL_BASE as BASE, OPARL_ROOT as ROOT, publishedNetwork, SET_PRIVACY, SET_PUBLICATION, type PublishedNetwork } from '../support/oparl-fixtures.js';
import { OPARL_DATE_TIME } from '../support/oparl-spec-text.js';
import { TestHub } from '../support/test-hub.js';

type Json = Record<string, any>;
const DATE_TIME_KEYS = new Set(['created', 'modified', 'oparlSince', 'start', 'end']);
const ERROR_TYPE = 'https://schema.oparl.org/1.1/Error';

/** Every [key, value] of a date-time property anywhere in a JSON document. */
function dateTimes(value: unknown, key = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v) => dateTimes(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (DATE_TIME_KEYS.has(k) ? [[k, v] as [string, unknown]] : dateTimes(v, k)));
  return [];
}

describe('OParl 1.1: the spec text beyond the schemas', () => {
  let hub: TestHub;
  let f: PublishedNetwork;
  let full: Crawl;
  const ids: Record<string, string> = {};
  const validators = oparlValidators();
  const get = (url: string, headers: Record<string, string> = {}) => hub.http.get(url.startsWith(BASE) ? url.slice(BASE.length) : url).set(headers);
  const object = (path: string) => full.objects.get(`${ROOT}/${path}`)!;

  beforeAll(async () => {
    hub = await TestHub.start({ OPARL_REFRESH_MS: '0' });
    f = await publishedNetwork(hub);
    const { c } = f;
    // A person who consented but holds no group membership, a group without members with a
    // meeting without agenda items, and a meeting kept in UTC (its start has milliseconds).
    await hub.ok(c.bystander.token, SET_PRIVACY, { input: { publicProfile: true } });
    ids.emptyGroup = await group(hub, c.agency, c.networkId, 'EXPERT_GROUP');
    ids.bareMeeting = await meeting(hub, c.agency, ids.emptyGroup, 5);
    ids.utcMeeting = await meeting(hub, c.lead, c.groupId, 3, { timeZone: 'UTC' });
    ids.first = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: ids.utcMeeting, title: 'Erster Punkt' } })).addAgendaItem.id;
    ids.second = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: ids.utcMeeting, title: 'Zweiter Punkt' } })).addAgendaItem.id;
    full = await crawl(hub, BASE, validators);
  });
  afterAll(async () => {
    // Other files crawl this database too: leave nothing of this file public.
    await hub.ok(f.c.root.token, SET_PUBLICATION, { networkId: f.c.networkId, publication: 'PRIVATE' }).catch(() => undefined);
    await hub.stop();
  });

  it('the crawl finds no break of the spec text (§2.4 formats, §3.1 created/modified, §2.6 CORS, §2.4 empty values, §3 back links)', () => {
    expect(full.problems).toEqual([]);
    // The checks are real: the §2.4 formats refuse a fraction and `Z`.
    const meetingValid = (start: string) => (validators.get('https://schema.oparl.org/1.1/Meeting') as (d: unknown) => boolean)({ id: `${ROOT}/m`, type: 'https://schema.oparl.org/1.1/Meeting', start });
    expect(meetingValid('2026-03-12T10:00:00+01:00')).toBe(true);
    expect(meetingValid('2026-03-12T10:00:00.123+01:00')).toBe(false);
    expect(meetingValid('2026-03-12T09:00:00Z')).toBe(false);
  });

  it('§2.4: every date-time the API writes is yyyy-mm-ddThh:mm:ss±hh:mm (Berlin time; a meeting in its own zone, UTC as +00:00)', async () => {
    const all = [...full.documents.values()].flatMap((d) => dateTimes(d));
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter(([, v]) => typeof v !== 'string' || !OPARL_DATE_TIME.test(v))).toEqual([]);
    expect(all.filter(([k, v]) => ['created', 'modified', 'oparlSince'].includes(k) && !/\+0[12]:00$/.test(String(v)))).toEqual([]);
    expect(object(`meetings/${ids.utcMeeting}`).start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect(object(`bodies/${f.c.networkId}`).oparlSince).toMatch(OPARL_DATE_TIME);

    // The filters a list keeps in its links are written the same way, and mean the same.
    const list = `${ROOT}/bodies/${f.c.networkId}/meetings`;
    const until = new Date(Date.now() + 86_400_000 + 789);
    const page = (await get(`${list}?limit=2&created_since=2000-01-01T00:00:00.250Z&modified_until=${encodeURIComponent(until.toISOString())}`)).body;
    for (const link of Object.values(page.links as Record<string, string>)) {
      const params = new URL(link).searchParams;
      expect([params.get('created_since'), params.get('modified_until')].map((v) => OPARL_DATE_TIME.test(String(v)))).toEqual([true, true]);
    }
    const next = (await get(page.links.next)).body;
    expect(page.pagination.totalElements).toBeGreaterThan(2);
    expect(next.pagination).toEqual({ ...page.pagination, currentPage: 2 });
  });

  it('§3.1: embedded Membership, AgendaItem and File carry created and modified, the same as at their own URL; so does the System', async () => {
    const { c, ids: held } = f;
    const times = (o: Json) => ({ created: o.created, modified: o.modified });
    const lead = object(`bodies/${c.networkId}/people/${c.lead.id}`);
    const membership = (lead.membership as Json[])[0]!;
    expect(membership.created).toEqual(expect.any(String));
    expect(times(membership)).toEqual(times(object(String(membership.id).slice(ROOT.length + 1))));
    const heldMeeting = object(`meetings/${held.held}`);
    const item = (heldMeeting.agendaItem as Json[])[0]!;
    expect(times(item)).toEqual(times(object(`agenda-items/${held.publicItem}`)));
    expect(item.modified).toEqual(expect.any(String));
    expect(times(heldMeeting.resultsProtocol as Json)).toEqual(times(object(`files/${held.protocol}`)));
    expect((heldMeeting.resultsProtocol as Json).created).toEqual(expect.any(String));

    const system = await get(`${ROOT}/system`);
    expect(system.body).toMatchObject({ created: expect.stringMatching(OPARL_DATE_TIME), modified: expect.stringMatching(OPARL_DATE_TIME) });
    expect(Date.parse(system.body.created)).toBeLessThanOrEqual(Date.parse(system.body.modified));
    // Its Last-Modified is its own modified (never after Date: a change may carry the start of the next second).
    expect(Date.parse(system.body.modified) - Date.parse(system.headers['last-modified']!)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(system.body.modified) - Date.parse(system.headers['last-modified']!)).toBeLessThanOrEqual(1000);

    // A change of an embedded object: its modified moves at its own URL, inside its parent, and the parent's with it (§2.8).
    const before = (await get(`${ROOT}/meetings/${ids.utcMeeting}`)).body;
    await new Promise((r) => setTimeout(r, 1100)); // date-times have one-second resolution
    await hub.ok(c.lead.token, 'mutation($input: MoveAgendaItemInput!) { moveAgendaItem(input: $input) { id } }', { input: { agendaItemId: ids.second, position: 1 } });
    const after = (await get(`${ROOT}/meetings/${ids.utcMeeting}`)).body;
    const moved = (await get(`${ROOT}/agenda-items/${ids.second}`)).body;
    const embedded = (after.agendaItem as Json[]).find((i) => i.id === moved.id)!;
    expect(times(embedded)).toEqual(times(moved));
    expect(Date.parse(moved.modified)).toBeGreaterThan(Date.parse((before.agendaItem as Json[]).find((i) => i.id === moved.id)!.modified));
    expect(after.modified).toBe(moved.modified);
    // The System does not change with what its lists hold.
    expect((await get(`${ROOT}/system`)).body).toEqual(system.body);
  });

  it('§2.6: a browser preflight (OPTIONS) on any OParl URL answers 204 with open CORS; answers expose ETag and Last-Modified', async () => {
    const preflight = (path: string, headers = 'if-none-match, if-modified-since') =>
      hub.http.options(path).set({ origin: 'https://ratsinfo.example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': headers });
    for (const path of ['/oparl/v1/system', `/oparl/v1/bodies/${f.c.networkId}/meetings?limit=1`, `/oparl/v1/meetings/${f.ids.held}`, `/oparl/v1/files/${f.ids.protocol}/content`, '/oparl/v1/unbekannt']) {
      const res = await preflight(path);
      expect({ path, status: res.status }).toEqual({ path, status: 204 });
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
      expect(res.headers['access-control-allow-headers']!.toLowerCase().split(/\s*,\s*/)).toEqual(expect.arrayContaining(['if-none-match', 'if-modified-since']));
      expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
      expect(res.text).toBe('');
    }
    // What else the browser asks to send is allowed too (a read-only API without sign-in).
    const asked = await preflight('/oparl/v1/system', 'accept-language,x-requested-with');
    expect(asked.headers['access-control-allow-headers']!.toLowerCase().split(/\s*,\s*/)).toEqual(expect.arrayContaining(['accept-language', 'x-requested-with']));

    const url = `${ROOT}/meetings/${f.ids.held}`;
    const first = await get(url, { origin: 'https://ratsinfo.example.org' });
    const exposed = (res: { headers: Record<string, string> }) => (res.headers['access-control-expose-headers'] ?? '').toLowerCase().split(/\s*,\s*/);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(exposed(first)).toEqual(expect.arrayContaining(['etag', 'last-modified']));
    const again = await get(url, { origin: 'https://ratsinfo.example.org', 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.headers['access-control-allow-origin']).toBe('*');
    expect(exposed(again)).toEqual(expect.arrayContaining(['etag', 'last-modified']));
    const head = await hub.http.head('/oparl/v1/system');
    expect([head.status, head.headers['access-control-allow-origin']]).toEqual([200, '*']);

    // Nothing outside /oparl opens CORS.
    for (const res of [await hub.http.options('/graphql').set({ origin: 'https://evil.example', 'access-control-request-method': 'POST' }), await hub.http.get('/health').set({ origin: 'https://evil.example' })]) {
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('§2.9: an error answers an OParl error object (type, German message, debug) with its status and open CORS', async () => {
    const cases: [string, number, RegExp][] = [
      ['/oparl/v1/unbekannt', 404, /nicht gefunden/i],
      [`/oparl/v1/bodies/${f.secretNet.id}`, 404, /nicht gefunden/i],
      [`/oparl/v1/bodies/${f.c.networkId}/meetings?modified_since=gestern`, 400, /^modified_since: /],
      [`/oparl/v1/bodies/${f.c.networkId}/meetings?limit=viele`, 400, /^limit: /],
      ['/oparl/v1/meetings/%E0%A4%A', 400, /URL/],
    ];
    for (const [path, status, message] of cases) {
      const res = await hub.http.get(path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.body).toEqual({ type: ERROR_TYPE, message: expect.stringMatching(message), debug: expect.any(String) });
    }
    const post = await hub.http.post('/oparl/v1/system').send({});
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(post.body).toEqual({ type: ERROR_TYPE, message: expect.stringMatching(/nur lesen/i), debug: expect.any(String) });
  });

  it('§3: an embedded object does not link back to its parent; at its own URL it does', () => {
    const { c, ids: held } = f;
    const membership = (object(`bodies/${c.networkId}/people/${c.lead.id}`).membership as Json[])[0]!;
    expect(membership.person).toBeUndefined();
    expect(object(String(membership.id).slice(ROOT.length + 1)).person).toBe(`${ROOT}/bodies/${c.networkId}/people/${c.lead.id}`);
    const heldMeeting = object(`meetings/${held.held}`);
    expect((heldMeeting.agendaItem as Json[])[0]!.meeting).toBeUndefined();
    expect(object(`agenda-items/${held.publicItem}`).meeting).toBe(`${ROOT}/meetings/${held.held}`);
    expect((heldMeeting.resultsProtocol as Json).meeting).toBeUndefined();
    expect(object(`files/${held.protocol}`).meeting).toEqual([`${ROOT}/meetings/${held.held}`]);
  });

  it('§2.4: a list property without value is left out; a required one (Body.legislativeTerm) stays as []', () => {
    const { c } = f;
    const bystander = object(`bodies/${c.networkId}/people/${c.bystander.id}`);
    expect(bystander).toBeDefined();
    expect('membership' in bystander).toBe(false);
    expect('membership' in object(`organizations/${ids.emptyGroup}`)).toBe(false);
    expect('agendaItem' in object(`meetings/${ids.bareMeeting}`)).toBe(false);
    expect(object(`bodies/${c.networkId}`).legislativeTerm).toEqual([]);
  });

  it('omit_internal=true leaves out the internal lists (Person.membership, Meeting.agendaItem), not Organization.membership (URLs)', async () => {
    const { c, ids: held } = f;
    const list = async (name: string) => (await get(`${ROOT}/bodies/${c.networkId}/${name}?omit_internal=true`)).body.data as Json[];
    const lead = (await list('people')).find((p) => p.id === `${ROOT}/bodies/${c.networkId}/people/${c.lead.id}`)!;
    expect([lead.name, 'membership' in lead]).toEqual([object(`bodies/${c.networkId}/people/${c.lead.id}`).name, false]);
    expect('agendaItem' in (await list('meetings')).find((m) => m.id === `${ROOT}/meetings/${held.held}`)!).toBe(false);
    const group = (await list('organizations')).find((o) => o.id === `${ROOT}/organizations/${c.groupId}`)!;
    expect(group.membership).toEqual(object(`organizations/${c.groupId}`).membership);
    expect((group.membership as string[]).length).toBeGreaterThan(0);
  });

  it('brings the System back when an instance of the earlier version marked its row gone (a rolling update)', async () => {
    const db = hub.hub.app.get(DataSource);
    const before = (await get(`${ROOT}/system`)).body;
    await db.query(`UPDATE oparl_object SET deleted = true, data = NULL, hash = 'deleted', modified = now() WHERE path = 'system'`);
    const after = (await get(`${ROOT}/system`)).body;
    expect(after).toMatchObject({ oparlVersion: 'https://schema.oparl.org/1.1/', created: before.created });
    expect(after.deleted).toBeUndefined();
  });

  it('serves ledger rows the earlier rendering stored (fractions, no embedded times, back links, empty arrays) right once a new instance renders', async () => {
    const db = hub.hub.app.get(DataSource);
    const rows = await db.query<{ path: string; data: Json }[]>('SELECT path, data FROM oparl_object WHERE network_id = $1 AND NOT deleted', [f.c.networkId]);
    const withFraction = (s: string) => s.replace(/([+-]\d{2}:\d{2}|Z)$/, '.123$1');
    const old = (path: string, d: Json): Json => {
      const o: Json = { ...d };
      if (o.oparlSince) o.oparlSince = withFraction(o.oparlSince);
      for (const k of ['start', 'end']) if (o[k]) o[k] = withFraction(o[k]);
      const strip = ({ created: _c, modified: _m, ...rest }: Json) => rest;
      if (o.type.endsWith('/Person')) o.membership = (o.membership ?? []).map((m: Json) => ({ ...strip(m), person: o.id }));
      if (o.type.endsWith('/Meeting')) o.agendaItem = (o.agendaItem ?? []).map((i: Json) => ({ ...strip(i), meeting: o.id }));
      if (o.resultsProtocol) o.resultsProtocol = { ...strip(o.resultsProtocol), meeting: [o.id] };
      if (o.type.endsWith('/Organization') && path.startsWith('organizations/')) o.membership ??= [];
      return o;
    };
    for (const r of rows) {
      const data = old(r.path, r.data);
      await db.query('UPDATE oparl_object SET data = $2, hash = $3 WHERE path = $1', [r.path, data, createHash('sha256').update(JSON.stringify(data)).digest('hex')]);
    }
    await db.query(`DELETE FROM oparl_object WHERE path = 'system'`); // the earlier rendering kept no System row
    const second = await TestHub.start({ OPARL_REFRESH_MS: '0' });
    try {
      const again = await crawl(second, BASE, validators);
      expect(again.problems).toEqual([]);
      const bodyUrl = `${ROOT}/bodies/${f.c.networkId}`;
      expect(again.objects.get(bodyUrl)!.oparlSince).toBe(object(`bodies/${f.c.networkId}`).oparlSince);
      expect('agendaItem' in again.objects.get(`${ROOT}/meetings/${ids.bareMeeting}`)!).toBe(false);
    } finally {
      await second.stop();
    }
  });

  it('§2.8 deletion markers carry §2.4 date-times too', async () => {
    await hub.ok(f.c.root.token, SET_PUBLICATION, { networkId: f.c.networkId, publication: 'PRIVATE' });
    const marker = (await get(`${ROOT}/bodies/${f.c.networkId}`)).body;
    expect(marker).toEqual({ id: `${ROOT}/bodies/${f.c.networkId}`, type: 'https://schema.oparl.org/1.1/Body', created: expect.stringMatching(OPARL_DATE_TIME), modified: expect.stringMatching(OPARL_DATE_TIME), deleted: true });
  });
});
