// The statements of the MeetingPage baseline after its head (meeting-head.ts): the group's and
// network's lists, and the meeting's parts with its protocol. Objects are built in SQL in the
// document's selection order; each list has the ORDER BY the hub's loader uses. Where that order
// has ties (two people of the same name, decisions written in one transaction) or there is none
// (protocol entries), the list is read by the hub's own statement as an ordered subquery (same
// columns, same `= ANY($1)` or `IN ($1)`): the planner then reads the rows in the hub's order.
// Timestamps inside JSON are text, printed in JS through the driver's parser (isoOf).
import { ACTIVE } from './meeting-head.js';

const person = (a: string) => `CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object('id', ${a}.id, 'displayName', ${a}.display_name) END`;
const org = (a: string) => `CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object('id', ${a}.id, 'name', ${a}.name) END`;
const list = (sql: string) => `coalesce((${sql}), '[]'::json)`;
const personById = (id: string) => `(SELECT json_build_object('id', x.id, 'displayName', x.display_name) FROM person x WHERE x.id = ${id})`;
const orgById = (id: string) => `(SELECT json_build_object('id', x.id, 'name', x.name) FROM organization x WHERE x.id = ${id})`;

/**
 * $1 the group's members readable, $2 the network's lists readable, $3 [group], $4 [network].
 * Group.organizations come in the order of the hub's DISTINCT read and are sorted in JS
 * (the hub sorts them with localeCompare 'de', a stable sort).
 */
export const GROUP_LISTS_SQL = `
  SELECT ${list(`SELECT json_agg(${orgById('s.organization_id')})
                   FROM (SELECT DISTINCT gm.group_id, gm.organization_id FROM group_member gm
                          WHERE gm.group_id = ANY($3) AND gm.organization_id IS NOT NULL AND ${ACTIVE}) s`)} AS organizations,
         CASE WHEN $1 THEN ${list(`SELECT json_agg(json_build_object('person', json_build_object('id', s."p_id", 'displayName', s."p_displayName"), 'role', s.role,
                                                          'organization', ${orgById('s."organizationId"')}))
                                     FROM (SELECT m.id AS "id", m.group_id AS "groupId", m.organization_id AS "organizationId", m.role AS "role",
                                                  p.id AS "p_id", p.display_name AS "p_displayName"
                                             FROM group_member m JOIN person p ON p.id = m.person_id
                                            WHERE m.group_id = ANY($3) ORDER BY m.role, p.display_name) s`)} ELSE '[]'::json END AS members,
         CASE WHEN $2 THEN ${list(`SELECT json_agg(json_build_object('status', s.status, 'organization', json_build_object('id', s."o_id", 'name', s."o_name")))
                                     FROM (SELECT m.network_id AS "networkId", m.status AS "status", o.id AS "o_id", o.name AS "o_name"
                                             FROM network_membership m JOIN organization o ON o.id = m.organization_id
                                            WHERE m.network_id = ANY($4) AND m.status <> 'ENDED' ORDER BY o.name) s`)} ELSE '[]'::json END AS network_members,
         CASE WHEN $2 THEN ${list(`SELECT json_agg(json_build_object('person', json_build_object('id', s."p_id", 'displayName', s."p_displayName"),
                                                          'organization', ${orgById('s."organizationId"')}))
                                     FROM (SELECT r.network_id AS "networkId", r.organization_id AS "organizationId", p.id AS "p_id", p.display_name AS "p_displayName"
                                             FROM network_role r JOIN person p ON p.id = r.person_id
                                            WHERE r.network_id = ANY($4) ORDER BY p.display_name) s`)} ELSE '[]'::json END AS network_people`;

/**
 * $1 meeting, $2 viewer, $3 access ('manage' | 'read' | 'network'), $4 protocol (or null),
 * $5 protocol is PUBLISHED, $6 render the markdown (an unpublished protocol), $7 primary group,
 * $8 protocol is IN_REVIEW with NAMED_APPROVERS (myApprovalPending), $9 approval meeting (or null), $10 [meeting].
 */
export const PARTS_SQL = `
  SELECT ${list(`SELECT json_agg(json_build_object('id', a.id, 'position', a.position, 'title', a.title, 'description', a.description,
                                                   'durationMinutes', a.duration_minutes, 'public', a.public, 'status', a.status,
                                                   'proposedBy', ${person('pb')}, 'presenter', ${person('pr')},
                                                   'carriedOverFrom', CASE WHEN ci.id IS NULL THEN NULL ELSE json_build_object('id', ci.id) END)
                                 ORDER BY a.position)
                   FROM agenda_item a LEFT JOIN person pb ON pb.id = a.proposed_by_id LEFT JOIN person pr ON pr.id = a.presenter_id
                   LEFT JOIN action_item ci ON ci.id = a.carried_over_from_id
                  WHERE a.meeting_id = $1
                    AND CASE WHEN $3 = 'network' THEN a.public AND a.status = 'ACCEPTED'
                             ELSE a.status = 'ACCEPTED' OR $3 = 'manage' OR a.proposed_by_id = $2 END`)} AS agenda,
         CASE WHEN $3 <> 'network' THEN ${list(`SELECT json_agg(json_build_object('status', s.status, 'role', s.role, 'person', json_build_object('id', s.p_id, 'displayName', s.p_display_name),
                                                                        'organization', ${orgById('s.organization_id')}))
                                                 FROM (SELECT a.meeting_id, a.person_id, a.organization_id, a.status, a.role, a.recorded_at,
                                                              p.id AS p_id, p.issuer, p.subject, p.display_name AS p_display_name, p.email, p.matrix_user_id,
                                                              p.calendar_token, p.public_profile, p.notify_by_email, p.hub_admin, p.erased_at
                                                         FROM attendance a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = ANY($10)
                                                        ORDER BY a.status, a.role, p.display_name) s`)} ELSE '[]'::json END AS attendance,
         CASE WHEN $3 <> 'network' THEN ${list(`SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'organizationName', x.organization_name, 'role', x.role,
                                                                        'status', x.status, 'consentToPublish', x.consent_to_publish) ORDER BY x.status, x.name, x.id)
                                                 FROM external_attendee x WHERE x.meeting_id = $1`)} ELSE '[]'::json END AS external_attendance,
         -- The protocol's parts (readers outside the groups see only the public items' entries and decisions, the public action items).
         ${list(`SELECT json_agg(json_build_object('notes', e.notes, 'agendaItem', json_build_object('id', e.agenda_item_id)))
                   FROM (SELECT x.protocol_id, x.agenda_item_id, x.notes FROM protocol_entry x WHERE x.protocol_id IN ($4)) e
                  WHERE $3 <> 'network' OR EXISTS (SELECT 1 FROM agenda_item ai WHERE ai.id = e.agenda_item_id AND ai.meeting_id = $1 AND ai.public AND ai.status = 'ACCEPTED')`)} AS entries,
         ${list(`SELECT json_agg(json_build_object('id', d.id, 'text', d.text, 'votesFor', d.votes_for, 'votesAgainst', d.votes_against, 'abstentions', d.abstentions,
                                                   'agendaItem', (SELECT json_build_object('id', ai.id, 'title', ai.title) FROM agenda_item ai WHERE ai.id = d.agenda_item_id)))
                   FROM (SELECT x.id, x.protocol_id, x.agenda_item_id, x.text, x.votes_for, x.votes_against, x.abstentions, x.created_at
                           FROM decision x WHERE x.protocol_id IN ($4) ORDER BY x.created_at ASC) d
                  WHERE $3 <> 'network' OR d.agenda_item_id IS NULL
                     OR EXISTS (SELECT 1 FROM agenda_item v WHERE v.id = d.agenda_item_id AND v.meeting_id = $1 AND v.public AND v.status = 'ACCEPTED')`)} AS decisions,
         ${list(`SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'dueOn', a.due_on, 'status', a.status, 'closedAt', a.closed_at::text,
                                                   'closedBy', ${personById('a.closed_by_id')}, 'assignee', ${personById('a.assignee_id')},
                                                   'assigneeOrganization', ${orgById('a.assignee_organization_id')},
                                                   'group', (SELECT json_build_object('id', g.id, 'name', g.name) FROM work_group g WHERE g.id = a.group_id)))
                   FROM (SELECT x.* FROM action_item x WHERE x.protocol_id IN ($4) ORDER BY x.created_at ASC) a
                  WHERE $3 <> 'network' OR a.public`)} AS action_items,
         CASE WHEN $5 THEN ${list(`SELECT json_agg(json_build_object('id', c.id, 'sequence', c.sequence, 'text', c.text, 'at', c.at::text, 'hash', c.hash,
                                                                'previousHash', c.previous_hash, 'author', CASE WHEN $3 = 'network' THEN NULL ELSE ${person('p')} END)
                                                ORDER BY c.sequence)
                                     FROM protocol_correction c LEFT JOIN person p ON p.id = c.author_id WHERE c.protocol_id = $4`)} ELSE '[]'::json END AS corrections,
         CASE WHEN $3 <> 'network' THEN ${list(`SELECT json_agg(json_build_object('approvedAt', a.approved_at::text, 'person', ${personById('a.person_id')}))
                                                 FROM (SELECT x.protocol_id, x.person_id, x.approved_at FROM protocol_approval x WHERE x.protocol_id IN ($4) ORDER BY x.approved_at ASC) a`)} ELSE '[]'::json END AS approvals,
         CASE WHEN $3 <> 'network' THEN ${list(`SELECT json_agg(json_build_object('id', f.id, 'kind', f.kind, 'text', f.text, 'agendaItemId', f.agenda_item_id,
                                                                        'createdAt', f.created_at::text, 'protocolVersion', f.protocol_version, 'answer', f.answer,
                                                                        'answeredAt', f.answered_at::text, 'resolution', f.resolution,
                                                                        'author', ${person('au')}, 'answeredBy', ${person('ab')})
                                                      ORDER BY f.created_at, f.id)
                                                 FROM protocol_feedback f LEFT JOIN person au ON au.id = f.author_id LEFT JOIN person ab ON ab.id = f.answered_by_id
                                                WHERE f.protocol_id = $4`)} ELSE '[]'::json END AS feedback,
         CASE WHEN $3 <> 'network' THEN ${list(`SELECT json_agg(json_build_object('version', r.version, 'at', r.at::text, 'summary', r.summary, 'author', ${person('p')})
                                                      ORDER BY r.version)
                                                 FROM protocol_revision r LEFT JOIN person p ON p.id = r.author_id WHERE r.protocol_id = $4`)} ELSE '[]'::json END AS revisions,
         CASE WHEN $3 <> 'network' THEN (SELECT ${person('p')} FROM protocol x JOIN person p ON p.id = x.published_by_id WHERE x.id = $4) END AS published_by,
         $3 <> 'network' AND $8
           AND EXISTS (SELECT 1 FROM group_protocol_approver ga WHERE ga.group_id = $7 AND ga.person_id = $2)
           AND NOT EXISTS (SELECT 1 FROM protocol_approval pa WHERE pa.protocol_id = $4 AND pa.person_id = $2) AS my_approval_pending,
         -- The approval meeting if the caller sees it (MeetingAccessService.accessTo: any access, 'network' included).
         (SELECT json_build_object('id', am.id, 'title', am.title, 'startsAt', am.starts_at::text)
            FROM meeting am JOIN work_group ag ON ag.id = am.group_id
           WHERE am.id = $9
             AND (EXISTS (SELECT 1 FROM network_role r WHERE r.network_id = ag.network_id AND r.person_id = $2)
                  OR EXISTS (SELECT 1 FROM (SELECT am.group_id AS id UNION SELECT x.group_id FROM meeting_group x WHERE x.meeting_id = am.id) amg
                               JOIN work_group xg ON xg.id = amg.id
                              WHERE EXISTS (SELECT 1 FROM group_member gm WHERE gm.group_id = amg.id AND gm.person_id = $2 AND ${ACTIVE})
                                 OR EXISTS (SELECT 1 FROM network_role r WHERE r.network_id = xg.network_id AND r.person_id = $2 AND r.role IN ('ADMIN', 'MODERATOR'))))
         ) AS approval_meeting,
         -- What an unpublished protocol's markdown is rendered from (loadProtocolDocument in src/protocols/protocol-document.ts).
         CASE WHEN $6 THEN json_build_object(
           'groups', (SELECT json_agg(t.name) FROM (SELECT g.name FROM work_group g WHERE g.id = $7
                                                     UNION ALL SELECT g.name FROM meeting_group mg JOIN work_group g ON g.id = mg.group_id WHERE mg.meeting_id = $1) t),
           'attendance', ${list(`SELECT json_agg(json_build_object('name', l.name, 'organization', l.organization, 'status', l.status, 'role', l.role, 'publicName', l."publicName"))
                                   FROM (SELECT name, organization, status, role, "publicName" FROM (
                                           SELECT 0 AS part, pe.display_name AS name, o.name AS organization, a.status, a.role, false AS "publicName", NULL::uuid AS id
                                             FROM attendance a JOIN person pe ON pe.id = a.person_id LEFT JOIN organization o ON o.id = a.organization_id
                                            WHERE a.meeting_id = $1
                                           UNION ALL
                                           SELECT 1, x.name, x.organization_name, x.status, x.role, x.consent_to_publish, x.id
                                             FROM external_attendee x WHERE x.meeting_id = $1
                                         ) lines ORDER BY part, name, id) l`)},
           'items', ${list(`SELECT json_agg(json_build_object('id', ai.id, 'position', ai.position, 'title', ai.title, 'public', ai.public, 'notes', e.notes) ORDER BY ai.position)
                              FROM agenda_item ai LEFT JOIN protocol_entry e ON e.agenda_item_id = ai.id AND e.protocol_id = $4
                             WHERE ai.meeting_id = $1 AND ai.status = 'ACCEPTED'`)},
           'decisions', ${list(`SELECT json_agg(json_build_object('agendaItemId', d.agenda_item_id, 'text', d.text, 'votesFor', d.votes_for,
                                                                  'votesAgainst', d.votes_against, 'abstentions', d.abstentions) ORDER BY d.created_at, d.id)
                                  FROM decision d WHERE d.protocol_id = $4`)},
           'actionItems', ${list(`SELECT json_agg(json_build_object('title', a.title, 'assignee', pe.display_name,
                                                                    'assigneePublic', coalesce(pe.public_profile AND pe.erased_at IS NULL, false), 'organization', o.name,
                                                                    'dueOn', to_char(a.due_on, 'YYYY-MM-DD'), 'status', a.status, 'public', a.public) ORDER BY a.created_at, a.id)
                                    FROM action_item a LEFT JOIN person pe ON pe.id = a.assignee_id LEFT JOIN organization o ON o.id = a.assignee_organization_id
                                   WHERE a.protocol_id = $4`)}
         ) END AS doc`;
