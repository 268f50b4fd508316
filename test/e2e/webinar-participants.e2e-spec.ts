import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor } from '../support/factories.js';
import { sql } from '../support/group-fixtures.js';
import { knowledgeCast, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const SERIES = 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }';
const SCHEDULE = 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }';
const REGISTER = 'mutation($input: RegisterForWebinarInput!) { registerForWebinar(input: $input) { id status } }';
const UNREGISTER = 'mutation($id: ID!) { cancelWebinarRegistration(webinarId: $id) { id } }';
const LIST = 'query($id: ID!) { webinarParticipants(webinarId: $id) { id personId name email organizationName registeredAt status waitlistPosition attendedAt } }';
const ATTEND = 'mutation($input: MarkWebinarAttendanceInput!) { markWebinarAttendance(input: $input) { personId status attendedAt } }';

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('webinar participant list (organizers only)', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  let webinarId: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
    const { createEventSeries: s } = await hub.ok(c.agency.token, SERIES, { input: { title: 'Digital ins Wochenende', organizerId: c.agencyOrg, networkId: c.networkId, visibility: 'HUB' } });
    ({ scheduleWebinar: { id: webinarId } } = await hub.ok(c.agency.token, SCHEDULE, {
      input: { seriesId: s.id, title: 'Mängelmelder', startsAt: hours(24), endsAt: hours(25), capacity: 1, onlineUrl: 'https://meet.example.org/x' },
    }));
  });
  afterAll(() => hub.stop());

  it('lists confirmed, then the waitlist, with name, e-mail, organization and registration time; not those who cancelled', async () => {
    const gone = await actor(hub, 'gone');
    await hub.ok(c.member.token, REGISTER, { input: { webinarId } });
    await hub.ok(c.colleague.token, REGISTER, { input: { webinarId } });
    await hub.ok(gone.token, REGISTER, { input: { webinarId } });
    await hub.ok(gone.token, UNREGISTER, { id: webinarId });
    const [member] = await sql(hub, 'SELECT display_name, email FROM person WHERE id = $1', [c.member.id]);
    const { webinarParticipants: list } = await hub.ok(c.agency.token, LIST, { id: webinarId });
    expect(list.map((p: { personId: string }) => p.personId)).toEqual([c.member.id, c.colleague.id]);
    expect(list[0]).toMatchObject({ name: member.display_name, email: member.email, organizationName: expect.stringMatching(/^Stadt A /), status: 'CONFIRMED', waitlistPosition: null, attendedAt: null });
    expect(list[1]).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(Date.parse(list[0].registeredAt)).not.toBeNaN();
    // Network ADMINs and hub admins organize too.
    expect((await hub.ok(c.admin.token, LIST, { id: webinarId })).webinarParticipants).toHaveLength(2);
    expect((await hub.ok(c.operator.token, LIST, { id: webinarId })).webinarParticipants).toHaveLength(2);
  });

  it('is NOT_FOUND for participants, other people and unknown ids; UNAUTHENTICATED without sign-in', async () => {
    for (const who of [c.member, c.member2, c.outsider]) expect(codeOf(await hub.gql(who.token, LIST, { id: webinarId }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(c.agency.token, LIST, { id: '7d1c0d6e-34a6-4a3e-9f51-6f4f3b1d2c11' }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(null, LIST, { id: webinarId }))).toBe('UNAUTHENTICATED');
  });

  it('organizers mark attendance once it has begun; only confirmed participants; it reaches the privacy export', async () => {
    const input = { webinarId, personId: c.member.id, attended: true };
    expect(codeOf(await hub.gql(c.agency.token, ATTEND, { input }))).toBe('CONFLICT');
    await sql(hub, `UPDATE webinar SET starts_at = now() - interval '5 minutes' WHERE id = $1`, [webinarId]);
    expect(codeOf(await hub.gql(c.member.token, ATTEND, { input }))).toBe('NOT_FOUND');
    const { markWebinarAttendance: marked } = await hub.ok(c.agency.token, ATTEND, { input });
    expect(marked).toMatchObject({ personId: c.member.id, status: 'CONFIRMED' });
    expect(Date.parse(marked.attendedAt)).not.toBeNaN();
    expect(codeOf(await hub.gql(c.agency.token, ATTEND, { input: { ...input, personId: c.colleague.id } }))).toBe('CONFLICT');
    expect(codeOf(await hub.gql(c.agency.token, ATTEND, { input: { ...input, personId: c.member2.id } }))).toBe('NOT_FOUND');
    const res = await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.member.token}`);
    const [mine] = res.body.webinarRegistrations.filter((r: { webinar: { id: string } }) => r.webinar.id === webinarId);
    expect(mine).toMatchObject({ status: 'CONFIRMED', organization: { id: c.cityA, name: expect.stringMatching(/^Stadt A /) } });
    expect(Date.parse(mine.attendedAt)).toBe(Date.parse(marked.attendedAt));
    expect((await hub.ok(c.agency.token, ATTEND, { input: { ...input, attended: false } })).markWebinarAttendance.attendedAt).toBeNull();
    const [audit] = await sql(hub, `SELECT network_id, about_person_id FROM audit_entry WHERE action = 'webinar.attendance' AND network_id = '${c.networkId}' ORDER BY at LIMIT 1`);
    expect(audit).toEqual({ network_id: c.networkId, about_person_id: c.member.id });
  });
});
