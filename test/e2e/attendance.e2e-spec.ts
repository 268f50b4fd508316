// Everyone present counts (issue 21.4): guests, speakers and deputies with an account, external
// people by name without one; only the meeting's groups see them, the public only with consent;
// the frozen record refuses changes; action items reach a person of any member organization.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { mailRecipients } from '../../src/mail/mail-recipients.js';
import { actor, addMember, organization, setRole, type Actor } from '../support/factories.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { crawl, oparlValidators } from '../support/oparl-crawler.js';
import { OPARL_BASE, SET_PUBLICATION } from '../support/oparl-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const ATTEND = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { person { id } organization { id name } status role } }';
const UNATTEND = 'mutation($input: RemoveAttendanceInput!) { removeAttendance(input: $input) { person { id } } }';
const ADD_EXTERNAL = 'mutation($input: AddExternalAttendeeInput!) { addExternalAttendee(input: $input) { id name organizationName role status consentToPublish } }';
const UPDATE_EXTERNAL = 'mutation($input: UpdateExternalAttendeeInput!) { updateExternalAttendee(input: $input) { id name organizationName role status consentToPublish } }';
const REMOVE_EXTERNAL = 'mutation($input: RemoveExternalAttendeeInput!) { removeExternalAttendee(input: $input) { id name } }';
const READ = `query($id: ID!) { meeting(id: $id) { status
  attendance { person { id } organization { id } status role }
  externalAttendance { id name organizationName role status consentToPublish }
  protocol { markdown } } }`;
const P = 'id version status';
const START = `mutation($input: StartProtocolInput!) { startProtocol(input: $input) { ${P} } }`;
const SUBMIT = `mutation($input: ProtocolTransitionInput!) { submitProtocolForReview(input: $input) { ${P} } }`;
const APPROVE = `mutation($input: ProtocolTransitionInput!) { approveProtocol(input: $input) { ${P} } }`;
const PUBLISH = `mutation($input: ProtocolTransitionInput!) { publishProtocol(input: $input) { ${P} } }`;
const ACTION = 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id assignee { id } assigneeOrganization { id } } }';
const MINE = 'query { myActionItems { id } }';
const SET_STATUS = 'mutation($input: SetActionItemStatusInput!) { setActionItemStatus(input: $input) { id status } }';

/** The display name the test issuer gives a username (its `name` claim). */
const nameOf = (p: { username: string }) => p.username.replace(/^./, (ch) => ch.toUpperCase());

describe('attendance for anyone', () => {
  let hub: TestHub;
  let c: Cast;
  let db: DataSource;
  /** A second member city of the network, not in the group, and two people acting for it. */
  let otherCity: string;
  let deputy: Actor;
  let colleague: Actor;

  beforeAll(async () => {
    hub = await TestHub.start({ OPARL_REFRESH_MS: '0' });
    c = await cast(hub);
    db = hub.hub.app.get(DataSource);
    otherCity = await organization(hub, c.root, 'Bruchsal');
    await addMember(hub, c.root, c.networkId, otherCity);
    [deputy, colleague] = [await actor(hub, 'vertretung'), await actor(hub, 'kollegin')];
    for (const p of [deputy, colleague]) await setRole(hub, c.root, c.networkId, p.id, 'MEMBER', otherCity);
  });
  afterAll(() => hub.stop());

  /** A moderator's protocol of `meetingId` taken to `until`. */
  async function protocolUpTo(meetingId: string, until: 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED') {
    let p = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol;
    p = (await hub.ok(c.lead.token, SUBMIT, { input: { protocolId: p.id, expectedVersion: p.version } })).submitProtocolForReview;
    if (until === 'IN_REVIEW') return p;
    p = (await hub.ok(c.agency.token, APPROVE, { input: { protocolId: p.id, expectedVersion: p.version } })).approveProtocol;
    if (until === 'APPROVED') return p;
    return (await hub.ok(c.lead.token, PUBLISH, { input: { protocolId: p.id, expectedVersion: p.version } })).publishProtocol;
  }

  describe('people with an account', () => {
    it('records members as MEMBER, anyone else of the network as GUEST by default, a SPEAKER, and a DEPUTY for a city', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -1);
      const member = (await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.member.id, status: 'PRESENT', organizationId: c.city } })).recordAttendance;
      expect(member).toMatchObject({ role: 'MEMBER', organization: { id: c.city } });
      // The bystander holds a network role but is in none of the meeting's groups: a guest.
      expect((await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.bystander.id, status: 'PRESENT' } })).recordAttendance.role).toBe('GUEST');
      // A group GUEST is a guest at the meeting too.
      expect((await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.guest.id, status: 'EXCUSED' } })).recordAttendance.role).toBe('GUEST');
      const speaker = await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.agency.id, status: 'PRESENT', role: 'SPEAKER' } });
      expect(speaker.recordAttendance.role).toBe('SPEAKER');
      const dep = await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: deputy.id, status: 'PRESENT', role: 'DEPUTY', organizationId: otherCity } });
      expect(dep.recordAttendance).toMatchObject({ role: 'DEPUTY', organization: { id: otherCity, name: expect.stringMatching(/^Bruchsal/) } });

      const { meeting: seen } = await hub.ok(c.member.token, READ, { id });
      expect(seen.status).toBe('HELD');
      expect(seen.attendance).toHaveLength(5);
      expect(seen.attendance).toContainEqual({ person: { id: deputy.id }, organization: { id: otherCity }, status: 'PRESENT', role: 'DEPUTY' });
      // Outside the meeting's groups nobody sees who attended.
      const { meeting: outside } = await hub.ok(c.bystander.token, READ, { id });
      expect(outside).toMatchObject({ attendance: [], externalAttendance: [] });

      // Recorded by mistake: taken off the list again.
      const { removeAttendance } = await hub.ok(c.lead.token, UNATTEND, { input: { meetingId: id, personId: c.agency.id } });
      expect(removeAttendance.map((a: { person: { id: string } }) => a.person.id)).not.toContain(c.agency.id);
      const again = await hub.gql(c.lead.token, UNATTEND, { input: { meetingId: id, personId: c.agency.id } });
      expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'personId' } });
    });

    it('refuses in German, naming the field: MEMBER for a non-member, EXTERNAL for an account, a deputy without a city, a person outside the network', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -2);
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ personId: c.bystander.id, role: 'MEMBER' }, 'role', /^role: die Person ist kein Mitglied der Gruppen dieser Sitzung/],
        [{ personId: c.bystander.id, role: 'EXTERNAL' }, 'role', /^role: „Extern“ gilt nur für Personen ohne Zugang/],
        [{ personId: deputy.id, role: 'DEPUTY' }, 'organizationId', /^organizationId: für eine Vertretung bitte die Organisation angeben/],
        [{ personId: c.stranger.id }, 'personId', /^personId: die Person hat keine Rolle im Netzwerk\. .*externe Person/],
      ];
      for (const [input, field, message] of cases) {
        const r = await hub.gql(c.lead.token, ATTEND, { input: { meetingId: id, status: 'PRESENT', ...input } });
        expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
        expect(r.errors![0].message).toMatch(message);
      }
      expect((await hub.ok(c.lead.token, READ, { id })).meeting.attendance).toEqual([]);
    });

    it('lets only the moderation record or remove: a member FORBIDDEN, someone of another network NOT_FOUND', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -3);
      expect(codeOf(await hub.gql(c.member.token, ATTEND, { input: { meetingId: id, personId: c.member.id, status: 'PRESENT' } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.member.token, UNATTEND, { input: { meetingId: id, personId: c.member.id } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.stranger.token, UNATTEND, { input: { meetingId: id, personId: c.member.id } }))).toBe('NOT_FOUND');
    });

    it("shows up in the guest's own privacy export, with the role", async () => {
      const id = await meeting(hub, c.lead, c.groupId, -4);
      await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.bystander.id, status: 'PRESENT', role: 'SPEAKER' } });
      const doc = JSON.parse((await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.bystander.token}`)).text);
      expect(doc.attendance).toContainEqual(expect.objectContaining({ meeting: expect.objectContaining({ id }), status: 'PRESENT', role: 'SPEAKER' }));
    });
  });

  describe('external people without an account', () => {
    it('are added by name and organization, changed and deleted by the moderation; the groups see them, nobody else', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -5);
      const { addExternalAttendee: added } = await hub.ok(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: '  Dr. Erika Extern ', organizationName: 'Ingenieurbüro Nord' } });
      expect(added).toMatchObject({ name: 'Dr. Erika Extern', organizationName: 'Ingenieurbüro Nord', role: 'EXTERNAL', status: 'PRESENT', consentToPublish: false });
      const { updateExternalAttendee: changed } = await hub.ok(c.agency.token, UPDATE_EXTERNAL, { input: { externalAttendeeId: added.id, role: 'SPEAKER', organizationName: null } });
      expect(changed).toMatchObject({ name: 'Dr. Erika Extern', organizationName: null, role: 'SPEAKER' });
      expect((await hub.ok(c.member.token, READ, { id })).meeting.externalAttendance).toEqual([changed]);
      expect((await hub.ok(c.bystander.token, READ, { id })).meeting.externalAttendance).toEqual([]);

      expect(codeOf(await hub.gql(c.member.token, ADD_EXTERNAL, { input: { meetingId: id, name: 'Eingeschmuggelt' } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.member.token, UPDATE_EXTERNAL, { input: { externalAttendeeId: added.id, name: 'X' } }))).toBe('FORBIDDEN');
      for (const who of [c.bystander, c.stranger]) {
        expect(codeOf(await hub.gql(who.token, UPDATE_EXTERNAL, { input: { externalAttendeeId: added.id, name: 'X' } }))).toBe('NOT_FOUND');
        expect(codeOf(await hub.gql(who.token, REMOVE_EXTERNAL, { input: { externalAttendeeId: added.id } }))).toBe('NOT_FOUND');
      }
      expect((await hub.ok(c.lead.token, REMOVE_EXTERNAL, { input: { externalAttendeeId: added.id } })).removeExternalAttendee).toEqual([]);
      expect(await db.query('SELECT 1 FROM external_attendee WHERE id = $1', [added.id])).toEqual([]);
    });

    it('refuses a blank name and a role that needs an account, naming the field', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -6);
      const blank = await hub.gql(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: '   ' } });
      expect(blank.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^name: darf nicht leer sein/) });
      for (const role of ['DEPUTY', 'MEMBER']) {
        const r = await hub.gql(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: 'Jemand', role } });
        expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'role' } });
      }
    });

    it('are deleted with their meeting', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -7);
      await hub.ok(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: 'Vergängliche Person' } });
      await db.query('DELETE FROM meeting WHERE id = $1', [id]);
      expect(await db.query('SELECT 1 FROM external_attendee WHERE meeting_id = $1', [id])).toEqual([]);
    });
  });

  it('the protocol lists everyone present: members, guests, deputies "in Vertretung für", external people', async () => {
    const id = await meeting(hub, c.lead, c.groupId, -8);
    await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.member.id, status: 'PRESENT', organizationId: c.city } });
    await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.bystander.id, status: 'PRESENT' } });
    await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: deputy.id, status: 'PRESENT', role: 'DEPUTY', organizationId: otherCity } });
    await hub.ok(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: 'Dr. Erika Extern', organizationName: 'Ingenieurbüro Nord' } });
    await protocolUpTo(id, 'IN_REVIEW');
    const { markdown } = (await hub.ok(c.member.token, READ, { id })).meeting.protocol;
    expect(markdown).toContain('## Anwesenheit');
    const present = markdown.split('\n').find((l: string) => l.startsWith('**Anwesend:**'));
    for (const text of [`${nameOf(c.member)} (Bretten `, `${nameOf(c.bystander)} (Gast)`, `${nameOf(deputy)} in Vertretung für Bruchsal `, 'Dr. Erika Extern (Ingenieurbüro Nord, extern)']) {
      expect(present).toContain(text);
    }
  });

  describe.each(['APPROVED', 'PUBLISHED'] as const)('once the protocol is %s', (state) => {
    it('refuses every attendance change with CONFLICT in German and leaves the list as it was; a withdrawn consent is still taken', async () => {
      const id = await meeting(hub, c.lead, c.groupId, -9);
      await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.member.id, status: 'PRESENT' } });
      const ext = (await hub.ok(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: 'Dr. Erika Extern', consentToPublish: true } })).addExternalAttendee;
      await protocolUpTo(id, state);
      const before = (await hub.ok(c.lead.token, READ, { id })).meeting;
      const word = state === 'APPROVED' ? 'genehmigt' : 'veröffentlicht';
      const attempts: [string, Record<string, unknown>, string][] = [
        [ATTEND, { meetingId: id, personId: c.member.id, status: 'EXCUSED' }, 'meetingId'],
        [ATTEND, { meetingId: id, personId: c.bystander.id, status: 'PRESENT' }, 'meetingId'],
        [UNATTEND, { meetingId: id, personId: c.member.id }, 'meetingId'],
        [ADD_EXTERNAL, { meetingId: id, name: 'Nachzügler' }, 'meetingId'],
        [UPDATE_EXTERNAL, { externalAttendeeId: ext.id, status: 'ABSENT' }, 'externalAttendeeId'],
        [UPDATE_EXTERNAL, { externalAttendeeId: ext.id, consentToPublish: false, name: 'Umbenannt' }, 'externalAttendeeId'],
        [REMOVE_EXTERNAL, { externalAttendeeId: ext.id }, 'externalAttendeeId'],
      ];
      for (const [mutation, input, field] of attempts) {
        const r = await hub.gql(c.lead.token, mutation, { input });
        expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field, protocolStatus: state } });
        expect(r.errors![0].message).toBe(`${field}: Die Sitzung ist abgeschlossen: das Protokoll ist ${word}. Änderungen gehen als Berichtigung ein.`);
      }
      expect((await hub.ok(c.lead.token, READ, { id })).meeting).toEqual(before);
      // The external person may withdraw their consent at any time: it only leaves the public record.
      const withdrawn = await hub.ok(c.lead.token, UPDATE_EXTERNAL, { input: { externalAttendeeId: ext.id, consentToPublish: false } });
      expect(withdrawn.updateExternalAttendee).toMatchObject({ name: 'Dr. Erika Extern', status: 'PRESENT', consentToPublish: false });
    });
  });

  it('OParl names no external person without consent, and one with consent only in the protocol file', async () => {
    const id = await meeting(hub, c.lead, c.groupId, -10, { title: 'Öffentliche Sitzung mit Gästen' });
    await hub.ok(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: 'Zora Zustimmung', organizationName: 'Hochschule Karlsruhe', consentToPublish: true } });
    await hub.ok(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: 'Otto Ohnezustimmung', organizationName: 'Geheimberatung GmbH' } });
    await hub.ok(c.lead.token, ADD_EXTERNAL, { input: { meetingId: id, name: 'Paula Abgesagt', status: 'EXCUSED', consentToPublish: true } });
    await hub.ok(c.lead.token, ATTEND, { input: { meetingId: id, personId: c.bystander.id, status: 'PRESENT' } });
    const protocol = await protocolUpTo(id, 'PUBLISHED');
    await hub.ok(c.root.token, SET_PUBLICATION, { networkId: c.networkId, publication: 'PUBLIC' });
    try {
      const oparl = await crawl(hub, OPARL_BASE, oparlValidators());
      expect(oparl.problems).toEqual([]);
      const file = oparl.objects.get(`${OPARL_BASE}/oparl/v1/files/${protocol.id}`)!;
      const text = oparl.files.get(String(file.accessUrl))!.toString('utf8');
      expect(text).toContain('## Gäste und Sachverständige\n\nZora Zustimmung (Hochschule Karlsruhe)\n');
      // Nowhere in any answer (Meeting, Person lists, files): the names without consent, the excused one, the guest.
      for (const secret of ['Otto Ohnezustimmung', 'Geheimberatung', 'Paula Abgesagt', nameOf(c.bystander), 'Anwesenheit']) {
        expect({ secret, found: oparl.text.includes(secret) || [...oparl.files.values()].some((b) => b.toString('utf8').includes(secret)) }).toEqual({ secret, found: false });
      }
      // Only in the file: no Person object and no Meeting field names her.
      const jsonWithout = [...oparl.documents.values()].map((d) => JSON.stringify(d)).join('\n');
      expect(jsonWithout).not.toContain('Zora Zustimmung');
    } finally {
      await hub.ok(c.root.token, SET_PUBLICATION, { networkId: c.networkId, publication: 'PRIVATE' });
    }
  });

  describe('action items for a person of a member organization outside the group', () => {
    it('are assigned, appear in their and their city\'s tasks, may be closed by them, and mail them', async () => {
      const { addActionItem: item } = await hub.ok(c.lead.token, ACTION, {
        input: { groupId: c.groupId, title: 'Messdaten aus Bruchsal liefern', assigneeId: deputy.id, assigneeOrganizationId: otherCity },
      });
      expect(item).toMatchObject({ assignee: { id: deputy.id }, assigneeOrganization: { id: otherCity } });
      // The assignee and a colleague acting for the same city see it among their tasks; the group's member does not.
      for (const who of [deputy, colleague]) expect((await hub.ok(who.token, MINE)).myActionItems.map((a: { id: string }) => a.id)).toContain(item.id);
      expect((await hub.ok(c.member.token, MINE)).myActionItems.map((a: { id: string }) => a.id)).not.toContain(item.id);
      expect((await hub.ok(deputy.token, SET_STATUS, { input: { actionItemId: item.id, status: 'DONE' } })).setActionItemStatus.status).toBe('DONE');
      // The mail goes to the assignee although they are in none of the group's rooms or lists.
      const [event] = await db.query(`SELECT id, seq::text, type, aggregate_id, group_id, payload FROM outbox_event WHERE type = 'ActionItemAssigned' AND aggregate_id = $1`, [item.id]);
      expect(await mailRecipients(db.manager, event)).toEqual([deputy.id]);
    });

    it('refuses a person outside the network, naming the field', async () => {
      const r = await hub.gql(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Nicht zuweisbar', assigneeId: c.stranger.id } });
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^assigneeId: /) });
    });
  });
});
