// The homeserver goes away: restarted after an uncertain send (Synapse forgets its transaction
// ids), and stopped while 50 changes are recorded. These stop and restart the one test Synapse, so
// they run here, one file at a time (jest.faults.config.js), and not beside the main suite's
// Matrix files, whose deliveries and application-service pushes a restart would break.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChatPort, MARKER_KEY } from '../../src/matrix/chat.port.js';
import { MatrixOutboxProcessor } from '../../src/matrix/matrix-outbox.processor.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from '../support/factories.js';
import { registerMatrixUser, roomMessages, synapse } from '../support/synapse.js';
import { DRIVEN_MATRIX_ENV, drainOutbox, outboxStatus, roomOfGroup } from '../support/bridge.js';
import { freshDatabase, TestHub } from '../support/test-hub.js';

describe('the Matrix bridge when the homeserver goes away', () => {
  let hub: TestHub;
  let processor: MatrixOutboxProcessor;
  let root: Actor;
  let lead: Actor;
  let net: { id: string; slug: string };
  let groupId: string;

  const drain = () => drainOutbox(hub, processor, root.token);
  const roomOf = (id: string) => roomOfGroup(hub, root.token, id);
  const status = () => outboxStatus(hub, root.token);

  beforeAll(async () => {
    hub = await TestHub.start({ ...DRIVEN_MATRIX_ENV, DATABASE_URL: await freshDatabase('homeserver') });
    processor = hub.hub.app.get(MatrixOutboxProcessor);
    root = await actor(hub, 'root', { admin: true });
    lead = await actor(hub, 'lead');
    const matrix = await registerMatrixUser(`lead${Math.random().toString(36).slice(2, 8)}`);
    await hub.ok(lead.token, 'mutation($input: LinkMatrixAccountInput!) { linkMatrixAccount(input: $input) { id } }', { input: { matrixUserId: matrix.userId } });
    net = await network(hub, root, 'APPROVAL');
    const city = await organization(hub, root, 'Ettlingen');
    await addMember(hub, root, net.id, city);
    await setRole(hub, root, net.id, lead.id, 'MEMBER', city);
    groupId = await group(hub, root, net.id, 'PROJECT_GROUP', { leadOrganizationId: city });
    await addGroupMember(hub, root, groupId, lead.id, 'LEAD', { organizationId: city });
    await drain();
  }, 120_000);
  afterAll(async () => {
    await hub.stop();
  });

  it('after an uncertain send and a homeserver restart, still exactly one message and one room', async () => {
    const roomId = await roomOf(groupId);
    const chat = hub.hub.app.get(ChatPort);
    const startsAt = new Date(Date.now() + 40 * 86_400_000);
    await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId, title: 'Ungewiss', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
    const db = hub.hub.app.get((await import('typeorm')).DataSource);
    const [row] = await db.query(`SELECT id FROM outbox_event WHERE type = 'MeetingScheduled' AND payload->>'title' = 'Ungewiss'`);
    // A worker sent it, Synapse accepted it, the worker died before recording: the row is still open.
    await chat.post(roomId, row.id, { body: 'Neuer Termin: Ungewiss (erster Versuch)', html: 'Neuer Termin: Ungewiss' }, false);
    await db.query('UPDATE outbox_event SET attempts = 1 WHERE id = $1', [row.id]);
    synapse('restart'); // forgets transaction ids
    // A worker also created a group's room and died before storing its id.
    const late = await group(hub, root, net.id, 'PROJECT_GROUP', { parentGroupId: null });
    const orphan = await chat.ensureRoom({ alias: `interkom-grp-${late}`, name: 'vorab', topic: null, space: false, marker: { type: 'net.interkom.group', content: { groupId: late } } });
    await drain();
    const marked = (await roomMessages(roomId)).filter((m) => m.content[MARKER_KEY] === row.id);
    expect(marked).toHaveLength(1);
    expect(await roomOf(late)).toBe(orphan);
  });

  it('loses and doubles nothing when the homeserver is away for 50 changes', async () => {
    const roomId = await roomOf(groupId);
    await drain();
    synapse('stop');
    try {
      for (let i = 0; i < 25; i++) {
        const startsAt = new Date(Date.now() + (60 + i) * 86_400_000);
        const { createMeeting } = await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
          input: { groupId, title: `Ausfall ${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
        });
        await hub.ok(lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: createMeeting.id, reason: `Grund ${i}` } });
      }
      await processor.drain(); // fails, retryable
      const during = await status();
      expect(during.failed + during.pending).toBeGreaterThanOrEqual(50);
      expect(during.deadLetter).toBe(0);
    } finally {
      synapse('start');
    }
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await drain();
      const s = await status();
      if (s.pending === 0 && s.failed === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await status()).toMatchObject({ pending: 0, failed: 0, deadLetter: 0 });
    const bodies = (await roomMessages(roomId)).map((m) => m.content.body as string);
    for (let i = 0; i < 25; i++) {
      expect(bodies.filter((b) => b.includes(`Neuer Termin: Ausfall ${i}\n`))).toHaveLength(1);
      expect(bodies.filter((b) => b.includes(`Termin abgesagt: Ausfall ${i}\n`))).toHaveLength(1);
    }
    // Order within the group is kept: each cancellation after its announcement.
    const idx = (t: string) => bodies.findIndex((b) => b.includes(t));
    expect(idx('Termin abgesagt: Ausfall 0\n')).toBeGreaterThan(idx('Neuer Termin: Ausfall 0\n'));
  });
});
