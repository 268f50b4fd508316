import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { cast, meeting, outbox, type Cast } from '../support/meeting-fixtures.js';
import { codeOf, TestHub, type GqlResult } from '../support/test-hub.js';

const P = 'id status version contentHash approvedAt publishedAt';
const START = `mutation($input: StartProtocolInput!) { startProtocol(input: $input) { ${P} } }`;
const ENTRY = `mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { ${P} entries { agendaItem { id } notes } } }`;
const DECISION = `mutation($input: AddDecisionInput!) { addDecision(input: $input) { ${P} decisions { text votesFor votesAgainst abstentions agendaItem { id } } } }`;
const ACTION = 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id title status dueOn agendaItemId assignee { id } assigneeOrganization { id } originMeeting { id } } }';
const SUBMIT = `mutation($input: ProtocolTransitionInput!) { submitProtocolForReview(input: $input) { ${P} } }`;
const APPROVE = `mutation($input: ProtocolTransitionInput!) { approveProtocol(input: $input) { ${P} } }`;
const PUBLISH = `mutation($input: ProtocolTransitionInput!) { publishProtocol(input: $input) { ${P} } }`;
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
const ATTEND = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }';
const READ = `query($id: ID!) { meeting(id: $id) { status protocol { ${P} markdown
  entries { agendaItem { id title } notes } decisions { text } actionItems { title }
  revisions { version summary author { id } at } } } }`;

describe('protocols', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  /** A past meeting with a public and a non-public item and some attendance. */
  async function heldMeeting() {
    const meetingId = await meeting(hub, c.lead, c.groupId, -1, { title: 'Projektgruppe LoRaWAN, 4. Sitzung', location: 'Rathaus Bretten' });
    const open = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Gateways in Bruchsal' } })).addAgendaItem.id;
    const closed = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Vergabe Wartungsvertrag', public: false } })).addAgendaItem.id;
    await hub.ok(c.lead.token, ATTEND, { input: { meetingId, personId: c.member.id, status: 'PRESENT', organizationId: c.city } });
    return { meetingId, open, closed };
  }

  it('runs the whole cycle with the right people, and refuses the wrong ones at each step', async () => {
    const { meetingId, open, closed } = await heldMeeting();
    const deny = (r: GqlResult, code: string) => expect(codeOf(r)).toBe(code);

    deny(await hub.gql(c.member.token, START, { input: { meetingId } }), 'FORBIDDEN');
    deny(await hub.gql(c.stranger.token, START, { input: { meetingId } }), 'NOT_FOUND');
    const started = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol;
    expect(started).toMatchObject({ status: 'DRAFT', version: 1, contentHash: null });
    expect(codeOf(await hub.gql(c.lead.token, START, { input: { meetingId } }))).toBe('BAD_USER_INPUT');

    // A draft is the moderators' own.
    expect((await hub.ok(c.member.token, READ, { id: meetingId })).meeting.protocol).toBeNull();
    deny(await hub.gql(c.member.token, ENTRY, { input: { protocolId: started.id, agendaItemId: open, notes: 'x', expectedVersion: 1 } }), 'NOT_FOUND');

    let v = (await hub.ok(c.lead.token, ENTRY, { input: { protocolId: started.id, agendaItemId: open, notes: 'Drei Gateways laufen, eines fehlt.', expectedVersion: 1 } })).updateProtocolEntry.version;
    v = (await hub.ok(c.agency.token, ENTRY, { input: { protocolId: started.id, agendaItemId: closed, notes: 'Angebot der Firma X liegt vor.', expectedVersion: v } })).updateProtocolEntry.version;
    const withDecision = (await hub.ok(c.lead.token, DECISION, {
      input: { protocolId: started.id, agendaItemId: open, text: 'Viertes Gateway wird beschafft', votesFor: 5, votesAgainst: 1, abstentions: 2, expectedVersion: v },
    })).addDecision;
    expect(withDecision.decisions).toEqual([{ text: 'Viertes Gateway wird beschafft', votesFor: 5, votesAgainst: 1, abstentions: 2, agendaItem: { id: open } }]);
    v = (await hub.ok(c.lead.token, DECISION, { input: { protocolId: started.id, agendaItemId: closed, text: 'Zuschlag an Firma X', expectedVersion: withDecision.version } })).addDecision.version;

    const action = (await hub.ok(c.lead.token, ACTION, {
      input: { groupId: c.groupId, title: 'Standort für Gateway 4 klären', assigneeId: c.member.id, assigneeOrganizationId: c.city, dueOn: '2027-01-15', protocolId: started.id, agendaItemId: open },
    })).addActionItem;
    expect(action).toMatchObject({ status: 'OPEN', dueOn: '2027-01-15', agendaItemId: open, assignee: { id: c.member.id }, originMeeting: { id: meetingId } });
    await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Vertrag unterzeichnen', assigneeOrganizationId: c.city, protocolId: started.id, agendaItemId: closed } });
    deny(await hub.gql(c.member.token, ACTION, { input: { groupId: c.groupId, title: 'Selbst zugewiesen' } }), 'FORBIDDEN');
    v += 2; // each action item from the protocol is a change of it

    deny(await hub.gql(c.member.token, SUBMIT, { input: { protocolId: started.id, expectedVersion: v } }), 'NOT_FOUND');
    const inReview = (await hub.ok(c.lead.token, SUBMIT, { input: { protocolId: started.id, expectedVersion: v } })).submitProtocolForReview;
    expect(inReview).toMatchObject({ status: 'IN_REVIEW', version: v + 1 });

    // During review the group reads it; members still may not change or approve it.
    const review = (await hub.ok(c.member.token, READ, { id: meetingId })).meeting.protocol;
    expect(review).toMatchObject({ status: 'IN_REVIEW' });
    expect(review.markdown).toContain('Vergabe Wartungsvertrag');
    expect((await hub.ok(c.guest.token, READ, { id: meetingId })).meeting.protocol.status).toBe('IN_REVIEW');
    expect((await hub.ok(c.bystander.token, READ, { id: meetingId })).meeting.protocol).toBeNull();
    deny(await hub.gql(c.member.token, APPROVE, { input: { protocolId: started.id, expectedVersion: v + 1 } }), 'FORBIDDEN');
    deny(await hub.gql(c.member.token, ENTRY, { input: { protocolId: started.id, agendaItemId: open, notes: 'Änderung', expectedVersion: v + 1 } }), 'FORBIDDEN');

    // Approval is explicit: publishing straight from review is refused.
    expect(codeOf(await hub.gql(c.lead.token, PUBLISH, { input: { protocolId: started.id, expectedVersion: v + 1 } }))).toBe('BAD_USER_INPUT');
    const approved = (await hub.ok(c.agency.token, APPROVE, { input: { protocolId: started.id, expectedVersion: v + 1 } })).approveProtocol;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedAt: expect.any(String) });
    deny(await hub.gql(c.member.token, PUBLISH, { input: { protocolId: started.id, expectedVersion: v + 2 } }), 'FORBIDDEN');
    const published = (await hub.ok(c.lead.token, PUBLISH, { input: { protocolId: started.id, expectedVersion: v + 2 } })).publishProtocol;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: v + 3, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // The group reads the full text, and its SHA-256 is the contentHash.
    const full = (await hub.ok(c.member.token, READ, { id: meetingId })).meeting.protocol;
    expect(createHash('sha256').update(full.markdown, 'utf8').digest('hex')).toBe(published.contentHash);
    for (const text of ['# Protokoll: Projektgruppe LoRaWAN, 4. Sitzung', '| Ort | Rathaus Bretten |', '**Anwesend:**', '## TOP 1: Gateways in Bruchsal',
      'Drei Gateways laufen, eines fehlt.', '**Beschluss:** Viertes Gateway wird beschafft', 'Abstimmung: 5 Ja, 1 Nein, 2 Enthaltungen',
      'Standort für Gateway 4 klären', '15.01.2027', '## TOP 2: Vergabe Wartungsvertrag', 'Zuschlag an Firma X']) {
      expect(full.markdown).toContain(text);
    }
    expect((await hub.ok(c.member.token, READ, { id: meetingId })).meeting.status).toBe('HELD');

    // Outside the group (same network): redacted, without attendance; other networks: nothing.
    const outside = (await hub.ok(c.bystander.token, READ, { id: meetingId })).meeting.protocol;
    expect(outside.status).toBe('PUBLISHED');
    for (const secret of ['Vergabe Wartungsvertrag', 'Firma X', 'Vertrag unterzeichnen', '## Anwesenheit']) expect(outside.markdown).not.toContain(secret);
    expect(outside.markdown).toContain('Nichtöffentlicher Tagesordnungspunkt');
    expect(outside.markdown).toContain('Drei Gateways laufen, eines fehlt.');
    expect(outside.entries.map((e: { agendaItem: { id: string } }) => e.agendaItem.id)).toEqual([open]);
    expect(outside.decisions).toEqual([{ text: 'Viertes Gateway wird beschafft' }]);
    expect(outside.actionItems).toEqual([{ title: 'Standort für Gateway 4 klären' }]);
    expect(outside.revisions).toEqual([]);
    expect((await hub.ok(c.stranger.token, READ, { id: meetingId })).meeting).toBeNull();

    // Every change is a revision: who, when, what.
    const revisions = full.revisions as { version: number; summary: string; author: { id: string } }[];
    expect(revisions.map((r) => r.version)).toEqual(Array.from({ length: v + 3 }, (_, i) => i + 1));
    expect(revisions[0]).toMatchObject({ summary: 'Protokoll begonnen', author: { id: c.lead.id } });
    expect(revisions.at(-1)).toMatchObject({ summary: 'Veröffentlicht', author: { id: c.lead.id } });

    const events = await outbox(hub, started.id);
    expect(events.filter((e) => e.type === 'ProtocolPublished')).toHaveLength(1);
    expect(events.find((e) => e.type === 'ProtocolPublished')!.payload).toMatchObject({ contentHash: published.contentHash, decisions: expect.arrayContaining(['Viertes Gateway wird beschafft']) });
    expect((await hub.hub.app.get(DataSource).query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'ActionItemAssigned' AND payload->>'originMeetingId' = $1`, [meetingId]))[0].n).toBe(2);
  });

  it('is immutable once published: every mutation is refused with a clear error', async () => {
    const { meetingId, open } = await heldMeeting();
    const id = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol.id;
    await hub.ok(c.lead.token, ENTRY, { input: { protocolId: id, agendaItemId: open, notes: 'Endgültig.', expectedVersion: 1 } });
    await hub.ok(c.lead.token, SUBMIT, { input: { protocolId: id, expectedVersion: 2 } });
    await hub.ok(c.lead.token, APPROVE, { input: { protocolId: id, expectedVersion: 3 } });
    const { publishProtocol } = await hub.ok(c.lead.token, PUBLISH, { input: { protocolId: id, expectedVersion: 4 } });
    const before = (await hub.ok(c.lead.token, READ, { id: meetingId })).meeting.protocol.markdown;

    const attempts = await Promise.all([
      hub.gql(c.lead.token, ENTRY, { input: { protocolId: id, agendaItemId: open, notes: 'Nachträglich geändert', expectedVersion: 5 } }),
      hub.gql(c.lead.token, DECISION, { input: { protocolId: id, text: 'Nachtrag', expectedVersion: 5 } }),
      hub.gql(c.lead.token, SUBMIT, { input: { protocolId: id, expectedVersion: 5 } }),
      hub.gql(c.lead.token, APPROVE, { input: { protocolId: id, expectedVersion: 5 } }),
      hub.gql(c.lead.token, PUBLISH, { input: { protocolId: id, expectedVersion: 5 } }),
      hub.gql(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Nachtrag', protocolId: id } }),
      hub.gql(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Nachträglicher TOP' } }),
    ]);
    // Notes, decisions and the agenda are the frozen record (protocol-freeze.e2e-spec.ts): CONFLICT.
    const frozen = [0, 1, 6];
    for (const [i, r] of attempts.entries()) {
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: frozen.includes(i) ? 'CONFLICT' : 'BAD_USER_INPUT' } });
      expect(r.errors![0].message).toMatch(/veröffentlicht/);
    }
    const after = (await hub.ok(c.lead.token, READ, { id: meetingId })).meeting.protocol;
    expect(after).toMatchObject({ version: 5, contentHash: publishProtocol.contentHash, markdown: before });
  });

  it('lets exactly one of 20 concurrent edits with the same expectedVersion win; the rest get CONFLICT with currentVersion', async () => {
    const { meetingId, open } = await heldMeeting();
    const id = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol.id;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        hub.gql(c.lead.token, ENTRY, { input: { protocolId: id, agendaItemId: open, notes: `Fassung ${i}`, expectedVersion: 1 } }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const r of losers) expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const { protocol } = (await hub.ok(c.lead.token, READ, { id: meetingId })).meeting;
    const winningNotes = winners[0].data.updateProtocolEntry.entries[0].notes;
    expect(protocol.version).toBe(2);
    expect(protocol.entries).toEqual([{ agendaItem: { id: open, title: 'Gateways in Bruchsal' }, notes: winningNotes }]);
    expect(protocol.revisions.map((r: { version: number }) => r.version)).toEqual([1, 2]);

    // A stale version after that is still a visible conflict, not a silent overwrite.
    const stale = await hub.gql(c.agency.token, ENTRY, { input: { protocolId: id, agendaItemId: open, notes: 'Alt', expectedVersion: 1 } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it.each([
    ['notes over 100 000 characters', ENTRY, (id: string, item: string) => ({ protocolId: id, agendaItemId: item, notes: 'x'.repeat(100_001), expectedVersion: 1 }), 'notes'],
    ['negative vote counts', DECISION, (id: string) => ({ protocolId: id, text: 'Beschluss', votesAgainst: -1, expectedVersion: 1 }), 'votesAgainst'],
    ['an empty decision', DECISION, (id: string) => ({ protocolId: id, text: '  ', expectedVersion: 1 }), 'text'],
    ['an agenda item of another meeting', ENTRY, (id: string) => ({ protocolId: id, agendaItemId: '00000000-0000-4000-8000-000000000000', notes: 'x', expectedVersion: 1 }), 'agendaItemId'],
  ])('refuses %s', async (_what, mutation, input, field) => {
    const { meetingId, open } = await heldMeeting();
    const id = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol.id;
    const result = await hub.gql(c.lead.token, mutation, { input: input(id, open) });
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining(field) });
  });

  it('refuses a due date that is not a date', async () => {
    for (const dueOn of ['2027-02-30', '15.01.2027', 'morgen']) {
      const result = await hub.gql(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Frist', dueOn } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    }
  });
});
