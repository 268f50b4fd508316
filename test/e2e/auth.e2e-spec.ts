import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportSPKI, importJWK, SignJWT } from 'jose';
import { listRootOperations } from '../../src/auth/permission-inventory.js';
import { KeycloakIssuer } from '../support/keycloak-issuer.js';
import { codeOf, TestHub } from '../support/test-hub.js';
import { EXECUTION_MODES } from '../support/execution-modes.js';

const ME = '{ me { id displayName email } }';
const now = () => Math.floor(Date.now() / 1000);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe.each(EXECUTION_MODES)('sign-in with Keycloak access tokens, %s', (_mode, modeEnv) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start(modeEnv);
  });
  afterAll(() => hub.stop());

  it('accepts a valid access token and creates the person on first sight', async () => {
    const token = await hub.token('erika');
    const first = await hub.ok(token, ME);
    expect(first.me).toMatchObject({ displayName: 'Erika', email: 'erika@example.org' });
    const again = await hub.ok(await hub.token('erika'), ME);
    expect(again.me.id).toBe(first.me.id);
  });

  it('accepts a token fetched from the issuer\'s token endpoint over HTTP', async () => {
    const res = await fetch(`${hub.issuer.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=max&password=x&client_id=interkom-api',
    });
    const { access_token } = (await res.json()) as { access_token: string };
    expect((await hub.ok(access_token, ME)).me.displayName).toBe('Max');
  });

  it('refuses a request without a token', async () => {
    expect(codeOf(await hub.gql(null, ME))).toBe('UNAUTHENTICATED');
  });

  const attacks: [string, () => Promise<string>][] = [
    ['an expired token', () => hub.token('eve', { expiresIn: now() - 60 })],
    ['a wrong issuer', () => hub.token('eve', { claims: { iss: 'http://127.0.0.1:1/realms/interkom' } })],
    ['a wrong audience', () => hub.token('eve', { claims: { aud: 'some-other-client' } })],
    ['a key the realm never published (known kid)', async () => hub.token('eve', { key: await KeycloakIssuer.foreignKey() })],
    ['a key the realm never published (unknown kid)', async () => hub.token('eve', { key: await KeycloakIssuer.foreignKey(), kid: 'forged' })],
    ['alg: none', async () => {
      const valid = await hub.token('eve');
      const payload = valid.split('.')[1];
      return `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    }],
    ['HS256 signed with the public key', async () => {
      // The classic confusion attack: the realm's public key (PEM) used as an HMAC secret.
      const pem = await exportSPKI((await importJWK(await hub.issuer.publicJwk, 'RS256')) as Parameters<typeof exportSPKI>[0]);
      return new SignJWT({ typ: 'Bearer', azp: 'interkom-api', realm_access: { roles: ['hub-admin'] } })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(hub.issuer.issuer)
        .setAudience('interkom-api')
        .setSubject('kc-eve')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(pem));
    }],
    ['no exp', () => hub.token('eve', { omitExp: true })],
    ['nbf in the future', () => hub.token('eve', { notBefore: now() + 3600 })],
    ['an ID token instead of an access token', () => hub.token('eve', { claims: { typ: 'ID', aud: 'interkom-api' } })],
    ['garbage', async () => 'not.a.jwt'],
  ];

  it.each(attacks)('refuses %s with UNAUTHENTICATED', async (_name, make) => {
    const result = await hub.gql(await make(), ME);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.data?.me).toBeUndefined();
  });

  it('fetches the JWKS again when a token names a new key id (key rotation)', async () => {
    await hub.ok(await hub.token('rotator'), ME);
    const before = hub.issuer.jwksRequests;
    await hub.issuer.rotateKey();
    const result = await hub.ok(await hub.token('rotator'), ME);
    expect(result.me.displayName).toBe('Rotator');
    expect(hub.issuer.jwksRequests).toBe(before + 1);
  });

  it('never sends stack traces', async () => {
    const result = await hub.gql(await hub.token('x'), '{ nope }');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('serves /health without a token', async () => {
    const res = await hub.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });
  });
});

describe.each(EXECUTION_MODES)('deny by default, %s', (_mode, modeEnv) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start(modeEnv);
  });
  afterAll(() => hub.stop());

  /** Reviewed as a permission change: every root operation with what it declares. */
  const EXPECTED: Record<string, string> = {
    'Mutation.acceptAgendaItem': 'meeting.manage',
    'Mutation.addActionItem': 'action-item.manage',
    'Mutation.addAgendaItem': 'agenda.propose',
    'Mutation.addDecision': 'protocol.manage',
    'Mutation.addExternalAttendee': 'meeting.manage',
    'Mutation.addGroupMember': 'group.manage',
    'Mutation.addIdeaStep': 'workshop.participate',
    'Mutation.addNetworkMember': 'network.admin',
    'Mutation.addProtocolCorrection': 'protocol.manage',
    'Mutation.addWorkshopIdea': 'workshop.participate',
    'Mutation.addWorkshopParticipant': 'workshop.facilitate',
    'Mutation.answerMeeting': 'meeting.read',
    'Mutation.answerProtocolFeedback': 'protocol.manage',
    'Mutation.answerSeries': 'meeting.read',
    'Mutation.approveProtocol': 'protocol.manage',
    'Mutation.approveProtocolAsApprover': 'protocol.approve',
    'Mutation.commentOnProtocol': 'protocol.review',
    'Mutation.decideProtocolObjection': 'protocol.manage',
    'Mutation.raiseProtocolObjection': 'protocol.review',
    'Mutation.setProtocolApprovalRule': 'group.manage',
    'Mutation.withdrawProtocolObjection': 'protocol.review',
    'Mutation.cancelMeeting': 'meeting.manage',
    'Mutation.cancelWebinar': 'webinar.manage',
    'Mutation.cancelWebinarRegistration': 'webinar.register',
    'Mutation.clearFieldOfAction': 'workshop.participate',
    'Mutation.closeDatePoll': 'meeting.manage',
    'Mutation.createDatePoll': 'meeting.manage',
    'Mutation.createEventSeries': 'series.create',
    'Mutation.createGroup': 'group.create',
    'Mutation.createMeeting': 'meeting.manage',
    'Mutation.createNetwork': 'hub.admin',
    'Mutation.createOrganization': 'hub.admin',
    'Mutation.createProjectProfile': 'profile.create',
    'Mutation.createWorkshop': 'workshop.create',
    'Mutation.decideGroupJoinRequest': 'group.manage',
    'Mutation.decideJoinRequest': 'network.admin',
    'Mutation.deleteProjectProfile': 'profile.delete',
    'Mutation.endMeetingSeries': 'meeting.manage',
    'Mutation.erasePerson': 'person.erase',
    'Mutation.leaveGroup': 'group.leave',
    'Mutation.linkMatrixAccount': 'person.self',
    'Mutation.markWebinarAttendance': 'webinar.manage',
    'Mutation.moveAgendaItem': 'meeting.manage',
    'Mutation.promoteWorkshopIdea': 'workshop.facilitate',
    'Mutation.publishProtocol': 'protocol.manage',
    'Mutation.reconcileMatrix': 'hub.admin',
    'Mutation.recordAttendance': 'meeting.manage',
    'Mutation.registerForWebinar': 'webinar.register',
    'Mutation.removeAgendaItem': 'meeting.manage',
    'Mutation.removeWorkshopParticipant': 'workshop.facilitate',
    'Mutation.removeAttendance': 'meeting.manage',
    'Mutation.removeExternalAttendee': 'meeting.manage',
    'Mutation.removeGroupMember': 'group.manage',
    'Mutation.removeNetworkMember': 'network.admin',
    'Mutation.requestGroupMembership': 'group.join',
    'Mutation.requestNetworkMembership': 'network.join',
    'Mutation.rescheduleMeeting': 'meeting.manage',
    'Mutation.retryOutboxDeadLetters': 'hub.admin',
    'Mutation.rotateCalendarFeedToken': 'calendar.self',
    'Mutation.scheduleMeetingSeries': 'meeting.manage',
    'Mutation.scheduleWebinar': 'webinar.manage',
    'Mutation.selectFieldOfAction': 'workshop.participate',
    'Mutation.setActionItemStatus': 'action-item.status',
    'Mutation.setGroupJoinPolicy': 'group.manage',
    'Mutation.setNetworkPublication': 'network.admin',
    'Mutation.setNetworkRole': 'network.admin',
    'Mutation.setPrivacySettings': 'person.self',
    'Mutation.startProtocol': 'protocol.manage',
    'Mutation.submitProtocolForReview': 'protocol.manage',
    'Mutation.updateExternalAttendee': 'meeting.manage',
    'Mutation.updateMeetingSeries': 'meeting.manage',
    'Mutation.updateProjectProfile': 'profile.manage',
    'Mutation.updateProtocolEntry': 'protocol.manage',
    'Mutation.voteDatePoll': 'poll.vote',
    'Mutation.voteWorkshopIdea': 'workshop.participate',
    'Query.calendarFeedUrl': 'calendar.self',
    'Query.publicHolidays': 'calendar.self',
    'Query.datePoll': 'group.read',
    'Query.eventSeries': 'public',
    'Query.fieldsOfAction': 'public',
    'Query.group': 'group.view',
    'Query.me': 'signed-in',
    'Query.meeting': 'meeting.read',
    'Query.myActionItems': 'signed-in',
    'Query.myAuditLog': 'signed-in',
    'Query.myEventSeries': 'signed-in',
    'Query.network': 'network.read',
    'Query.myWorkshops': 'signed-in',
    'Query.networks': 'network.read',
    'Query.organizations': 'signed-in',
    'Query.outboxStatus': 'hub.admin',
    'Query.pendingGroupJoinRequests': 'signed-in',
    'Query.personByEmail': 'person.lookup',
    'Query.previewMeetingSeries': 'meeting.manage',
    'Query.projectProfile': 'public',
    'Query.searchProjectProfiles': 'public',
    'Query.searchProjectProfilesConnection': 'public',
    'Query.upcomingMeetings': 'signed-in',
    'Query.upcomingWebinars': 'public',
    'Query.webinarParticipants': 'webinar.manage',
    'Query.webinar': 'public',
    'Query.workshop': 'workshop.read',
  };

  it('every Query and Mutation declares @Public() or a permission, and the list is the reviewed one', () => {
    const ops = listRootOperations(hub.hub.app);
    const undeclared = ops.filter((o) => o.permission === null).map((o) => o.operation);
    expect(undeclared).toEqual([]);
    expect(Object.fromEntries(ops.map((o) => [o.operation, o.permission]))).toEqual(EXPECTED);
  });

  it('every root field of the served schema has a resolver in that list', async () => {
    const { __schema } = await hub.ok(await hub.token('introspector'), '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const served = [
      ...__schema.queryType.fields.map((f: { name: string }) => `Query.${f.name}`),
      ...__schema.mutationType.fields.map((f: { name: string }) => `Mutation.${f.name}`),
    ].sort();
    expect(served).toEqual(Object.keys(EXPECTED).sort());
  });
});
