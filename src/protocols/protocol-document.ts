import type { EntityManager } from 'typeorm';
import { attendanceForProtocol } from '../meetings/attendance/attendance-record.js';
import type { ProtocolDocument } from './protocol-markdown.js';

/** Gathers everything the markdown shows, in a handful of set-based queries. */
export async function loadProtocolDocument(db: EntityManager, protocolId: string): Promise<ProtocolDocument> {
  const [p] = await db.query(
    `SELECT p.status, p.version, p.approved_at, p.published_at, m.id AS meeting_id, m.title, m.starts_at, m.ends_at,
            m.time_zone, m.location, m.online_url, m.group_id
       FROM protocol p JOIN meeting m ON m.id = p.meeting_id WHERE p.id = $1`,
    [protocolId],
  );
  const groups = await db.query<{ name: string }[]>(
    `SELECT g.name FROM work_group g WHERE g.id = $1
     UNION ALL SELECT g.name FROM meeting_group mg JOIN work_group g ON g.id = mg.group_id WHERE mg.meeting_id = $2`,
    [p.group_id, p.meeting_id],
  );
  const attendance = await attendanceForProtocol(db, p.meeting_id);
  const items = await db.query(
    `SELECT ai.id, ai.position, ai.title, ai.public, e.notes FROM agenda_item ai
       LEFT JOIN protocol_entry e ON e.agenda_item_id = ai.id AND e.protocol_id = $2
      WHERE ai.meeting_id = $1 AND ai.status = 'ACCEPTED' ORDER BY ai.position`,
    [p.meeting_id, protocolId],
  );
  const decisions = await db.query(
    `SELECT agenda_item_id AS "agendaItemId", text, votes_for AS "votesFor", votes_against AS "votesAgainst", abstentions
       FROM decision WHERE protocol_id = $1 ORDER BY created_at, id`,
    [protocolId],
  );
  const actionItems = await db.query(
    `SELECT a.title, pe.display_name AS assignee, coalesce(pe.public_profile AND pe.erased_at IS NULL, false) AS "assigneePublic", o.name AS organization, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status, a.public
       FROM action_item a LEFT JOIN person pe ON pe.id = a.assignee_id LEFT JOIN organization o ON o.id = a.assignee_organization_id
      WHERE a.protocol_id = $1 ORDER BY a.created_at, a.id`,
    [protocolId],
  );
  return {
    title: p.title,
    groups: groups.map((g) => g.name),
    startsAt: new Date(p.starts_at),
    endsAt: new Date(p.ends_at),
    timeZone: p.time_zone,
    location: p.location,
    onlineUrl: p.online_url,
    status: p.status,
    version: p.version,
    approvedAt: p.approved_at ? new Date(p.approved_at) : null,
    publishedAt: p.published_at ? new Date(p.published_at) : null,
    attendance,
    items,
    decisions,
    actionItems,
  };
}
