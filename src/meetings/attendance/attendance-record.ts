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
  return (await attendanceForProtocols(db, [meetingId])).get(meetingId) ?? [];
}

/** The same for many meetings in one statement (the OParl view renders every published protocol of a network). */
export async function attendanceForProtocols(db: EntityManager, meetingIds: string[]): Promise<Map<string, AttendanceLine[]>> {
  const rows = await db.query<(AttendanceLine & { meeting_id: string })[]>(
    `SELECT meeting_id, name, organization, status, role, "publicName" FROM (
       SELECT a.meeting_id, 0 AS part, pe.display_name AS name, o.name AS organization, a.status, a.role, false AS "publicName", NULL::uuid AS id
         FROM attendance a JOIN person pe ON pe.id = a.person_id LEFT JOIN organization o ON o.id = a.organization_id
        WHERE a.meeting_id = ANY($1::uuid[])
       UNION ALL
       SELECT x.meeting_id, 1, x.name, x.organization_name, x.status, x.role, x.consent_to_publish, x.id
         FROM external_attendee x WHERE x.meeting_id = ANY($1::uuid[])
     ) lines ORDER BY meeting_id, part, name, id`,
    [meetingIds],
  );
  const byMeeting = new Map<string, AttendanceLine[]>(meetingIds.map((id) => [id, []]));
  for (const { meeting_id, ...line } of rows) byMeeting.get(meeting_id)?.push(line);
  return byMeeting;
}
