import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { actor, addGroupMember } from '../support/factories.js';
import { sql } from '../support/group-fixtures.js';
import { feedEvents } from '../support/ical-events.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { TestHub } from '../support/test-hub.js';

const JITSI = { JITSI_URL: 'https://meet.example.org', JITSI_APP_ID: 'interkom-test', JITSI_APP_SECRET: 'a-long-shared-secret-for-prosody' };
const VIDEO = 'query($id: ID!) { meeting(id: $id) { id videoRoomUrl } }';

/** The display name the hub knows the person by (from the token's name claims). */
const nameOf = async (hub: TestHub, token: string) => (await hub.ok(token, '{ me { displayName } }')).me.displayName as string;

interface JitsiClaims extends JWTPayload { room: string; context: { user: { name: string; moderator: boolean } } }

/** Checks a join link the way prosody's token authentication does: signature, iss, aud, sub, room, nbf/exp. */
async function verifyLink(url: string, at: Date): Promise<{ room: string; claims: JitsiClaims }> {
  const link = new URL(url);
  expect(link.origin).toBe(JITSI.JITSI_URL);
  const room = link.pathname.slice(1);
  const { payload } = await jwtVerify<JitsiClaims>(link.searchParams.get('jwt')!, new TextEncoder().encode(JITSI.JITSI_APP_SECRET), {
    algorithms: ['HS256'], issuer: JITSI.JITSI_APP_ID, audience: 'jitsi', subject: 'meet.example.org', currentDate: at, requiredClaims: ['room', 'nbf', 'exp'],
  });
  expect(payload.room).toBe(room);
  return { room, claims: payload };
}

describe('video rooms (Jitsi with token authentication)', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start(JITSI);
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  it("gives members of the meeting's groups a personal link, managers as moderators, valid from 30 minutes before to 2 hours after", async () => {
    const id = await meeting(hub, c.agency, c.groupId, 3);
    const [m] = await sql(hub, 'SELECT starts_at, ends_at FROM meeting WHERE id = $1', [id]);
    const during = new Date(m.starts_at.getTime() + 60_000);
    const url = async (token: string) => (await hub.ok(token, VIDEO, { id })).meeting.videoRoomUrl as string | null;

    const member = await verifyLink((await url(c.member.token))!, during);
    expect(member.claims.context.user).toEqual({ name: await nameOf(hub, c.member.token), moderator: false });
    expect(member.claims.nbf).toBe(Math.floor(m.starts_at.getTime() / 1000) - 30 * 60);
    expect(member.claims.exp).toBe(Math.floor(m.ends_at.getTime() / 1000) + 2 * 3600);
    expect(member.room).toMatch(/^interkom-[0-9a-f]{32}$/);
    expect(member.room).not.toContain(id.slice(0, 8));

    const lead = await verifyLink((await url(c.lead.token))!, during);
    expect(lead.room).toBe(member.room); // one room, personal tokens
    expect(lead.claims.context.user.moderator).toBe(true);
    expect((await verifyLink((await url(c.agency.token))!, during)).claims.context.user.moderator).toBe(true);
    expect((await verifyLink((await url(c.guest.token))!, during)).claims.context.user.moderator).toBe(false);

    // Too early and too late, as prosody would refuse them; a wrong secret fails the signature.
    await expect(verifyLink((await url(c.member.token))!, new Date(m.starts_at.getTime() - 31 * 60_000))).rejects.toThrow(/nbf/);
    await expect(verifyLink((await url(c.member.token))!, new Date(m.ends_at.getTime() + 121 * 60_000))).rejects.toThrow(/exp/);
    const token = new URL((await url(c.member.token))!).searchParams.get('jwt')!;
    await expect(jwtVerify(token, new TextEncoder().encode('wrong'), { algorithms: ['HS256'] })).rejects.toThrow(/signature/);

    // Others in the network see the meeting but get no link; outsiders do not see the meeting.
    expect(await url(c.bystander.token)).toBeNull();
    expect((await hub.ok(c.stranger.token, VIDEO, { id })).meeting).toBeNull();
  });

  it('keeps a room per meeting, different rooms for different meetings, and lets a link set by hand win', async () => {
    const [a, b] = [await meeting(hub, c.agency, c.groupId, 4), await meeting(hub, c.agency, c.groupId, 5)];
    const room = async (id: string) => new URL((await hub.ok(c.member.token, VIDEO, { id })).meeting.videoRoomUrl).pathname;
    expect(await room(a)).toBe(await room(a));
    expect(await room(a)).not.toBe(await room(b));
    const own = await meeting(hub, c.agency, c.groupId, 6, { onlineUrl: 'https://konferenz.example.org/raum' });
    expect((await hub.ok(c.member.token, VIDEO, { id: own })).meeting.videoRoomUrl).toBe('https://konferenz.example.org/raum');
  });

  it('puts each person\'s own link into their calendar feed', async () => {
    const id = await meeting(hub, c.agency, c.groupId, 7);
    const [event] = (await feedEvents(hub, c.member.token)).filter((e) => e.uid.startsWith(id));
    const claims = decodeJwt(new URL(event.url!).searchParams.get('jwt')!) as JitsiClaims;
    expect(claims.context.user).toEqual({ name: await nameOf(hub, c.member.token), moderator: false });
    expect(event.description).toContain(`Online: ${event.url}`);
    const [lead] = (await feedEvents(hub, c.lead.token)).filter((e) => e.uid.startsWith(id));
    expect((decodeJwt(new URL(lead.url!).searchParams.get('jwt')!) as JitsiClaims).context.user.moderator).toBe(true);
  });

  it('gives a webinar room to CONFIRMED participants, speakers and organizers only (organizers moderate)', async () => {
    const series = await hub.ok(c.agency.token, 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }', {
      input: { title: 'Digital ins Wochenende', organizerId: c.city, networkId: c.networkId, visibility: 'HUB' },
    });
    const startsAt = new Date(Date.now() + 86_400_000);
    const { scheduleWebinar: w } = await hub.ok(c.agency.token, 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }', {
      input: { seriesId: series.createEventSeries.id, title: 'Open Data', startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), capacity: 1, speakers: [{ name: 'Ref', personId: c.lead.id }] },
    });
    const [seat, waiting] = [await actor(hub, 'seat'), await actor(hub, 'waiting')];
    const register = 'mutation($id: ID!) { registerForWebinar(input: { webinarId: $id }) { status } }';
    await hub.ok(seat.token, register, { id: w.id });
    await hub.ok(waiting.token, register, { id: w.id });
    const join = async (token: string) => (await hub.ok(token, 'query($id: ID!) { webinar(id: $id) { joinUrl } }', { id: w.id })).webinar.joinUrl as string | null;
    const at = new Date(startsAt.getTime() + 60_000);
    expect((await verifyLink((await join(seat.token))!, at)).claims.context.user).toEqual({ name: await nameOf(hub, seat.token), moderator: false });
    expect((await verifyLink((await join(c.lead.token))!, at)).claims.context.user.moderator).toBe(false);
    expect((await verifyLink((await join(c.agency.token))!, at)).claims.context.user.moderator).toBe(true);
    expect(await join(waiting.token)).toBeNull();
    expect(await join(c.bystander.token)).toBeNull();
  });
});

describe('video rooms without token authentication, and without JITSI_URL', () => {
  it('gives plain room links with JITSI_URL alone', async () => {
    const hub = await TestHub.start({ JITSI_URL: 'https://meet.example.org' });
    try {
      const c = await cast(hub);
      const id = await meeting(hub, c.agency, c.groupId, 2);
      const url = (await hub.ok(c.member.token, VIDEO, { id })).meeting.videoRoomUrl;
      expect(url).toMatch(/^https:\/\/meet\.example\.org\/interkom-[0-9a-f]{32}$/);
      expect((await hub.ok(c.lead.token, VIDEO, { id })).meeting.videoRoomUrl).toBe(url);
    } finally {
      await hub.stop();
    }
  });

  it('changes nothing without JITSI_URL', async () => {
    const hub = await TestHub.start();
    try {
      const c = await cast(hub);
      const id = await meeting(hub, c.agency, c.groupId, 2);
      expect((await hub.ok(c.member.token, VIDEO, { id })).meeting.videoRoomUrl).toBeNull();
      const [event] = (await feedEvents(hub, c.member.token)).filter((e) => e.uid.startsWith(id));
      expect(event.url).toBeNull();
      await addGroupMember(hub, c.agency, c.groupId, c.bystander.id, 'MEMBER');
      expect((await hub.ok(c.bystander.token, VIDEO, { id })).meeting.videoRoomUrl).toBeNull();
    } finally {
      await hub.stop();
    }
  });
});
