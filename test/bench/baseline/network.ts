// The network page's baselines (issue 24, Netzwerk as admin): NetworkPage (the network, its member
// organizations, its groups as the tree and as the overview, the organizations one may ask to join
// for, the caller's organizations) and NetworkAdmin (the pending join requests with the
// requester's address, the members). Same rules as the hub: NetworksService.bySlug/members,
// groupsInNetwork, NetworkGroupOverviewResolver, NetworkNewcomerResolver, JoinRequestsResolver.
import { byName, sendData, variablesOf, type Baseline, type RegisterRoutes } from './common.js';
import { ACTIVE, myOrganizationIds } from './overview.js';

/**
 * The network by slug with the caller's role ($2), its moderator organization and its members
 * that have not ended (by name). Role holders see everything; others the public face; INVITE_ONLY
 * networks only their role holders (AccessService.networkAccess; hub admins are not a bench caller).
 */
const NETWORK = `SELECT n.id, n.slug, n.name, n.description, n.join_policy, r.role, mo.id AS mod_id, mo.name AS mod_name,
    coalesce((SELECT json_agg(json_build_object('status', m.status, 'since', m.since,
        'organization', json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'federalState', o.federal_state)) ORDER BY o.name)
      FROM network_membership m JOIN organization o ON o.id = m.organization_id
     WHERE m.network_id = n.id AND m.status <> 'ENDED'), '[]') AS members
  FROM network n LEFT JOIN network_role r ON r.network_id = n.id AND r.person_id = $2
  LEFT JOIN organization mo ON mo.id = n.moderator_organization_id
 WHERE n.slug = $1`;

/** The network's groups by name, each with its lead organization, active member count, the caller's active role and latest join request. */
const GROUPS = `SELECT g.id, g.name, g.level, g.description, g.join_policy, g.parent_id, o.id AS lead_id, o.name AS lead_name,
    (SELECT count(*)::int FROM group_member gm WHERE gm.group_id = g.id AND ${ACTIVE}) AS member_count,
    (SELECT gm.role FROM group_member gm WHERE gm.group_id = g.id AND gm.person_id = $2 AND ${ACTIVE}) AS my_role,
    CASE WHEN q.id IS NOT NULL THEN json_build_object('id', q.id, 'status', q.status) END AS my_request
  FROM work_group g LEFT JOIN organization o ON o.id = g.lead_organization_id
  LEFT JOIN (SELECT DISTINCT ON (group_id) group_id, id, status FROM group_join_request WHERE person_id = $2 ORDER BY group_id, created_at DESC) q
    ON q.group_id = g.id
 WHERE g.network_id = (SELECT id FROM network WHERE slug = $1)
 ORDER BY g.name`;

/**
 * Every organization by name, with what decides the two lists: the caller's own (a network role
 * for it anywhere: joinable even when a member), an ACTIVE member of the network (not joinable
 * otherwise), one the caller acts for (me.organizations).
 */
const ORGANIZATIONS = `SELECT o.id, o.name,
    EXISTS (SELECT 1 FROM network_role r WHERE r.person_id = $2 AND r.organization_id = o.id) AS own,
    EXISTS (SELECT 1 FROM network_membership m WHERE m.network_id = (SELECT id FROM network WHERE slug = $1)
             AND m.organization_id = o.id AND m.status = 'ACTIVE') AS member,
    o.id IN (${myOrganizationIds('$2')}) AS mine
  FROM organization o ORDER BY o.name`;

/** PostgreSQL's order of group_level (its declaration order), and the overview's (plenum first). */
const LEVEL_ORDER: Record<string, number> = { PLENUM: 0, EXPERT_GROUP: 1, PROJECT_GROUP: 2 };

const lead = (g: { lead_id: string | null; lead_name: string | null }) => (g.lead_id ? { id: g.lead_id, name: g.lead_name } : null);

async function networkPage(base: Baseline, authorization: string | undefined, slug: string) {
  const me = await base.viewer(authorization);
  const [[n], groupRows, organizations] = await Promise.all([
    base.q(NETWORK, [slug, me.id]),
    base.q(GROUPS, [slug, me.id]),
    base.q<{ id: string; name: string; own: boolean; member: boolean; mine: boolean }>(ORGANIZATIONS, [slug, me.id]),
  ]);
  const meAnswer = { id: me.id, organizations: organizations.filter((o) => o.mine).map((o) => ({ id: o.id, name: o.name })).sort(byName) };
  if (!n || (!n.role && n.join_policy === 'INVITE_ONLY')) return { network: null, me: meAnswer };
  const full = !!n.role;
  const manager = n.role === 'ADMIN' || n.role === 'MODERATOR';
  const byLevel = groupRows.map((g, i) => ({ g, i })).sort((x, y) => LEVEL_ORDER[x.g.level] - LEVEL_ORDER[y.g.level] || x.i - y.i).map((x) => x.g);
  const overview = [...groupRows].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'de'));
  return {
    network: {
      id: n.id, slug: n.slug, name: n.name, description: n.description, joinPolicy: n.join_policy, myRole: n.role,
      moderatorOrganization: full && n.mod_id ? { id: n.mod_id, name: n.mod_name } : null,
      members: full ? n.members : [],
      groups: full
        ? byLevel.map((g) => ({
            id: g.id, name: g.name, level: g.level, description: g.description, joinPolicy: g.join_policy, memberCount: g.member_count,
            myRole: g.my_role, viewerCanManage: manager || g.my_role === 'LEAD' || g.my_role === 'MODERATOR',
            parent: g.parent_id ? { id: g.parent_id } : null, leadOrganization: lead(g), myJoinRequest: g.my_request,
          }))
        : [],
      groupOverview: overview.map((g) => ({
        id: g.id, name: g.name, level: g.level, description: g.description, joinPolicy: g.join_policy, memberCount: g.member_count, leadOrganization: lead(g),
      })),
      joinableOrganizations: organizations.filter((o) => o.own || !o.member).map((o) => ({ id: o.id, name: o.name })),
    },
    me: meAnswer,
  };
}

/**
 * The network for its ADMINs' page: PENDING join requests newest first with the requester's
 * address (only ADMINs see requests; others []), the members that have not ended, by name.
 */
const NETWORK_ADMIN = `SELECT n.id, n.join_policy, r.role,
    CASE WHEN r.role = 'ADMIN' THEN coalesce((SELECT json_agg(json_build_object('id', j.id, 'message', j.message, 'email', p.email,
        'organization', json_build_object('id', o.id, 'name', o.name, 'website', o.website),
        'requestedBy', json_build_object('id', p.id, 'displayName', p.display_name)) ORDER BY j.created_at DESC)
      FROM join_request j JOIN organization o ON o.id = j.organization_id JOIN person p ON p.id = j.requested_by_id
     WHERE j.network_id = n.id AND j.status = 'PENDING'), '[]') ELSE '[]' END AS requests,
    CASE WHEN r.role IS NOT NULL THEN coalesce((SELECT json_agg(json_build_object('status', m.status, 'organization', json_build_object('id', o.id, 'name', o.name)) ORDER BY o.name)
      FROM network_membership m JOIN organization o ON o.id = m.organization_id
     WHERE m.network_id = n.id AND m.status <> 'ENDED'), '[]') ELSE '[]' END AS members
  FROM network n LEFT JOIN network_role r ON r.network_id = n.id AND r.person_id = $2
 WHERE n.slug = $1`;

/** "Anna.Muster@Rastatt.de" → "rastatt.de" (emailDomain in the hub). */
function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : null;
}

interface RequestRow {
  id: string;
  message: string | null;
  email: string | null;
  organization: unknown;
  requestedBy: unknown;
}

async function networkAdmin(base: Baseline, authorization: string | undefined, slug: string) {
  const me = await base.viewer(authorization);
  const [n] = await base.q(NETWORK_ADMIN, [slug, me.id]);
  if (!n || (!n.role && n.join_policy === 'INVITE_ONLY')) return { network: null };
  return {
    network: {
      id: n.id,
      joinRequests: (n.requests as RequestRow[]).map((j) => ({
        id: j.id, message: j.message, requesterEmail: j.email ?? null, requesterEmailDomain: j.email ? emailDomain(j.email) : null,
        organization: j.organization, requestedBy: j.requestedBy,
      })),
      members: n.members,
    },
  };
}

export const registerNetwork: RegisterRoutes = (app, base) => {
  app.post('/page/NetworkPage', async (req, reply) =>
    sendData(reply, await networkPage(base, req.headers.authorization, variablesOf<{ slug: string }>(req.body).slug)));
  app.post('/page/NetworkAdmin', async (req, reply) =>
    sendData(reply, await networkAdmin(base, req.headers.authorization, variablesOf<{ slug: string }>(req.body).slug)));
};
