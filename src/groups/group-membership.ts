import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { recordEvent } from '../outbox/outbox.js';

/** SQL condition: the group_member row `gm` is active today (a guest's access ends after `until`). */
export const ACTIVE_MEMBER = `(gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;

/** The Matrix bridge brings the group's room in line with its members (invites, kicks, power levels). */
export const membershipChanged = (tx: EntityManager, groupId: string, personId: string) =>
  recordEvent(tx, { type: 'GroupMembershipChanged', aggregateType: 'Group', aggregateId: groupId, groupId, payload: { groupId, personId } });

/** „Name“ in German quotes, for audit summaries. */
export const quoted = (name: string) => `„${name}“`;

/**
 * Serialises membership changes of one group (adding, removing, leaving): whoever changes who is
 * LEAD takes this row lock first, so two changes at once cannot both take away the last LEAD.
 */
export const lockGroup = (tx: EntityManager, groupId: string) => tx.query('SELECT id FROM work_group WHERE id = $1 FOR UPDATE', [groupId]);

/** CONFLICT with `message` if the person is the group's only active LEAD. Call it under lockGroup. */
export async function keepLastLead(tx: EntityManager, groupId: string, personId: string, message: string): Promise<void> {
  const [{ lead, others }] = await tx.query<{ lead: boolean; others: number }[]>(
    `SELECT bool_or(gm.person_id = $2) AS lead, count(*) FILTER (WHERE gm.person_id <> $2)::int AS others
       FROM group_member gm WHERE gm.group_id = $1 AND gm.role = 'LEAD' AND ${ACTIVE_MEMBER}`,
    [groupId, personId],
  );
  if (lead && others === 0) throw new DomainError('CONFLICT', message);
}

/** True when the person is an active member (LEAD, MODERATOR or MEMBER, not a GUEST) of one of the groups. */
export async function isActiveNonGuestMember(tx: EntityManager, groupIds: string[], personId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM group_member gm WHERE gm.group_id = ANY($1::uuid[]) AND gm.person_id = $2 AND gm.role <> 'GUEST' AND ${ACTIVE_MEMBER} LIMIT 1`,
    [groupIds, personId],
  );
  return rows.length > 0;
}
