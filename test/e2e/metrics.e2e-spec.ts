// GET /metrics in the Prometheus format: GraphQL requests and latency by operation name, errors
// by code, outbox depth and oldest age per channel, mails sent and failed; bearer METRICS_TOKEN;
// no personal data in any label.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { actor, type Actor } from '../support/factories.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TestHub } from '../support/test-hub.js';

const TOKEN = 'metrics-token-0123456789abcdef';

/** `name{labels} value` lines as [name, labels, value]. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(l)!;
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}
const value = (text: string, name: string, labels: Record<string, string>) =>
  samples(text).find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('GET /metrics with METRICS_TOKEN', () => {
  let sink: SmtpSink;
  let hub: TestHub;
  let c: Cast;
  let person: Actor;
  const scrape = async () => {
    const res = await hub.http.get('/metrics').set('authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    return res.text;
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await TestHub.start({ METRICS_TOKEN: TOKEN, SMTP_URL: sink.url, MAIL_OUTBOX_WORKER: 'false', MAIL_RETRY_BASE_MS: '10' });
    await hub.hub.app.get(DataSource).query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = 'skipped: earlier test' WHERE delivered_at IS NULL`);
    c = await cast(hub);
    person = await actor(hub, 'metrik');
  });
  afterAll(async () => {
    await hub.stop();
    await sink.stop();
  });

  it('wants the bearer token', async () => {
    expect((await hub.http.get('/metrics')).status).toBe(401);
    expect((await hub.http.get('/metrics').set('authorization', 'Bearer wrong-token-wrong-token!')).status).toBe(401);
    const res = await hub.http.get('/metrics').set('authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts requests and latency per operation name and errors by code', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i++) await hub.ok(person.token, 'query MeinProfil { me { id } }');
    await hub.gql(null, 'query OhneAnmeldung { me { id } }');
    await hub.gql(person.token, 'query Kaputt { me { gibtEsNicht } }');
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => (value(after, name, labels) ?? 0) - (value(before, name, labels) ?? 0);
    expect(delta('interkom_graphql_requests_total', { operation: 'MeinProfil', type: 'query' })).toBe(3);
    expect(delta('interkom_graphql_request_duration_seconds_count', { operation: 'MeinProfil', type: 'query' })).toBe(3);
    expect(value(after, 'interkom_graphql_request_duration_seconds_bucket', { operation: 'MeinProfil', le: '+Inf' })).toBeGreaterThanOrEqual(3);
    expect(delta('interkom_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta('interkom_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }) + delta('interkom_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    // A document that never resolves to an operation is not counted under its (client-chosen) name.
    expect(value(after, 'interkom_graphql_requests_total', { operation: 'Kaputt' })).toBeUndefined();
  });

  it('reports outbox depth, oldest age per channel, and mails sent and failed', async () => {
    sink.rule = (address, attempt) => (address === `${c.member.username}@example.org` && attempt === 1 ? { code: 451, message: 'later' } : null);
    await meeting(hub, c.lead, c.groupId, 3);
    const waiting = await scrape();
    expect(value(waiting, 'interkom_outbox_depth', { channel: 'mail' })).toBeGreaterThanOrEqual(1);
    expect(value(waiting, 'interkom_outbox_depth', { channel: 'matrix' })).toBeGreaterThanOrEqual(1);
    expect(value(waiting, 'interkom_outbox_oldest_age_seconds', { channel: 'mail' })).toBeGreaterThanOrEqual(0);
    expect(value(waiting, 'interkom_outbox_dead_letters', { channel: 'mail' })).toBeDefined();
    const processor = hub.hub.app.get(MailOutboxProcessor);
    await processor.drain();
    await new Promise((r) => setTimeout(r, 50));
    await processor.drain();
    const done = await scrape();
    expect(value(done, 'interkom_mails_sent_total', { notification: 'MeetingScheduled' })).toBe(3);
    expect(value(done, 'interkom_mails_failed_total', { outcome: 'retry' })).toBe(1);
    expect(value(done, 'interkom_outbox_depth', { channel: 'mail' })).toBe(0);
    expect(value(done, 'interkom_outbox_oldest_age_seconds', { channel: 'mail' })).toBe(0);
  });

  it('never puts personal data in a label (arguments, variables, results), and caps operation names', async () => {
    await hub.gql(c.root.token, 'query Suche($email: String!) { personByEmail(email: $email) { id displayName } }', { email: `${c.member.username}@example.org` });
    await hub.gql(c.root.token, `query Inline { personByEmail(email: "${c.lead.username}@example.org") { id } }`);
    await hub.gql(person.token, 'query Nicht-Erlaubt { me { id } }');
    for (let i = 0; i < 210; i++) await hub.gql(person.token, `query Op${i} { me { id } }`);
    const text = await scrape();
    const labelValues = samples(text).flatMap((s) => Object.values(s.labels));
    for (const who of [person, c.lead, c.member, c.root]) {
      for (const secret of [who.id, who.username, `${who.username}@example.org`]) expect(labelValues.filter((v) => v.includes(secret))).toEqual([]);
    }
    const operations = new Set(samples(text).filter((s) => s.name === 'interkom_graphql_requests_total').map((s) => s.labels.operation));
    const named = [...operations].filter((o) => !['other', 'unresolved', 'anonymous'].includes(o));
    expect(named.length).toBeLessThanOrEqual(200);
    expect(operations.has('other')).toBe(true);
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(() => hub.stop());

  it('needs no sign-in', async () => {
    const res = await hub.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('interkom_outbox_depth{channel="mail"}');
  });
});
