// Rate limits (issue 19.9): per client address and per person, answered 429 with Retry-After and a
// German message, before anything runs; behind a trusted proxy the forwarded address counts, from
// anyone else X-Forwarded-For is ignored. Each limit is made small here to reach it quickly; one
// test runs a hub with the shipped defaults.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { actor, uniq, type Actor } from '../support/factories.js';
import { TestHub } from '../support/test-hub.js';

const SMALL = 'client=40/1m,person=12/1m,sign-in=6/1m,search=3/1m,export=2/1h,feed=3/1m,oparl=5/1m';
type Answer = { status: number; headers: Record<string, string>; body: any };

/** The refusal every limit answers: 429, Retry-After in seconds, RATE_LIMITED with a German message. */
function expectRefused(r: Answer, what: RegExp) {
  expect(r.status).toBe(429);
  expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  const error = r.body.errors?.[0] ?? r.body;
  expect(error.extensions?.code ?? error.error).toBe('RATE_LIMITED');
  expect(error.message).toMatch(/^Zu viele Anfragen \(/);
  expect(error.message).toMatch(what);
  expect(error.message).toMatch(/Bitte in \d+ Sekunden? noch einmal versuchen\.$|Bitte in einer Sekunde noch einmal versuchen\.$/);
}

describe('rate limits', () => {
  let hub: TestHub;
  let root: Actor;
  beforeAll(async () => {
    hub = await TestHub.start({ RATE_LIMITS: SMALL, TRUST_PROXY: '127.0.0.1' });
    root = await actor(hub, 'root', { admin: true });
  });
  afterAll(() => hub.stop());

  /** A request as if from `client` (through the trusted proxy on 127.0.0.1). */
  const from = (client: string, token?: string) => ({
    gql: async (query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
      const req = hub.http.post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', client);
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, headers: res.headers, body: res.body };
    },
    get: async (path: string): Promise<Answer> => {
      const req = hub.http.get(path).set('x-forwarded-for', client);
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req;
      return { status: res.status, headers: res.headers, body: res.body };
    },
  });
  const times = async (n: number, f: () => Promise<Answer>) => {
    const answers: Answer[] = [];
    for (let i = 0; i < n; i++) answers.push(await f());
    return answers;
  };

  it('limits each client address (the one the trusted proxy forwards), not the others', async () => {
    const client = from('203.0.113.7');
    const answers = await times(41, () => client.gql('{ fieldsOfAction { key } }'));
    expect(answers.slice(0, 40).every((a) => a.status === 200)).toBe(true);
    expectRefused(answers[40], /von dieser Adresse/);
    expect((await from('203.0.113.8').gql('{ fieldsOfAction { key } }')).status).toBe(200);
    // Every API path counts for the address, the web client's files and /health do not.
    expect((await client.get('/oparl/v1/system')).status).toBe(429);
    expect((await client.get('/health')).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const direct = await TestHub.start({ RATE_LIMITS: 'client=5/1m' });
    try {
      const answers: number[] = [];
      for (let i = 0; i < 6; i++) {
        // A new forwarded address each time: without TRUST_PROXY it changes nothing.
        const res = await direct.http.post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', `198.51.100.${i}`).send({ query: '{ fieldsOfAction { key } }' });
        answers.push(res.status);
      }
      expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await direct.stop();
    }
  });

  it('limits each signed-in person across addresses, before the operation runs', async () => {
    const person = await actor(hub, 'busy');
    const name = `Gemeinde ${uniq()}`;
    // `actor` signed in once already: 11 more requests are allowed, from two addresses.
    const allowed = [...(await times(6, () => from('192.0.2.1', person.token).gql('{ me { id } }'))), ...(await times(5, () => from('192.0.2.2', person.token).gql('{ me { id } }')))];
    expect(allowed.map((a) => a.status)).toEqual(Array(11).fill(200));
    const refused = await from('192.0.2.3', person.token).gql('mutation($n: String!) { createOrganization(input: { name: $n, kind: MUNICIPALITY }) { id } }', { n: name });
    expectRefused(refused, /von Ihrem Konto/);
    expect(await hub.hub.app.get(DataSource).query('SELECT 1 FROM organization WHERE name = $1', [name])).toEqual([]);
    expect((await from('192.0.2.3', root.token).gql('{ me { id } }')).status).toBe(200);
  });

  it('limits new access tokens per address (each costs a signature check), valid or forged', async () => {
    const client = from('192.0.2.50');
    const tokens = await Promise.all(Array.from({ length: 5 }, (_, i) => hub.token(`newcomer-${uniq()}-${i}`)));
    const answers = [];
    for (const token of tokens) answers.push(await from('192.0.2.50', token).gql('{ me { id } }'));
    answers.push(await from('192.0.2.50', 'eyJhbGciOiJSUzI1NiJ9.e30.Zm9yZ2Vk').gql('{ me { id } }'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]); // the forged one: 200 with UNAUTHENTICATED
    expect(answers[5].body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expectRefused(await from('192.0.2.50', await hub.token(`late-${uniq()}`)).gql('{ me { id } }'), /Anmeldungen von dieser Adresse/);
    // A token already verified keeps working from there.
    expect((await from('192.0.2.50', tokens[0]).gql('{ me { id } }')).status).toBe(200);
    expect((await client.gql('{ fieldsOfAction { key } }')).status).toBe(200);
  });

  it('limits searches per person, and without sign-in per address', async () => {
    const person = await actor(hub, 'searcher');
    const q = '{ searchProjectProfiles(query: "Gateway") { total } }';
    const mine = await times(4, () => from('192.0.2.60', person.token).gql(q));
    expect(mine.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
    expectRefused(mine[3], /Suchen/);
    expect(mine[3].body.data ?? null).toBeNull();
    const anonymous = await times(4, () => from('192.0.2.61').gql('query($a: String) { searchProjectProfilesConnection(query: "Gateway", after: $a) { totalCount } }'));
    expectRefused(anonymous[3], /Suchen/);
  });

  it('limits GDPR exports per person', async () => {
    const person = await actor(hub, 'exporter');
    const answers = await times(3, () => from(`192.0.2.${70 + Math.floor(Math.random() * 9)}`, person.token).get('/privacy/export'));
    expect(answers.slice(0, 2).map((a) => a.status)).toEqual([200, 200]);
    expectRefused(answers[2], /Datenauskünfte/);
  });

  it('limits each calendar feed URL, and OParl per address', async () => {
    const person = await actor(hub, 'subscriber');
    const url = new URL((await hub.ok(person.token, '{ calendarFeedUrl }')).calendarFeedUrl);
    const feed = await times(4, () => from(`192.0.2.${80 + Math.floor(Math.random() * 9)}`).get(url.pathname));
    expect(feed.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
    expectRefused(feed[3], /Abrufe dieses Kalenders/);
    const oparl = await times(6, () => from('192.0.2.90').get('/oparl/v1/system'));
    expect(oparl.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(oparl[5]).toMatchObject({ status: 429, headers: { 'access-control-allow-origin': '*' }, body: { type: 'https://schema.oparl.org/1.1/Error', message: expect.stringMatching(/^Zu viele Anfragen \(OParl-Abrufe/) } });
    expect(Number(oparl[5].headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts the refusals per limit in /metrics', async () => {
    const metrics = (await hub.http.get('/metrics')).text;
    for (const limit of ['client', 'person', 'sign-in', 'search', 'export', 'feed', 'oparl']) {
      expect(metrics).toMatch(new RegExp(`^interkom_rate_limited_total\\{limit="${limit}"\\} [1-9]`, 'm'));
    }
  });
});

describe('rate limits of the development sign-in', () => {
  it('limits the name picker per address', async () => {
    const hub = await TestHub.start({ KEYCLOAK_URL: '', RATE_LIMITS: 'sign-in=3/1m' });
    try {
      const statuses: number[] = [];
      let last: Answer | undefined;
      for (let i = 0; i < 4; i++) {
        const res = await hub.http.post('/auth/dev-sign-in').set('content-type', 'application/json').send({ username: `erika${i}` });
        statuses.push(res.status);
        last = { status: res.status, headers: res.headers, body: res.body };
      }
      expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
      expectRefused(last!, /Anmeldungen von dieser Adresse/);
    } finally {
      await hub.stop();
    }
  });
});

describe('rate limits as shipped', () => {
  it('refuses the eleventh export of a person within an hour with the default limits, and none with RATE_LIMITS=off', async () => {
    for (const [setting, refusedAt] of [['', 10], ['off', null]] as const) {
      const hub = await TestHub.start({ RATE_LIMITS: setting });
      try {
        const person = await actor(hub, 'exporter');
        const statuses: number[] = [];
        for (let i = 0; i < 11; i++) statuses.push((await hub.http.get('/privacy/export').set('authorization', `Bearer ${person.token}`)).status);
        expect(statuses.indexOf(429)).toBe(refusedAt ?? -1);
      } finally {
        await hub.stop();
      }
    }
  });
});
