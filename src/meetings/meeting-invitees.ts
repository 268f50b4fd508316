import type { EntityManager } from 'typeorm';
import { ACTIVE_MEMBER } from '../groups/group-membership.js';

/** One person a meeting invites: an active member (guests included) of one of its groups. */
export interface MeetingInvitee {
  meetingId: string;
  personId: string;
  /** The organization they act for: their membership's, else their role's in the network; null = none. */
  organizationId: string | null;
}

/**
 * Who a meeting invites (the same people its invitation mails go to, whether or not they take
 * e-mail): the active members of its own and joint groups, once each. The meetings module owns
 * meeting and meeting_group; other modules (RSVP) read invitees through this function.
 */
export async function meetingInvitees(db: EntityManager, meetingIds: string[], personId?: string): Promise<MeetingInvitee[]> {
  if (!meetingIds.length) return [];
  return db.query<MeetingInvitee[]>(
    `SELECT DISTINCT ON (mg.meeting_id, gm.person_id) mg.meeting_id AS "meetingId", gm.person_id AS "personId",
            coalesce(gm.organization_id, (SELECT r.organization_id FROM network_role r
                                           WHERE r.person_id = gm.person_id AND r.network_id = g.network_id AND r.organization_id IS NOT NULL
                                           ORDER BY r.created_at LIMIT 1)) AS "organizationId"
       FROM (SELECT m.id AS meeting_id, m.group_id FROM meeting m WHERE m.id = ANY($1::uuid[])
             UNION SELECT x.meeting_id, x.group_id FROM meeting_group x WHERE x.meeting_id = ANY($1::uuid[])) mg
       JOIN work_group g ON g.id = mg.group_id
       JOIN group_member gm ON gm.group_id = mg.group_id AND ${ACTIVE_MEMBER}
       JOIN person p ON p.id = gm.person_id AND p.erased_at IS NULL
      WHERE ($2::uuid IS NULL OR gm.person_id = $2::uuid)
      ORDER BY mg.meeting_id, gm.person_id, gm.organization_id NULLS LAST`,
    [meetingIds, personId ?? null],
  );
}
