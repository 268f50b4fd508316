import { randomUUID } from 'node:crypto';
import type { TestHub } from './test-hub.js';

/** A short unique suffix, so tests never fight over names or slugs. */
export const uniq = () => randomUUID().slice(0, 8);

export interface Actor {
  username: string;
  token: string;
  id: string;
}

/** A signed-in person (created on first sight of their token). */
export async function actor(hub: TestHub, name: string, opts: { admin?: boolean } = {}): Promise<Actor> {
  const username = `${name}-${uniq()}`;
  const token = await hub.token(username, { roles: opts.admin ? ['hub-admin'] : [] });
  const { me } = await hub.ok(token, '{ me { id } }');
  return { username, token, id: me.id };
}

export async function organization(hub: TestHub, admin: Actor, name = 'Stadt', extra: Record<string, unknown> = {}): Promise<string> {
  const data = await hub.ok(admin.token, 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
    input: { name: `${name} ${uniq()}`, kind: 'MUNICIPALITY', federalState: 'DE-BW', ...extra },
  });
  return data.createOrganization.id;
}

export async function network(hub: TestHub, admin: Actor, joinPolicy = 'APPROVAL', extra: Record<string, unknown> = {}) {
  const slug = `net-${uniq()}`;
  const data = await hub.ok(admin.token, 'mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug } }', {
    input: { slug, name: `Netzwerk ${slug}`, joinPolicy, ...extra },
  });
  return data.createNetwork as { id: string; slug: string };
}

export async function addMember(hub: TestHub, admin: Actor, networkId: string, organizationId: string) {
  await hub.ok(admin.token, 'mutation($input: AddNetworkMemberInput!) { addNetworkMember(input: $input) { status } }', {
    input: { networkId, organizationId },
  });
}

export async function setRole(hub: TestHub, admin: Actor, networkId: string, personId: string, role: string, organizationId?: string) {
  await hub.ok(admin.token, 'mutation($input: SetNetworkRoleInput!) { setNetworkRole(input: $input) { role } }', {
    input: { networkId, personId, role, organizationId },
  });
}

export async function group(hub: TestHub, by: Actor, networkId: string, level = 'PROJECT_GROUP', extra: Record<string, unknown> = {}) {
  const data = await hub.ok(by.token, 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', {
    // Tests not about approval keep the moderation's approval (mode (d)); new groups otherwise start with the objection period (issue 21).
    input: { networkId, level, name: `Gruppe ${uniq()}`, protocolApprovalMode: 'MODERATION', ...extra },
  });
  return data.createGroup.id as string;
}

export async function addGroupMember(hub: TestHub, by: Actor, groupId: string, personId: string, role = 'MEMBER', extra: Record<string, unknown> = {}) {
  await hub.ok(by.token, 'mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { role } }', {
    input: { groupId, personId, role, ...extra },
  });
}
