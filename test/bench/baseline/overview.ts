// The Übersicht page's baselines (issue 24): Overview (the caller, their coming meetings, their
// tasks, the networks with the join requests they decide, the group join requests they decide,
// the feed URL) and NextAnswers (the coming meetings with the caller's answers). Same rules as
// the hub: MeetingsService.upcoming, ActionItemsService.mine, NetworksService.list,
// GroupJoinRequestsService.pendingFor, RsvpService.myAnswer/mayAnswer (inviteeAnswers).
import { randomBytes } from 'node:crypto';
import { byName, sendData, variablesOf, type Baseline, type RegisterRoutes } from './common.js';

/** SQL condition: the group_member row `gm` is active today in Germany (ACTIVE_MEMBER in the hub). */
export const ACTIVE = `(gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;

/**
 * The ids of the organizations person `personSql` acts for (network roles and group memberships,
 * ended ones too, as Person.organizations reads them); the caller sorts them by German collation.
 */
export const myOrganizationIds = (personSql: string) => `SELECT organization_id FROM network_role WHERE person_id = ${personSql} AND organization_id IS NOT NULL
    UNION SELECT organization_id FROM group_member WHERE person_id = ${personSql} AND organization_id IS NOT NULL`;

/** The hub's body: `{"data":…}` and a newline (its GraphQL driver ends the body with one). */
interface MeetingRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  cancelled: boolean;
  has_record: boolean;
  location: string | null;
  online_url: string | null;
  group_id: string;
  group_name: string;
  invited: boolean;
  answer: string | null;
  current: boolean | null;
}

/**
 * The caller's meetings in [from, to) (ends after `from`, starts before `to`) of the groups they
 * are an active member of, primary or joint, by start then id, at most 500. With `answers`, each
 * one's invitation (an active member of one of its groups, not erased) and the answer that holds:
 * the own answer (current unless the meeting changed after it), else the series answer given
 * before the meeting ended (current unless the occurrence was moved on its own or the series was
 * invited again with a higher SEQUENCE).
 */
function upcoming(base: Baseline, personId: string, from: Date, to: Date | null, answers: boolean): Promise<MeetingRow[]> {
  // Index lookups only: each active group's meetings in the window by (group_id, starts_at), the
  // joint ones by meeting_group's group index, every meeting by key.
  const within = (t: string) => `${t}.ends_at >= $2${to ? ` AND ${t}.starts_at < $3` : ''}`;
  const answerColumns = answers
    ? `, EXISTS (SELECT 1 FROM (SELECT m.group_id UNION SELECT mg.group_id FROM meeting_group mg WHERE mg.meeting_id = m.id) mine
                 JOIN group_member gm ON gm.group_id = mine.group_id AND gm.person_id = $1 AND ${ACTIVE}
                 JOIN person p ON p.id = gm.person_id AND p.erased_at IS NULL) AS invited,
       coalesce(own.answer, ser.answer) AS answer,
       CASE WHEN own.answer IS NOT NULL THEN own.sequence >= m.sequence
            WHEN ser.answer IS NOT NULL THEN NOT m.detached AND ser.sequence >= coalesce(
              (SELECT i.sequence FROM rsvp_invitation i WHERE i.series_id = m.series_id AND i.person_id = $1 AND i.meeting_id IS NULL LIMIT 1), 0) END AS current`
    : '';
  const answerJoins = answers
    ? `LEFT JOIN rsvp_answer own ON own.meeting_id = m.id AND own.person_id = $1
       LEFT JOIN rsvp_series_answer ser ON own.answer IS NULL AND ser.series_id = m.series_id AND ser.person_id = $1 AND m.ends_at > ser.answered_at`
    : '';
  return base.q<MeetingRow>(
    `SELECT m.id, m.title, m.starts_at, m.ends_at, m.time_zone, m.cancelled, m.has_record, m.location, m.online_url,
            m.group_id, g.name AS group_name ${answerColumns}
       FROM meeting m JOIN work_group g ON g.id = m.group_id ${answerJoins}
      WHERE m.id IN (SELECT x.id FROM group_member gm JOIN meeting x ON x.group_id = gm.group_id WHERE gm.person_id = $1 AND ${ACTIVE} AND ${within('x')}
                     UNION SELECT mg.meeting_id FROM group_member gm JOIN meeting_group mg ON mg.group_id = gm.group_id WHERE gm.person_id = $1 AND ${ACTIVE})
        AND ${within('m')}
      ORDER BY m.starts_at, m.id LIMIT 500`,
    to ? [personId, from, to] : [personId, from],
  );
}

/** HELD: ended and attendance or a protocol recorded (meetingStatus in the hub). */
const status = (m: MeetingRow, now: number) => (m.cancelled ? 'CANCELLED' : m.ends_at.getTime() < now && m.has_record ? 'HELD' : 'SCHEDULED');

const window = (v: { from?: string | null; to?: string | null }) => ({ from: v.from ? new Date(v.from) : new Date(), to: v.to ? new Date(v.to) : null });

const person = (id: string | null, name: string | null) => (id ? { id, displayName: name } : null);
const organization = (id: string | null, name: string | null) => (id ? { id, name } : null);

/**
 * The caller's tasks: their own and those of the organizations they act for in the task's network
 * (a network role's or a group membership's organization, ended ones too), by due date (none
 * last), then creation. Written as a union so each half can use an index (the assignee's; the
 * groups of the networks the caller acts in).
 */
const ACTION_ITEMS = `WITH acts AS (
      SELECT r.network_id, r.organization_id FROM network_role r WHERE r.person_id = $1 AND r.organization_id IS NOT NULL
      UNION SELECT g2.network_id, gm.organization_id FROM group_member gm JOIN work_group g2 ON g2.id = gm.group_id
       WHERE gm.person_id = $1 AND gm.organization_id IS NOT NULL)
  SELECT a.id, a.title, a.due_on::text AS due_on, a.status, a.closed_at,
         cb.id AS closed_by_id, cb.display_name AS closed_by_name, ap.id AS assignee_id, ap.display_name AS assignee_name,
         ao.id AS org_id, ao.name AS org_name, g.id AS group_id, g.name AS group_name
    FROM action_item a JOIN work_group g ON g.id = a.group_id
    LEFT JOIN person cb ON cb.id = a.closed_by_id LEFT JOIN person ap ON ap.id = a.assignee_id
    LEFT JOIN organization ao ON ao.id = a.assignee_organization_id
   WHERE a.id IN (SELECT x.id FROM action_item x WHERE x.assignee_id = $1
                  UNION SELECT x.id FROM acts JOIN work_group xg ON xg.network_id = acts.network_id
                   JOIN action_item x ON x.group_id = xg.id AND x.assignee_organization_id = acts.organization_id)
   ORDER BY a.due_on, a.created_at`;

/**
 * One row: the feed token, the caller's organizations, the networks they see (not INVITE_ONLY, or
 * theirs) by name with their role and, where ADMIN, the PENDING join requests newest first, and the
 * PENDING group join requests they decide (network ADMIN/MODERATOR, or active group LEAD/MODERATOR)
 * oldest first.
 */
const MISC = `SELECT p.calendar_token,
    coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name)) FROM organization o WHERE o.id IN (${myOrganizationIds('$1')})), '[]') AS orgs,
    coalesce((SELECT json_agg(json_build_object('id', n.id, 'slug', n.slug, 'name', n.name, 'myRole', r.role, 'joinRequests',
        CASE WHEN r.role = 'ADMIN' THEN coalesce((
          SELECT json_agg(json_build_object('id', j.id, 'message', j.message, 'organization', json_build_object('id', o.id, 'name', o.name),
                                            'requestedBy', json_build_object('id', rp.id, 'displayName', rp.display_name)) ORDER BY j.created_at DESC)
            FROM join_request j JOIN organization o ON o.id = j.organization_id JOIN person rp ON rp.id = j.requested_by_id
           WHERE j.network_id = n.id AND j.status = 'PENDING'), '[]') ELSE '[]' END) ORDER BY n.name)
      FROM network n LEFT JOIN network_role r ON r.network_id = n.id AND r.person_id = $1
     WHERE n.join_policy <> 'INVITE_ONLY' OR r.role IS NOT NULL), '[]') AS networks,
    coalesce((SELECT json_agg(json_build_object('id', q.id, 'message', q.message, 'group', json_build_object('id', g.id, 'name', g.name),
        'person', json_build_object('id', qp.id, 'displayName', qp.display_name),
        'organization', CASE WHEN qo.id IS NULL THEN NULL ELSE json_build_object('id', qo.id, 'name', qo.name) END) ORDER BY q.created_at, q.id)
      FROM work_group g JOIN group_join_request q ON q.group_id = g.id AND q.status = 'PENDING'
      JOIN person qp ON qp.id = q.person_id LEFT JOIN organization qo ON qo.id = q.organization_id
     WHERE g.id IN (SELECT g3.id FROM network_role r3 JOIN work_group g3 ON g3.network_id = r3.network_id
                     WHERE r3.person_id = $1 AND r3.role IN ('ADMIN', 'MODERATOR')
                    UNION SELECT gm.group_id FROM group_member gm WHERE gm.person_id = $1 AND gm.role IN ('LEAD', 'MODERATOR') AND ${ACTIVE})), '[]') AS pending
  FROM person p WHERE p.id = $1`;

/** The feed's secret, made on first use as the hub does (CalendarService.token). */
async function feedToken(base: Baseline, personId: string, token: string | null): Promise<string> {
  if (token) return token;
  await base.q('UPDATE person SET calendar_token = $2 WHERE id = $1 AND calendar_token IS NULL', [personId, randomBytes(24).toString('base64url')]);
  return (await base.q<{ calendar_token: string }>('SELECT calendar_token FROM person WHERE id = $1', [personId]))[0].calendar_token;
}

const PUBLIC_BASE_URL = (process.env.PUBLIC_BASE_URL ?? '').replace(/\/+$/, '');

export const registerOverview: RegisterRoutes = (app, base) => {
  app.post('/page/Overview', async (req, reply) => {
    const me = await base.viewer(req.headers.authorization);
    const { from, to } = window(variablesOf(req.body));
    const [meetings, items, [misc]] = await Promise.all([
      upcoming(base, me.id, from, to, false),
      base.q(ACTION_ITEMS, [me.id]),
      base.q(MISC, [me.id]),
    ]);
    const now = Date.now();
    return sendData(reply, {
      me: { id: me.id, displayName: me.display_name, organizations: (misc.orgs as { name: string }[]).sort(byName) },
      upcomingMeetings: meetings.map((m) => ({
        id: m.id, title: m.title, startsAt: m.starts_at.toISOString(), endsAt: m.ends_at.toISOString(), timeZone: m.time_zone, status: status(m, now),
        // Without JITSI_URL (the bench) the join link is the hand-set online URL.
        location: m.location, onlineUrl: m.online_url, videoRoomUrl: m.online_url,
        group: { id: m.group_id, name: m.group_name },
      })),
      myActionItems: items.map((a) => ({
        id: a.id, title: a.title, dueOn: a.due_on, status: a.status, closedAt: a.closed_at ? a.closed_at.toISOString() : null,
        closedBy: person(a.closed_by_id, a.closed_by_name), assignee: person(a.assignee_id, a.assignee_name),
        assigneeOrganization: organization(a.org_id, a.org_name), group: { id: a.group_id, name: a.group_name },
      })),
      networks: misc.networks,
      pendingGroupJoinRequests: misc.pending,
      calendarFeedUrl: `${PUBLIC_BASE_URL}/calendar/${await feedToken(base, me.id, misc.calendar_token)}.ics`,
    });
  });

  app.post('/page/NextAnswers', async (req, reply) => {
    const me = await base.viewer(req.headers.authorization);
    const { from, to } = window(variablesOf(req.body));
    const meetings = await upcoming(base, me.id, from, to, true);
    const now = Date.now();
    return sendData(reply, {
      upcomingMeetings: meetings.map((m) => ({
        id: m.id, title: m.title, startsAt: m.starts_at.toISOString(), endsAt: m.ends_at.toISOString(), timeZone: m.time_zone,
        mayAnswer: m.invited && status(m, now) === 'SCHEDULED' && m.ends_at.getTime() > now,
        group: { id: m.group_id, name: m.group_name },
        myAnswer: m.invited && m.answer ? { answer: m.answer, current: m.current } : null,
      })),
    });
  });
};
