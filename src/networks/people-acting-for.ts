import type { EntityManager } from 'typeorm';
import { ACTIVE_MEMBER } from '../groups/group-membership.js';

/**
 * The people who act for an organization in a network (their network role names it, or a
 * membership in one of the network's groups does), not erased, by name. Used to pick a deputy
 * (Vertretung) of the same city.
 */
export async function peopleActingFor(db: EntityManager, networkId: string, organizationId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    // From the organization's role holders and members to their people: the EXISTS per person
    // read all 10,000 people of a Land-sized hub on every meeting page.
    `SELECT p.id FROM person p
      WHERE p.erased_at IS NULL AND p.id IN (
        SELECT r.person_id FROM network_role r WHERE r.network_id = $1 AND r.organization_id = $2
        UNION SELECT gm.person_id FROM group_member gm JOIN work_group g ON g.id = gm.group_id
               WHERE g.network_id = $1 AND gm.organization_id = $2 AND ${ACTIVE_MEMBER})
      ORDER BY p.display_name, p.id`,
    [networkId, organizationId],
  );
  return rows.map((r) => r.id);
}
