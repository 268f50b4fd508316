import { DataSource } from 'typeorm';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from './factories.js';
import type { TestHub } from './test-hub.js';

/** Everyone a meeting test needs, each with a different relation to one project group. */
export interface Cast {
  root: Actor; // hub admin
  agency: Actor; // network MODERATOR (the moderating agency)
  lead: Actor; // group LEAD
  member: Actor; // group MEMBER
  guest: Actor; // group GUEST
  bystander: Actor; // network MEMBER outside the group
  stranger: Actor; // ADMIN of another network
  networkId: string;
  city: string;
  groupId: string;
}

export async function cast(hub: TestHub): Promise<Cast> {
  const root = await actor(hub, 'root', { admin: true });
  const [agency, lead, member, guest, bystander, stranger] = await Promise.all(
    ['agency', 'lead', 'member', 'guest', 'bystander', 'stranger'].map((n) => actor(hub, n)),
  );
  const net = await network(hub, root, 'APPROVAL');
  const city = await organization(hub, root, 'Bretten');
  await addMember(hub, root, net.id, city);
  await setRole(hub, root, net.id, agency.id, 'MODERATOR');
  for (const p of [lead, member, guest, bystander]) await setRole(hub, root, net.id, p.id, 'MEMBER', city);
  const other = await network(hub, root, 'APPROVAL');
  await setRole(hub, root, other.id, stranger.id, 'ADMIN');
  const groupId = await group(hub, agency, net.id, 'PROJECT_GROUP', { leadOrganizationId: city });
  await addGroupMember(hub, agency, groupId, lead.id, 'LEAD', { organizationId: city });
  await addGroupMember(hub, agency, groupId, member.id, 'MEMBER', { organizationId: city });
  await addGroupMember(hub, agency, groupId, guest.id, 'GUEST');
  return { root, agency, lead, member, guest, bystander, stranger, networkId: net.id, city, groupId };
}

const CREATE = 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }';

/** A meeting of the group, `daysAhead` days from now (negative: in the past), 90 minutes long. */
export async function meeting(hub: TestHub, by: Actor, groupId: string, daysAhead: number, extra: Record<string, unknown> = {}): Promise<string> {
  const startsAt = new Date(Date.now() + daysAhead * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
  const data = await hub.ok(by.token, CREATE, { input: { groupId, title: `Sitzung ${daysAhead}`, startsAt, endsAt, ...extra } });
  return data.createMeeting.id;
}

/** The outbox rows a test caused, read straight from the table. */
export async function outbox(hub: TestHub, aggregateId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  return hub.hub.app
    .get(DataSource)
    .query('SELECT type, payload FROM outbox_event WHERE aggregate_id = $1::uuid OR payload->>\'meetingId\' = $1::text ORDER BY created_at, id', [aggregateId]);
}
