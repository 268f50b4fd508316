import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { todayInBerlin } from '../../src/common/scalars.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole } from '../support/factories.js';
import { groupCast, sql, type GroupCast } from '../support/group-fixtures.js';
import { meeting } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const LOG = `query($slug: String!, $before: DateTime, $limit: Int) { network(slug: $slug) {
  auditLog(before: $before, limit: $limit) { id at action subjectType subjectId summary actor { id } } } }`;
const MY_LOG = 'query($limit: Int) { myAuditLog(limit: $limit) { action subjectId actor { id } summary } }';
const PRIVACY = 'mutation($input: PrivacySettingsInput!) { setPrivacySettings(input: $input) { id publicProfile notifyByEmail } }';
const TRANSITION = (name: string) => `mutation($input: ProtocolTransitionInput!) { ${name}(input: $input) { version status } }`;

describe('the audit log', () => {
  let hub: TestHub;
  let c: GroupCast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await groupCast(hub);
  });
  afterAll(() => hub.stop());

  const count = async () => (await sql(hub, 'SELECT count(*)::int AS n FROM audit_entry'))[0].n as number;
  const log = async (token: string, vars: Record<string, unknown> = {}) => (await hub.ok(token, LOG, { slug: c.slug, ...vars })).network.auditLog;

  it('records every privileged change in the network with its actor, newest first', async () => {
    const since = new Date();
    const city = await organization(hub, c.operator, 'Bruchsal');
    await addMember(hub, c.admin, c.networkId, city);
    const person = await actor(hub, 'person');
    await setRole(hub, c.admin, c.networkId, person.id, 'MEMBER', city);
    await setRole(hub, c.operator, c.networkId, person.id, 'MODERATOR', city); // a hub admin acting in the network
    const g = await group(hub, c.agency, c.networkId);
    await addGroupMember(hub, c.agency, g, person.id, 'LEAD');
    await addGroupMember(hub, c.agency, g, c.member.id, 'MEMBER');
    await hub.ok(c.agency.token, 'mutation($input: RemoveGroupMemberInput!) { removeGroupMember(input: $input) }', { input: { groupId: g, personId: c.member.id } });
    await hub.ok(person.token, 'mutation($g: ID!) { setGroupJoinPolicy(groupId: $g, joinPolicy: OPEN) { id } }', { g });
    const m = await meeting(hub, c.lead, c.groupId, -2);
    const { startProtocol: p } = await hub.ok(c.lead.token, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id version } }', { input: { meetingId: m } });
    await hub.ok(c.lead.token, TRANSITION('submitProtocolForReview'), { input: { protocolId: p.id, expectedVersion: p.version } });
    await hub.ok(c.lead.token, TRANSITION('approveProtocol'), { input: { protocolId: p.id, expectedVersion: p.version + 1 } });
    await hub.ok(c.lead.token, TRANSITION('publishProtocol'), { input: { protocolId: p.id, expectedVersion: p.version + 2 } });
    const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, 'mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }', {
      input: { groupId: c.groupId, title: 'Jour fixe', rrule: 'FREQ=WEEKLY;BYDAY=WE', startsOn: todayInBerlin(), startTime: '09:00', durationMinutes: 30 },
    });
    await hub.ok(c.lead.token, 'mutation($input: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $input) { id } }', { input: { seriesId: s.id, effectiveFrom: todayInBerlin(), durationMinutes: 45 } });
    await hub.ok(c.lead.token, 'mutation($input: EndMeetingSeriesInput!) { endMeetingSeries(input: $input) { id } }', { input: { seriesId: s.id, lastDate: todayInBerlin() } });

    const entries = (await log(c.admin.token)).filter((e: { at: string }) => new Date(e.at) >= since);
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'series.end', 'series.update', 'series.schedule',
      'protocol.publish', 'protocol.approve', 'protocol.submit', 'meeting.create',
      'group.joinPolicy.set', 'group.member.remove', 'group.member.add', 'group.member.add', 'group.create',
      'network.role.set', 'network.role.set', 'network.member.add',
    ]);
    const byAction = (a: string) => entries.filter((e: { action: string }) => e.action === a);
    expect(byAction('network.role.set').map((e: { actor: { id: string } }) => e.actor.id)).toEqual([c.operator.id, c.admin.id]);
    expect(byAction('network.role.set')[0]).toMatchObject({ subjectType: 'Person', subjectId: person.id, summary: 'Rolle im Netzwerk von „Mitglied“ auf „Moderation“ gesetzt.' });
    expect(byAction('protocol.publish')[0]).toMatchObject({ subjectType: 'Protocol', subjectId: p.id, actor: { id: c.lead.id } });
    // Summaries never name a person: people are referenced, so erasure anonymises every entry.
    for (const e of entries) expect(e.summary).not.toMatch(new RegExp(`${person.username}|${c.member.username}|${c.lead.username}`));

    // Paging: limit and before.
    const two = await log(c.admin.token, { limit: 2 });
    expect(two.map((e: { id: string }) => e.id)).toEqual(entries.slice(0, 2).map((e: { id: string }) => e.id));
    const older = await log(c.admin.token, { before: entries[0].at, limit: 500 });
    expect(older.every((e: { at: string }) => new Date(e.at) < new Date(entries[0].at))).toBe(true);
    expect(codeOf(await hub.gql(c.admin.token, LOG, { slug: c.slug, limit: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('records join decisions of both kinds, leaving, ended memberships and calendar rotation', async () => {
    const since = new Date();
    const applicant = await actor(hub, 'applicant');
    const town = await organization(hub, c.operator, 'Waghäusel');
    const { requestNetworkMembership: nr } = await hub.ok(applicant.token, 'mutation($input: RequestNetworkMembershipInput!) { requestNetworkMembership(input: $input) { id } }', {
      input: { networkId: c.networkId, organizationId: town },
    });
    await hub.ok(c.admin.token, 'mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { status } }', { input: { joinRequestId: nr.id, approve: true } });
    const { requestGroupMembership: gr } = await hub.ok(applicant.token, 'mutation($input: RequestGroupMembershipInput!) { requestGroupMembership(input: $input) { id } }', {
      input: { groupId: c.groupId },
    });
    await hub.ok(c.lead.token, 'mutation($input: DecideGroupJoinRequestInput!) { decideGroupJoinRequest(input: $input) { status } }', { input: { requestId: gr.id, approve: true } });
    await hub.ok(applicant.token, 'mutation($g: ID!) { leaveGroup(groupId: $g) }', { g: c.groupId });
    await hub.ok(c.admin.token, 'mutation($input: RemoveNetworkMemberInput!) { removeNetworkMember(input: $input) { status } }', { input: { networkId: c.networkId, organizationId: town } });
    await hub.ok(applicant.token, '{ calendarFeedUrl }'); // the first token is issued, not rotated: no entry
    await hub.ok(applicant.token, 'mutation { rotateCalendarFeedToken }');

    const entries = (await log(c.admin.token)).filter((e: { at: string }) => new Date(e.at) >= since);
    expect(entries.map((e: { action: string; actor: { id: string } }) => [e.action, e.actor.id])).toEqual([
      ['network.member.remove', c.admin.id],
      ['group.member.leave', applicant.id],
      ['group.joinRequest.approve', c.lead.id],
      ['group.joinRequest.create', applicant.id],
      ['network.joinRequest.approve', c.admin.id],
      ['network.joinRequest.create', applicant.id],
    ]);
    const mine = (await hub.ok(applicant.token, MY_LOG)).myAuditLog.map((e: { action: string }) => e.action);
    expect(mine).toEqual(['calendar.token.rotate', 'group.member.leave', 'group.joinRequest.approve', 'group.joinRequest.create', 'network.joinRequest.approve', 'network.joinRequest.create']);
  });

  it('records meetings: created, rescheduled, cancelled, and created from a date poll', async () => {
    const since = new Date();
    const startsAt = new Date('2031-03-10T09:00:00Z'); // 10:00 in Berlin
    const { createMeeting: m } = await hub.ok(c.lead.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { groupId: c.groupId, title: 'Jour fixe', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
    });
    await hub.ok(c.agency.token, 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }', {
      input: { meetingId: m.id, startsAt: new Date('2031-03-12T13:00:00Z'), endsAt: new Date('2031-03-12T14:00:00Z') },
    });
    await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', {
      input: { meetingId: m.id, reason: `${c.lead.username} ist krank` },
    });
    const slot = new Date('2031-04-01T08:30:00Z');
    const { createDatePoll: poll } = await hub.ok(c.lead.token, 'mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id options { id } } }', {
      input: { groupId: c.groupId, title: 'Workshop', options: [{ startsAt: slot, endsAt: new Date(slot.getTime() + 3_600_000) }] },
    });
    const { closeDatePoll: closed } = await hub.ok(c.lead.token, 'mutation($input: CloseDatePollInput!) { closeDatePoll(input: $input) { meeting { id } } }', {
      input: { pollId: poll.id, optionId: poll.options[0].id },
    });

    const entries = (await log(c.admin.token)).filter((e: { at: string }) => new Date(e.at) >= since);
    expect(entries.map((e: { action: string; subjectType: string; subjectId: string; actor: { id: string }; summary: string }) => [e.action, e.subjectType, e.subjectId, e.actor.id, e.summary])).toEqual([
      ['meeting.create', 'Meeting', closed.meeting.id, c.lead.id, 'Sitzung „Workshop“ aus der Terminumfrage angesetzt: 01.04.2031, 10:30 Uhr.'],
      ['meeting.cancel', 'Meeting', m.id, c.lead.id, 'Sitzung „Jour fixe“ am 12.03.2031, 14:00 Uhr abgesagt.'],
      ['meeting.reschedule', 'Meeting', m.id, c.agency.id, 'Sitzung „Jour fixe“ verlegt: 10.03.2031, 10:00 Uhr → 12.03.2031, 14:00 Uhr.'],
      ['meeting.create', 'Meeting', m.id, c.lead.id, 'Sitzung „Jour fixe“ angesetzt: 10.03.2031, 10:00 Uhr.'],
    ]);
    // The cancel reason is free text and may name someone: it stays out of the summary.
    for (const e of entries) expect(e.summary).not.toContain(c.lead.username);
  });

  it('shows the network log to its ADMINs and hub admins only', async () => {
    expect((await log(c.operator.token)).length).toBeGreaterThan(0);
    for (const who of [c.agency, c.lead, c.member, c.bystander]) expect(await log(who.token)).toEqual([]);
    const outside = await hub.ok(c.stranger.token, LOG, { slug: c.slug });
    expect(outside.network.auditLog).toEqual([]);
  });

  it('gives everyone the entries where they are actor or subject (myAuditLog)', async () => {
    const person = await actor(hub, 'subject');
    await setRole(hub, c.admin, c.networkId, person.id, 'MEMBER', c.city);
    await hub.ok(person.token, PRIVACY, { input: { publicProfile: true } });
    const mine = (await hub.ok(person.token, MY_LOG)).myAuditLog;
    expect(mine).toEqual([
      { action: 'person.privacy.set', subjectId: person.id, actor: { id: person.id }, summary: 'Datenschutz-Einstellungen geändert: öffentliches Profil an.' },
      { action: 'network.role.set', subjectId: person.id, actor: { id: c.admin.id }, summary: 'Rolle „Mitglied“ im Netzwerk vergeben.' },
    ]);
    expect((await hub.ok(person.token, MY_LOG, { limit: 1 })).myAuditLog).toHaveLength(1);
    expect(codeOf(await hub.gql(person.token, MY_LOG, { limit: 501 }))).toBe('BAD_USER_INPUT');
  });

  it('writes no entry for a change that fails', async () => {
    const solo = await network(hub, c.operator);
    const m = await meeting(hub, c.lead, c.groupId, -3);
    const { startProtocol: p } = await hub.ok(c.lead.token, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id version } }', { input: { meetingId: m } });
    const before = await count();
    // The last ADMIN cannot step down.
    expect(codeOf(await hub.gql(c.operator.token, 'mutation($input: SetNetworkRoleInput!) { setNetworkRole(input: $input) { role } }', {
      input: { networkId: solo.id, personId: c.operator.id, role: 'MEMBER' },
    }))).toBe('BAD_USER_INPUT');
    // A stale version.
    expect(codeOf(await hub.gql(c.lead.token, TRANSITION('submitProtocolForReview'), { input: { protocolId: p.id, expectedVersion: p.version + 5 } }))).toBe('CONFLICT');
    // The last LEAD cannot leave; a member cannot set the join policy.
    expect(codeOf(await hub.gql(c.lead.token, 'mutation($g: ID!) { leaveGroup(groupId: $g) }', { g: c.groupId }))).toBe('CONFLICT');
    expect(codeOf(await hub.gql(c.bystander.token, 'mutation($g: ID!) { setGroupJoinPolicy(groupId: $g, joinPolicy: CLOSED) { id } }', { g: c.groupId }))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('makes no change whose entry cannot be written (same transaction)', async () => {
    const person = await actor(hub, 'atomic');
    await sql(hub, `CREATE OR REPLACE FUNCTION ik_refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql`);
    await sql(hub, 'CREATE TRIGGER ik_refuse_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION ik_refuse_audit()');
    try {
      expect(codeOf(await hub.gql(person.token, PRIVACY, { input: { publicProfile: true } }))).toBe('INTERNAL_SERVER_ERROR');
      expect(codeOf(await hub.gql(c.admin.token, 'mutation($input: SetNetworkRoleInput!) { setNetworkRole(input: $input) { role } }', {
        input: { networkId: c.networkId, personId: person.id, role: 'MEMBER' },
      }))).toBe('INTERNAL_SERVER_ERROR');
      expect(codeOf(await hub.gql(person.token, 'mutation { rotateCalendarFeedToken }'))).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql(hub, 'DROP TRIGGER ik_refuse_audit ON audit_entry');
    }
    expect((await hub.ok(person.token, '{ me { publicProfile } }')).me.publicProfile).toBe(false);
    expect(await sql(hub, 'SELECT 1 FROM network_role WHERE person_id = $1', [person.id])).toEqual([]);
    expect(await sql(hub, 'SELECT calendar_token FROM person WHERE id = $1', [person.id])).toEqual([{ calendar_token: null }]);
  });
});
