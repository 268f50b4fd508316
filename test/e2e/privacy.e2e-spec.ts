import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, addMember, network, organization, setRole, type Actor } from '../support/factories.js';
import { groupCast, sql, type GroupCast } from '../support/group-fixtures.js';
import { meeting } from '../support/meeting-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const PRIVACY = 'mutation($input: PrivacySettingsInput!) { setPrivacySettings(input: $input) { id publicProfile notifyByEmail } }';
const LOOKUP = 'query($e: String!) { personByEmail(email: $e) { id displayName email matrixUserId organizations { id } } }';

describe('privacy', () => {
  let hub: TestHub;
  let c: GroupCast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await groupCast(hub);
  });
  afterAll(() => hub.stop());

  const linkMatrix = (a: Actor) =>
    hub.ok(a.token, 'mutation($input: LinkMatrixAccountInput!) { linkMatrixAccount(input: $input) { id } }', { input: { matrixUserId: `@${a.username}:matrix.example.org` } });

  describe('setPrivacySettings', () => {
    it('starts without public profile and with e-mail, and changes only what is given', async () => {
      const p = await actor(hub, 'consent');
      expect((await hub.ok(p.token, '{ me { publicProfile notifyByEmail } }')).me).toEqual({ publicProfile: false, notifyByEmail: true });
      expect((await hub.ok(p.token, PRIVACY, { input: { publicProfile: true } })).setPrivacySettings).toEqual({ id: p.id, publicProfile: true, notifyByEmail: true });
      expect((await hub.ok(p.token, PRIVACY, { input: { notifyByEmail: false } })).setPrivacySettings).toEqual({ id: p.id, publicProfile: true, notifyByEmail: false });
      expect((await hub.ok(p.token, PRIVACY, { input: {} })).setPrivacySettings).toEqual({ id: p.id, publicProfile: true, notifyByEmail: false });
      const entries = await sql(hub, `SELECT summary FROM audit_entry WHERE action = 'person.privacy.set' AND subject_id = $1 ORDER BY at`, [p.id]);
      expect(entries.map((e) => e.summary)).toEqual([
        'Datenschutz-Einstellungen geändert: öffentliches Profil an.',
        'Datenschutz-Einstellungen geändert: E-Mail-Benachrichtigungen aus.',
      ]); // nothing changed, nothing logged
    });

    it('refuses bad input and callers without a token', async () => {
      const p = await actor(hub, 'consent');
      expect(codeOf(await hub.gql(p.token, PRIVACY, { input: { publicProfile: 'ja' } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await hub.gql(null, PRIVACY, { input: { publicProfile: true } }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('personByEmail', () => {
    it("tells an admin of one network nothing about the person's other networks", async () => {
      const person = await actor(hub, 'twonets');
      await linkMatrix(person);
      await setRole(hub, c.admin, c.networkId, person.id, 'MEMBER', c.city);
      const other = await network(hub, c.operator);
      const otherCity = await organization(hub, c.operator, 'Mainz');
      await addMember(hub, c.operator, other.id, otherCity);
      await setRole(hub, c.operator, other.id, person.id, 'MEMBER', otherCity);
      const email = `${person.username}@example.org`;

      const netAdmin = await actor(hub, 'netadmin'); // ADMIN of the first network only, not a hub admin
      await setRole(hub, c.admin, c.networkId, netAdmin.id, 'ADMIN');
      const fromAdmin = (await hub.ok(netAdmin.token, LOOKUP, { e: email })).personByEmail;
      expect(fromAdmin).toEqual({ id: person.id, displayName: expect.any(String), email, matrixUserId: `@${person.username}:matrix.example.org`, organizations: [{ id: c.city }] });
      // An admin of a third network the person does not belong to: id and name only.
      const third = await network(hub, c.operator);
      const thirdAdmin = await actor(hub, 'thirdadmin');
      await setRole(hub, c.operator, third.id, thirdAdmin.id, 'ADMIN');
      expect((await hub.ok(thirdAdmin.token, LOOKUP, { e: email })).personByEmail).toEqual({
        id: person.id, displayName: expect.any(String), email: null, matrixUserId: null, organizations: [],
      });
      const fromHubAdmin = (await hub.ok(c.operator.token, LOOKUP, { e: email })).personByEmail;
      expect(fromHubAdmin.organizations.map((o: { id: string }) => o.id).sort()).toEqual([c.city, otherCity].sort());
      expect(codeOf(await hub.gql(c.member.token, LOOKUP, { e: email }))).toBe('FORBIDDEN');
    });
  });

  describe('GET /privacy/export', () => {
    it('needs a bearer token', async () => {
      const res = await hub.http.get('/privacy/export');
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'UNAUTHENTICATED' });
    });

    it('gives the caller everything the hub holds about them, and no other person\'s e-mail or Matrix ID', async () => {
      const me = await actor(hub, 'exporter');
      await linkMatrix(me);
      await linkMatrix(c.lead);
      await setRole(hub, c.admin, c.networkId, me.id, 'MEMBER', c.city);
      await hub.ok(me.token, PRIVACY, { input: { publicProfile: true } });
      const { requestGroupMembership: r } = await hub.ok(me.token, 'mutation($input: RequestGroupMembershipInput!) { requestGroupMembership(input: $input) { id } }', {
        input: { groupId: c.groupId, message: 'Bitte aufnehmen' },
      });
      await hub.ok(c.lead.token, 'mutation($input: DecideGroupJoinRequestInput!) { decideGroupJoinRequest(input: $input) { id } }', { input: { requestId: r.id, approve: true } });
      await sql(hub, 'UPDATE work_group SET matrix_room_id = $2 WHERE id = $1', [c.groupId, `!export-${c.groupId}:localhost`]);
      const m = await meeting(hub, c.lead, c.groupId, -1);
      await hub.ok(me.token, 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { input: { meetingId: m, title: 'Mein Vorschlag' } });
      await hub.ok(c.lead.token, 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }', { input: { meetingId: m, personId: me.id, status: 'PRESENT', organizationId: c.city } });
      const { addActionItem: task } = await hub.ok(c.lead.token, 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }', {
        input: { groupId: c.groupId, title: 'Meine Aufgabe', assigneeId: me.id },
      });
      await hub.ok(me.token, 'mutation($input: SetActionItemStatusInput!) { setActionItemStatus(input: $input) { id } }', { input: { actionItemId: task.id, status: 'DONE' } });

      const res = await hub.http.get('/privacy/export').set('authorization', `Bearer ${me.token}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="interkom-export-\d{4}-\d{2}-\d{2}\.json"$/);
      const doc = JSON.parse(res.text);
      expect(doc).toMatchObject({
        format: 'interkom-privacy-export/1',
        person: { id: me.id, email: `${me.username}@example.org`, matrixUserId: `@${me.username}:matrix.example.org`, publicProfile: true, notifyByEmail: true },
        networkRoles: [{ network: { id: c.networkId }, role: 'MEMBER', organization: { id: c.city } }],
        organizationMemberships: [{ organization: { id: c.city }, status: 'ACTIVE' }],
        groupJoinRequests: [{ id: r.id, message: 'Bitte aufnehmen', status: 'APPROVED', relation: 'requester', decidedBy: { id: c.lead.id } }],
        groupMemberships: [{ group: { id: c.groupId }, role: 'MEMBER', organization: { id: c.city } }],
        attendance: [{ meeting: { id: m }, status: 'PRESENT' }],
        agendaItems: [{ title: 'Mein Vorschlag', relations: ['proposer'] }],
        actionItems: [{ title: 'Meine Aufgabe', status: 'DONE', closedAt: expect.any(String), relations: ['assignee', 'closer'] }],
        matrix: { matrixUserId: `@${me.username}:matrix.example.org`, rooms: [{ group: { id: c.groupId }, roomId: `!export-${c.groupId}:localhost` }] },
      });
      expect(doc.auditEntries.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['network.role.set', 'person.privacy.set', 'group.joinRequest.create', 'group.joinRequest.approve']),
      );
      for (const key of ['networkJoinRequests', 'protocolRevisions', 'protocolsApproved', 'protocolsPublished', 'protocolFeedback', 'protocolApprovals', 'meetingChanges', 'meetingSeriesCreated', 'datePollsCreated', 'pollVotes']) {
        expect(Array.isArray(doc[key])).toBe(true);
      }
      // The export itself is on record (after its snapshot: the document does not list itself).
      expect(doc.auditEntries.map((e: { action: string }) => e.action)).not.toContain('person.export');
      const log = (await hub.ok(me.token, '{ myAuditLog(limit: 5) { action summary actor { id } } }')).myAuditLog;
      expect(log[0]).toEqual({ action: 'person.export', summary: 'Datenauskunft (Art. 15/20 DSGVO) als Datei abgerufen.', actor: { id: me.id } });
      const again = JSON.parse((await hub.http.get('/privacy/export').set('authorization', `Bearer ${me.token}`)).text);
      expect(again.auditEntries.filter((e: { action: string }) => e.action === 'person.export')).toHaveLength(1);
      // Others appear by id and name only.
      expect(res.text).not.toContain(`${c.lead.username}@example.org`);
      expect(res.text).not.toContain(`@${c.lead.username}:matrix.example.org`);
      expect(res.text).not.toContain(`${c.admin.username}@example.org`);
    });

    it('names other people only with their consent (publicProfile), and leaves out what they wrote', async () => {
      const requester = await actor(hub, 'quiet');
      const decider = await actor(hub, 'decider');
      await setRole(hub, c.admin, c.networkId, requester.id, 'MEMBER', c.city);
      await setRole(hub, c.admin, c.networkId, decider.id, 'MODERATOR', c.city);
      const { requestGroupMembership: r } = await hub.ok(requester.token, 'mutation($input: RequestGroupMembershipInput!) { requestGroupMembership(input: $input) { id } }', {
        input: { groupId: c.groupId, message: 'Nachricht nur für die Moderation' },
      });
      await hub.ok(decider.token, 'mutation($input: DecideGroupJoinRequestInput!) { decideGroupJoinRequest(input: $input) { id } }', {
        input: { requestId: r.id, approve: false, reason: 'Bitte zuerst im Plenum vorstellen' },
      });
      const exportOf = async (a: Actor) => {
        const res = await hub.http.get('/privacy/export').set('authorization', `Bearer ${a.token}`);
        return { text: res.text, doc: JSON.parse(res.text) };
      };
      const nameOf = (a: Actor) => a.username.replace(/^./, (ch) => ch.toUpperCase()); // the issuer's `name` claim

      // Neither has consented: each sees the other by id only, and themselves by name.
      const mine = await exportOf(requester);
      expect(mine.doc.groupJoinRequests).toEqual([expect.objectContaining({
        id: r.id, relation: 'requester', message: 'Nachricht nur für die Moderation', reason: 'Bitte zuerst im Plenum vorstellen',
        requestedBy: { id: requester.id, displayName: nameOf(requester) }, decidedBy: { id: decider.id, displayName: null },
      })]);
      expect(mine.text).not.toContain(nameOf(decider));
      expect(mine.doc.auditEntries.find((e: { action: string }) => e.action === 'group.joinRequest.reject').actor).toEqual({ id: decider.id, displayName: null });
      const theirs = await exportOf(decider);
      expect(theirs.doc.groupJoinRequests).toEqual([expect.objectContaining({
        id: r.id, relation: 'decider', message: null, requestedBy: { id: requester.id, displayName: null }, decidedBy: { id: decider.id, displayName: nameOf(decider) },
      })]);
      expect(theirs.text).not.toContain(nameOf(requester));
      expect(theirs.text).not.toContain('Nachricht nur für die Moderation');

      // With consent, the name appears.
      await hub.ok(decider.token, PRIVACY, { input: { publicProfile: true } });
      expect((await exportOf(requester)).doc.groupJoinRequests[0].decidedBy).toEqual({ id: decider.id, displayName: nameOf(decider) });
    });

    it('lists the protocol revisions, date polls, schedule changes and votes of the caller', async () => {
      const m = await meeting(hub, c.lead, c.groupId, -4);
      const { startProtocol: p } = await hub.ok(c.lead.token, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id } }', { input: { meetingId: m } });
      const poll = await hub.ok(c.lead.token, 'mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id options { id } } }', {
        input: { groupId: c.groupId, title: 'Termin', options: [{ startsAt: new Date(Date.now() + 9e8), endsAt: new Date(Date.now() + 9e8 + 36e5) }] },
      });
      await hub.ok(c.member.token, 'mutation($input: VoteDatePollInput!) { voteDatePoll(input: $input) { id } }', {
        input: { pollId: poll.createDatePoll.id, votes: [{ optionId: poll.createDatePoll.options[0].id, answer: 'YES' }] },
      });
      const lead = JSON.parse((await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.lead.token}`)).text);
      expect(lead.protocolRevisions).toContainEqual(expect.objectContaining({ protocolId: p.id, version: 1, summary: 'Protokoll begonnen' }));
      expect(lead.datePollsCreated).toContainEqual(expect.objectContaining({ id: poll.createDatePoll.id, title: 'Termin' }));
      expect(lead.meetingChanges).toContainEqual(expect.objectContaining({ meeting: expect.objectContaining({ id: m }), kind: 'SCHEDULED' }));
      const member = JSON.parse((await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.member.token}`)).text);
      expect(member.pollVotes).toEqual([expect.objectContaining({ poll: { id: poll.createDatePoll.id, title: 'Termin' }, answer: 'YES' })]);
      expect(member.groupMemberships).toEqual([expect.objectContaining({ group: expect.objectContaining({ id: c.groupId }), role: 'MEMBER' })]);
    });
  });
});
