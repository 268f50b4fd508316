// What a member of the network outside a meeting's groups sees of it (issue 19.2): that it takes
// place, when, and its public agenda; never the place, the online link with its passcode, or why it
// was cancelled. Members of its groups see all of it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cast, type Cast } from '../support/meeting-fixtures.js';
import { TestHub } from '../support/test-hub.js';

const SECRET_LINK = 'https://konferenz.example.org/j/8812345?pwd=Geheim42';
const FIELDS = 'id title startsAt status location onlineUrl cancelReason videoRoomUrl history { reason }';
const BY_ID = `query($id: ID!) { meeting(id: $id) { ${FIELDS} } }`;
const BY_GROUP = `query($id: ID!) { group(id: $id) { meetings { ${FIELDS} } } }`;

describe('a meeting seen from outside its groups', () => {
  let hub: TestHub;
  let c: Cast;
  let upcoming: string;
  let cancelled: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await cast(hub);
    const create = async (title: string, startsAt: string) =>
      (await hub.ok(c.agency.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
        input: { groupId: c.groupId, title, startsAt, endsAt: startsAt.replace('T09', 'T11'), location: 'Rathaus Bretten, Raum 3.12 (Türcode 4711)', onlineUrl: SECRET_LINK },
      })).createMeeting.id as string;
    upcoming = await create('Jour fixe', '2031-03-04T09:00:00Z');
    cancelled = await create('Fachgruppe', '2031-03-11T09:00:00Z');
    await hub.ok(c.agency.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', {
      input: { meetingId: cancelled, reason: 'Frau Maier ist erkrankt' },
    });
  });
  afterAll(() => hub.stop());

  it('shows a network member outside the groups title, time and status, but no place, link or reason', async () => {
    for (const id of [upcoming, cancelled]) {
      const { meeting } = await hub.ok(c.bystander.token, BY_ID, { id });
      expect(meeting).toMatchObject({ id, location: null, onlineUrl: null, cancelReason: null, videoRoomUrl: null, history: [] });
      expect(meeting.title).toBeTruthy();
    }
    const { group } = await hub.ok(c.bystander.token, BY_GROUP, { id: c.groupId });
    expect(group.meetings.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([upcoming, cancelled]));
    expect(JSON.stringify(group.meetings)).not.toMatch(/Geheim42|Türcode|erkrankt/);
    expect(group.meetings.find((m: { id: string }) => m.id === cancelled).status).toBe('CANCELLED');
  });

  it('shows the members of the group, guests included, all of it', async () => {
    for (const who of [c.member, c.guest, c.lead]) {
      const { meeting } = await hub.ok(who.token, BY_ID, { id: upcoming });
      expect(meeting).toMatchObject({ location: 'Rathaus Bretten, Raum 3.12 (Türcode 4711)', onlineUrl: SECRET_LINK, videoRoomUrl: SECRET_LINK });
      expect((await hub.ok(who.token, BY_ID, { id: cancelled })).meeting.cancelReason).toBe('Frau Maier ist erkrankt');
    }
  });

  it('shows another network nothing', async () => {
    expect(await hub.ok(c.stranger.token, BY_ID, { id: upcoming })).toEqual({ meeting: null });
  });
});
