// The GraphQL limits over HTTP: refused documents answer 400 with BAD_USER_INPUT before anything
// executes (no SQL runs), no message suggests a schema name, and the real queries pass.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kind, parse, print, visit, type FieldNode } from 'graphql';
import { TypeOrmNestLogger } from '../../src/database/typeorm-logger.js';
import { GRAPHQL_LIMITS } from '../../src/graphql/graphql-limits.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { REAL_QUERIES } from '../support/real-queries.js';
import { TestHub } from '../support/test-hub.js';
import { EXECUTION_MODES } from '../support/execution-modes.js';

/** Adds __typename to every selection set, as urql's document cache does. */
const withTypename = (query: string) =>
  print(
    visit(parse(query), {
      SelectionSet: (node) =>
        node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')
          ? undefined
          : { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as FieldNode] },
    }),
  );

describe.each(EXECUTION_MODES)('GraphQL limits, %s', (_mode, modeEnv) => {
  let hub: TestHub;
  let c: Cast;
  let slug: string;
  let meetingId: string;
  beforeAll(async () => {
    hub = await TestHub.start(modeEnv);
    c = await cast(hub);
    slug = (await hub.ok(c.root.token, 'query($id: ID!) { group(id: $id) { network { slug } } }', { id: c.groupId })).group.network.slug;
    meetingId = await meeting(hub, c.agency, c.groupId, 3);
  });
  afterAll(() => hub.stop());

  /** Sends a raw body; returns status, errors and how many SQL statements ran meanwhile. */
  async function send(body: unknown, token = c.member.token) {
    let statements = 0;
    const observe = () => void statements++;
    TypeOrmNestLogger.queryObservers.add(observe);
    try {
      const res = await hub.http.post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send(body as object);
      return { status: res.status, errors: res.body.errors as { message: string; extensions: { code: string } }[] | undefined, data: res.body.data, statements };
    } finally {
      TypeOrmNestLogger.queryObservers.delete(observe);
    }
  }

  const refusedBeforeExecution = (r: Awaited<ReturnType<typeof send>>, message: RegExp) => {
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(message);
    expect(r.data).toBeUndefined();
    expect(r.statements).toBe(0);
  };

  it('answers a document over the token limit with 400, not 500', async () => {
    refusedBeforeExecution(await send({ query: `{ me { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens)} } }` }), /höchstens 1\.000 Token/);
  });

  it('refuses field duplication (hundreds of repeated fields) before execution', async () => {
    for (const n of [GRAPHQL_LIMITS.maxFields + 1, 900]) {
      refusedBeforeExecution(await send({ query: `{ me { ${'displayName '.repeat(n)} } }` }), /zu viele Felder aus: Erlaubt sind höchstens 300\./);
    }
    const viaFragments = `fragment F on Person { id displayName email matrixUserId } { me { ${'...F '.repeat(80)} } }`;
    refusedBeforeExecution(await send({ query: viaFragments }), /zu viele Felder aus: Erlaubt sind höchstens 300\./);
  });

  it('refuses a query deeper than the limit', async () => {
    const deep = `{ networks { ${'groups { children { '.repeat(6)} id ${'} } '.repeat(6)} } }`;
    refusedBeforeExecution(await send({ query: deep }), /zu tief verschachtelt: Erlaubt sind höchstens 12 Ebenen/);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
    refusedBeforeExecution(await send({ query: `{ ${aliases} }` }), /zu viele Aliasnamen: Erlaubt sind höchstens 15/);
  });

  it('suggests no field, argument, type or enum name', async () => {
    // Each with what only a suggestion would reveal.
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ query: '{ me { displayNam } }' }, /displayName/],
      [{ query: '{ network(slg: "x") { id } }' }, /Did you mean/],
      [{ query: 'query($s: Strin!) { network(slug: $s) { id } }', variables: { s: 'x' } }, /"String"/],
      [{ query: 'query($l: GroupLevel) { networks { groups(level: $l) { id } } }', variables: { l: 'PLENAR' } }, /PLENUM/],
      [{ query: '{ networks { groups(level: PLENAR) { id } } }' }, /PLENUM/],
      [{ query: 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', variables: { input: { networkId: c.networkId, level: 'PROJECT_GROUP', name: 'x', descripton: 'y' } } }, /description/],
    ];
    for (const [body, leak] of cases) {
      const r = await send(body);
      expect(r.status).toBe(400);
      expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      for (const e of r.errors!) {
        expect(e.message).not.toMatch(/Did you mean/);
        expect(e.message).not.toMatch(leak);
      }
    }
  });

  it('answers malformed requests with 4xx', async () => {
    expect((await send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }])).status).toBe(400);
    expect((await send({ query: '{ me { id }' })).status).toBe(400);
    expect((await send({ query: 42 })).status).toBe(400);
    expect((await send({})).status).toBe(400);
    const nested = { query: 'query($ids: [ID!]) { me { id } }', variables: { ids: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) } };
    expect((await send(nested)).status).toBe(400);
  });

  describe('only the named operation runs, and only a query over GET', () => {
    /** Creates an organization if it runs; returns the answer and whether the organization exists afterwards. */
    async function attempt(via: 'GET' | 'POST', operationName: string | undefined, label: string) {
      const name = `Gemeinde ${label} ${Math.random().toString(36).slice(2, 8)}`;
      const query = `mutation Create { createOrganization(input: {name: ${JSON.stringify(name)}, kind: MUNICIPALITY}) { id } }`;
      const auth = `Bearer ${c.root.token}`;
      const res =
        via === 'GET'
          ? await hub.http
              .get(`/graphql?${new URLSearchParams({ query, ...(operationName === undefined ? {} : { operationName }) })}`)
              .set('authorization', auth)
              .set('apollo-require-preflight', 'true')
          : await hub.http.post('/graphql').set('content-type', 'application/json').set('authorization', auth).send({ query, operationName });
      const found = await hub.ok(c.root.token, "{ organizations { name } }");
      return { status: res.status, errors: res.body.errors as { message: string; extensions: Record<string, unknown> }[] | undefined, created: found.organizations.some((o: { name: string }) => o.name === name) };
    }

    it('refuses a mutation sent as GET, also with an empty or unknown operationName, and runs nothing', async () => {
      for (const operationName of [undefined, 'Create', '', 'Other']) {
        const r = await attempt('GET', operationName, `GET ${operationName}`);
        expect({ operationName, created: r.created, code: r.errors?.[0].extensions.code }).toEqual({ operationName, created: false, code: 'BAD_USER_INPUT' });
        expect(r.status === 405 || r.status === 400).toBe(true);
        expect(r.errors?.[0].message).toMatch(operationName === undefined || operationName === 'Create' ? /Über GET werden nur Abfragen/ : /^operationName: /);
      }
    });

    it('refuses an operationName the document does not define, also over POST, naming the field', async () => {
      for (const operationName of ['', 'Other']) {
        const r = await attempt('POST', operationName, `POST ${operationName}`);
        expect(r).toMatchObject({ status: 400, created: false, errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'operationName' } }] });
      }
      expect(await attempt('POST', 'Create', 'POST named')).toMatchObject({ status: 200, created: true });
    });
  });

  it('lets every real query through, also with __typename everywhere', async () => {
    const variables = { slug, id: meetingId, from: new Date(Date.now() - 86_400_000).toISOString() };
    for (const [name, query] of Object.entries(REAL_QUERIES)) {
      for (const q of [query, withTypename(query)]) {
        const r = await send({ query: q.replace('"readi"', JSON.stringify(slug)), variables }, c.agency.token);
        expect({ name, status: r.status, errors: r.errors }).toEqual({ name, status: 200, errors: undefined });
      }
    }
  });
});
