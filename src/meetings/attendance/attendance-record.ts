import type { EntityManager } from 'typeorm';
import type { AttendanceRole, AttendanceStatus } from '../meeting.enums.js';

/** One line of a meeting's attendance as the protocol records it. */
export interface AttendanceLine {
  name: string;
  organization: string | null;
  status: AttendanceStatus;
  role: AttendanceRole;
  /** May be named in the public rendering (OParl): an external person who consented. */
  publicName: boolean;
}

/**
 * Everyone recorded for the meeting, people with an account (by name) first, then external
 * people (by name): the attendance part of the protocol. The meetings module owns these tables;
 * the protocol reads them through this function.
 */
export async function attendanceForProtocol(db: EntityManager, meetingId: string): Promise<AttendanceLine[]> {
  return db.query<AttendanceLine[]>(
    `SELECT name, organization, status, role, "publicName" FROM (
       SELECT 0 AS part, pe.display_name AS name, o.name AS organization, a.status, a.role, false AS "publicName", NULL::uuid AS id
         FROM attendance a JOIN person pe ON pe.id = a.person_id LEFT JOIN organization o ON o.id = a.organization_id
        WHERE a.meeting_id = $1
       UNION ALL
       SELECT 1, x.name, x.organization_name, x.status, x.role, x.consent_to_publish, x.id
         FROM external_attendee x WHERE x.meeting_id = $1
     ) lines ORDER BY part, name, id`,
    [meetingId],
  );
}
