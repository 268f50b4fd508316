import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../src/config/config.js';
import { APP_CONFIG } from '../../src/config/config.module.js';
import { pingFromHomeserver } from '../../src/matrix/appservice-ping.js';
import { MARKER_KEY } from '../../src/matrix/chat.port.js';
import { MatrixOutboxProcessor } from '../../src/matrix/matrix-outbox.processor.js';
import { MeetingRemindersService } from '../../src/meetings/meeting-reminders.service.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from '../support/factories.js';
import { listenAsAppservice } from '../support/appservice-port.js';
import { matrixApi, pingAppservice, registerMatrixUser, roomMembers, roomMessages, SYNAPSE } from '../support/synapse.js';
import { DRIVEN_MATRIX_ENV, drainOutbox, outboxStatus, roomOfGroup } from '../support/bridge.js';
import { codeOf, freshDatabase, TestHub } from '../support/test-hub.js';

describe('the Matrix bridge, against a real Synapse', () => {
  let hub: TestHub;
  let processor: MatrixOutboxProcessor;
  let root: Actor;
  let lead: Actor & { matrix: string; matrixToken: string };
  let member: Actor & { matrix: string; matrixToken: string };
  let net: { id: string; slug: string };
  let city: string;
  let groupId: string;
  let plenumId: string;

  const uniq = () => Math.random().toString(36).slice(2, 8);
  const withMatrix = async (name: string) => {
    const a = await actor(hub, name);
    const m = await registerMatrixUser(`${name}${uniq()}`);
    await hub.ok(a.token, 'mutation($input: LinkMatrixAccountInput!) { linkMatrixAccount(input: $input) { id } }', { input: { matrixUserId: m.userId } });
    return { ...a, matrix: m.userId, matrixToken: m.token };
  };
  const drain = () => drainOutbox(hub, processor, root.token);
  const roomOf = (id: string) => roomOfGroup(hub, root.token, id);
  const status = () => outboxStatus(hub, root.token);

  let databaseUrl: string;
  let releasePort: () => void = () => {};

  beforeAll(async () => {
    databaseUrl = await freshDatabase('matrix');
    hub = await TestHub.start({ ...DRIVEN_MATRIX_ENV, DATABASE_URL: databaseUrl });
    processor = hub.hub.app.get(MatrixOutboxProcessor);
    // Synapse pushes room events to the application service here.
    releasePort = await listenAsAppservice(hub.hub.app);
    root = await actor(hub, 'root', { admin: true });
    [lead, member] = [await withMatrix('lead'), await withMatrix('member')];
    net = await network(hub, root, 'APPROVAL', { description: 'Netzwerk für die Bridge' });
    city = await organization(hub, root, 'Ettlingen');
    await addMember(hub, root, net.id, city);
    for (const p of [lead, member]) await setRole(hub, root, net.id, p.id, 'MEMBER', city);
    plenumId = await group(hub, root, net.id, 'PLENUM');
    groupId = await group(hub, root, net.id, 'PROJECT_GROUP', { parentGroupId: plenumId, description: 'LoRaWAN in allen Städten', leadOrganizationId: city });
    await addGroupMember(hub, root, groupId, lead.id, 'LEAD', { organizationId: city });
    await addGroupMember(hub, root, groupId, member.id, 'MEMBER', { organizationId: city });
    await drain();
  }, 360_000); // may wait for another test file to give the application-service port back
  afterAll(async () => {
    await hub.stop();
    releasePort();
  });

  it('gives the network a Space and the group a room inside it, marked with the group id', async () => {
    const { network: n } = await hub.ok(root.token, 'query($slug: String!) { network(slug: $slug) { matrixSpaceId } }', { slug: net.slug });
    const roomId = await roomOf(groupId);
    expect(n.matrixSpaceId).toMatch(/^!/);
    expect(roomId).toMatch(/^!/);
    const hierarchy = (await fetch(`${SYNAPSE.baseUrl}/_matrix/client/v1/rooms/${encodeURIComponent(n.matrixSpaceId)}/hierarchy`, {
      headers: { authorization: `Bearer ${SYNAPSE.asToken}` },
    }).then((r) => r.json())) as { rooms: { room_id: string; room_type?: string; topic?: string }[] };
    const ids = hierarchy.rooms.map((r: { room_id: string }) => r.room_id);
    expect(ids).toEqual(expect.arrayContaining([n.matrixSpaceId, roomId]));
    // The project group sits in the "Projektgruppen" sub-Space, the plenum directly in the network's Space.
    const projects = hierarchy.rooms.find((r) => (r as { name?: string }).name === 'Projektgruppen')!;
    expect(projects.room_type).toBe('m.space');
    const childrenOf = (id: string) =>
      ((hierarchy.rooms.find((r) => r.room_id === id) as unknown as { children_state: { state_key: string }[] }).children_state ?? []).map((c) => c.state_key);
    expect(childrenOf(projects.room_id)).toContain(roomId);
    expect(childrenOf(n.matrixSpaceId)).toEqual(expect.arrayContaining([projects.room_id, await roomOf(plenumId)]));
    expect(hierarchy.rooms.find((r) => r.room_id === n.matrixSpaceId)?.room_type).toBe('m.space');
    expect(hierarchy.rooms.find((r: { room_id: string }) => r.room_id === roomId)).toMatchObject({ topic: 'LoRaWAN in allen Städten' });
    const parent = await matrixApi('GET', `/rooms/${encodeURIComponent(roomId)}/state/m.space.parent/${encodeURIComponent(projects.room_id)}`);
    expect(parent.via).toEqual(['localhost']);
    expect(await matrixApi('GET', `/rooms/${encodeURIComponent(roomId)}/state/net.interkom.group/`)).toEqual({ groupId });
  });

  it('invites the members with linked Matrix IDs and gives the LEAD power level 50, the bot 100', async () => {
    const roomId = await roomOf(groupId);
    const members = await roomMembers(roomId);
    expect(members[lead.matrix]).toBe('invite');
    expect(members[member.matrix]).toBe('invite');
    const levels = await matrixApi('GET', `/rooms/${encodeURIComponent(roomId)}/state/m.room.power_levels/`);
    expect(levels.users).toEqual({ [SYNAPSE.bot]: 100, [lead.matrix]: 50 });
  });

  it('kicks a removed member with a reason, and repairs drift when someone is removed by hand', async () => {
    const roomId = await roomOf(groupId);
    const extra = await withMatrix('extra');
    await setRole(hub, root, net.id, extra.id, 'MEMBER');
    await addGroupMember(hub, root, groupId, extra.id, 'MEMBER');
    await drain();
    expect((await roomMembers(roomId))[extra.matrix]).toBe('invite');
    await hub.ok(root.token, 'mutation($input: RemoveGroupMemberInput!) { removeGroupMember(input: $input) }', { input: { groupId, personId: extra.id } });
    await drain();
    expect((await roomMembers(roomId))[extra.matrix]).toBe('leave');
    const kick = await matrixApi('GET', `/rooms/${encodeURIComponent(roomId)}/state/m.room.member/${encodeURIComponent(extra.matrix)}`);
    expect(kick.reason).toContain('Interkom');

    // Someone kicks a member by hand; reconciliation invites them again.
    await matrixApi('POST', `/rooms/${encodeURIComponent(roomId)}/kick`, { user_id: member.matrix, reason: 'von Hand' });
    expect((await roomMembers(roomId))[member.matrix]).toBe('leave');
    const { reconcileMatrix } = await hub.ok(root.token, 'mutation { reconcileMatrix { groups invited kicked } }');
    expect(reconcileMatrix.invited).toBe(1);
    expect((await roomMembers(roomId))[member.matrix]).toBe('invite');

    // Declining or leaving by choice is respected: no invitation every 15 minutes.
    const quitter = await withMatrix('quitter');
    await setRole(hub, root, net.id, quitter.id, 'MEMBER');
    await addGroupMember(hub, root, groupId, quitter.id, 'MEMBER');
    await drain();
    await matrixApi('POST', `/rooms/${encodeURIComponent(roomId)}/leave`, {}, quitter.matrixToken);
    await hub.ok(root.token, 'mutation { reconcileMatrix { invited } }');
    expect((await roomMembers(roomId))[quitter.matrix]).toBe('leave');
  });

  it('announces meetings, agenda, protocol and action items exactly once, in German, with escaped user text', async () => {
    const roomId = await roomOf(groupId);
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const { createMeeting } = await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId, title: 'Sitzung <b>fett</b>', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), onlineUrl: 'https://meet.jit.si/lora' },
    });
    const meetingId = createMeeting.id;
    await hub.ok(lead.token, 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { input: { meetingId, title: 'Gateways' } });
    await hub.ok(lead.token, 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }', { input: { groupId, title: 'Antenne montieren', assigneeId: member.id, dueOn: '2027-03-01' } });
    const later = new Date(startsAt.getTime() + 86_400_000);
    await hub.ok(lead.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', { input: { meetingId, startsAt: later, endsAt: new Date(later.getTime() + 3_600_000) } });
    await hub.ok(lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId, reason: 'Urlaub' } });
    await drain();
    await drain(); // a second run finds nothing to do and posts nothing

    const messages = await roomMessages(roomId);
    const bodies = messages.map((m) => m.content.body as string);
    for (const text of ['Neuer Termin: Sitzung <b>fett</b>', 'TOP 1 neu auf der Tagesordnung: Gateways', 'Neue Aufgabe: Antenne montieren', 'Termin verschoben', 'Termin abgesagt']) {
      expect(bodies.filter((b) => b.includes(text))).toHaveLength(1);
    }
    const scheduled = messages.find((m) => m.content.body.includes('Neuer Termin'))!;
    expect(scheduled.content.formatted_body).toContain('Sitzung &lt;b&gt;fett&lt;/b&gt;');
    expect(scheduled.content.formatted_body).toContain('<a href="https://meet.jit.si/lora">');
    expect(scheduled.content.body).toMatch(/\d{1,2}:\d{2} Uhr/);
    const markers = messages.map((m) => m.content[MARKER_KEY]).filter(Boolean);
    expect(new Set(markers).size).toBe(markers.length);
  });

  it('tells an assignee outside the group in their personal Interkom room, once; members read their tasks in the group room only', async () => {
    const outsider = await withMatrix('outsider');
    const other = await organization(hub, root, 'Bruchsal');
    await addMember(hub, root, net.id, other);
    await setRole(hub, root, net.id, outsider.id, 'MEMBER', other);
    const ADD = 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }';
    await hub.ok(lead.token, ADD, { input: { groupId, title: 'Pegel <messen>', assigneeId: outsider.id, assigneeOrganizationId: other, dueOn: '2027-04-01' } });
    await hub.ok(lead.token, ADD, { input: { groupId, title: 'Nur im Gruppenraum', assigneeId: member.id } });
    await drain();
    await drain(); // a second run finds nothing to do and posts nothing

    const alias = (id: string) => `/directory/room/${encodeURIComponent(`#interkom-person-${id}:${SYNAPSE.serverName}`)}`;
    const { room_id: personal } = await matrixApi<{ room_id: string }>('GET', alias(outsider.id));
    expect((await roomMembers(personal))[outsider.matrix]).toBe('invite');
    const mine = (await roomMessages(personal)).map((m) => m.content);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain('Neue Aufgabe: Pegel <messen>');
    expect(mine[0].body).toContain('Aus der Gruppe:');
    expect(mine[0].formatted_body).toContain('Pegel &lt;messen&gt;');
    // The group's room hears of both, as before; a member gets no personal room.
    const bodies = (await roomMessages(await roomOf(groupId))).map((m) => m.content.body as string);
    for (const title of ['Pegel <messen>', 'Nur im Gruppenraum']) expect(bodies.filter((b) => b.includes(`Neue Aufgabe: ${title}`))).toHaveLength(1);
    await expect(matrixApi('GET', alias(member.id))).rejects.toThrow(/404/);
  });

  it("ends a guest's room membership after their until date", async () => {
    const roomId = await roomOf(groupId);
    const guest = await withMatrix('guest');
    await setRole(hub, root, net.id, guest.id, 'MEMBER');
    await addGroupMember(hub, root, groupId, guest.id, 'GUEST', { until: '2099-12-31' });
    await drain();
    expect((await roomMembers(roomId))[guest.matrix]).toBe('invite');
    const db = hub.hub.app.get((await import('typeorm')).DataSource);
    await db.query('UPDATE group_member SET until = CURRENT_DATE - 1 WHERE person_id = $1', [guest.id]); // time passes
    await hub.ok(root.token, 'mutation { reconcileMatrix { kicked } }');
    expect((await roomMembers(roomId))[guest.matrix]).toBe('leave');
  });

  it('announces a published protocol with its decisions and action items', async () => {
    const roomId = await roomOf(groupId);
    const startsAt = new Date(Date.now() - 2 * 3_600_000);
    const { createMeeting } = await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId, title: 'Vergangen', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
    const { startProtocol } = await hub.ok(lead.token, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id version } }', { input: { meetingId: createMeeting.id } });
    await hub.ok(lead.token, 'mutation($input: AddDecisionInput!) { addDecision(input: $input) { version } }', { input: { protocolId: startProtocol.id, text: 'Gateways <script>beschaffen</script>', expectedVersion: 1 } });
    await hub.ok(lead.token, 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }', { input: { groupId, title: 'Angebote einholen', assigneeId: member.id, protocolId: startProtocol.id } });
    for (const [step, v] of [['submitProtocolForReview', 3], ['approveProtocol', 4], ['publishProtocol', 5]] as const) {
      await hub.ok(lead.token, `mutation($input: ProtocolTransitionInput!) { ${step}(input: $input) { version } }`, { input: { protocolId: startProtocol.id, expectedVersion: v } });
    }
    await drain();
    const published = (await roomMessages(roomId)).filter((m) => (m.content.body as string).startsWith('📄 Protokoll veröffentlicht: Vergangen'));
    expect(published).toHaveLength(1);
    expect(published[0].content.body).toContain('Gateways <script>beschaffen</script>');
    expect(published[0].content.body).toContain('Angebote einholen');
    expect(published[0].content.formatted_body).toContain('&lt;script&gt;');
  });

  it('makes a dead letter of a non-retryable failure, and delivers it after an admin retries', async () => {
    const db = hub.hub.app.get((await import('typeorm')).DataSource);
    const roomId = await roomOf(groupId);
    await db.query(`UPDATE work_group SET matrix_room_id = '!nicht-da:localhost' WHERE id = $1`, [groupId]);
    const startsAt = new Date(Date.now() + 50 * 86_400_000);
    await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId, title: 'Totbrief', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
    await drain();
    expect((await status()).deadLetter).toBe(1);
    await db.query('UPDATE work_group SET matrix_room_id = $2 WHERE id = $1', [groupId, roomId]);
    expect((await hub.ok(root.token, 'mutation { retryOutboxDeadLetters }')).retryOutboxDeadLetters).toBe(1);
    await drain();
    expect(await status()).toMatchObject({ deadLetter: 0, pending: 0, failed: 0 });
    expect((await roomMessages(roomId)).filter((m) => (m.content.body as string).startsWith('📅 Neuer Termin: Totbrief'))).toHaveLength(1);
    // Outbox administration is for hub admins only.
    const nobody = await actor(hub, 'nobody');
    expect(codeOf(await hub.gql(nobody.token, '{ outboxStatus { pending } }'))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(nobody.token, 'mutation { retryOutboxDeadLetters }'))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(lead.token, 'mutation { reconcileMatrix { groups } }'))).toBe('FORBIDDEN');
  });

  it('reminds the room once before a meeting', async () => {
    const roomId = await roomOf(groupId);
    const startsAt = new Date(Date.now() + 3 * 3_600_000);
    await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId, title: 'Bald', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), onlineUrl: 'https://meet.jit.si/bald' },
    });
    const reminders = hub.hub.app.get(MeetingRemindersService);
    expect(await reminders.remindDue()).toBeGreaterThanOrEqual(1);
    expect(await reminders.remindDue()).toBe(0);
    await drain();
    const bodies = (await roomMessages(roomId)).map((m) => m.content.body as string);
    expect(bodies.filter((b) => b.startsWith('⏰ Erinnerung: Bald'))).toHaveLength(1);
  });

  it('two workers on the same outbox never deliver twice', async () => {
    const roomId = await roomOf(groupId);
    for (let i = 0; i < 12; i++) {
      const startsAt = new Date(Date.now() + (10 + i) * 86_400_000);
      await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
        input: { groupId, title: `Parallel ${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
      });
    }
    // A second instance of the hub on the same database delivers alongside this one.
    const other = await TestHub.start({ ...DRIVEN_MATRIX_ENV, DATABASE_URL: databaseUrl });
    try {
      const otherProcessor = other.hub.app.get(MatrixOutboxProcessor);
      await Promise.all([processor.drain(), otherProcessor.drain(), processor.runOnce(5), otherProcessor.runOnce(5)]);
      await drain(); // whatever a retry put back in line
    } finally {
      await other.stop();
    }
    const bodies = (await roomMessages(roomId)).map((m) => m.content.body as string);
    for (let i = 0; i < 12; i++) expect(bodies.filter((b) => b.includes(`Neuer Termin: Parallel ${i}\n`))).toHaveLength(1);
  });

  describe('commands in the room', () => {
    const waitFor = async <T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> => {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const value = await probe();
        if (value) return value;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`timed out waiting for ${what}`);
    };
    const say = async (who: { matrixToken: string }, roomId: string, body: string) =>
      matrixApi('PUT', `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${Date.now()}-${Math.random()}`, { msgtype: 'm.text', body }, who.matrixToken);
    const agendaTitles = async () => {
      const { group: g } = await hub.ok(lead.token, 'query($id: ID!) { group(id: $id) { meetings(from: null) { status agenda { title status } } } }', { id: groupId });
      return g.meetings.flatMap((m: { agenda: { title: string; status: string }[] }) => m.agenda.map((a) => `${a.status} ${a.title}`)) as string[];
    };

    it('!agenda proposes an item for the next meeting and !todo creates an action item, each answered in the room', async () => {
      const roomId = await roomOf(groupId);
      await matrixApi('POST', `/rooms/${encodeURIComponent(roomId)}/join`, {}, member.matrixToken);
      const startsAt = new Date(Date.now() + 2 * 86_400_000);
      await hub.ok(lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
        input: { groupId, title: 'Nächste', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
      });
      await say(member, roomId, '!agenda Neue Sensoren in Stutensee');
      await waitFor(async () => (await agendaTitles()).includes('PROPOSED Neue Sensoren in Stutensee'), 'the proposed agenda item');
      const { organizations } = await hub.ok(root.token, '{ organizations { id name } }');
      const cityName = organizations.find((o: { id: string }) => o.id === city).name.replace(/ /g, '_');
      await say(member, roomId, `!todo Antenne tauschen @${cityName} due 2027-02-01`);
      const item = await waitFor(async () => {
        const { group: g } = await hub.ok(lead.token, 'query($id: ID!) { group(id: $id) { openActionItems { title dueOn assigneeOrganization { id } } } }', { id: groupId });
        return g.openActionItems.find((a: { title: string }) => a.title === 'Antenne tauschen');
      }, 'the action item');
      expect(item).toMatchObject({ dueOn: '2027-02-01', assigneeOrganization: { id: city } });
      await say(member, roomId, '!kaffee');
      const replies = await waitFor(async () => {
        await drain();
        const bodies = (await roomMessages(roomId)).filter((m) => m.sender === SYNAPSE.bot).map((m) => m.content.body as string);
        return bodies.some((b) => b.startsWith('Unbekannter Befehl !kaffee')) && bodies;
      }, 'the replies');
      expect(replies.filter((b) => /^Vorschlag für „.+“ vorgemerkt: Neue Sensoren in Stutensee/.test(b))).toHaveLength(1);
      expect(replies.filter((b) => b.startsWith('Aufgabe angelegt: Antenne tauschen'))).toHaveLength(1);
    });

    it('refuses transactions without the right hs_token, and handles a re-sent transaction once', async () => {
      const roomId = await roomOf(groupId);
      const event = { type: 'm.room.message', room_id: roomId, sender: member.matrix, event_id: '$forged', content: { msgtype: 'm.text', body: '!agenda Eingeschleust' } };
      expect((await hub.http.put('/_matrix/app/v1/transactions/forged-1').send({ events: [event] })).status).toBe(401);
      expect((await hub.http.put('/_matrix/app/v1/transactions/forged-2').set('authorization', 'Bearer wrong').send({ events: [event] })).status).toBe(403);
      expect(await agendaTitles()).not.toContain('PROPOSED Eingeschleust');

      const replay = { ...event, content: { msgtype: 'm.text', body: '!agenda Nur einmal' } };
      for (let i = 0; i < 2; i++) {
        const res = await hub.http.put('/_matrix/app/v1/transactions/replayed-1').set('authorization', `Bearer ${SYNAPSE.hsToken}`).send({ events: [replay] });
        expect(res.status).toBe(200);
      }
      expect((await agendaTitles()).filter((t) => t === 'PROPOSED Nur einmal')).toHaveLength(1);
    });

    it("answers the homeserver's ping with the hs_token, and only with it", async () => {
      // Synapse pings the hub on the application service's behalf and reports the round trip.
      expect(await pingAppservice()).toBeGreaterThanOrEqual(0);
      expect((await hub.http.post('/_matrix/app/v1/ping').send({})).status).toBe(401);
      expect((await hub.http.post('/_matrix/app/v1/ping').set('authorization', 'Bearer wrong').send({})).status).toBe(403);
      expect((await hub.http.post('/_matrix/app/v1/ping').set('authorization', `Bearer ${SYNAPSE.hsToken}`).send({})).status).toBe(200);
    });

    it('asks the homeserver for a ping, as main.ts does once it listens, and says why when the registration id is wrong', async () => {
      const matrix = hub.hub.app.get<AppConfig>(APP_CONFIG).matrix!;
      expect(await pingFromHomeserver({ ...matrix, appserviceId: SYNAPSE.appserviceId })).toMatchObject({ ok: true, ms: expect.any(Number) });
      const wrong = await pingFromHomeserver({ ...matrix, appserviceId: 'not-registered-here' });
      expect(wrong).toMatchObject({ ok: false, reason: expect.stringMatching(/^4\d\d /) });
    });
  });

  it('works without a homeserver and delivers what was recorded once one is configured', async () => {
    const offline = await TestHub.start({ DATABASE_URL: databaseUrl }); // no MATRIX_* at all
    let later: string;
    try {
      const admin = await actor(offline, 'offline-admin', { admin: true });
      const n = await network(offline, admin, 'OPEN');
      later = await group(offline, admin, n.id, 'PLENUM');
      const { outboxStatus } = await offline.ok(admin.token, '{ outboxStatus { pending } }');
      expect(outboxStatus.pending).toBeGreaterThanOrEqual(2);
    } finally {
      await offline.stop();
    }
    await drain();
    const roomId = await roomOf(later);
    expect(roomId).toMatch(/^!/);
    expect(await matrixApi('GET', `/rooms/${encodeURIComponent(roomId)}/state/net.interkom.group/`)).toEqual({ groupId: later });
  });
});
