// Every supported configuration answers with a result or a clear error: the bridge off (no
// homeserver configured), and a configured homeserver that is away. (There is no mail or video
// integration yet; see the README.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { actor, group, network, type Actor } from '../support/factories.js';
import { TestHub } from '../support/test-hub.js';

const RECONCILE = 'mutation { reconcileMatrix { bridgeEnabled groups invited kicked failed deferred } }';

describe('with the Matrix bridge off', () => {
  let hub: TestHub;
  let root: Actor;
  beforeAll(async () => {
    hub = await TestHub.start();
    root = await actor(hub, 'root', { admin: true });
    await group(hub, root, (await network(hub, root)).id);
  });
  afterAll(() => hub.stop());

  it('reconcileMatrix says the bridge is off and that nothing was compared (was INTERNAL_SERVER_ERROR)', async () => {
    const result = await hub.gql(root.token, RECONCILE);
    expect(result.errors).toBeUndefined();
    expect(result.data.reconcileMatrix).toEqual({ bridgeEnabled: false, groups: 0, invited: 0, kicked: 0, failed: 0, deferred: 0 });
  });

  it('still records what the bridge will deliver once configured, and reports it', async () => {
    await hub.ok(root.token, 'mutation { linkMatrixAccount(input: { matrixUserId: "@root:example.org" }) { id } }');
    const { outboxStatus } = await hub.ok(root.token, '{ outboxStatus { pending failed deadLetter delivered } }');
    expect(outboxStatus.pending).toBeGreaterThan(0);
    expect(outboxStatus.delivered).toBe(0);
    expect((await hub.ok(root.token, 'mutation { retryOutboxDeadLetters }')).retryOutboxDeadLetters).toBe(0);
  });

  it('answers the application-service endpoint with 404, not 500', async () => {
    const res = await hub.http.put('/_matrix/app/v1/transactions/1').set('authorization', 'Bearer x').send({ events: [] });
    expect(res.status).toBe(404);
  });
});

describe('with a homeserver configured but away', () => {
  let hub: TestHub;
  let root: Actor;
  beforeAll(async () => {
    hub = await TestHub.start({
      MATRIX_HOMESERVER_URL: 'http://127.0.0.1:9', // discard port: nothing listens
      MATRIX_SERVER_NAME: 'example.org',
      MATRIX_AS_TOKEN: 'as',
      MATRIX_HS_TOKEN: 'hs',
      MATRIX_OUTBOX_WORKER: 'false',
      MATRIX_TIMEOUT_MS: '2000',
    });
    root = await actor(hub, 'root', { admin: true });
    const net = await network(hub, root);
    // Two groups whose rooms exist (as if delivered before the homeserver went away).
    for (const id of [await group(hub, root, net.id), await group(hub, root, net.id)]) {
      await hub.hub.app.get(DataSource).query('UPDATE work_group SET matrix_room_id = $2 WHERE id = $1', [id, `!room-${id}:example.org`]);
    }
  });
  afterAll(() => hub.stop());

  it('reconcileMatrix answers which groups it could not compare, quickly', async () => {
    const started = Date.now();
    const result = await hub.gql(root.token, RECONCILE);
    expect(result.errors).toBeUndefined();
    expect(result.data.reconcileMatrix).toMatchObject({ bridgeEnabled: true, invited: 0, kicked: 0, deferred: 0 });
    expect(result.data.reconcileMatrix.groups).toBeGreaterThanOrEqual(2);
    expect(result.data.reconcileMatrix.failed).toBe(result.data.reconcileMatrix.groups);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps accepting changes: they wait in the outbox', async () => {
    const { outboxStatus } = await hub.ok(root.token, '{ outboxStatus { pending delivered } }');
    expect(outboxStatus.pending).toBeGreaterThan(0);
    expect(outboxStatus.delivered).toBe(0);
  });
});
