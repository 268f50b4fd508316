import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MatrixOutboxProcessor } from '../../src/matrix/matrix-outbox.processor.js';
import { listenAsAppservice } from '../support/appservice-port.js';
import { probeAll, type ProbeVars } from '../support/erasure-probe.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole, uniq, type Actor } from '../support/factories.js';
import { sql } from '../support/group-fixtures.js';
import { meeting } from '../support/meeting-fixtures.js';
import { matrixApi, registerMatrixUser, SYNAPSE, SYNAPSE_HUB_ENV } from '../support/synapse.js';
import { codeOf, freshDatabase, TestHub } from '../support/test-hub.js';

const ERASE = 'mutation($id: ID!) { erasePerson(input: { personId: $id }) }';

describe('group joins and erasure (Art. 17 GDPR), against a real Synapse', () => {
  let hub: TestHub;
  let releasePort: () => void = () => {};
  let root: Actor;
  let lead: Actor;
  let peer: Actor;
  let victim: Actor & { matrix: string; matrixToken: string };
  let vars: ProbeVars;
  let groupId: string;
  let meetingId: string;
  let publishedMeetingId: string;

  const gql = (a: Actor, query: string, variables: Record<string, unknown> = {}) => hub.ok(a.token, query, variables);
  const drain = async () => {
    const processor = hub.hub.app.get(MatrixOutboxProcessor);
    for (let i = 0; i < 50; i++) {
      await processor.drain();
      const [{ n }] = await sql(hub, 'SELECT count(*)::int AS n FROM outbox_event WHERE delivered_at IS NULL AND dead_at IS NULL');
      if (n === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the outbox did not drain');
  };
  const waitFor = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
    if (!(await done())) throw new Error('timed out waiting');
  };
  const roomId = async () => (await sql(hub, 'SELECT matrix_room_id FROM work_group WHERE id = $1', [groupId]))[0].matrix_room_id as string;
  const roomState = async () => matrixApi<{ type: string; state_key: string; sender: string; content: Record<string, unknown> }[]>('GET', `/rooms/${encodeURIComponent(await roomId())}/state`);
  /** The person's traces: name and e-mail (both contain the username), Matrix ID and its localpart. */
  const traces = () => [victim.username.toLowerCase(), victim.matrix.toLowerCase(), victim.matrix.slice(1).split(':')[0]];
  const found = (text: string) => traces().filter((t) => text.toLowerCase().includes(t));
  const exportOf = async (a: Actor) => (await hub.http.get('/privacy/export').set('authorization', `Bearer ${a.token}`)).text;
  const snapshot = async () => ({
    protocols: await sql(hub, `SELECT p.id, p.version, p.status, p.content_hash, p.published_markdown,
        (SELECT array_agg(version ORDER BY version) FROM protocol_revision r WHERE r.protocol_id = p.id) AS revisions,
        (SELECT count(*)::int FROM decision d WHERE d.protocol_id = p.id) AS decisions FROM protocol p ORDER BY p.id`),
    attendance: await sql(hub, 'SELECT meeting_id, status FROM attendance ORDER BY meeting_id, status'),
    votes: await sql(hub, 'SELECT option_id, answer FROM date_poll_vote ORDER BY option_id, answer'),
    agenda: await sql(hub, 'SELECT id, position, title FROM agenda_item ORDER BY id'),
  });

  beforeAll(async () => {
    hub = await TestHub.start({
      ...SYNAPSE_HUB_ENV,
      DATABASE_URL: await freshDatabase('matrix_privacy'), MATRIX_OUTBOX_WORKER: 'false', MATRIX_RETRY_BASE_MS: '50', MATRIX_TIMEOUT_MS: '5000',
    });
    releasePort = await listenAsAppservice(hub.hub.app);
    root = await actor(hub, 'root', { admin: true });
    [lead, peer] = [await actor(hub, 'lead'), await actor(hub, 'peer')];
    const v = await actor(hub, 'erika');
    const m = await registerMatrixUser(`mx${uniq()}`);
    victim = { ...v, matrix: m.userId, matrixToken: m.token };
    await gql(victim, 'mutation($input: LinkMatrixAccountInput!) { linkMatrixAccount(input: $input) { id } }', { input: { matrixUserId: victim.matrix } });
    // Consent to be named: so their name is in others' exports before the erasure (and must be gone after it).
    await gql(victim, 'mutation { setPrivacySettings(input: { publicProfile: true }) { id } }');

    const net = await network(hub, root);
    const city = await organization(hub, root, 'Bühl');
    await addMember(hub, root, net.id, city);
    for (const p of [lead, peer, victim]) await setRole(hub, root, net.id, p.id, 'MEMBER', city);
    groupId = await group(hub, root, net.id, 'PROJECT_GROUP', { leadOrganizationId: city });
    await addGroupMember(hub, root, groupId, lead.id, 'LEAD', { organizationId: city });
    await addGroupMember(hub, root, groupId, victim.id, 'MODERATOR', { organizationId: city });
    await addGroupMember(hub, root, groupId, peer.id, 'MEMBER', { organizationId: city });
    // Join requests: one decided by the lead (it lands in the lead's export), one still pending, one for another network.
    const decided = await group(hub, root, net.id);
    await addGroupMember(hub, root, decided, lead.id, 'LEAD');
    const req = 'mutation($input: RequestGroupMembershipInput!) { requestGroupMembership(input: $input) { id } }';
    const { requestGroupMembership: r } = await gql(victim, req, { input: { groupId: decided, message: `Hier ist ${victim.username}` } });
    await gql(lead, 'mutation($input: DecideGroupJoinRequestInput!) { decideGroupJoinRequest(input: $input) { id } }', { input: { requestId: r.id, approve: true } });
    await gql(victim, req, { input: { groupId: await group(hub, root, net.id), message: `Grüße, ${victim.username}` } });
    const otherNet = await network(hub, root);
    await gql(victim, 'mutation($input: RequestNetworkMembershipInput!) { requestNetworkMembership(input: $input) { id } }', {
      input: { networkId: otherNet.id, organizationId: city, message: `Bitte um Aufnahme, ${victim.username}` },
    });

    // A meeting they attended and presented at, whose protocol they wrote (in review, not published).
    meetingId = await meeting(hub, lead, groupId, -2);
    const { addAgendaItem: item } = await gql(victim, 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', {
      input: { meetingId, title: 'Sensorik', presenterId: victim.id, presenterOrganizationId: city },
    });
    await gql(lead, 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }', { input: { meetingId, personId: victim.id, status: 'PRESENT', organizationId: city } });
    const { startProtocol: p1 } = await gql(victim, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id version } }', { input: { meetingId } });
    await gql(victim, 'mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { version } }', {
      input: { protocolId: p1.id, agendaItemId: item.id, notes: 'Zehn Gateways in Betrieb.', expectedVersion: 1 },
    });
    await gql(victim, 'mutation($input: ProtocolTransitionInput!) { submitProtocolForReview(input: $input) { version } }', { input: { protocolId: p1.id, expectedVersion: 2 } });
    // A published protocol they helped write (they do not appear in its text).
    publishedMeetingId = await meeting(hub, lead, groupId, -9);
    const { startProtocol: p2 } = await gql(victim, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id } }', { input: { meetingId: publishedMeetingId } });
    await gql(victim, 'mutation($input: AddDecisionInput!) { addDecision(input: $input) { version } }', { input: { protocolId: p2.id, text: 'Ausschreibung starten', expectedVersion: 1 } });
    for (const [step, v2] of [['submitProtocolForReview', 2], ['approveProtocol', 3], ['publishProtocol', 4]] as const) {
      await gql(lead, `mutation($input: ProtocolTransitionInput!) { ${step}(input: $input) { version } }`, { input: { protocolId: p2.id, expectedVersion: v2 } });
    }
    // A vote, an action item, a calendar feed.
    const { createDatePoll: poll } = await gql(lead, 'mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id options { id } } }', {
      input: { groupId, title: 'Nächster Termin', options: [{ startsAt: new Date(Date.now() + 9e8), endsAt: new Date(Date.now() + 9e8 + 36e5) }] },
    });
    await gql(victim, 'mutation($input: VoteDatePollInput!) { voteDatePoll(input: $input) { id } }', { input: { pollId: poll.id, votes: [{ optionId: poll.options[0].id, answer: 'YES' }] } });
    await gql(lead, 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }', { input: { groupId, title: 'Antennen prüfen', assigneeId: victim.id } });
    // A webinar they speak at: the speaker's name is stored as text, as announced.
    const { createEventSeries: series } = await gql(root, 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }', {
      input: { title: 'Digital am Mittwoch', organizerId: city, networkId: net.id, visibility: 'NETWORK' },
    });
    const { scheduleWebinar: webinar } = await gql(root, 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }', {
      input: {
        seriesId: series.id, title: 'LoRaWAN für Einsteiger', startsAt: new Date(Date.now() + 9e8), endsAt: new Date(Date.now() + 9e8 + 36e5),
        speakers: [{ name: victim.username.replace(/^./, (ch) => ch.toUpperCase()), role: 'Referentin', organizationId: city, personId: victim.id }, { name: 'Gast aus Bühl' }],
      },
    });
    vars = { slug: net.slug, meetingId, publishedMeetingId, pollId: poll.id, email: `${victim.username}@example.org`, webinarId: webinar.id };

    await drain();
    await matrixApi('POST', `/rooms/${encodeURIComponent(await roomId())}/join`, {}, victim.matrixToken);
  }, 360_000); // may wait for the Matrix test file to give the application-service port back
  afterAll(async () => {
    await hub?.stop();
    releasePort();
  });

  it('invites a person whose join request is approved, and removes them when they leave', async () => {
    const joiner = await actor(hub, 'joiner');
    const m = await registerMatrixUser(`mx${uniq()}`);
    await gql(joiner, 'mutation($input: LinkMatrixAccountInput!) { linkMatrixAccount(input: $input) { id } }', { input: { matrixUserId: m.userId } });
    const [{ network_id: networkId }] = await sql(hub, 'SELECT network_id FROM work_group WHERE id = $1', [groupId]);
    await setRole(hub, root, networkId, joiner.id, 'MEMBER');
    const { requestGroupMembership: r } = await gql(joiner, 'mutation($input: RequestGroupMembershipInput!) { requestGroupMembership(input: $input) { id } }', { input: { groupId } });
    await drain();
    const membership = async () => (await roomState()).find((e) => e.type === 'm.room.member' && e.state_key === m.userId)?.content.membership;
    expect(await membership()).toBeUndefined(); // a request alone does not open the room
    await gql(lead, 'mutation($input: DecideGroupJoinRequestInput!) { decideGroupJoinRequest(input: $input) { id } }', { input: { requestId: r.id, approve: true } });
    await drain();
    expect(await membership()).toBe('invite');
    await gql(joiner, 'mutation($g: ID!) { leaveGroup(groupId: $g) }', { g: groupId });
    await drain();
    expect(await membership()).toBe('leave');
  });

  it('leaves no name, e-mail or Matrix ID in any query, feed, export of another person or room state', async () => {
    const feed = (await gql(victim, '{ calendarFeedUrl }')).calendarFeedUrl as string;
    const feedPath = new URL(feed).pathname;
    expect((await hub.http.get(feedPath)).status).toBe(200);
    const groupFeed = async () => (await hub.http.get(`/calendar/groups/${groupId}.ics?token=${new URL((await gql(lead, '{ calendarFeedUrl }')).calendarFeedUrl).pathname.slice(10, -4)}`)).text;
    // The probes can find them: every trace shows up before the erasure.
    const before = JSON.stringify(await probeAll(hub, root.token, vars));
    expect(found(before)).toEqual(traces());
    expect(found(await exportOf(lead))).toContain(victim.username.toLowerCase());
    const joined = (await roomState()).find((e) => e.type === 'm.room.member' && e.state_key === victim.matrix);
    expect(joined?.content.membership).toBe('join');
    const published = (await probeAll(hub, root.token, vars)).published;
    expect(found(JSON.stringify((published as { meeting: { protocol: { markdown: string } } }).meeting.protocol.markdown))).toEqual([]);
    const recordsBefore = await snapshot();
    // A room command of theirs whose reply still waits in the outbox when they are erased.
    await matrixApi('PUT', `/rooms/${encodeURIComponent(await roomId())}/send/m.room.message/erase-${uniq()}`, { msgtype: 'm.text', body: '!help' }, victim.matrixToken);
    await waitFor(async () => (await sql(hub, `SELECT 1 FROM outbox_event WHERE type = 'ChatReply' AND group_id = $1 AND delivered_at IS NULL`, [groupId])).length > 0);

    expect((await gql(victim, ERASE, { id: victim.id })).erasePerson).toBe(true);
    // No event keeps their Matrix ID, delivered or waiting, whatever it concerns.
    expect(JSON.stringify(await sql(hub, 'SELECT type, payload FROM outbox_event'))).not.toContain(victim.matrix);
    await drain();

    for (const who of [root, lead, peer]) {
      const answers = JSON.stringify(await probeAll(hub, who.token, vars));
      expect(found(answers)).toEqual([]);
      expect(answers).toContain('Gelöschte Person'); // still referenced, anonymised
    }
    expect((await hub.http.get(feedPath)).status).toBe(404);
    expect(found(await groupFeed())).toEqual([]);
    expect(found(await exportOf(lead))).toEqual([]);
    expect(found(await exportOf(peer))).toEqual([]);
    // Room state: kicked, no power level, nothing in any content. Matrix never deletes state: the
    // key of the `leave` event the bridge's kick left is the Matrix ID itself (see README).
    const state = await roomState();
    const member = state.find((e) => e.type === 'm.room.member' && e.state_key === victim.matrix);
    expect(member).toMatchObject({ sender: SYNAPSE.bot, content: { membership: 'leave', reason: expect.stringContaining('Interkom') } });
    expect(state.filter((e) => found(JSON.stringify(e.content)).length > 0)).toEqual([]);
    // The state itself (type, key, sender, content); `unsigned.prev_content` is history, not state.
    expect(state.filter((e) => e !== member && found(JSON.stringify([e.type, e.state_key, e.sender, e.content])).length > 0)).toEqual([]);
    // Records keep their numbers: versions, revisions, decisions, attendance, votes, agenda; published text unchanged.
    expect(await snapshot()).toEqual(recordsBefore);
    const { meeting: m } = await gql(lead, 'query($id: ID!) { meeting(id: $id) { attendance { person { displayName } } protocol { revisions { version author { displayName } } } } }', { id: meetingId });
    expect(m.attendance).toContainEqual({ person: { displayName: 'Gelöschte Person' } });
    expect(m.protocol.revisions.map((r: { author: { displayName: string } }) => r.author.displayName)).toEqual(['Gelöschte Person', 'Gelöschte Person', 'Gelöschte Person']);
  });

  it('ends their roles and memberships, keeps others\' decisions without their words, and logs the erasure', async () => {
    expect(await sql(hub, 'SELECT 1 FROM network_role WHERE person_id = $1 UNION ALL SELECT 1 FROM group_member WHERE person_id = $1', [victim.id])).toEqual([]);
    const requests = await sql(hub, `SELECT status, message FROM group_join_request WHERE person_id = $1 UNION ALL
      SELECT status, message FROM join_request WHERE requested_by_id = $1 ORDER BY status`, [victim.id]);
    expect(requests).toEqual([{ status: 'APPROVED', message: null }, { status: 'REJECTED', message: null }, { status: 'REJECTED', message: null }]);
    const log = await sql(hub, `SELECT actor_id, network_id FROM audit_entry WHERE action = 'person.erase' AND subject_id = $1`, [victim.id]);
    expect(log).toEqual([{ actor_id: victim.id, network_id: expect.any(String) }]);
    expect(JSON.stringify(await sql(hub, `SELECT payload FROM outbox_event WHERE aggregate_id = $1`, [victim.id]))).not.toContain(victim.matrix);
  });

  it('lets their next sign-in create a new, empty person', async () => {
    const { me } = await gql(victim, '{ me { id displayName email organizations { id } } }');
    expect(me.id).not.toBe(victim.id);
    expect(me).toMatchObject({ email: `${victim.username}@example.org`, organizations: [] });
    const doc = JSON.parse(await exportOf(victim));
    for (const key of ['networkRoles', 'groupMemberships', 'attendance', 'agendaItems', 'actionItems', 'protocolRevisions', 'pollVotes', 'groupJoinRequests']) {
      expect(doc[key]).toEqual([]);
    }
  });

  it('is for the person themselves or a hub admin: FORBIDDEN for others who see them, NOT_FOUND for the rest', async () => {
    const outsider = await actor(hub, 'outsider');
    expect(codeOf(await hub.gql(lead.token, ERASE, { id: peer.id }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(outsider.token, ERASE, { id: peer.id }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(lead.token, ERASE, { id: 'nobody' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.gql(root.token, ERASE, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect((await hub.ok(root.token, ERASE, { id: outsider.id })).erasePerson).toBe(true);
    expect(codeOf(await hub.gql(root.token, ERASE, { id: outsider.id }))).toBe('CONFLICT');
    expect(codeOf(await hub.gql(root.token, ERASE, { id: victim.id }))).toBe('CONFLICT');
  });
});
