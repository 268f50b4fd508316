import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadOrCreateDevKey, signDevToken } from '../../src/auth/dev-keys.js';
import { createHub, type RunningHub } from '../../src/bootstrap.js';
import { todayInBerlin } from '../../src/common/scalars.js';
import { loadConfig } from '../../src/config/config.js';

/**
 * The embedded default serves ONE database connection. Anything that queries through the pool
 * while its own transaction holds that connection waits for itself forever. This walks the whole
 * moderator flow on it, through GraphQL: every mutation must answer, and none with an error.
 */

/** A hung request fails its step with a message instead of hanging the suite. */
const REQUEST_TIMEOUT_MS = 30_000;

describe('the moderator flow on the embedded default (one connection)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-embedded-flow-'));
  let hub: RunningHub;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, DEMO_DATA: 'false' });
    expect(config.databaseUrl).toBeUndefined();
    hub = await createHub(config, { logger: false });
    const key = await loadOrCreateDevKey(dataDir);
    for (const [name, admin] of [['root', true], ['mara', false], ['ben', false], ['ida', false]] as const) {
      tokens[name] = await signDevToken(key, hub.config.auth.clientId, `flow-${name}`, { admin });
    }
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One step: must answer, without any error. */
  async function step<T = any>(who: string, what: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let res;
    try {
      res = await request(hub.app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${tokens[who]}`)
        .timeout(REQUEST_TIMEOUT_MS)
        .send({ query, variables });
    } catch (error) {
      throw new Error(`${what}: no answer (${(error as Error).message})`);
    }
    if (res.body.errors?.length) throw new Error(`${what}: ${JSON.stringify(res.body.errors)}`);
    return res.body.data as T;
  }

  it('runs every step of a moderator’s work without waiting for itself', async () => {
    const me = async (who: string) => (await step(who, `me (${who})`, '{ me { id } }')).me.id as string;
    const [rootId, maraId, benId, idaId] = [await me('root'), await me('mara'), await me('ben'), await me('ida')];

    const { createOrganization: org } = await step('root', 'createOrganization', 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', {
      i: { name: 'Stadt Bretten', kind: 'MUNICIPALITY', federalState: 'DE-BW' },
    });
    const { createNetwork: net } = await step('root', 'createNetwork', 'mutation { createNetwork(input: { slug: "flow", name: "Flow", joinPolicy: APPROVAL }) { id } }');
    await step('root', 'addNetworkMember', 'mutation($i: AddNetworkMemberInput!) { addNetworkMember(input: $i) { status } }', { i: { networkId: net.id, organizationId: org.id } });
    const SET_ROLE = 'mutation($i: SetNetworkRoleInput!) { setNetworkRole(input: $i) { role } }';
    await step('root', 'setNetworkRole', SET_ROLE, { i: { networkId: net.id, personId: maraId, role: 'MODERATOR', organizationId: org.id } });
    for (const id of [benId, idaId]) await step('root', 'setNetworkRole', SET_ROLE, { i: { networkId: net.id, personId: id, role: 'MEMBER', organizationId: org.id } });

    const { createGroup: g } = await step('mara', 'createGroup', 'mutation($i: CreateGroupInput!) { createGroup(input: $i) { id } }', {
      i: { networkId: net.id, level: 'PROJECT_GROUP', name: 'LoRaWAN', leadOrganizationId: org.id, protocolApprovalMode: 'MODERATION' },
    });
    await step('mara', 'addGroupMember', 'mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { role } }', {
      i: { groupId: g.id, personId: benId, role: 'MEMBER', organizationId: org.id },
    });

    // A meeting in the past, with agenda, attendance and a protocol all the way to publication.
    const startsAt = new Date(Date.now() - 2 * 86_400_000);
    const { createMeeting: m } = await step('mara', 'createMeeting', 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
      i: { groupId: g.id, title: 'Jour fixe', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
    const ADD_ITEM = 'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }';
    const { addAgendaItem: item } = await step('mara', 'addAgendaItem', ADD_ITEM, { i: { meetingId: m.id, title: 'Gateways' } });
    await step('mara', 'addAgendaItem', ADD_ITEM, { i: { meetingId: m.id, title: 'Intern', public: false } });
    await step('mara', 'recordAttendance', 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }', {
      i: { meetingId: m.id, personId: benId, status: 'PRESENT', organizationId: org.id },
    });
    const { startProtocol: p } = await step('mara', 'startProtocol', 'mutation($i: StartProtocolInput!) { startProtocol(input: $i) { id version } }', { i: { meetingId: m.id } });
    let version: number = p.version;
    ({ updateProtocolEntry: { version } } = await step('mara', 'updateProtocolEntry', 'mutation($i: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $i) { version } }', {
      i: { protocolId: p.id, agendaItemId: item.id, expectedVersion: version, notes: 'Drei Gateways bestellt.' },
    }));
    ({ addDecision: { version } } = await step('mara', 'addDecision', 'mutation($i: AddDecisionInput!) { addDecision(input: $i) { version } }', {
      i: { protocolId: p.id, agendaItemId: item.id, expectedVersion: version, text: 'Pilot in Bretten', votesFor: 5 },
    }));
    await step('mara', 'addActionItem', 'mutation($i: AddActionItemInput!) { addActionItem(input: $i) { id } }', {
      i: { groupId: g.id, protocolId: p.id, agendaItemId: item.id, title: 'Angebote einholen', assigneeId: benId },
    });
    version += 1; // the action item raised the protocol's version
    for (const name of ['submitProtocolForReview', 'approveProtocol', 'publishProtocol']) {
      ({ [name]: { version } } = await step('mara', name, `mutation($i: ProtocolTransitionInput!) { ${name}(input: $i) { version status } }`, {
        i: { protocolId: p.id, expectedVersion: version },
      }));
    }
    const published = await step('mara', 'protocol', 'query($id: ID!) { meeting(id: $id) { protocol { status contentHash } } }', { id: m.id });
    expect(published.meeting.protocol).toEqual({ status: 'PUBLISHED', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // Joining a group.
    const { requestGroupMembership: r } = await step('ida', 'requestGroupMembership', 'mutation($i: RequestGroupMembershipInput!) { requestGroupMembership(input: $i) { id status } }', {
      i: { groupId: g.id, message: 'Bitte aufnehmen' },
    });
    expect(r.status).toBe('PENDING');
    await step('mara', 'decideGroupJoinRequest', 'mutation($i: DecideGroupJoinRequestInput!) { decideGroupJoinRequest(input: $i) { status } }', { i: { requestId: r.id, approve: true } });

    // A series: schedule, change, end.
    const { scheduleMeetingSeries: s } = await step('mara', 'scheduleMeetingSeries', 'mutation($i: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $i) { id } }', {
      i: { groupId: g.id, title: 'Jour fixe', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', startsOn: todayInBerlin(), startTime: '10:00', durationMinutes: 60 },
    });
    await step('mara', 'updateMeetingSeries', 'mutation($i: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $i) { id } }', {
      i: { seriesId: s.id, effectiveFrom: todayInBerlin(), rrule: 'FREQ=WEEKLY;BYDAY=TH', durationMinutes: 90 },
    });
    await step('mara', 'endMeetingSeries', 'mutation($i: EndMeetingSeriesInput!) { endMeetingSeries(input: $i) { id } }', { i: { seriesId: s.id, lastDate: todayInBerlin() } });

    // Privacy and the calendar feed.
    await step('ben', 'setPrivacySettings', 'mutation { setPrivacySettings(input: { publicProfile: true }) { publicProfile } }');
    await step('ben', 'calendarFeedUrl', '{ calendarFeedUrl }');
    await step('ben', 'rotateCalendarFeedToken', 'mutation { rotateCalendarFeedToken }');

    // A date poll: offer, answer, close (which creates the meeting).
    const slot = new Date(Date.now() + 14 * 86_400_000);
    const { createDatePoll: poll } = await step('mara', 'createDatePoll', 'mutation($i: CreateDatePollInput!) { createDatePoll(input: $i) { id options { id } } }', {
      i: { groupId: g.id, title: 'Workshop', options: [{ startsAt: slot, endsAt: new Date(slot.getTime() + 3_600_000) }] },
    });
    await step('ben', 'voteDatePoll', 'mutation($i: VoteDatePollInput!) { voteDatePoll(input: $i) { id } }', {
      i: { pollId: poll.id, votes: [{ optionId: poll.options[0].id, answer: 'YES' }] },
    });
    const { closeDatePoll: closed } = await step('mara', 'closeDatePoll', 'mutation($i: CloseDatePollInput!) { closeDatePoll(input: $i) { closed meeting { id } } }', {
      i: { pollId: poll.id, optionId: poll.options[0].id },
    });
    expect(closed).toEqual({ closed: true, meeting: { id: expect.any(String) } });

    // The network's audit log saw the moderator's changes (and the hub admin's).
    const log = await step('root', 'auditLog', 'query { network(slug: "flow") { auditLog(limit: 500) { action actor { id } } } }');
    expect(log.network.auditLog.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['protocol.publish', 'series.end', 'group.joinRequest.approve']));
    expect(log.network.auditLog.some((e: { actor: { id: string } | null }) => e.actor?.id === rootId)).toBe(true);
  }, 300_000);
});
