import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MARKER_KEY } from '../../src/matrix/chat.port.js';
import { actor, addGroupMember, group, network, setRole, type Actor } from '../support/factories.js';
import { HubProcess } from '../support/hub-processes.js';
import { KeycloakIssuer } from '../support/keycloak-issuer.js';
import { roomMessages, SYNAPSE_HUB_ENV } from '../support/synapse.js';
import { freshDatabase, type TestHub } from '../support/test-hub.js';

const MATRIX_ENV = {
  ...SYNAPSE_HUB_ENV,
  MATRIX_OUTBOX_WORKER: 'true', // both processes deliver
  MATRIX_OUTBOX_POLL_MS: '100',
  MATRIX_RETRY_BASE_MS: '50',
  MATRIX_TIMEOUT_MS: '5000',
};

/**
 * Issue 13: Matrix delivery with two hub processes on one database, both running the outbox
 * worker: the group's room is created once, every announcement arrives once, and a group's
 * announcements arrive in the order they were made, whichever process took the request.
 */
describe('Matrix delivery from two hub processes', () => {
  let issuer: KeycloakIssuer;
  let a: HubProcess;
  let b: HubProcess;
  let root: Actor;
  beforeAll(async () => {
    issuer = await new KeycloakIssuer().start();
    const db = await freshDatabase('twoproc');
    a = await HubProcess.start(issuer, db, MATRIX_ENV);
    b = await HubProcess.start(issuer, db, MATRIX_ENV);
    root = await actor(a as unknown as TestHub, 'root', { admin: true });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await issuer?.stop();
  });

  const settled = async () => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { outboxStatus: s } = await a.ok(root.token, '{ outboxStatus { pending failed deadLetter } }');
      if (s.pending === 0 && s.failed === 0) return s;
      if (Date.now() > deadline) throw new Error(`outbox not drained: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('creates the room once and posts each announcement once, in order', async () => {
    const net = await network(a as unknown as TestHub, root, 'APPROVAL');
    const lead = await actor(b as unknown as TestHub, 'lead');
    await setRole(b as unknown as TestHub, root, net.id, lead.id, 'MEMBER');
    const groupId = await group(a as unknown as TestHub, root, net.id, 'PROJECT_GROUP');
    await addGroupMember(b as unknown as TestHub, root, groupId, lead.id, 'LEAD');
    const titles = Array.from({ length: 10 }, (_, i) => `Termin ${i}`);
    for (const [i, title] of titles.entries()) {
      const hub = i % 2 ? b : a;
      const startsAt = new Date(Date.now() + (i + 2) * 86_400_000);
      await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
        input: { groupId, title, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
      });
    }
    expect(await settled()).toMatchObject({ deadLetter: 0 });
    const Q = 'query($id: ID!) { group(id: $id) { matrixRoomId } }';
    const roomId = (await a.ok(root.token, Q, { id: groupId })).group.matrixRoomId;
    expect(roomId).toMatch(/^!/);
    expect((await b.ok(root.token, Q, { id: groupId })).group.matrixRoomId).toBe(roomId);
    const messages = await roomMessages(roomId);
    const announced = messages.map((m) => String(m.content.body)).filter((body) => body.includes('Neuer Termin: Termin '));
    expect(announced.map((body) => /Termin \d/.exec(body)![0])).toEqual(titles);
    const markers = messages.map((m) => m.content[MARKER_KEY]).filter(Boolean);
    expect(new Set(markers).size).toBe(markers.length);
  });
});
