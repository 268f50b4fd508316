import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '../../src/common/clock.js';
import { todayInBerlin } from '../../src/common/scalars.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { codeOf, TestHub, type GqlResult } from '../support/test-hub.js';

const P = 'id status version publishedAt publishedBy { id }';
const START = `mutation($input: StartProtocolInput!) { startProtocol(input: $input) { ${P} } }`;
const ENTRY = `mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { ${P} } }`;
const DECISION = `mutation($input: AddDecisionInput!) { addDecision(input: $input) { ${P} } }`;
const SUBMIT = `mutation($input: ProtocolTransitionInput!) { submitProtocolForReview(input: $input) { ${P} } }`;
const APPROVE = `mutation($input: ProtocolTransitionInput!) { approveProtocol(input: $input) { ${P} } }`;
const PUBLISH = `mutation($input: ProtocolTransitionInput!) { publishProtocol(input: $input) { ${P} } }`;
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
const ACCEPT_ITEM = 'mutation($input: AcceptAgendaItemInput!) { acceptAgendaItem(input: $input) { id } }';
const MOVE_ITEM = 'mutation($input: MoveAgendaItemInput!) { moveAgendaItem(input: $input) { id } }';
const REMOVE_ITEM = 'mutation($input: RemoveAgendaItemInput!) { removeAgendaItem(input: $input) { id } }';
const ATTEND = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }';
const RESCHEDULE = 'mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }';
const CANCEL = 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }';
const ACTION = 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id status } }';
const ACTION_STATUS = 'mutation($input: SetActionItemStatusInput!) { setActionItemStatus(input: $input) { id status } }';
const READ = `query($id: ID!) { meeting(id: $id) { status startsAt endsAt
  agenda { id title position status } attendance { person { id } status }
  protocol { ${P} entries { notes } decisions { text } actionItems { id status } } } }`;
const SCHEDULE_SERIES = `mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }`;
const UPDATE_SERIES = `mutation($input: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $input) { id startTime } }`;
const SERIES_OCCURRENCES = `query($id: ID!, $from: DateTime!, $to: DateTime!) { group(id: $id) { series { id occurrences(from: $from, to: $to) { id startsAt endsAt status } } } }`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('protocol publication guards and the frozen record', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  /** A meeting with three items (one only proposed), attendance, an action item, and a protocol up to `until`. */
  async function recordedMeeting(until: 'APPROVED' | 'PUBLISHED', daysAhead = -1) {
    const meetingId = await meeting(hub, c.lead, c.groupId, daysAhead, { title: `Abgeschlossene Sitzung (${until})` });
    const first = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Breitbandausbau' } })).addAgendaItem.id;
    const second = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Haushalt' } })).addAgendaItem.id;
    const proposed = (await hub.ok(c.member.token, ADD_ITEM, { input: { meetingId, title: 'Vorschlag: Glasfaser' } })).addAgendaItem.id;
    await hub.ok(c.lead.token, ATTEND, { input: { meetingId, personId: c.member.id, status: 'PRESENT', organizationId: c.city } });
    const protocolId = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol.id;
    await hub.ok(c.lead.token, ENTRY, { input: { protocolId, agendaItemId: first, notes: 'Ausbau beginnt im Frühjahr.', expectedVersion: 1 } });
    await hub.ok(c.lead.token, DECISION, { input: { protocolId, agendaItemId: first, text: 'Ausschreibung wird vorbereitet', expectedVersion: 2 } });
    const actionItemId = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Ausschreibung entwerfen', protocolId, agendaItemId: first } })).addActionItem.id;
    await hub.ok(c.lead.token, SUBMIT, { input: { protocolId, expectedVersion: 4 } });
    await hub.ok(c.agency.token, APPROVE, { input: { protocolId, expectedVersion: 5 } });
    if (until === 'PUBLISHED') await hub.ok(c.lead.token, PUBLISH, { input: { protocolId, expectedVersion: 6 } });
    return { meetingId, protocolId, first, second, proposed, actionItemId, version: until === 'PUBLISHED' ? 7 : 6 };
  }

  it('refuses to publish before the meeting has ended (CONFLICT, German, naming the field) and publishes after it, recording who and when', async () => {
    const r = await recordedMeeting('APPROVED', 1);
    const early = await hub.gql(c.lead.token, PUBLISH, { input: { protocolId: r.protocolId, expectedVersion: r.version } });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'protocolId' } });
    expect(early.errors![0].message).toMatch(/^protocolId: Die Sitzung endet erst am .+; das Protokoll kann erst danach veröffentlicht werden\.$/);
    expect((await hub.ok(c.lead.token, READ, { id: r.meetingId })).meeting.protocol).toMatchObject({ status: 'APPROVED', version: r.version, publishedAt: null, publishedBy: null });

    // The rule reads the injected clock: two days on, the meeting lies behind it.
    const clock = hub.hub.app.get(Clock);
    const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date(inDays(2)));
    try {
      const published = (await hub.ok(c.lead.token, PUBLISH, { input: { protocolId: r.protocolId, expectedVersion: r.version } })).publishProtocol;
      expect(published).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String), publishedBy: { id: c.lead.id } });
    } finally {
      spy.mockRestore();
    }
  });

  it('publishes a protocol of a past meeting and shows who published it to the groups, not to the network', async () => {
    const r = await recordedMeeting('PUBLISHED');
    const own = (await hub.ok(c.member.token, READ, { id: r.meetingId })).meeting.protocol;
    expect(own).toMatchObject({ status: 'PUBLISHED', publishedBy: { id: c.lead.id } });
    expect(Date.parse(own.publishedAt)).toBeLessThanOrEqual(Date.now());
    expect((await hub.ok(c.bystander.token, READ, { id: r.meetingId })).meeting.protocol).toMatchObject({ status: 'PUBLISHED', publishedBy: null });
    // Having published is personal data of the publisher: their GDPR export lists it.
    const doc = JSON.parse((await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.lead.token}`)).text);
    expect(doc.protocolsPublished).toEqual(expect.arrayContaining([expect.objectContaining({ protocolId: r.protocolId, meeting: expect.objectContaining({ id: r.meetingId }) })]));
  });

  describe.each(['APPROVED', 'PUBLISHED'] as const)('once the protocol is %s', (state) => {
    const stateWord = state === 'APPROVED' ? 'genehmigt' : 'veröffentlicht';

    it('refuses every change to agenda, attendance, decisions and time with CONFLICT and leaves the meeting as it was', async () => {
      const r = await recordedMeeting(state);
      const before = (await hub.ok(c.lead.token, READ, { id: r.meetingId })).meeting;
      const later = new Date(Date.parse(before.startsAt) + 7 * 86_400_000);
      const attempts: [string, string, Record<string, unknown>, string][] = [
        ['addAgendaItem', ADD_ITEM, { meetingId: r.meetingId, title: 'Nachträglicher TOP' }, 'meetingId'],
        ['acceptAgendaItem', ACCEPT_ITEM, { agendaItemId: r.proposed }, 'agendaItemId'],
        ['moveAgendaItem', MOVE_ITEM, { agendaItemId: r.second, position: 1 }, 'agendaItemId'],
        ['removeAgendaItem', REMOVE_ITEM, { agendaItemId: r.second }, 'agendaItemId'],
        ['recordAttendance', ATTEND, { meetingId: r.meetingId, personId: c.member.id, status: 'EXCUSED' }, 'meetingId'],
        ['recordAttendance (a new person)', ATTEND, { meetingId: r.meetingId, personId: c.guest.id, status: 'PRESENT' }, 'meetingId'],
        ['addDecision', DECISION, { protocolId: r.protocolId, text: 'Nachtrag', expectedVersion: r.version }, 'protocolId'],
        ['updateProtocolEntry', ENTRY, { protocolId: r.protocolId, agendaItemId: r.first, notes: 'Geändert', expectedVersion: r.version }, 'protocolId'],
        ['rescheduleMeeting', RESCHEDULE, { meetingId: r.meetingId, startsAt: later, endsAt: new Date(later.getTime() + 3_600_000) }, 'meetingId'],
        ['cancelMeeting', CANCEL, { meetingId: r.meetingId, reason: 'Nachträglich' }, 'meetingId'],
      ];
      for (const [name, mutation, input, field] of attempts) {
        const result: GqlResult = await hub.gql(c.lead.token, mutation, { input });
        expect([name, result.errors?.[0]?.extensions]).toEqual([name, expect.objectContaining({ code: 'CONFLICT', field })]);
        expect([name, result.errors![0].message]).toEqual([
          name, `${field}: Die Sitzung ist abgeschlossen: das Protokoll ist ${stateWord}. Änderungen gehen als Berichtigung ein.`,
        ]);
      }
      // Members' proposals are refused the same way.
      expect(codeOf(await hub.gql(c.member.token, ADD_ITEM, { input: { meetingId: r.meetingId, title: 'Noch ein Vorschlag' } }))).toBe('CONFLICT');

      const after = (await hub.ok(c.lead.token, READ, { id: r.meetingId })).meeting;
      expect(after).toEqual(before);
    });

    it('still lets the group work on the action items', async () => {
      const r = await recordedMeeting(state);
      const done = (await hub.ok(c.lead.token, ACTION_STATUS, { input: { actionItemId: r.actionItemId, status: 'DONE' } })).setActionItemStatus;
      expect(done).toEqual({ id: r.actionItemId, status: 'DONE' });
      const fresh = (await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Folgeauftrag ohne Protokoll' } })).addActionItem;
      expect(fresh.status).toBe('OPEN');
    });
  });

  it('leaves a series occurrence with an approved protocol where it was when the series is edited', async () => {
    const { scheduleMeetingSeries: s } = await hub.ok(c.lead.token, SCHEDULE_SERIES, {
      input: { groupId: c.groupId, title: 'Jour fixe Freeze', rrule: 'FREQ=WEEKLY;BYDAY=MO', startsOn: todayInBerlin(), startTime: '09:00', durationMinutes: 60, holidayPolicy: 'IGNORE' },
    });
    const read = async () => {
      const { group } = await hub.ok(c.lead.token, SERIES_OCCURRENCES, { id: c.groupId, from: inDays(-1), to: inDays(60) });
      return group.series.find((x: { id: string }) => x.id === s.id).occurrences as { id: string; startsAt: string; endsAt: string; status: string }[];
    };
    const [first, second] = await read();
    const protocolId = (await hub.ok(c.lead.token, START, { input: { meetingId: second.id } })).startProtocol.id;
    await hub.ok(c.lead.token, SUBMIT, { input: { protocolId, expectedVersion: 1 } });
    await hub.ok(c.agency.token, APPROVE, { input: { protocolId, expectedVersion: 2 } });

    await hub.ok(c.lead.token, UPDATE_SERIES, { input: { seriesId: s.id, effectiveFrom: todayInBerlin(), startTime: '14:00' } });
    const after = new Map((await read()).map((o) => [o.id, o]));
    expect(after.get(second.id)).toEqual(second);
    expect(after.get(first.id)!.startsAt).not.toBe(first.startsAt);
    // And the occurrence itself refuses a move.
    const moved = await hub.gql(c.lead.token, RESCHEDULE, { input: { meetingId: second.id, startsAt: inDays(30), endsAt: inDays(30.1) } });
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'meetingId' });
  });
});
