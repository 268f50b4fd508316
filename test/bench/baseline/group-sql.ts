// The group page's three reads (besides the caller's): the group with everything that is one row or
// a short list (head), its meetings in both windows with their series' occurrences (meetings), and
// its series, tasks and polls (work). Independent of each other, so they run side by side. Lists
// keep the hub's ORDER BYs in SQL (its collation); what the hub sorts in JS is sorted there too.

/** A group_member row `gm` active today (a guest's access ends after `until`), as the hub says it. */
const ACTIVE = `(gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;
const org = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;
const person = (alias: string) => `json_build_object('id', ${alias}.id, 'displayName', ${alias}.display_name)`;

/** $1 group id, $2 the caller's person id. One row, or none for an unknown group. */
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
       (SELECT ${org('o')} FROM organization o WHERE o.id = g.lead_organization_id) AS lead,
       (SELECT json_agg(${org('o')}) FROM organization o
         WHERE o.id IN (SELECT gm.organization_id FROM group_member gm WHERE gm.group_id = g.id AND ${ACTIVE})) AS organizations,
       (SELECT json_agg(${org('o')}) FROM organization o
         WHERE o.id IN (SELECT organization_id FROM network_role WHERE person_id = v.id
                        UNION SELECT organization_id FROM group_member WHERE person_id = v.id)) AS my_organizations,
       (SELECT json_agg(json_build_object('person', ${person('p')}, 'role', m.role, 'since', m.since, 'until', m.until, 'organization', ${org('o')})
                        ORDER BY m.role, p.display_name)
          FROM group_member m JOIN person p ON p.id = m.person_id LEFT JOIN organization o ON o.id = m.organization_id
         WHERE m.group_id = g.id) AS members,
       (SELECT json_agg(json_build_object('id', r.id, 'message', r.message, 'person', ${person('p')}, 'organization', ${org('o')}) ORDER BY r.created_at DESC)
          FROM group_join_request r JOIN person p ON p.id = r.person_id LEFT JOIN organization o ON o.id = r.organization_id
         WHERE r.group_id = g.id AND r.status = 'PENDING') AS join_requests,
       (SELECT json_agg(json_build_object('status', m.status, 'organization', ${org('o')}) ORDER BY o.name)
          FROM network_membership m JOIN organization o ON o.id = m.organization_id
         WHERE m.network_id = n.id AND m.status <> 'ENDED') AS network_members,
       (SELECT json_agg(json_build_object('person', ${person('p')}, 'organization', ${org('o')}) ORDER BY p.display_name)
          FROM network_role r JOIN person p ON p.id = r.person_id LEFT JOIN organization o ON o.id = r.organization_id
         WHERE r.network_id = ANY(ARRAY(SELECT network_id FROM work_group WHERE id = $1))) AS network_people
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

/** $1 group id, $2 the caller's person id. One row: series, action items, date polls as JSON. */
export const WORK_SQL = `
SELECT (SELECT json_agg(json_build_object(
                 'id', s.id, 'title', s.title, 'rrule', s.rrule, 'startTime', s.start_time, 'durationMinutes', s.duration_minutes,
                 'timeZone', s.time_zone, 'holidayPolicy', s.holiday_policy, 'holidayRegions', s.holiday_regions, 'startsOn', s.starts_on,
                 'until', s.until, 'location', s.location, 'onlineUrl', s.online_url,
                 'skippedDates', coalesce((SELECT json_agg(json_build_object('date', k.date, 'reason', k.reason) ORDER BY k.date)
                                             FROM meeting_series_skip k WHERE k.series_id = s.id), '[]'))
                 ORDER BY s.created_at)
          FROM meeting_series s WHERE s.group_id = $1) AS series,
       (SELECT json_agg(json_build_object(
                 'id', a.id, 'title', a.title, 'dueOn', a.due_on, 'status', a.status, 'closedAt', a.closed_at,
                 'closedBy', CASE WHEN cb.id IS NULL THEN NULL ELSE ${person('cb')} END,
                 'assignee', CASE WHEN ap.id IS NULL THEN NULL ELSE ${person('ap')} END,
                 'assigneeOrganization', ${org('ao')})
                 ORDER BY a.due_on, a.created_at)
          FROM action_item a LEFT JOIN person cb ON cb.id = a.closed_by_id LEFT JOIN person ap ON ap.id = a.assignee_id
          LEFT JOIN organization ao ON ao.id = a.assignee_organization_id
         WHERE a.group_id = $1) AS action_items,
       (SELECT json_agg(json_build_object(
                 'id', d.id, 'title', d.title, 'closed', d.closed,
                 'meeting', (SELECT json_build_object('id', m.id, 'groups',
                                      json_build_array(json_build_object('id', pg.id, 'networkId', pg.network_id))::jsonb
                                      || coalesce((SELECT jsonb_agg(jsonb_build_object('id', ag.id, 'networkId', ag.network_id))
                                                     FROM meeting_group mg JOIN work_group ag ON ag.id = mg.group_id WHERE mg.meeting_id = m.id), '[]'))
                               FROM meeting m JOIN work_group pg ON pg.id = m.group_id WHERE m.id = d.meeting_id),
                 'options', coalesce((SELECT json_agg(json_build_object(
                                        'id', o.id, 'startsAt', o.starts_at, 'endsAt', o.ends_at,
                                        'yes', (SELECT count(*)::int FROM date_poll_vote x WHERE x.option_id = o.id AND x.answer = 'YES'),
                                        'maybe', (SELECT count(*)::int FROM date_poll_vote x WHERE x.option_id = o.id AND x.answer = 'MAYBE'),
                                        'no', (SELECT count(*)::int FROM date_poll_vote x WHERE x.option_id = o.id AND x.answer = 'NO'),
                                        'myAnswer', (SELECT x.answer FROM date_poll_vote x WHERE x.option_id = o.id AND x.person_id = $2))
                                        ORDER BY o.position)
                                      FROM date_poll_option o WHERE o.poll_id = d.id), '[]'))
                 ORDER BY d.closed, d.created_at DESC)
          FROM date_poll d WHERE d.group_id = $1) AS polls`;
