import type { EntityManager } from 'typeorm';
import { badInput } from '../../common/domain-error.js';
import { DEFAULT_OBJECTION_DAYS, GroupRole, ProtocolApprovalMode } from '../group.enums.js';

/** A group's rule for approving its protocols. */
export interface ApprovalRule {
  mode: ProtocolApprovalMode;
  objectionPeriodDays: number;
  /** NAMED_APPROVERS: who must each approve. */
  approverIds: string[];
}

/**
 * The groups module owns work_group and group_protocol_approver: the protocols module reads a
 * group's approval rule through this function, never by its own SQL.
 */
export async function approvalRuleOf(tx: EntityManager, groupId: string): Promise<ApprovalRule> {
  const [row] = await tx.query<{ mode: ProtocolApprovalMode; days: number; approvers: string[] }[]>(
    `SELECT g.protocol_approval_mode AS mode, g.objection_period_days AS days,
            coalesce((SELECT array_agg(a.person_id ORDER BY a.created_at, a.person_id) FROM group_protocol_approver a WHERE a.group_id = g.id), '{}') AS approvers
       FROM work_group g WHERE g.id = $1`,
    [groupId],
  );
  return row
    ? { mode: row.mode, objectionPeriodDays: row.days, approverIds: row.approvers }
    : { mode: ProtocolApprovalMode.MODERATION, objectionPeriodDays: DEFAULT_OBJECTION_DAYS, approverIds: [] };
}

/** The groups' named approvers, by group (one statement for a list). */
export async function approverIdsOf(tx: EntityManager, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await tx.query<{ group_id: string; person_id: string }[]>(
    'SELECT group_id, person_id FROM group_protocol_approver WHERE group_id = ANY($1::uuid[]) ORDER BY created_at, person_id',
    [groupIds],
  );
  const byGroup = new Map<string, string[]>(groupIds.map((id) => [id, []]));
  for (const r of rows) byGroup.get(r.group_id)!.push(r.person_id);
  return byGroup;
}

/**
 * Replaces the named approvers inside the caller's transaction. Each must be an active member of
 * the group who is not a guest: approving a record is the group's business.
 */
export async function replaceApprovers(tx: EntityManager, groupId: string, personIds: string[]): Promise<void> {
  const unique = [...new Set(personIds)];
  if (unique.length) {
    const members = await tx.query<{ person_id: string }[]>(
      `SELECT person_id FROM group_member WHERE group_id = $1 AND person_id = ANY($2::uuid[]) AND role <> $3
          AND (until IS NULL OR until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`,
      [groupId, unique, GroupRole.GUEST],
    );
    if (members.length !== unique.length) throw badInput('approverIds', 'Genehmigende müssen Mitglieder der Gruppe sein (keine Gäste)');
  }
  await tx.query('DELETE FROM group_protocol_approver WHERE group_id = $1', [groupId]);
  for (const personId of unique) await tx.query('INSERT INTO group_protocol_approver (group_id, person_id) VALUES ($1, $2)', [groupId, personId]);
}
