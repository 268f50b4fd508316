import { describe, expect, it } from '@jest/globals';
import { WAITING_MESSAGE, waitingAnswer } from './waiting-room.js';

const pending = { kind: 'pending', pending: ['OparlSystemRow1796623017171', 'PersonHubAdmin1796623266698'] } as const;

describe('the waiting room of MIGRATIONS=check', () => {
  it('is alive, and not ready with the pending migrations as the reason', () => {
    expect(waitingAnswer('/health/live', pending)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(waitingAnswer('/health', pending)).toMatchObject({
      status: 503,
      body: {
        status: 'error', database: 'up', migrations: 'pending',
        pending: ['OparlSystemRow1796623017171', 'PersonHubAdmin1796623266698'],
        reason: 'migrations pending: OparlSystemRow1796623017171, PersonHubAdmin1796623266698',
      },
    });
    expect(waitingAnswer('/health?x=1', { kind: 'unreachable', error: 'password authentication failed for user "interkom"' })).toMatchObject({
      status: 503,
      body: { status: 'error', database: 'down', migrations: 'unknown', reason: 'the database does not answer' },
    });
  });

  it('is not ready even once the schema is current: the hub is still being built and answers next', () => {
    expect(waitingAnswer('/health', { kind: 'current' })).toMatchObject({ status: 503, body: { migrations: 'applied', reason: expect.stringMatching(/^starting/) } });
  });

  it('never shows the database error itself (/health needs no sign-in)', () => {
    expect(JSON.stringify(waitingAnswer('/health', { kind: 'unreachable', error: 'password authentication failed for user "interkom"' }))).not.toMatch(/password|interkom"/);
  });

  it('answers everything else 503 with Retry-After and a German message in the form its client reads', () => {
    const graphql = waitingAnswer('/graphql', pending);
    expect(graphql).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(graphql.body).toEqual({ errors: [{ message: WAITING_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(WAITING_MESSAGE).toMatch(/wird gerade aktualisiert/);
    const oparl = waitingAnswer('/oparl/v1/system', pending);
    expect(oparl).toMatchObject({ status: 503, headers: { 'access-control-allow-origin': '*' }, body: { type: 'https://schema.oparl.org/1.1/Error', message: WAITING_MESSAGE } });
    for (const url of ['/', '/calendar/abc.ics', '/_matrix/app/v1/transactions/1', '/metrics']) {
      expect(waitingAnswer(url, pending)).toMatchObject({ status: 503, body: { error: 'SERVICE_UNAVAILABLE', message: WAITING_MESSAGE } });
    }
  });
});
