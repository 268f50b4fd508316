// The group page's baseline (GroupPage): the caller and the group's network, then three reads side
// by side (group-sql.ts): five statements in two rounds. The answer is built in the document's
// selection order, fragments merged where graphql-js merges them (network gets members and people
// after myRole; members start with person).
import { randomBytes } from 'node:crypto';
import { byName, sendBody, variablesOf, type Baseline, type RegisterRoutes } from './common.js';
import { groupAccess, groupView, meetingAccess, meetingStatus, type GroupRef, type MeetingAccess, type Roles } from './group-access.js';
import { HEAD_SQL, MEETINGS_SQL, WORK_SQL, type MeetingRow } from './group-sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE_URL = (process.env.PUBLIC_BASE_URL ?? '').replace(/\/+$/, '');

type Org = { id: string; name: string } | null;
type Row = Record<string, any>;

/** A timestamp from a JSON column as the hub prints a Date (pg's parse: milliseconds, truncated). */
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
const sortedOrgs = (orgs: Org[] | null) => (orgs ?? []).filter((o): o is NonNullable<Org> => o !== null).sort(byName);

function meetingItem(m: MeetingRow, access: MeetingAccess) {
  const insider = access !== 'network';
  return {
    id: m.id, title: m.title, startsAt: m.starts_at.toISOString(), endsAt: m.ends_at.toISOString(), timeZone: m.time_zone, status: meetingStatus(m),
    location: insider ? m.location : null,
    onlineUrl: insider ? m.online_url : null,
    // Without a video service (JITSI_URL unset, as in the bench) the join link is the hand-set one.
    videoRoomUrl: access === 'read' || access === 'manage' ? (m.online_url ?? null) : null,
    group: { id: m.group_id, name: m.group_name },
  };
}

/** A named (prepared) statement: the head's many subqueries cost more to plan than to run. */
const prepared = async <T>(base: Baseline, name: string, text: string, values: unknown[]): Promise<T[]> => (await base.pool.query({ name, text, values })).rows as T[];

/** The caller's calendar token, made on first use as the hub does (the page's only write, once per person). */
async function calendarToken(base: Baseline, personId: string, token: string | null): Promise<string> {
  if (token) return token;
  const [row] = await base.q<{ calendar_token: string }>(
    'UPDATE person SET calendar_token = coalesce(calendar_token, $2) WHERE id = $1 RETURNING calendar_token', [personId, randomBytes(24).toString('base64url')],
  );
  return row.calendar_token;
}

export async function groupPage(base: Baseline, authorization: string | undefined, vars: Record<string, string>) {
  // The network's id first: its lists are read with it as a constant, as the hub reads them.
  const [me, [group]] = await Promise.all([
    base.viewer(authorization),
    UUID.test(vars.id) ? prepared<{ network_id: string }>(base, 'group.network', 'SELECT network_id FROM work_group WHERE id = $1', [vars.id]) : [],
  ]);
  if (!group) return { data: { group: null, me: await meOnly(base, me.id) } };
  const [[head], meetings, [work]] = await Promise.all([
    prepared<Row>(base, 'group.head', HEAD_SQL, [vars.id, me.id, [group.network_id], [vars.id]]),
    prepared<MeetingRow>(base, 'group.meetings', MEETINGS_SQL, [vars.id, vars.now, vars.until, vars.past]),
    prepared<Row>(base, 'group.work', WORK_SQL, [vars.id, me.id]),
  ]);
  if (!head) return { data: { group: null, me: await meOnly(base, me.id) } };
  const roles: Roles = { hubAdmin: head.hub_admin, network: head.network_roles, group: head.group_roles };
  const meBlock = { id: me.id, organizations: sortedOrgs(head.my_organizations) };
  const view = groupView(roles, { id: head.id, networkId: head.network_id });
  if (!view) return { data: { group: null, me: meBlock } };
  const token = feedAllowed(roles, head) ? await calendarToken(base, me.id, head.calendar_token) : null;
  return { data: { group: groupFields(roles, head, meetings, work, token), me: meBlock } };
}

/** The group feed's rule: active members, the network's ADMINs and MODERATORs, hub admins. */
function feedAllowed(roles: Roles, head: Row): boolean {
  const networkRole = roles.network[head.network_id];
  return roles.hubAdmin || networkRole === 'ADMIN' || networkRole === 'MODERATOR' || roles.group[head.id] !== undefined;
}

/** The group in the selection's order, for a caller who sees it; `token` when the feed is theirs. */
function groupFields(roles: Roles, head: Row, meetings: MeetingRow[], work: Row, token: string | null) {
  const self: GroupRef = { id: head.id, networkId: head.network_id };
  const view = groupView(roles, self);
  const access = groupAccess(roles, self);
  // Members, room, series, tasks and polls are for the group's readers; the rest is its public face.
  const readable = access !== null;
  const networkRole = roles.network[head.network_id] ?? null;
  const fullNetwork = roles.hubAdmin || networkRole !== null;
  const lists = readable ? readerLists(roles, head, meetings, work) : { series: [], openActionItems: [], actionItems: [], datePolls: [] };
  const accessOf = (m: MeetingRow) => meetingAccess(roles, m.groups) ?? 'network';
  return {
    id: head.id, name: head.name, level: head.level, description: head.description, joinPolicy: head.join_policy,
    protocolApprovalMode: head.protocol_approval_mode, objectionPeriodDays: head.objection_period_days,
    protocolApprovers: readable ? (head.approvers ?? []) : [],
    memberCount: head.member_count,
    myRole: roles.group[head.id] ?? null,
    myJoinRequest: head.my_join_request,
    viewerCanManage: access === 'manage',
    matrixRoomId: readable ? head.matrix_room_id : null,
    calendarFeedUrl: token ? `${BASE_URL}/calendar/groups/${head.id}.ics?token=${token}` : null,
    network: {
      id: head.network_id, slug: head.slug, name: head.network_name, myRole: networkRole,
      members: fullNetwork ? (head.network_members ?? []) : [],
      people: fullNetwork ? (head.network_people ?? []) : [],
    },
    parent: head.parent && groupView(roles, head.parent) ? { id: head.parent.id, name: head.parent.name } : null,
    leadOrganization: head.lead,
    organizations: sortedOrgs(head.organizations),
    upcoming: meetings.filter((m) => m.upcoming).map((m) => meetingItem(m, accessOf(m))),
    past: meetings.filter((m) => m.past).map((m) => meetingItem(m, accessOf(m))),
    series: lists.series,
    openActionItems: lists.openActionItems,
    actionItems: lists.actionItems,
    members: readable ? (head.members ?? []) : [],
    datePolls: lists.datePolls,
    joinRequests: view === 'manage' ? (head.join_requests ?? []) : [],
  };
}

/** Series with their occurrences, tasks and polls: what the group's readers see. */
function readerLists(roles: Roles, head: Row, meetings: MeetingRow[], work: Row) {
  const series = (work.series ?? []).map((s: Row) => ({
    id: s.id, title: s.title, rrule: s.rrule, startTime: s.startTime, durationMinutes: s.durationMinutes, timeZone: s.timeZone,
    holidayPolicy: s.holidayPolicy, holidayRegions: s.holidayRegions, startsOn: s.startsOn, until: s.until, location: s.location, onlineUrl: s.onlineUrl,
    occurrences: meetings.filter((m) => m.occurrence && m.series_id === s.id).map((m) => ({
      id: m.id, title: m.title, startsAt: m.starts_at.toISOString(), endsAt: m.ends_at.toISOString(), timeZone: m.time_zone, status: meetingStatus(m),
    })),
    skippedDates: s.skippedDates,
  }));
  const actionItems = (work.action_items ?? []).map((a: Row) => ({
    id: a.id, title: a.title, dueOn: a.dueOn, status: a.status, closedAt: iso(a.closedAt), closedBy: a.closedBy, assignee: a.assignee,
    assigneeOrganization: a.assigneeOrganization, group: { id: head.id, name: head.name },
  }));
  const datePolls = (work.polls ?? []).map((p: Row) => ({
    id: p.id, title: p.title, closed: p.closed,
    meeting: p.meeting && meetingAccess(roles, p.meeting.groups) ? { id: p.meeting.id } : null,
    options: p.options.map((o: Row) => ({ id: o.id, startsAt: iso(o.startsAt), endsAt: iso(o.endsAt), yes: o.yes, maybe: o.maybe, no: o.no, myAnswer: o.myAnswer })),
  }));
  return { series, openActionItems: (work.open_items ?? []).map((id: string) => ({ id })), actionItems, datePolls };
}

/** `me` alone, for a group the caller does not see. */
async function meOnly(base: Baseline, personId: string) {
  const rows = await base.q<{ id: string; name: string }>(
    `SELECT o.id, o.name FROM organization o WHERE o.id IN (SELECT organization_id FROM network_role WHERE person_id = $1
       UNION SELECT organization_id FROM group_member WHERE person_id = $1)`, [personId],
  );
  return { id: personId, organizations: rows.sort(byName) };
}

export const registerGroup: RegisterRoutes = (app, base) => {
  app.post('/page/GroupPage', async (req, reply) => {
    const body = await groupPage(base, req.headers.authorization, variablesOf(req.body));
    return sendBody(reply, body);
  });
};
