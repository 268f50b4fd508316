/**
 * The SQL behind GET /privacy/export, one statement per section, each parameterised by the
 * person's id ($1). Other people appear by id; by display name only when they consented to be
 * named (publicProfile), never by e-mail or Matrix ID. What others wrote to someone else (the
 * message of a join request the person decided) is not theirs and stays out.
 * Dates are rendered as text (YYYY-MM-DD) so the JSON does not depend on the server's time zone.
 */
import { RSVP_EXPORT_SECTIONS } from '../rsvp/rsvp-privacy.js';
import { KNOWLEDGE_EXPORT_SECTIONS } from './export-knowledge.js';

const ref = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id,
     'displayName', CASE WHEN ${alias}.id = $1 OR ${alias}.public_profile THEN ${alias}.display_name END) END`;
const meeting = (alias: string) => `json_build_object('id', ${alias}.id, 'title', ${alias}.title, 'startsAt', ${alias}.starts_at)`;
const org = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;
const network = (alias: string) => `json_build_object('id', ${alias}.id, 'slug', ${alias}.slug, 'name', ${alias}.name)`;
const group = (alias: string) => `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'networkId', ${alias}.network_id)`;

export const EXPORT_SECTIONS: Record<string, string> = {
  networkRoles: `SELECT ${network('n')} AS network, r.role, ${org('o')} AS organization, r.created_at AS "since"
      FROM network_role r JOIN network n ON n.id = r.network_id LEFT JOIN organization o ON o.id = r.organization_id
     WHERE r.person_id = $1 ORDER BY n.name`,
  organizationMemberships: `SELECT ${network('n')} AS network, ${org('o')} AS organization, m.status, m.since::text AS since, m.until::text AS until
      FROM network_membership m JOIN network n ON n.id = m.network_id JOIN organization o ON o.id = m.organization_id
     WHERE (m.network_id, m.organization_id) IN (SELECT network_id, organization_id FROM network_role WHERE person_id = $1)
     ORDER BY n.name, m.created_at`,
  networkJoinRequests: `SELECT j.id, ${network('n')} AS network, ${org('o')} AS organization,
           CASE WHEN j.requested_by_id = $1 THEN j.message END AS message, j.status, j.reason,
           CASE WHEN j.requested_by_id = $1 THEN 'requester' ELSE 'decider' END AS relation,
           ${ref('rq')} AS "requestedBy", ${ref('d')} AS "decidedBy", j.created_at AS "createdAt", j.decided_at AS "decidedAt"
      FROM join_request j JOIN network n ON n.id = j.network_id JOIN organization o ON o.id = j.organization_id
      JOIN person rq ON rq.id = j.requested_by_id LEFT JOIN person d ON d.id = j.decided_by_id
     WHERE j.requested_by_id = $1 OR j.decided_by_id = $1 ORDER BY j.created_at`,
  groupJoinRequests: `SELECT r.id, ${group('g')} AS "group", ${org('o')} AS organization,
           CASE WHEN r.person_id = $1 THEN r.message END AS message, r.status, r.reason,
           CASE WHEN r.person_id = $1 THEN 'requester' ELSE 'decider' END AS relation,
           ${ref('rq')} AS "requestedBy", ${ref('d')} AS "decidedBy", r.created_at AS "createdAt", r.decided_at AS "decidedAt"
      FROM group_join_request r JOIN work_group g ON g.id = r.group_id LEFT JOIN organization o ON o.id = r.organization_id
      JOIN person rq ON rq.id = r.person_id LEFT JOIN person d ON d.id = r.decided_by_id
     WHERE r.person_id = $1 OR r.decided_by_id = $1 ORDER BY r.created_at`,
  groupMemberships: `SELECT ${group('g')} AS "group", m.role, ${org('o')} AS organization, m.since::text AS since, m.until::text AS until
      FROM group_member m JOIN work_group g ON g.id = m.group_id LEFT JOIN organization o ON o.id = m.organization_id
     WHERE m.person_id = $1 ORDER BY g.name`,
  attendance: `SELECT ${meeting('m')} AS meeting, a.status, a.role, ${org('o')} AS organization, a.recorded_at AS "recordedAt"
      FROM attendance a JOIN meeting m ON m.id = a.meeting_id LEFT JOIN organization o ON o.id = a.organization_id
     WHERE a.person_id = $1 ORDER BY m.starts_at`,
  agendaItems: `SELECT ai.id, ${meeting('m')} AS meeting, ai.title, ai.description, ai.status, ai.public, ai.position,
           array_remove(ARRAY[CASE WHEN ai.proposed_by_id = $1 THEN 'proposer' END, CASE WHEN ai.presenter_id = $1 THEN 'presenter' END], NULL) AS relations
      FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
     WHERE ai.proposed_by_id = $1 OR ai.presenter_id = $1 ORDER BY m.starts_at, ai.position`,
  actionItems: `SELECT a.id, ${group('g')} AS "group", a.title, a.status, a.due_on::text AS "dueOn", a.created_at AS "createdAt", a.closed_at AS "closedAt",
           array_remove(ARRAY[CASE WHEN a.assignee_id = $1 THEN 'assignee' END, CASE WHEN a.created_by_id = $1 THEN 'creator' END,
                              CASE WHEN a.closed_by_id = $1 THEN 'closer' END], NULL) AS relations
      FROM action_item a JOIN work_group g ON g.id = a.group_id
     WHERE a.assignee_id = $1 OR a.created_by_id = $1 OR a.closed_by_id = $1 ORDER BY a.created_at`,
  protocolRevisions: `SELECT r.protocol_id AS "protocolId", ${meeting('m')} AS meeting, r.version, r.summary, r.details, r.at
      FROM protocol_revision r JOIN protocol p ON p.id = r.protocol_id JOIN meeting m ON m.id = p.meeting_id
     WHERE r.author_id = $1 ORDER BY r.at, r.version`,
  protocolsApproved: `SELECT p.id AS "protocolId", ${meeting('m')} AS meeting, p.approved_at AS "approvedAt"
      FROM protocol p JOIN meeting m ON m.id = p.meeting_id WHERE p.approved_by_id = $1 ORDER BY p.approved_at`,
  protocolsPublished: `SELECT p.id AS "protocolId", ${meeting('m')} AS meeting, p.published_at AS "publishedAt"
      FROM protocol p JOIN meeting m ON m.id = p.meeting_id WHERE p.published_by_id = $1 ORDER BY p.published_at`,
  protocolCorrections: `SELECT c.protocol_id AS "protocolId", ${meeting('m')} AS meeting, c.sequence, c.text, c.at, c.hash
      FROM protocol_correction c JOIN protocol p ON p.id = c.protocol_id JOIN meeting m ON m.id = p.meeting_id
     WHERE c.author_id = $1 ORDER BY c.at, c.sequence`,
  protocolFeedback: `SELECT f.id, f.protocol_id AS "protocolId", ${meeting('m')} AS meeting, f.kind, f.text, f.protocol_version AS "protocolVersion", f.answer,
           f.resolution, f.created_at AS "createdAt",
           array_remove(ARRAY[CASE WHEN f.author_id = $1 THEN 'author' END, CASE WHEN f.answered_by_id = $1 THEN 'answerer' END,
                              CASE WHEN f.resolved_by_id = $1 THEN 'resolver' END], NULL) AS relations
      FROM protocol_feedback f JOIN protocol p ON p.id = f.protocol_id JOIN meeting m ON m.id = p.meeting_id
     WHERE f.author_id = $1 OR f.answered_by_id = $1 OR f.resolved_by_id = $1 ORDER BY f.created_at, f.id`,
  protocolApprovals: `SELECT a.protocol_id AS "protocolId", ${meeting('m')} AS meeting, a.approved_at AS "approvedAt"
      FROM protocol_approval a JOIN protocol p ON p.id = a.protocol_id JOIN meeting m ON m.id = p.meeting_id WHERE a.person_id = $1 ORDER BY a.approved_at`,
  meetingChanges: `SELECT ${meeting('m')} AS meeting, c.kind, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.reason, c.at
      FROM meeting_change c JOIN meeting m ON m.id = c.meeting_id WHERE c.changed_by_id = $1 ORDER BY c.at`,
  meetingSeriesCreated: `SELECT s.id, ${group('g')} AS "group", s.title, s.rrule, s.created_at AS "createdAt"
      FROM meeting_series s JOIN work_group g ON g.id = s.group_id WHERE s.created_by_id = $1 ORDER BY s.created_at`,
  datePollsCreated: `SELECT p.id, ${group('g')} AS "group", p.title, p.created_at AS "createdAt"
      FROM date_poll p JOIN work_group g ON g.id = p.group_id WHERE p.created_by_id = $1 ORDER BY p.created_at`,
  pollVotes: `SELECT json_build_object('id', p.id, 'title', p.title) AS poll,
           json_build_object('id', o.id, 'startsAt', o.starts_at, 'endsAt', o.ends_at) AS option, v.answer, v.answered_at AS "answeredAt"
      FROM date_poll_vote v JOIN date_poll_option o ON o.id = v.option_id JOIN date_poll p ON p.id = o.poll_id
     WHERE v.person_id = $1 ORDER BY p.created_at, o.position`,
  matrixRooms: `SELECT ${group('g')} AS "group", g.matrix_room_id AS "roomId"
      FROM group_member m JOIN work_group g ON g.id = m.group_id
     WHERE m.person_id = $1 AND g.matrix_room_id IS NOT NULL ORDER BY g.name`,
  auditEntries: `SELECT e.id, e.at, e.action, e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.summary, ${ref('ac')} AS actor,
           array_remove(ARRAY[CASE WHEN e.actor_id = $1 THEN 'actor' END, CASE WHEN e.about_person_id = $1 THEN 'subject' END], NULL) AS relations
      FROM audit_entry e LEFT JOIN person ac ON ac.id = e.actor_id
     WHERE e.actor_id = $1 OR e.about_person_id = $1 ORDER BY e.at, e.id`,
  ...KNOWLEDGE_EXPORT_SECTIONS,
  ...RSVP_EXPORT_SECTIONS,
};
