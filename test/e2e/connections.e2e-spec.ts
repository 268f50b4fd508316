import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, addGroupMember, group, network, organization, setRole, addMember, type Actor } from '../support/factories.js';
import { knowledgeCast, nonce, profile } from '../support/knowledge-fixtures.js';
import { meeting } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const PAGE = 'edges { cursor node { ID } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';
const page = (id: string) => PAGE.replace('ID', id);

interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Walks a connection page by page; returns every node and the number of pages. */
async function walk<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<{ nodes: T[]; pages: number; total: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  let pages = 0;
  let total = 0;
  for (;;) {
    const p = await fetchPage(after);
    pages++;
    total = p.totalCount;
    nodes.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) return { nodes, pages, total };
    after = p.pageInfo.endCursor;
  }
}

/** Issue 13: cursor connections beside the contract's plain lists (API extensions). */
describe('cursor connections', () => {
  let hub: TestHub;
  let root: Actor;
  beforeAll(async () => {
    hub = await TestHub.start();
    root = await actor(hub, 'root', { admin: true });
  });
  afterAll(() => hub.stop());

  it('pages a network\'s people in the order of the plain list, and shows outsiders nothing', async () => {
    const net = await network(hub, root, 'APPROVAL');
    const city = await organization(hub, root);
    await addMember(hub, root, net.id, city);
    for (let i = 0; i < 4; i++) await setRole(hub, root, net.id, (await actor(hub, `p${i}`)).id, 'MEMBER', city);
    const outsider = await actor(hub, 'outsider');
    const Q = `query($slug: String!, $first: Int, $after: String) { network(slug: $slug) {
      people { person { id } } peopleConnection(first: $first, after: $after) { ${page('person { id }')} } } }`;
    const plain = (await hub.ok(root.token, Q, { slug: net.slug, first: 2 })).network.people.map((p: { person: { id: string } }) => p.person.id);
    expect(plain).toHaveLength(5); // the creator (ADMIN) and four members
    const walked = await walk(async (after) => (await hub.ok(root.token, Q, { slug: net.slug, first: 2, after })).network.peopleConnection);
    expect(walked.nodes.map((n: any) => n.person.id)).toEqual(plain);
    expect(walked).toMatchObject({ pages: 3, total: 5 });
    const first = (await hub.ok(root.token, Q, { slug: net.slug, first: 2 })).network.peopleConnection;
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    // Default page size: all five fit.
    const all = (await hub.ok(root.token, Q, { slug: net.slug })).network.peopleConnection;
    expect(all.edges).toHaveLength(5);
    // An outsider sees the public face of an APPROVAL network: no people, on either list.
    const theirs = (await hub.ok(outsider.token, Q, { slug: net.slug })).network;
    expect(theirs.people).toEqual([]);
    expect(theirs.peopleConnection).toMatchObject({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a foreign cursor and a page size out of range in German', async () => {
    const net = await network(hub, root, 'APPROVAL');
    const Q = `query($slug: String!, $first: Int, $after: String) { network(slug: $slug) { peopleConnection(first: $first, after: $after) { totalCount } } }`;
    const badCursor = await hub.gql(root.token, Q, { slug: net.slug, after: 'bm9wZQ' });
    expect(codeOf(badCursor)).toBe('BAD_USER_INPUT');
    expect(badCursor.errors![0].message).toMatch(/^after: ist kein gültiger Cursor/);
    for (const first of [0, 101]) {
      const r = await hub.gql(root.token, Q, { slug: net.slug, first });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toBe('first: muss zwischen 1 und 100 liegen');
    }
  });

  it('pages a group\'s meetings by start, like the plain list, and hides a group from outsiders', async () => {
    const net = await network(hub, root, 'APPROVAL');
    const g = await group(hub, root, net.id, 'PROJECT_GROUP');
    const member = await actor(hub, 'member');
    await setRole(hub, root, net.id, member.id, 'MEMBER');
    await addGroupMember(hub, root, g, member.id, 'MEMBER');
    for (const days of [9, 3, 6]) await meeting(hub, root, g, days);
    const stranger = await actor(hub, 'stranger');
    const Q = `query($id: ID!, $first: Int, $after: String) { group(id: $id) {
      meetings { id } meetingsConnection(first: $first, after: $after) { ${page('id startsAt')} } } }`;
    const plain = (await hub.ok(member.token, Q, { id: g })).group.meetings.map((m: { id: string }) => m.id);
    expect(plain).toHaveLength(3);
    const walked = await walk(async (after) => (await hub.ok(member.token, Q, { id: g, first: 2, after })).group.meetingsConnection);
    expect(walked.nodes.map((n: any) => n.id)).toEqual(plain);
    expect(walked).toMatchObject({ pages: 2, total: 3 });
    expect((await hub.gql(stranger.token, Q, { id: g })).data?.group ?? null).toBeNull();
  });

  it('pages search results by rank, with the total of the plain search, and only what the caller may see', async () => {
    const cast = await knowledgeCast(hub);
    const word = nonce();
    for (let i = 0; i < 5; i++) await profile(hub, cast.member, { title: `Projekt ${word} ${i}`, organizationIds: [cast.cityA], ...(i < 3 ? { visibility: 'HUB' } : { visibility: 'NETWORK', networkId: cast.networkId }) });
    const PLAIN = 'query($q: String) { searchProjectProfiles(query: $q, limit: 100) { total hits { profile { id } } } }';
    const Q = `query($q: String, $first: Int, $after: String) { searchProjectProfilesConnection(query: $q, first: $first, after: $after) { ${page('profile { id }')} } }`;
    const plain = (await hub.ok(cast.member.token, PLAIN, { q: word })).searchProjectProfiles;
    expect(plain.total).toBe(5);
    const walked = await walk(async (after) => (await hub.ok(cast.member.token, Q, { q: word, first: 2, after })).searchProjectProfilesConnection);
    expect(walked.nodes.map((n: any) => n.profile.id)).toEqual(plain.hits.map((h: any) => h.profile.id));
    expect(walked).toMatchObject({ pages: 3, total: 5 });
    // Someone outside the network sees the three HUB profiles only, in the total too.
    const theirs = await walk(async (after) => (await hub.ok(cast.outsider.token, Q, { q: word, first: 2, after })).searchProjectProfilesConnection);
    expect(theirs).toMatchObject({ pages: 2, total: 3 });
    // The search pages at most 10,000 entries deep: a cursor past that is refused naming `after`,
    // the argument the connection has (the plain search's `offset` is not one of its arguments).
    const cursorAt = (position: number) => Buffer.from(`p:${position}`).toString('base64url');
    expect((await hub.ok(cast.member.token, Q, { q: word, first: 2, after: cursorAt(9_999) })).searchProjectProfilesConnection.edges).toEqual([]);
    const tooFar = await hub.gql(cast.member.token, Q, { q: word, first: 2, after: cursorAt(10_000) });
    expect(tooFar.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' }, message: expect.stringMatching(/^after: /) });
    expect(tooFar.errors?.[0].message).not.toMatch(/offset/);
  });
});
