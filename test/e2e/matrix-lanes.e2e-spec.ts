import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MARKER_KEY } from '../../src/matrix/chat.port.js';
import { MatrixOutboxProcessor } from '../../src/matrix/matrix-outbox.processor.js';
import { actor, group, network, type Actor } from '../support/factories.js';
import { roomMessages, SYNAPSE_HUB_ENV } from '../support/synapse.js';
import { freshDatabase, TestHub } from '../support/test-hub.js';

/**
 * MATRIX_DELIVERY_LANES: announcements for groups whose rooms exist go out side by side; each
 * group's still arrive once and in the order they were made (against the real Synapse).
 */
describe('Matrix delivery in several lanes', () => {
  let hub: TestHub;
  let processor: MatrixOutboxProcessor;
  let root: Actor;
  let groups: string[];
  const status = async () => (await hub.ok(root.token, '{ outboxStatus { pending failed deadLetter } }')).outboxStatus;
  const drain = async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      await processor.drain();
      const s = await status();
      if ((s.pending === 0 && s.failed === 0) || Date.now() > deadline) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    hub = await TestHub.start({
      DATABASE_URL: await freshDatabase('lanes'),
      ...SYNAPSE_HUB_ENV,
      MATRIX_OUTBOX_WORKER: 'false', // the test drives delivery
      MATRIX_RETRY_BASE_MS: '50',
      MATRIX_TIMEOUT_MS: '5000',
      MATRIX_DELIVERY_LANES: '4',
    });
    processor = hub.hub.app.get(MatrixOutboxProcessor);
    root = await actor(hub, 'root', { admin: true });
    const net = await network(hub, root, 'APPROVAL');
    const plenum = await group(hub, root, net.id, 'PLENUM');
    groups = [plenum];
    for (let i = 0; i < 3; i++) groups.push(await group(hub, root, net.id, 'PROJECT_GROUP', { parentGroupId: plenum }));
    expect(await drain()).toMatchObject({ pending: 0, failed: 0, deadLetter: 0 });
  }, 180_000);
  afterAll(() => hub.stop());

  it('posts every group\'s announcements once and in order', async () => {
    const titles = (g: number) => Array.from({ length: 6 }, (_, i) => `Gruppe ${g} Termin ${i}`);
    // Interleaved across the groups, as they would be made.
    for (let i = 0; i < 6; i++) {
      for (const [g, groupId] of groups.entries()) {
        const startsAt = new Date(Date.now() + (i + 2) * 86_400_000);
        await hub.ok(root.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
          input: { groupId, title: titles(g)[i], startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
        });
      }
    }
    expect(await drain()).toMatchObject({ pending: 0, failed: 0, deadLetter: 0 });
    for (const [g, groupId] of groups.entries()) {
      const { group: found } = await hub.ok(root.token, 'query($id: ID!) { group(id: $id) { matrixRoomId } }', { id: groupId });
      const posted = (await roomMessages(found.matrixRoomId)).filter((m) => m.content[MARKER_KEY]).map((m) => String(m.content.body));
      const announced = titles(g).map((t) => posted.findIndex((body) => body.includes(t)));
      // Each once, in the order made.
      expect(announced.every((i) => i >= 0)).toBe(true);
      expect([...announced].sort((x, y) => x - y)).toEqual(announced);
      expect(posted.filter((body) => body.includes(`Gruppe ${g} Termin`))).toHaveLength(6);
    }
  });
});
