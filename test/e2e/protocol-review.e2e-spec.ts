import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { ProtocolApprovalsService } from '../../src/protocols/review/protocol-approvals.service.js';
import { group } from '../support/factories.js';
import { cast, meeting, outbox, type Cast } from '../support/meeting-fixtures.js';
import { codeOf, TestHub, type GqlResult } from '../support/test-hub.js';

const P = 'id status version approvalMode approvalDueAt openObjectionCount';
const START = `mutation($input: StartProtocolInput!) { startProtocol(input: $input) { ${P} } }`;
const ENTRY = `mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { ${P} } }`;
const SUBMIT = `mutation($input: ProtocolTransitionInput!) { submitProtocolForReview(input: $input) { ${P} } }`;
const APPROVE = `mutation($input: ProtocolTransitionInput!) { approveProtocol(input: $input) { ${P} } }`;
const APPROVE_AS = `mutation($input: ProtocolTransitionInput!) { approveProtocolAsApprover(input: $input) { ${P} approvals { person { id } } } }`;
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
const ATTEND = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }';
const F = 'id kind text protocolVersion agendaItemId answer answeredBy { id } resolution resolvedBy { id } author { id }';
const COMMENT = `mutation($input: CommentOnProtocolInput!) { commentOnProtocol(input: $input) { ${F} } }`;
const OBJECT = `mutation($input: RaiseProtocolObjectionInput!) { raiseProtocolObjection(input: $input) { ${F} } }`;
const ANSWER = `mutation($input: AnswerProtocolFeedbackInput!) { answerProtocolFeedback(input: $input) { ${F} } }`;
const DECIDE = `mutation($input: DecideProtocolObjectionInput!) { decideProtocolObjection(input: $input) { ${F} } }`;
const WITHDRAW = `mutation($input: WithdrawProtocolObjectionInput!) { withdrawProtocolObjection(input: $input) { ${F} } }`;
const RULE = `mutation($input: SetProtocolApprovalRuleInput!) { setProtocolApprovalRule(input: $input) { id protocolApprovalMode objectionPeriodDays protocolApprovers { id } } }`;
const GROUP = 'query($id: ID!) { group(id: $id) { protocolApprovalMode objectionPeriodDays protocolApprovers { id } } }';
const READ = `query($id: ID!) { meeting(id: $id) { agenda { title }
  protocol { ${P} approvalMeeting { id } myApprovalPending feedback { ${F} } revisions { version summary author { id } } } } }`;

const DAY = 86_400_000;

describe('protocol review by the group and the approval modes (issue 21.1)', () => {
  let hub: TestHub;
  let c: Cast;
  let db: DataSource;
  let clock: Clock;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
    db = hub.hub.app.get(DataSource);
    clock = hub.hub.app.get(Clock);
  });
  afterAll(() => hub.stop());

  /** Runs `work` with the injected clock at `at`. */
  async function at<T>(when: Date, work: () => Promise<T>): Promise<T> {
    const spy = jest.spyOn(clock, 'now').mockReturnValue(when);
    try {
      return await work();
    } finally {
      spy.mockRestore();
    }
  }

  /** A group of the cast's network with its people, the given rule, and a past meeting whose protocol is submitted. */
  async function inReview(mode: string, extra: Record<string, unknown> = {}, opts: { next?: number } = {}) {
    const groupId = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP', { protocolApprovalMode: 'MODERATION' });
    for (const [p, role] of [[c.lead, 'LEAD'], [c.member, 'MEMBER'], [c.guest, 'GUEST']] as const) {
      await hub.ok(c.agency.token, 'mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { role } }', {
        input: { groupId, personId: p.id, role, organizationId: role === 'GUEST' ? null : c.city },
      });
    }
    await hub.ok(c.lead.token, RULE, { input: { groupId, mode, ...extra } });
    const meetingId = await meeting(hub, c.lead, groupId, -2, { title: 'Sitzung zur Abstimmung' });
    const nextId = opts.next !== undefined ? await meeting(hub, c.lead, groupId, opts.next, { title: 'Nächste Sitzung' }) : null;
    const itemId = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Breitband' } })).addAgendaItem.id;
    const protocolId = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol.id;
    await hub.ok(c.lead.token, ENTRY, { input: { protocolId, agendaItemId: itemId, notes: 'Ausbau beginnt im Frühjahr.', expectedVersion: 1 } });
    const submitted = (await hub.ok(c.lead.token, SUBMIT, { input: { protocolId, expectedVersion: 2 } })).submitProtocolForReview;
    return { groupId, meetingId, nextId, itemId, protocolId, protocol: submitted };
  }

  const conflictMessage = (r: GqlResult) => {
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'protocolId' } });
    return r.errors![0].message;
  };

  it('starts new groups with the objection period of 14 days; managers change the rule, with German errors naming the field', async () => {
    const groupId = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP', { protocolApprovalMode: undefined });
    expect((await hub.ok(c.agency.token, GROUP, { id: groupId })).group).toEqual({ protocolApprovalMode: 'OBJECTION_PERIOD', objectionPeriodDays: 14, protocolApprovers: [] });
    await hub.ok(c.agency.token, 'mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { role } }', { input: { groupId, personId: c.member.id, role: 'MEMBER' } });
    await hub.ok(c.agency.token, 'mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { role } }', { input: { groupId, personId: c.guest.id, role: 'GUEST' } });

    const days = await hub.gql(c.agency.token, RULE, { input: { groupId, mode: 'OBJECTION_PERIOD', objectionPeriodDays: 0 } });
    expect(days.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('objectionPeriodDays') });
    expect(days.errors![0].message).toContain('mindestens 1 Tag');
    const none = await hub.gql(c.agency.token, RULE, { input: { groupId, mode: 'NAMED_APPROVERS' } });
    expect(none.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'approverIds' } });
    const guest = await hub.gql(c.agency.token, RULE, { input: { groupId, mode: 'NAMED_APPROVERS', approverIds: [c.guest.id] } });
    expect(guest.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'approverIds' } });
    expect(codeOf(await hub.gql(c.member.token, RULE, { input: { groupId, mode: 'MODERATION' } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.stranger.token, RULE, { input: { groupId, mode: 'MODERATION' } }))).toBe('NOT_FOUND');

    const set = (await hub.ok(c.agency.token, RULE, { input: { groupId, mode: 'NAMED_APPROVERS', approverIds: [c.member.id], objectionPeriodDays: 7 } })).setProtocolApprovalRule;
    expect(set).toMatchObject({ protocolApprovalMode: 'NAMED_APPROVERS', objectionPeriodDays: 7, protocolApprovers: [{ id: c.member.id }] });
    // Outside the group the approvers are not named.
    expect((await hub.ok(c.bystander.token, GROUP, { id: groupId })).group.protocolApprovers).toEqual([]);
    const [audit] = await db.query(`SELECT summary FROM audit_entry WHERE subject_id = $1 AND action = 'group.protocolApproval.set'`, [groupId]);
    expect(audit.summary).toContain('Widerspruchsfrist → Benannte Genehmigende');
  });

  it('(a) Widerspruchsfrist: refused before the period ends, an objection blocks the automatic approval, which then happens exactly once', async () => {
    const t0 = new Date(Date.now());
    const r = await at(t0, () => inReview('OBJECTION_PERIOD', { objectionPeriodDays: 10 }));
    expect(r.protocol).toMatchObject({ status: 'IN_REVIEW', approvalMode: 'OBJECTION_PERIOD', version: 3 });
    expect(Date.parse(r.protocol.approvalDueAt)).toBe(t0.getTime() + 10 * DAY);

    expect(conflictMessage(await hub.gql(c.agency.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).toMatch(
      /^protocolId: Die Widerspruchsfrist läuft bis .+; Interkom genehmigt es dann selbst\.$/,
    );
    const objection = (await hub.ok(c.member.token, OBJECT, { input: { protocolId: r.protocolId, agendaItemId: r.itemId, reason: 'Der Beginn ist erst im Sommer.' } })).raiseProtocolObjection;
    expect(objection).toMatchObject({ kind: 'OBJECTION', protocolVersion: 3, resolution: null, author: { id: c.member.id }, agendaItemId: r.itemId });

    const approvals = hub.hub.app.get(ProtocolApprovalsService);
    const after = new Date(t0.getTime() + 11 * DAY);
    expect(await at(after, () => approvals.approveDue())).toBe(0);
    expect(conflictMessage(await at(after, () => hub.gql(c.agency.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } })))).toContain('Ein Einwand ist noch offen');
    expect((await hub.ok(c.member.token, READ, { id: r.meetingId })).meeting.protocol).toMatchObject({ status: 'IN_REVIEW', openObjectionCount: 1 });

    // Only its author withdraws it.
    expect(codeOf(await hub.gql(c.lead.token, WITHDRAW, { input: { feedbackId: objection.id } }))).toBe('FORBIDDEN');
    expect((await hub.ok(c.member.token, WITHDRAW, { input: { feedbackId: objection.id } })).withdrawProtocolObjection).toMatchObject({ resolution: 'WITHDRAWN', resolvedBy: { id: c.member.id } });

    // Two pollers (a restarted instance) at the deadline: one approval, one announcement.
    const [first, second] = await at(after, () => Promise.all([approvals.approveDue(), approvals.approveDue()]));
    expect(first + second).toBe(1);
    expect(await at(after, () => approvals.approveDue())).toBe(0);
    const p = (await hub.ok(c.member.token, READ, { id: r.meetingId })).meeting.protocol;
    expect(p).toMatchObject({ status: 'APPROVED', version: 4, openObjectionCount: 0 });
    expect(p.revisions.at(-1)).toEqual({ version: 4, summary: 'Genehmigt nach Ablauf der Widerspruchsfrist (automatisch, ohne offenen Einwand)', author: { id: c.lead.id } });
    const events = (await outbox(hub, r.protocolId)).filter((e) => e.type === 'ProtocolApproved');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ automatic: true, meetingId: r.meetingId });
    const mails = await db.query(`SELECT count(*)::int AS n FROM mail_delivery d JOIN outbox_event o ON o.id = d.event_id WHERE o.aggregate_id = $1 AND o.type = 'ProtocolApproved'`, [r.protocolId]);
    expect(mails[0].n).toBe(1);
    const audit = await db.query(`SELECT action, actor_id FROM audit_entry WHERE subject_id = $1 ORDER BY at, id`, [r.protocolId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['protocol.objection.raise', 'protocol.objection.withdraw', 'protocol.approve.automatic']));
    expect(audit.find((a: { action: string }) => a.action === 'protocol.approve.automatic').actor_id).toBeNull();
  });

  it('(a) a revision in review is a new version, notifies, and restarts the period', async () => {
    const t0 = new Date(Date.now());
    const r = await at(t0, () => inReview('OBJECTION_PERIOD', { objectionPeriodDays: 14 }));
    const t10 = new Date(t0.getTime() + 10 * DAY);
    const revised = (await at(t10, () => hub.ok(c.lead.token, ENTRY, { input: { protocolId: r.protocolId, agendaItemId: r.itemId, notes: 'Ausbau beginnt im Sommer.', expectedVersion: 3 } }))).updateProtocolEntry;
    expect(revised).toMatchObject({ status: 'IN_REVIEW', version: 4 });
    expect(Date.parse(revised.approvalDueAt)).toBe(t10.getTime() + 14 * DAY);
    const approvals = hub.hub.app.get(ProtocolApprovalsService);
    expect(await at(new Date(t0.getTime() + 15 * DAY), () => approvals.approveDue())).toBe(0);
    const events = (await outbox(hub, r.protocolId)).filter((e) => e.type === 'ProtocolRevised');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ version: 4, summary: 'Notizen geändert' });
    // The protocol mode saves as one types: saves within the quiet window restart the period but are announced once.
    const t10b = new Date(t10.getTime() + 60_000);
    const again = (await at(t10b, () => hub.ok(c.lead.token, ENTRY, { input: { protocolId: r.protocolId, agendaItemId: r.itemId, notes: 'Ausbau beginnt im Sommer 2027.', expectedVersion: 4 } }))).updateProtocolEntry;
    expect(Date.parse(again.approvalDueAt)).toBe(t10b.getTime() + 14 * DAY);
    expect((await outbox(hub, r.protocolId)).filter((e) => e.type === 'ProtocolRevised')).toHaveLength(1);
    const t10c = new Date(t10.getTime() + 11 * 60_000);
    await at(t10c, () => hub.ok(c.lead.token, ENTRY, { input: { protocolId: r.protocolId, agendaItemId: r.itemId, notes: 'Ausbau beginnt im Sommer 2027 (bestätigt).', expectedVersion: 5 } }));
    const announced = (await outbox(hub, r.protocolId)).filter((e) => e.type === 'ProtocolRevised');
    expect(announced.map((e) => e.payload.version)).toEqual([4, 6]);
    expect(await at(new Date(t10.getTime() + 14 * DAY), () => approvals.approveDue())).toBe(0);
    expect(await at(new Date(t10c.getTime() + 14 * DAY), () => approvals.approveDue())).toBe(1);
  });

  it('lets the meeting\'s groups and people present comment and object; moderators answer and decide; an open objection blocks approval in every mode', async () => {
    const r = await inReview('MODERATION');
    const comment = (await hub.ok(c.guest.token, COMMENT, { input: { protocolId: r.protocolId, agendaItemId: r.itemId, text: 'Bitte den Ortsteil nennen.' } })).commentOnProtocol;
    expect(comment).toMatchObject({ kind: 'COMMENT', author: { id: c.guest.id }, answer: null, resolution: null });
    // A network member outside the group sees nothing — until recorded as present.
    expect(codeOf(await hub.gql(c.bystander.token, COMMENT, { input: { protocolId: r.protocolId, text: 'Hallo' } }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(c.stranger.token, OBJECT, { input: { protocolId: r.protocolId, reason: 'Nein' } }))).toBe('NOT_FOUND');
    const blank = await hub.gql(c.member.token, COMMENT, { input: { protocolId: r.protocolId, text: '   ' } });
    expect(blank.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/text.*darf nicht leer sein/) });
    const foreignItem = await hub.gql(c.member.token, COMMENT, { input: { protocolId: r.protocolId, agendaItemId: r.protocolId, text: 'x' } });
    expect(foreignItem.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'agendaItemId' } });

    // Moderators answer; members may not.
    expect(codeOf(await hub.gql(c.member.token, ANSWER, { input: { feedbackId: comment.id, answer: 'Nein' } }))).toBe('FORBIDDEN');
    expect((await hub.ok(c.lead.token, ANSWER, { input: { feedbackId: comment.id, answer: 'Ergänzt: Ortsteil Diedelsheim.' } })).answerProtocolFeedback)
      .toMatchObject({ answer: 'Ergänzt: Ortsteil Diedelsheim.', answeredBy: { id: c.lead.id } });
    expect((await hub.gql(c.lead.token, DECIDE, { input: { feedbackId: comment.id, upheld: true, answer: 'x' } })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'feedbackId' } });

    const objection = (await hub.ok(c.member.token, OBJECT, { input: { protocolId: r.protocolId, reason: 'Die Abstimmung fehlt.' } })).raiseProtocolObjection;
    expect(conflictMessage(await hub.gql(c.agency.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).toContain('Ein Einwand ist noch offen');
    const decided = (await hub.ok(c.lead.token, DECIDE, { input: { feedbackId: objection.id, upheld: false, answer: 'Es wurde nicht abgestimmt.' } })).decideProtocolObjection;
    expect(decided).toMatchObject({ resolution: 'REJECTED', resolvedBy: { id: c.lead.id }, answer: 'Es wurde nicht abgestimmt.' });
    expect((await hub.gql(c.member.token, WITHDRAW, { input: { feedbackId: objection.id } })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'feedbackId' } });

    // Recorded as present, the bystander may comment too.
    await hub.ok(c.lead.token, ATTEND, { input: { meetingId: r.meetingId, personId: c.bystander.id, status: 'PRESENT', organizationId: c.city } });
    expect((await hub.ok(c.bystander.token, COMMENT, { input: { protocolId: r.protocolId, text: 'Danke für das Protokoll.' } })).commentOnProtocol.author).toEqual({ id: c.bystander.id });

    const read = (await hub.ok(c.member.token, READ, { id: r.meetingId })).meeting.protocol;
    expect(read.feedback.map((f: { kind: string; resolution: string | null }) => [f.kind, f.resolution])).toEqual([['COMMENT', null], ['OBJECTION', 'REJECTED'], ['COMMENT', null]]);
    // Mode (d): the moderation approves as before.
    expect((await hub.ok(c.agency.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } })).approveProtocol.status).toBe('APPROVED');
    const late = await hub.gql(c.member.token, COMMENT, { input: { protocolId: r.protocolId, text: 'Zu spät' } });
    expect(late.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'protocolId' } });
    const audit = await db.query(`SELECT action FROM audit_entry WHERE subject_id = $1`, [r.protocolId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['protocol.comment', 'protocol.feedback.answer', 'protocol.objection.raise', 'protocol.objection.decide']));
  });

  it('does not take comments on a draft from members (NOT_FOUND, as the draft itself)', async () => {
    const meetingId = await meeting(hub, c.lead, c.groupId, -1);
    const protocolId = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol.id;
    expect(codeOf(await hub.gql(c.member.token, COMMENT, { input: { protocolId, text: 'Entwurf?' } }))).toBe('NOT_FOUND');
    const own = await hub.gql(c.lead.token, COMMENT, { input: { protocolId, text: 'Entwurf' } });
    expect(own.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'protocolId' } });
  });

  it('(b) Genehmigung in der nächsten Sitzung: the next meeting gets the agenda item; approval only from its start', async () => {
    const r = await inReview('NEXT_MEETING', {}, { next: 7 });
    const read = (await hub.ok(c.lead.token, READ, { id: r.meetingId })).meeting.protocol;
    expect(read).toMatchObject({ approvalMode: 'NEXT_MEETING', approvalDueAt: null, approvalMeeting: { id: r.nextId } });
    const next = (await hub.ok(c.lead.token, READ, { id: r.nextId })).meeting;
    const day = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() - 2 * DAY));
    expect(next.agenda.map((i: { title: string }) => i.title)).toContain(`Genehmigung des Protokolls vom ${day}`);
    expect(conflictMessage(await hub.gql(c.lead.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).toMatch(/^protocolId: Das Protokoll wird in der Sitzung „Nächste Sitzung“ am .+ genehmigt/);
    const approved = (await at(new Date(Date.now() + 7 * DAY + 60_000), () => hub.ok(c.lead.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).approveProtocol;
    expect(approved.status).toBe('APPROVED');
  });

  it('(b) without a next meeting yet: refused, and put on the agenda once the next meeting exists', async () => {
    const r = await inReview('NEXT_MEETING');
    expect(conflictMessage(await hub.gql(c.lead.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).toContain('es ist noch keine nächste Sitzung angesetzt');
    const nextId = await meeting(hub, c.lead, r.groupId, 3, { title: 'Später angesetzt' });
    // The poller puts it on the new meeting's agenda without anyone trying to approve first; once.
    const approvals = hub.hub.app.get(ProtocolApprovalsService);
    expect(await approvals.placePendingApprovals()).toBe(1);
    expect(await approvals.placePendingApprovals()).toBe(0);
    expect((await hub.ok(c.lead.token, READ, { id: r.meetingId })).meeting.protocol.approvalMeeting).toEqual({ id: nextId });
    const agenda = await hub.hub.app.get(DataSource).query('SELECT title FROM agenda_item WHERE meeting_id = $1', [nextId]);
    expect(agenda.filter((a: { title: string }) => a.title.startsWith('Genehmigung des Protokolls vom '))).toHaveLength(1);
    expect(conflictMessage(await hub.gql(c.lead.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).toContain('„Später angesetzt“');
    expect((await hub.ok(c.lead.token, READ, { id: r.meetingId })).meeting.protocol.approvalMeeting).toEqual({ id: nextId });
  });

  it('(c) Benannte Genehmigende: each named person approves; the last approval approves; the moderation alone cannot', async () => {
    const r = await inReview('NAMED_APPROVERS', { approverIds: [c.lead.id, c.member.id] });
    expect(conflictMessage(await hub.gql(c.agency.token, APPROVE, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).toContain('2 offen');
    expect((await hub.ok(c.member.token, READ, { id: r.meetingId })).meeting.protocol.myApprovalPending).toBe(true);
    const one = (await hub.ok(c.member.token, APPROVE_AS, { input: { protocolId: r.protocolId, expectedVersion: 3 } })).approveProtocolAsApprover;
    expect(one).toMatchObject({ status: 'IN_REVIEW', version: 3, approvals: [{ person: { id: c.member.id } }] });
    expect((await hub.ok(c.member.token, READ, { id: r.meetingId })).meeting.protocol.myApprovalPending).toBe(false);
    expect(codeOf(await hub.gql(c.guest.token, APPROVE_AS, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.bystander.token, APPROVE_AS, { input: { protocolId: r.protocolId, expectedVersion: 3 } }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(c.lead.token, APPROVE_AS, { input: { protocolId: r.protocolId, expectedVersion: 2 } }))).toBe('CONFLICT');
    // A revision clears the approvals given: they approved another text.
    await hub.ok(c.lead.token, ENTRY, { input: { protocolId: r.protocolId, agendaItemId: r.itemId, notes: 'Ergänzt.', expectedVersion: 3 } });
    expect((await hub.ok(c.member.token, READ, { id: r.meetingId })).meeting.protocol.myApprovalPending).toBe(true);
    await hub.ok(c.member.token, APPROVE_AS, { input: { protocolId: r.protocolId, expectedVersion: 4 } });
    const done = (await hub.ok(c.lead.token, APPROVE_AS, { input: { protocolId: r.protocolId, expectedVersion: 4 } })).approveProtocolAsApprover;
    expect(done).toMatchObject({ status: 'APPROVED', version: 5 });
    expect((await outbox(hub, r.protocolId)).filter((e) => e.type === 'ProtocolApproved').map((e) => e.payload.automatic)).toEqual([false]);
  });
});
