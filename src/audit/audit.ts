import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';

export interface AuditRecord {
  /** The person who made the change; null for the hub itself (scheduler, bridge). */
  actor: Viewer | string | null;
  /** Dotted verb: "network.role.set", "group.member.add", "protocol.publish", "person.erase", … */
  action: string;
  subjectType: 'Network' | 'Group' | 'GroupJoinRequest' | 'JoinRequest' | 'Meeting' | 'Protocol' | 'MeetingSeries' | 'Person' | 'Organization'
    | 'ProjectProfile' | 'EventSeries' | 'Webinar' | 'Workshop' | 'ActionItem' | 'Document';
  subjectId: string;
  /** The network the change belongs to (Network.auditLog); null for changes outside networks. */
  networkId: string | null;
  /** The person the change concerns, so it appears in their myAuditLog. */
  aboutPersonId?: string | null;
  /** One German sentence. Never a person's name or e-mail: people are referenced by id only. */
  summary: string;
}

/**
 * Writes the audit entry inside the caller's transaction: the change and its entry commit or
 * roll back together (no change without its entry, no entry without its change).
 */
export async function recordAudit(tx: EntityManager, entry: AuditRecord): Promise<void> {
  if (!tx.queryRunner?.isTransactionActive) throw new Error(`audit entry ${entry.action} written outside a transaction`);
  const actorId = entry.actor === null ? null : typeof entry.actor === 'string' ? entry.actor : entry.actor.personId;
  await tx.query(
    `INSERT INTO audit_entry (actor_id, action, subject_type, subject_id, network_id, about_person_id, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [actorId, entry.action, entry.subjectType, entry.subjectId, entry.networkId, entry.aboutPersonId ?? null, entry.summary],
  );
}
