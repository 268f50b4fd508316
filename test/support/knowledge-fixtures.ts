import { actor, addMember, network, organization, setRole, type Actor } from './factories.js';
import type { TestHub } from './test-hub.js';

/** Two networks and their people, each with a different relation to what a test creates. */
export interface KnowledgeCast {
  operator: Actor; // hub admin, no role anywhere
  admin: Actor; // ADMIN of network A
  agency: Actor; // MODERATOR of network A, acting for the agency
  member: Actor; // MEMBER of network A, acting for city A
  colleague: Actor; // MEMBER of network A, also acting for city A
  member2: Actor; // MEMBER of network A, acting for city A2
  otherMember: Actor; // MEMBER of network B, acting for city B
  outsider: Actor; // signed in, no role in any network
  networkId: string;
  otherNetworkId: string;
  cityA: string; // DE-BW
  cityA2: string; // DE-RP
  cityB: string; // DE-BY
  agencyOrg: string;
}

export async function knowledgeCast(hub: TestHub): Promise<KnowledgeCast> {
  const operator = await actor(hub, 'operator', { admin: true });
  const [admin, agency, member, colleague, member2, otherMember, outsider] = await Promise.all(
    ['admin', 'agency', 'member', 'colleague', 'member2', 'other', 'outsider'].map((n) => actor(hub, n)),
  );
  const net = await network(hub, operator, 'APPROVAL');
  const other = await network(hub, operator, 'APPROVAL');
  const cityA = await organization(hub, operator, 'Stadt A', { federalState: 'DE-BW' });
  const cityA2 = await organization(hub, operator, 'Stadt A2', { federalState: 'DE-RP' });
  const cityB = await organization(hub, operator, 'Stadt B', { federalState: 'DE-BY' });
  const agencyOrg = await organization(hub, operator, 'Agentur', { kind: 'AGENCY' });
  for (const org of [cityA, cityA2, agencyOrg]) await addMember(hub, operator, net.id, org);
  await addMember(hub, operator, other.id, cityB);
  await setRole(hub, operator, net.id, admin.id, 'ADMIN');
  await setRole(hub, operator, net.id, agency.id, 'MODERATOR', agencyOrg);
  await setRole(hub, operator, net.id, member.id, 'MEMBER', cityA);
  await setRole(hub, operator, net.id, colleague.id, 'MEMBER', cityA);
  await setRole(hub, operator, net.id, member2.id, 'MEMBER', cityA2);
  await setRole(hub, operator, other.id, otherMember.id, 'MEMBER', cityB);
  return { operator, admin, agency, member, colleague, member2, otherMember, outsider, networkId: net.id, otherNetworkId: other.id, cityA, cityA2, cityB, agencyOrg };
}

/** A made-up word (consonants only, so stemming and folding leave it alone) that isolates a test's profiles. */
export function nonce(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return `zq${Array.from({ length: 7 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')}q`;
}

export const PROFILE_FIELDS = `id title summary body tags status startedOn costsNote fundingNote links visibility version updatedAt
  organizations { id } fieldsOfAction { key } contact { id displayName } createdBy { id displayName } network { id }`;
export const CREATE_PROFILE = `mutation($input: CreateProjectProfileInput!) { createProjectProfile(input: $input) { ${PROFILE_FIELDS} } }`;

/** Creates a profile through the API; `input` overrides the defaults. */
export async function profile(hub: TestHub, by: Actor, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const data = await hub.ok(by.token, CREATE_PROFILE, { input: { summary: 'Kurzbeschreibung', status: 'RUNNING', visibility: 'HUB', ...input } });
  return data.createProjectProfile;
}
