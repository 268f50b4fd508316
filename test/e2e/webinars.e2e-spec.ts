import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, group, setRole, type Actor } from '../support/factories.js';
import { sql } from '../support/group-fixtures.js';
import { feedEvents } from '../support/ical-events.js';
import { knowledgeCast, profile, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const SERIES = 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id title visibility organizer { id } network { id } } }';
const SCHEDULE = `mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) {
  id title status capacity timeZone confirmedCount waitlistCount joinUrl series { id } speakers { name role organization { id } person { id } } projectProfiles { id } } }`;
const REGISTER = 'mutation($input: RegisterForWebinarInput!) { registerForWebinar(input: $input) { id status waitlistPosition person { id } organization { id } webinar { id } } }';
const UNREGISTER = 'mutation($id: ID!) { cancelWebinarRegistration(webinarId: $id) { id status waitlistPosition } }';
const CANCEL = 'mutation($id: ID!, $reason: String) { cancelWebinar(webinarId: $id, reason: $reason) { id status joinUrl } }';
const GET = 'query($id: ID!) { webinar(id: $id) { id status confirmedCount waitlistCount joinUrl myRegistration { id status waitlistPosition } } }';

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('webinar series and registration', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  let plenum: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
    plenum = await group(hub, c.agency, c.networkId, 'PLENUM');
  });
  afterAll(() => hub.stop());

  const series = async (visibility = 'HUB', extra: Record<string, unknown> = {}) =>
    (await hub.ok(c.agency.token, SERIES, { input: { title: 'Digital ins Wochenende', organizerId: c.agencyOrg, networkId: c.networkId, visibility, ...extra } })).createEventSeries.id as string;
  const webinar = async (seriesId: string, extra: Record<string, unknown> = {}) =>
    (await hub.ok(c.agency.token, SCHEDULE, {
      input: { seriesId, title: 'Mängelmelder in der Praxis', startsAt: hours(48), endsAt: hours(48.75), onlineUrl: 'https://meet.example.org/dow-42', ...extra },
    })).scheduleWebinar;
  const register = (who: Actor, webinarId: string) => hub.gql(who.token, REGISTER, { input: { webinarId } });

  describe('createEventSeries', () => {
    it('network ADMIN/MODERATOR for their network, hub admins outside networks; others FORBIDDEN', async () => {
      const input = { title: 'Digital ins Wochenende', organizerId: c.agencyOrg, networkId: c.networkId, visibility: 'NETWORK' };
      const { createEventSeries: s } = await hub.ok(c.agency.token, SERIES, { input });
      expect(s).toMatchObject({ visibility: 'NETWORK', organizer: { id: c.agencyOrg }, network: { id: c.networkId } });
      await hub.ok(c.admin.token, SERIES, { input });
      expect(codeOf(await hub.gql(c.member.token, SERIES, { input }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.otherMember.token, SERIES, { input }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(null, SERIES, { input }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await hub.gql(c.agency.token, SERIES, { input: { ...input, networkId: null, visibility: 'HUB' } }))).toBe('FORBIDDEN');
      await hub.ok(c.operator.token, SERIES, { input: { ...input, networkId: null, visibility: 'PUBLIC' } });
      const [entry] = await sql(hub, `SELECT actor_id, network_id FROM audit_entry WHERE action = 'series.create' AND subject_id = $1`, [s.id]);
      expect(entry).toEqual({ actor_id: c.agency.id, network_id: c.networkId });
    });

    it.each([
      ['an empty title', { title: ' ' }, 'title'],
      ['NETWORK without a network', { networkId: null, visibility: 'NETWORK' }, 'networkId'],
      ['an unknown organizer', { organizerId: '7d1c0d6e-34a6-4a3e-9f51-6f4f3b1d2c11' }, 'organizerId'],
    ])('answers %s with BAD_USER_INPUT', async (_, change, field) => {
      const r = await hub.gql(c.operator.token, SERIES, { input: { title: 'Reihe', organizerId: c.agencyOrg, networkId: c.networkId, visibility: 'HUB', ...change } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain(field);
    });
  });

  describe('scheduleWebinar', () => {
    it("the series' organizers schedule; it is announced in the network's plenum", async () => {
      const s = await series('HUB');
      const p = await profile(hub, c.member, { title: 'Mängelmelder', organizationIds: [c.cityA] });
      const w = await webinar(s, {
        capacity: 30, timeZone: 'Europe/Berlin', projectProfileIds: [p.id],
        speakers: [{ name: 'Erika Muster', role: 'Digitallotsin', organizationId: c.cityA, personId: c.member.id }, { name: 'Gast' }],
      });
      expect(w).toMatchObject({
        status: 'SCHEDULED', capacity: 30, timeZone: 'Europe/Berlin', confirmedCount: 0, waitlistCount: 0, series: { id: s }, projectProfiles: [{ id: p.id }],
        speakers: [{ name: 'Erika Muster', role: 'Digitallotsin', organization: { id: c.cityA }, person: { id: c.member.id } }, { name: 'Gast', role: null, organization: null, person: null }],
      });
      const [event] = await sql(hub, `SELECT group_id, payload FROM outbox_event WHERE type = 'WebinarScheduled' AND aggregate_id = $1`, [w.id]);
      expect(event.group_id).toBe(plenum);
      expect(event.payload).toMatchObject({ title: 'Mängelmelder in der Praxis', seriesTitle: 'Digital ins Wochenende', speakers: ['Erika Muster', 'Gast'], capacity: 30 });
      expect(codeOf(await hub.gql(c.member.token, SCHEDULE, { input: { seriesId: s, title: 'x', startsAt: hours(5), endsAt: hours(6) } }))).toBe('FORBIDDEN');
      const hidden = await series('NETWORK');
      expect(codeOf(await hub.gql(c.otherMember.token, SCHEDULE, { input: { seriesId: hidden, title: 'x', startsAt: hours(5), endsAt: hours(6) } }))).toBe('NOT_FOUND');
    });

    it.each([
      ['a webinar ending before it starts', { startsAt: hours(10), endsAt: hours(9) }, 'endsAt'],
      ['a webinar ending as it starts', { startsAt: hours(10), endsAt: hours(10) }, 'endsAt'],
      ['a start in the past', { startsAt: hours(-2), endsAt: hours(-1) }, 'startsAt'],
      ['capacity 0', { capacity: 0 }, 'capacity'],
      ['a negative capacity', { capacity: -5 }, 'capacity'],
      ['an empty title', { title: '' }, 'title'],
      ['a non-http link', { onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['a speaker without a name', { speakers: [{ name: ' ' }] }, 'speakers'],
      ['an unknown profile', { projectProfileIds: ['7d1c0d6e-34a6-4a3e-9f51-6f4f3b1d2c11'] }, 'projectProfileIds'],
    ])('answers %s with BAD_USER_INPUT', async (_, change, field) => {
      const s = await series();
      const r = await hub.gql(c.agency.token, SCHEDULE, { input: { seriesId: s, title: 'Webinar', startsAt: hours(5), endsAt: hours(6), ...change } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain(field);
    });
  });

  describe('who sees a webinar', () => {
    it('as visible as its series: NETWORK, HUB, PUBLIC; upcomingWebinars lists all the caller may see', async () => {
      const [net, wide, pub] = [await series('NETWORK'), await series('HUB'), await series('PUBLIC')];
      const [wn, wh, wp] = [await webinar(net), await webinar(wide), await webinar(pub)];
      const sees = async (token: string | null) => {
        const single = await Promise.all([wn, wh, wp].map(async (w) => !!(await hub.ok(token, GET, { id: w.id })).webinar));
        const upcoming = (await hub.ok(token, '{ upcomingWebinars { id } }')).upcomingWebinars.map((w: { id: string }) => w.id);
        expect([wn, wh, wp].map((w) => upcoming.includes(w.id))).toEqual(single);
        return single;
      };
      expect(await sees(c.member.token)).toEqual([true, true, true]);
      expect(await sees(c.otherMember.token)).toEqual([false, true, true]);
      expect(await sees(c.outsider.token)).toEqual([false, true, true]);
      expect(await sees(null)).toEqual([false, false, true]);
      expect((await hub.ok(null, 'query($id: ID!) { eventSeries(id: $id) { id webinars { id } } }', { id: pub })).eventSeries).toEqual({ id: pub, webinars: [{ id: wp.id }] });
      expect((await hub.ok(null, 'query($id: ID!) { eventSeries(id: $id) { id } }', { id: net })).eventSeries).toBeNull();
      expect(codeOf(await register(c.otherMember, wn.id))).toBe('NOT_FOUND');
      expect(codeOf(await hub.gql(null, REGISTER, { input: { webinarId: wp.id } }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('registration', () => {
    it('confirms while seats are free, then waitlists; registering again returns the same registration', async () => {
      const w = await webinar(await series(), { capacity: 1 });
      const first = (await register(c.member, w.id)).data!.registerForWebinar;
      expect(first).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null, person: { id: c.member.id }, organization: { id: c.cityA }, webinar: { id: w.id } });
      expect((await register(c.member, w.id)).data!.registerForWebinar.id).toBe(first.id);
      const second = (await register(c.colleague, w.id)).data!.registerForWebinar;
      expect(second).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
      expect((await hub.ok(c.colleague.token, GET, { id: w.id })).webinar).toMatchObject({ confirmedCount: 1, waitlistCount: 1, myRegistration: { id: second.id, status: 'WAITLISTED' } });
      const [event] = await sql(hub, `SELECT payload FROM outbox_event WHERE type = 'WebinarRegistrationConfirmed' AND aggregate_id = $1`, [w.id]);
      expect(event.payload).toMatchObject({ registrationId: first.id, personId: c.member.id, movedUp: false });
    });

    it('a cancellation moves the waitlist up in order and notifies the one who moved up', async () => {
      const w = await webinar(await series(), { capacity: 2 });
      const people = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => actor(hub, n)));
      for (const p of people) await register(p, w.id);
      const state = async () =>
        (await sql(hub, `SELECT person_id, status, waitlist_position FROM webinar_registration WHERE webinar_id = $1 ORDER BY status, waitlist_position NULLS FIRST, created_at`, [w.id])).map(
          (r) => `${people.findIndex((p) => p.id === r.person_id)}:${r.status}:${r.waitlist_position ?? '-'}`,
        );
      expect(await state()).toEqual(['0:CONFIRMED:-', '1:CONFIRMED:-', '2:WAITLISTED:1', '3:WAITLISTED:2', '4:WAITLISTED:3']);
      expect((await hub.ok(people[0].token, UNREGISTER, { id: w.id })).cancelWebinarRegistration).toMatchObject({ status: 'CANCELLED', waitlistPosition: null });
      expect(await state()).toEqual(['1:CONFIRMED:-', '2:CONFIRMED:-', '3:WAITLISTED:1', '4:WAITLISTED:2', '0:CANCELLED:-']);
      const moved = await sql(hub, `SELECT payload FROM outbox_event WHERE type = 'WebinarRegistrationConfirmed' AND aggregate_id = $1 AND (payload->>'movedUp')::boolean`, [w.id]);
      expect(moved.map((m) => m.payload.personId)).toEqual([people[2].id]);
      // Leaving the waitlist closes the gap; cancelling twice returns the cancelled registration.
      await hub.ok(people[3].token, UNREGISTER, { id: w.id });
      expect((await hub.ok(people[3].token, UNREGISTER, { id: w.id })).cancelWebinarRegistration.status).toBe('CANCELLED');
      expect(await state()).toEqual(['1:CONFIRMED:-', '2:CONFIRMED:-', '4:WAITLISTED:1', '0:CANCELLED:-', '3:CANCELLED:-']);
      // Registering again after cancelling reuses the registration, at the end of the line.
      const again = (await register(people[0], w.id)).data!.registerForWebinar;
      expect(again).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
      expect(codeOf(await hub.gql(c.outsider.token, UNREGISTER, { id: w.id }))).toBe('NOT_FOUND');
    });

    it('50 concurrent registrations for 30 seats: exactly 30 CONFIRMED, waitlist 1..20 without gaps or duplicates', async () => {
      const w = await webinar(await series(), { capacity: 30 });
      const people: Actor[] = [];
      for (let i = 0; i < 50; i++) people.push(await actor(hub, `p${i}`));
      const results = await Promise.all(people.map((p) => register(p, w.id)));
      expect(results.filter((r) => r.errors)).toEqual([]);
      const regs = results.map((r) => r.data!.registerForWebinar);
      expect(regs.filter((r) => r.status === 'CONFIRMED')).toHaveLength(30);
      const positions = regs.filter((r) => r.status === 'WAITLISTED').map((r) => r.waitlistPosition).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await hub.ok(c.agency.token, GET, { id: w.id })).webinar).toMatchObject({ confirmedCount: 30, waitlistCount: 20 });
      // Registering again concurrently changes nothing.
      const again = await Promise.all(people.slice(0, 10).map((p) => register(p, w.id)));
      expect(again.map((r) => r.data!.registerForWebinar.id)).toEqual(regs.slice(0, 10).map((r) => r.id));
      const [count] = await sql(hub, 'SELECT count(*)::int AS n FROM webinar_registration WHERE webinar_id = $1', [w.id]);
      expect(count.n).toBe(50);
    });

    it('an erased person frees their seat; the waitlist moves up', async () => {
      const w = await webinar(await series(), { capacity: 1 });
      const [leaving, next] = [await actor(hub, 'leaving'), await actor(hub, 'next')];
      await register(leaving, w.id);
      await register(next, w.id);
      await hub.ok(leaving.token, 'mutation($id: ID!) { erasePerson(input: { personId: $id }) }', { id: leaving.id });
      expect((await hub.ok(next.token, GET, { id: w.id })).webinar).toMatchObject({ confirmedCount: 1, waitlistCount: 0, myRegistration: { status: 'CONFIRMED' } });
      const [gone] = await sql(hub, 'SELECT status FROM webinar_registration WHERE webinar_id = $1 AND person_id = $2', [w.id, leaving.id]);
      expect(gone.status).toBe('CANCELLED');
    });

    it('an erased speaker leaves no name: not in the webinar, not in its outbox events', async () => {
      const speaker = await actor(hub, 'sprecherin');
      await setRole(hub, c.operator, c.networkId, speaker.id, 'MEMBER', c.cityA);
      const name = speaker.username.replace(/^./, (ch) => ch.toUpperCase());
      const w = await webinar(await series(), { speakers: [{ name, role: 'Digitallotsin', personId: speaker.id }, { name: 'Gast' }] });
      const [event] = await sql(hub, `SELECT payload FROM outbox_event WHERE aggregate_id = $1 ORDER BY created_at, id`, [w.id]);
      expect(event.payload.speakers).toEqual([name, 'Gast']);
      await hub.ok(speaker.token, 'mutation($id: ID!) { erasePerson(input: { personId: $id }) }', { id: speaker.id });
      const { webinar: after } = await hub.ok(c.agency.token, 'query($id: ID!) { webinar(id: $id) { speakers { name role } } }', { id: w.id });
      expect(after.speakers).toEqual([{ name: 'Gelöschte Person', role: 'Digitallotsin' }, { name: 'Gast', role: null }]);
      const events = await sql(hub, `SELECT payload FROM outbox_event WHERE aggregate_id = $1 ORDER BY created_at, id`, [w.id]);
      expect(JSON.stringify(events).toLowerCase()).not.toContain(speaker.username.toLowerCase());
      expect(events[0].payload.speakers).toEqual(['Gelöschte Person', 'Gast']);
    });

    it('closes at the start and for cancelled webinars (CONFLICT)', async () => {
      const w = await webinar(await series());
      await sql(hub, `UPDATE webinar SET starts_at = now() - interval '1 minute' WHERE id = $1`, [w.id]);
      expect(codeOf(await register(c.member, w.id))).toBe('CONFLICT');
      const v = await webinar(await series());
      await hub.ok(c.agency.token, CANCEL, { id: v.id });
      expect(codeOf(await register(c.member, v.id))).toBe('CONFLICT');
      expect(codeOf(await hub.gql(c.member.token, REGISTER, { input: { webinarId: v.id, organizationId: 'nope' } }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('joinUrl', () => {
    it('only for CONFIRMED participants, speakers and organizers', async () => {
      const s = await series('PUBLIC');
      const w = await webinar(s, { capacity: 1, speakers: [{ name: 'Referentin', personId: c.member2.id }] });
      await register(c.member, w.id);
      await register(c.colleague, w.id);
      const url = async (token: string | null) => (await hub.ok(token, GET, { id: w.id })).webinar.joinUrl;
      expect(await url(c.member.token)).toBe('https://meet.example.org/dow-42');
      expect(await url(c.member2.token)).toBe('https://meet.example.org/dow-42');
      expect(await url(c.agency.token)).toBe('https://meet.example.org/dow-42');
      expect(await url(c.colleague.token)).toBeNull(); // waitlisted
      expect(await url(c.outsider.token)).toBeNull();
      expect(await url(null)).toBeNull();
      await hub.ok(c.member.token, UNREGISTER, { id: w.id });
      expect(await url(c.member.token)).toBeNull();
      expect(await url(c.colleague.token)).toBe('https://meet.example.org/dow-42'); // moved up
    });
  });

  describe('cancelWebinar', () => {
    it("the series' organizers; announced; cancelling again returns it; no join link afterwards", async () => {
      const w = await webinar(await series(), { capacity: 5 });
      await register(c.member, w.id);
      expect(codeOf(await hub.gql(c.member.token, CANCEL, { id: w.id }))).toBe('FORBIDDEN');
      expect((await hub.ok(c.agency.token, CANCEL, { id: w.id, reason: 'Referentin erkrankt' })).cancelWebinar).toEqual({ id: w.id, status: 'CANCELLED', joinUrl: null });
      expect((await hub.ok(c.admin.token, CANCEL, { id: w.id })).cancelWebinar.status).toBe('CANCELLED');
      expect(codeOf(await hub.gql(c.admin.token, CANCEL, { id: w.id, reason: 'a\u0000b' }))).toBe('BAD_USER_INPUT');
      expect((await hub.ok(c.member.token, GET, { id: w.id })).webinar).toMatchObject({ status: 'CANCELLED', joinUrl: null, myRegistration: { status: 'CONFIRMED' } });
      const events = await sql(hub, `SELECT group_id, payload FROM outbox_event WHERE type = 'WebinarCancelled' AND aggregate_id = $1`, [w.id]);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ group_id: plenum, payload: { reason: 'Referentin erkrankt' } });
    });
  });

  describe('calendar feeds', () => {
    it("holds the webinars one is confirmed for or speaks at, with the join link; not waitlisted ones", async () => {
      const w = await webinar(await series(), { capacity: 1, speakers: [{ name: 'Referent', personId: c.member2.id }] });
      const [confirmed, waiting] = [await actor(hub, 'confirmed'), await actor(hub, 'waiting')];
      await register(confirmed, w.id);
      await register(waiting, w.id);
      const mine = <T extends { uid: string }>(events: T[]) => events.filter((e) => e.uid.startsWith(w.id));
      const [event] = mine(await feedEvents(hub, confirmed.token));
      expect(event).toMatchObject({ summary: 'Digital ins Wochenende: Mängelmelder in der Praxis', status: 'CONFIRMED', url: 'https://meet.example.org/dow-42' });
      expect(event.description).toContain('Online: https://meet.example.org/dow-42');
      expect(mine(await feedEvents(hub, c.member2.token))).toHaveLength(1);
      expect(mine(await feedEvents(hub, waiting.token))).toHaveLength(0);
      await hub.ok(c.agency.token, CANCEL, { id: w.id });
      expect(mine(await feedEvents(hub, confirmed.token))[0].status).toBe('CANCELLED');
    });
  });

  it("puts one's registrations and talks into GET /privacy/export", async () => {
    const w = await webinar(await series(), { speakers: [{ name: 'Ref', role: 'Digitallotsin', personId: c.member2.id }] });
    await register(c.member2, w.id);
    const res = await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.member2.token}`);
    expect(res.body.webinarRegistrations.filter((r: { webinar: { id: string } }) => r.webinar.id === w.id)).toEqual([
      expect.objectContaining({ status: 'CONFIRMED', seriesTitle: 'Digital ins Wochenende', organization: { id: c.cityA2, name: expect.any(String) } }),
    ]);
    expect(res.body.webinarSpeaking.filter((r: { webinar: { id: string } }) => r.webinar.id === w.id)).toEqual([expect.objectContaining({ name: 'Ref', role: 'Digitallotsin' })]);
  });
});
