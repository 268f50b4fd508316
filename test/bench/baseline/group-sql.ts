// The group page's three reads (besides the caller's): the group with everything that is one row or
// a short list (head), its meetings in both windows with their series' occurrences (meetings), and
// its series, tasks and polls (work). Independent of each other, so they run side by side. Lists
// keep the hub's ORDER BYs in SQL (its collation); what the hub sorts in JS is sorted there too.

/** A group_member row `gm` active today (a guest's access ends after `until`), as the hub says it. */
const ACTIVE = `(gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;
const org = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;
const person = (alias: string) => `json_build_object('id', ${alias}.id, 'displayName', ${alias}.display_name)`;

/** The organization `id` as JSON, or null. */
const orgById = (id: string) => `(SELECT json_build_object('id', o.id, 'name', o.name) FROM organization o WHERE o.id = ${id})`;

/**
 * $1 group id, $2 the caller's person id, $3 [the group's network id], $4 [group id]. One row, or
 * none for an unknown group. Lists whose sort keys can tie (people of the same name, organizations
 * of the same name, rows written in one transaction) are read as the hub reads them: the same
 * table(s), the same condition with the ids as constant arrays, the same ORDER BY, in a subquery
 * whose order the JSON keeps; what they point to is looked up per row afterwards. PostgreSQL then
 * sorts the same input the same way, and ties come out in the hub's order.
 */
export const HEAD_SQL = `
SELECT g.id, g.name, g.level, g.description, g.join_policy, g.protocol_approval_mode, g.objection_period_days, g.matrix_room_id, g.network_id,
       n.slug, n.name AS network_name, v.hub_admin, v.calendar_token,
       (SELECT coalesce(json_object_agg(r.network_id, r.role), '{}') FROM network_role r WHERE r.person_id = v.id) AS network_roles,
       (SELECT coalesce(json_object_agg(gm.group_id, gm.role), '{}') FROM group_member gm WHERE gm.person_id = v.id AND ${ACTIVE}) AS group_roles,
       (SELECT count(*)::int FROM group_member gm WHERE gm.group_id = g.id AND ${ACTIVE}) AS member_count,
       (SELECT json_build_object('id', r.id, 'status', r.status) FROM group_join_request r
         WHERE r.group_id = g.id AND r.person_id = v.id ORDER BY r.created_at DESC LIMIT 1) AS my_join_request,
       (SELECT json_agg(${person('p')} ORDER BY a.created_at, a.person_id)
          FROM group_protocol_approver a JOIN person p ON p.id = a.person_id WHERE a.group_id = g.id) AS approvers,
       (SELECT json_build_object('id', pg.id, 'name', pg.name, 'networkId', pg.network_id) FROM work_group pg WHERE pg.id = g.parent_id) AS parent,
       ${orgById('g.lead_organization_id')} AS lead,
       (SELECT json_agg(${orgById('x.organization_id')})
          FROM (SELECT DISTINCT gm.group_id, gm.organization_id FROM group_member gm
                 WHERE gm.group_id = ANY($4) AND gm.organization_id IS NOT NULL AND ${ACTIVE} OFFSET 0) x) AS organizations,
       (SELECT json_agg(${org('o')}) FROM organization o
         WHERE o.id IN (SELECT organization_id FROM network_role WHERE person_id = v.id
                        UNION SELECT organization_id FROM group_member WHERE person_id = v.id)) AS my_organizations,
       (SELECT json_agg(json_build_object('person', json_build_object('id', x.p_id, 'displayName', x.p_display_name), 'role', x.role,
                                          'since', x.since, 'until', x.until, 'organization', ${orgById('x.organization_id')}))
          FROM (SELECT m.id, m.group_id, m.organization_id, m.role, m.since::text AS since, m.until::text AS until, p.id AS p_id, p.display_name AS p_display_name
                  FROM group_member m JOIN person p ON p.id = m.person_id
                 WHERE m.group_id = ANY($4) ORDER BY m.role, p.display_name) x) AS members,
       (SELECT json_agg(json_build_object('id', x.id, 'message', x.message,
                                          'person', (SELECT ${person('p')} FROM person p WHERE p.id = x.person_id), 'organization', ${orgById('x.organization_id')}))
          FROM (SELECT r.* FROM group_join_request r WHERE r.group_id = ANY($4) ORDER BY r.created_at DESC OFFSET 0) x
         WHERE x.status = 'PENDING') AS join_requests,
       (SELECT json_agg(json_build_object('status', x.status, 'organization', json_build_object('id', x.o_id, 'name', x.o_name)))
          FROM (SELECT m.network_id, m.status, o.id AS o_id, o.name AS o_name
                  FROM network_membership m JOIN organization o ON o.id = m.organization_id
                 WHERE m.network_id = ANY($3) AND m.status <> 'ENDED' ORDER BY o.name) x) AS network_members,
       (SELECT json_agg(json_build_object('person', json_build_object('id', x.p_id, 'displayName', x.p_display_name), 'organization', ${orgById('x.organization_id')}))
          FROM (SELECT r.network_id, r.organization_id, p.id AS p_id, p.display_name AS p_display_name
                  FROM network_role r JOIN person p ON p.id = r.person_id
                 WHERE r.network_id = ANY($3) ORDER BY p.display_name) x) AS network_people
  FROM work_group g JOIN network n ON n.id = g.network_id
  CROSS JOIN (SELECT id, hub_admin, calendar_token FROM person WHERE id = $2) v
 WHERE g.id = $1`;

/**
 * $1 group id, $2 now, $3 until, $4 past. The group's own and joint meetings that touch either
 * window, and its series' occurrences in [now, until): each with the groups that decide access
 * (the primary first) and the primary group's name. Ordered as the hub lists them: by start, its
 * own meetings before joint ones at the same start. The candidates come from three index reads
 * (own meetings by group and start, joint ones, the series' ones); the windows are decided after.
 */
export const MEETINGS_SQL = `
WITH candidate AS (
  SELECT id FROM meeting WHERE group_id = $1 AND starts_at < $3 AND ends_at >= $4
  UNION SELECT meeting_id FROM meeting_group WHERE group_id = $1
  UNION SELECT m.id FROM meeting_series s JOIN meeting m ON m.series_id = s.id WHERE s.group_id = $1 AND m.starts_at < $3 AND m.ends_at >= $2
), flagged AS (
  SELECT m.*, pg.name AS group_name, pg.network_id AS group_network_id,
         m.group_id = $1 OR EXISTS (SELECT 1 FROM meeting_group mg WHERE mg.meeting_id = m.id AND mg.group_id = $1) AS listed,
         EXISTS (SELECT 1 FROM meeting_series s WHERE s.id = m.series_id AND s.group_id = $1) AS of_series
    FROM candidate c JOIN meeting m ON m.id = c.id JOIN work_group pg ON pg.id = m.group_id
)
SELECT f.id, f.title, f.starts_at, f.ends_at, f.time_zone, f.cancelled, f.has_record, f.location, f.online_url, f.series_id, f.group_id, f.group_name,
       f.listed AND f.ends_at >= $2 AND f.starts_at < $3 AS upcoming,
       f.listed AND f.ends_at >= $4 AND f.starts_at < $2 AS past,
       f.of_series AND f.ends_at >= $2 AND f.starts_at < $3 AS occurrence,
       jsonb_build_array(jsonb_build_object('id', f.group_id, 'networkId', f.group_network_id))
         || coalesce((SELECT jsonb_agg(jsonb_build_object('id', ag.id, 'networkId', ag.network_id))
                        FROM meeting_group mg JOIN work_group ag ON ag.id = mg.group_id WHERE mg.meeting_id = f.id), '[]') AS groups
  FROM flagged f
 WHERE (f.listed AND ((f.ends_at >= $2 AND f.starts_at < $3) OR (f.ends_at >= $4 AND f.starts_at < $2)))
    OR (f.of_series AND f.ends_at >= $2 AND f.starts_at < $3)
 ORDER BY f.starts_at, f.group_id <> $1, f.id`;

/** A row of MEETINGS_SQL. */
export interface MeetingRow {
  id: string; title: string; starts_at: Date; ends_at: Date; time_zone: string; cancelled: boolean; has_record: boolean;
  location: string | null; online_url: string | null; series_id: string | null; group_id: string; group_name: string;
  upcoming: boolean; past: boolean; occurrence: boolean;
  /** The groups that decide access, the primary first. */
  groups: { id: string; networkId: string }[];
}

/** The groups that decide access to meeting `m` (primary first), as JSON. */
const meetingGroups = (m: string) => `jsonb_build_array((SELECT jsonb_build_object('id', pg.id, 'networkId', pg.network_id) FROM work_group pg WHERE pg.id = ${m}.group_id))
  || coalesce((SELECT jsonb_agg(jsonb_build_object('id', ag.id, 'networkId', ag.network_id))
                 FROM meeting_group mg JOIN work_group ag ON ag.id = mg.group_id WHERE mg.meeting_id = ${m}.id), '[]')`;
const personById = (id: string) => `(SELECT ${person('p')} FROM person p WHERE p.id = ${id})`;

/**
 * $1 group id, $2 the caller's person id. One row: series, action items, date polls as JSON, each
 * list read from its table alone in the hub's order (rows written in one transaction share their
 * created_at: the same input sorts the same way), its references looked up per row.
 */
export const WORK_SQL = `
SELECT (SELECT json_agg(json_build_object(
                 'id', s.id, 'title', s.title, 'rrule', s.rrule, 'startTime', s.start_time, 'durationMinutes', s.duration_minutes,
                 'timeZone', s.time_zone, 'holidayPolicy', s.holiday_policy, 'holidayRegions', s.holiday_regions, 'startsOn', s.starts_on,
                 'until', s.until, 'location', s.location, 'onlineUrl', s.online_url,
                 'skippedDates', coalesce((SELECT json_agg(json_build_object('date', k.date, 'reason', k.reason) ORDER BY k.date)
                                             FROM meeting_series_skip k WHERE k.series_id = s.id), '[]')))
          FROM (SELECT * FROM meeting_series WHERE group_id = $1 ORDER BY created_at) s) AS series,
       (SELECT json_agg(json_build_object(
                 'id', a.id, 'title', a.title, 'dueOn', a.due_on, 'status', a.status, 'closedAt', a.closed_at,
                 'closedBy', ${personById('a.closed_by_id')}, 'assignee', ${personById('a.assignee_id')},
                 'assigneeOrganization', (SELECT ${org('o')} FROM organization o WHERE o.id = a.assignee_organization_id)))
          FROM (SELECT * FROM action_item WHERE group_id = $1 ORDER BY due_on, created_at) a) AS action_items,
       -- The open ones are a read of their own in the hub: sorted alone, their ties may fall otherwise.
       (SELECT json_agg(a.id) FROM (SELECT id FROM action_item WHERE group_id = $1 AND status = 'OPEN' ORDER BY due_on, created_at) a) AS open_items,
       (SELECT json_agg(json_build_object(
                 'id', d.id, 'title', d.title, 'closed', d.closed,
                 'meeting', (SELECT json_build_object('id', m.id, 'groups', ${meetingGroups('m')}) FROM meeting m WHERE m.id = d.meeting_id),
                 'options', coalesce((SELECT json_agg(json_build_object(
                                        'id', o.id, 'startsAt', o.starts_at, 'endsAt', o.ends_at,
                                        'yes', (SELECT count(*)::int FROM date_poll_vote x WHERE x.option_id = o.id AND x.answer = 'YES'),
                                        'maybe', (SELECT count(*)::int FROM date_poll_vote x WHERE x.option_id = o.id AND x.answer = 'MAYBE'),
                                        'no', (SELECT count(*)::int FROM date_poll_vote x WHERE x.option_id = o.id AND x.answer = 'NO'),
                                        'myAnswer', (SELECT x.answer FROM date_poll_vote x WHERE x.option_id = o.id AND x.person_id = $2))
                                        ORDER BY o.position)
                                      FROM date_poll_option o WHERE o.poll_id = d.id), '[]')))
          FROM (SELECT * FROM date_poll WHERE group_id = $1 ORDER BY closed, created_at DESC) d) AS polls`;
