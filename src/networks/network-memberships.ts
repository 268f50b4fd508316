import type { DataSource, EntityManager } from 'typeorm';
import { todayInBerlin } from '../common/scalars.js';
import { MembershipStatus, NetworkRole } from './network.enums.js';

/** Makes the organization an ACTIVE member unless it is one already. Idempotent. */
export async function ensureActiveMembership(tx: EntityManager, networkId: string, organizationId: string): Promise<void> {
  await tx.query(
    `INSERT INTO network_membership (network_id, organization_id, status, since)
     VALUES ($1, $2, 'ACTIVE', $3)
     ON CONFLICT (network_id, organization_id) WHERE status <> 'ENDED'
     DO UPDATE SET status = 'ACTIVE', since = COALESCE(network_membership.since, EXCLUDED.since)`,
    [networkId, organizationId, todayInBerlin()],
  );
}

/** Gives the person a role in the network if they hold none; an existing role is kept. */
export async function ensureNetworkRole(
  tx: EntityManager,
  networkId: string,
  personId: string,
  role: NetworkRole,
  organizationId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO network_role (network_id, person_id, role, organization_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (network_id, person_id) DO NOTHING`,
    [networkId, personId, role, organizationId],
  );
}

/** True when the organization is an ACTIVE member of the network. */
export async function isActiveMember(tx: EntityManager, networkId: string, organizationId: string): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM network_membership WHERE network_id = $1 AND organization_id = $2 AND status = $3`, [
    networkId,
    organizationId,
    MembershipStatus.ACTIVE,
  ]);
  return rows.length > 0;
}

/** True when the person holds a role (any) in the network. */
export async function hasNetworkRole(tx: EntityManager, networkId: string, personId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM network_role WHERE network_id = $1 AND person_id = $2', [networkId, personId]);
  return rows.length > 0;
}

/**
 * The organizations a person may ask to join the network for (issue 22): their own (those they hold a
 * network role for, anywhere in the hub) and every organization that is not yet an active member —
 * never another organization that already is one.
 */
export async function joinableOrganizationIds(db: Pick<DataSource, 'query'>, networkId: string, personId: string): Promise<{ own: Set<string>; members: Set<string> }> {
  const { own, members } = await joinableOrganizationIdsIn(db, [networkId], personId);
  return { own, members: members.get(networkId) ?? new Set() };
}

/** The same for several networks in two statements (a list of networks asks for each). */
export async function joinableOrganizationIdsIn(
  db: Pick<DataSource, 'query'>,
  networkIds: readonly string[],
  personId: string,
): Promise<{ own: Set<string>; members: Map<string, Set<string>> }> {
  const [own, rows] = await Promise.all([
    db.query<{ organization_id: string }[]>('SELECT DISTINCT organization_id FROM network_role WHERE person_id = $1 AND organization_id IS NOT NULL', [personId]),
    db.query<{ network_id: string; organization_id: string }[]>(
      `SELECT network_id, organization_id FROM network_membership WHERE network_id = ANY($1::uuid[]) AND status = 'ACTIVE'`,
      [networkIds],
    ),
  ]);
  const members = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!members.has(r.network_id)) members.set(r.network_id, new Set());
    members.get(r.network_id)!.add(r.organization_id);
  }
  return { own: new Set(own.map((r) => r.organization_id)), members };
}

/** The person's role in the network with the organization they act for, or null without a role. */
export async function networkRoleOf(db: Pick<DataSource, 'query'>, networkId: string, personId: string): Promise<{ organizationId: string | null } | null> {
  const [row] = await db.query<{ organization_id: string | null }[]>('SELECT organization_id FROM network_role WHERE network_id = $1 AND person_id = $2', [networkId, personId]);
  return row ? { organizationId: row.organization_id } : null;
}
