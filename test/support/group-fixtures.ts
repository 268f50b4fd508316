import { DataSource } from 'typeorm';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from './factories.js';
import type { TestHub } from './test-hub.js';

/** Everyone a group test needs, each with a different relation to one project group. */
export interface GroupCast {
  operator: Actor; // hub admin without any role in the network
  admin: Actor; // network ADMIN (not a hub admin)
  agency: Actor; // network MODERATOR
  lead: Actor; // group LEAD
  member: Actor; // group MEMBER
  bystander: Actor; // network MEMBER outside the group
  stranger: Actor; // ADMIN of another network
  networkId: string;
  slug: string;
  city: string;
  groupId: string;
}

export async function groupCast(hub: TestHub, joinPolicy = 'APPROVAL'): Promise<GroupCast> {
  const [founder, operator] = [await actor(hub, 'founder', { admin: true }), await actor(hub, 'operator', { admin: true })];
  const [admin, agency, lead, member, bystander, stranger] = await Promise.all(['admin', 'agency', 'lead', 'member', 'bystander', 'stranger'].map((n) => actor(hub, n)));
  const net = await network(hub, founder, 'APPROVAL');
  await setRole(hub, founder, net.id, admin.id, 'ADMIN');
  const city = await organization(hub, founder, 'Karlsruhe');
  await addMember(hub, founder, net.id, city);
  await setRole(hub, admin, net.id, agency.id, 'MODERATOR');
  for (const p of [lead, member, bystander]) await setRole(hub, admin, net.id, p.id, 'MEMBER', city);
  const other = await network(hub, operator, 'APPROVAL');
  await setRole(hub, operator, other.id, stranger.id, 'ADMIN');
  const groupId = await group(hub, agency, net.id, 'PROJECT_GROUP', { leadOrganizationId: city, joinPolicy, description: 'LoRaWAN' });
  await addGroupMember(hub, agency, groupId, lead.id, 'LEAD', { organizationId: city });
  await addGroupMember(hub, agency, groupId, member.id, 'MEMBER', { organizationId: city });
  return { operator, admin, agency, lead, member, bystander, stranger, networkId: net.id, slug: net.slug, city, groupId };
}

/** Direct database access for assertions about rows no query shows (outbox, audit, counts). */
export const sql = <T = any>(hub: TestHub, query: string, params: unknown[] = []): Promise<T[]> => hub.hub.app.get(DataSource).query(query, params);
