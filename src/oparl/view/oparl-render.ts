import type { EntityManager } from 'typeorm';
import { berlinDate, dateTime, nonEmpty } from './oparl-format.js';
import { BODY_LISTS, OPARL_TYPE, OparlUrls, type BodyList } from '../oparl-urls.js';
import { agendaItemsAndFiles } from './oparl-render-meetings.js';

/**
 * One public object as the ledger keeps it (its own created/modified are added when it is served;
 * those of the objects it embeds are filled in by settle(), oparl-ledger.ts).
 */
export interface OparlRecord {
  path: string;
  kind: string;
  /** null for the System only. */
  networkId: string | null;
  /** For meetings: their groups (Organization.meeting lists). */
  groupIds: string[];
  created: Date;
  data: Record<string, unknown>;
  /** For a File: the bytes it serves (text), kept in the ledger beside its checksum. */
  content?: string;
}

export interface PublicNetwork {
  id: string;
  slug: string;
  name: string;
  created_at: Date;
  public_since: Date;
}

const LEVEL: Record<string, string> = { PLENUM: 'Plenum', EXPERT_GROUP: 'Fachgruppe', PROJECT_GROUP: 'Projektgruppe' };
const ROLE: Record<string, string> = { LEAD: 'Leitung', MODERATOR: 'Moderation', MEMBER: 'Mitglied', GUEST: 'Gast' };
const KIND: Record<string, string> = {
  MUNICIPALITY: 'Kommune', MUNICIPAL_ASSOCIATION: 'Gemeindeverband', DISTRICT: 'Landkreis', MUNICIPAL_UTILITY: 'Kommunales Unternehmen',
  AGENCY: 'Agentur', OTHER: 'Sonstige Organisation',
};

/**
 * The System: the hub itself, its `body` list holds the PUBLIC networks. Its created is chosen by
 * the sync when it first stores it; its modified moves only when this JSON changes.
 */
export function renderSystem(urls: OparlUrls, created: Date): OparlRecord {
  return {
    path: OparlUrls.system, kind: 'System', networkId: null, groupIds: [], created,
    data: {
      id: urls.url(OparlUrls.system),
      type: OPARL_TYPE('System'),
      oparlVersion: 'https://schema.oparl.org/1.1/',
      name: 'Interkom',
      body: urls.url(OparlUrls.bodies),
      website: urls.root.replace(/\/oparl\/v1$/, ''),
    },
  };
}

const isHttpUrl = (value: string | null): value is string => {
  if (!value) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * Everything one PUBLIC network shows in OParl, read in a few set-based statements: the Body,
 * its groups and member organizations (Organization), the people with publicProfile who hold a
 * role in it (Person, with their group memberships), every meeting of its groups with the public,
 * accepted agenda items, and the published protocols in their public rendering (File). Nothing
 * else: no attendance, no e-mail addresses, no non-public item, no unpublished protocol.
 */
export async function renderNetwork(db: EntityManager, net: PublicNetwork, urls: OparlUrls): Promise<OparlRecord[]> {
  const u = (path: string) => urls.url(path);
  const records: OparlRecord[] = [];
  const add = (path: string, kind: string, created: Date, data: Record<string, unknown>, groupIds: string[] = []) =>
    records.push({ path, kind, networkId: net.id, groupIds, created, data: { id: u(path), type: OPARL_TYPE(kind), ...data } });

  const lists = Object.fromEntries(Object.keys(BODY_LISTS).map((l) => [l, u(OparlUrls.bodyList(net.id, l as BodyList))])) as Record<BodyList, string>;
  add(OparlUrls.body(net.id), 'Body', net.created_at, {
    system: u(OparlUrls.system),
    shortName: net.slug,
    name: net.name,
    oparlSince: dateTime(net.public_since),
    classification: 'Netzwerk von Kommunen',
    organization: lists.organizations,
    person: lists.people,
    meeting: lists.meetings,
    paper: lists.papers,
    legislativeTerm: [],
    agendaItem: lists['agenda-items'],
    consultation: lists.consultations,
    file: lists.files,
    locationList: lists.locations,
    legislativeTermList: lists['legislative-terms'],
    membership: lists.memberships,
  });

  const orgs = await db.query<{ id: string; name: string; kind: string; website: string | null; since: Date }[]>(
    `SELECT o.id, o.name, o.kind, o.website, min(nm.created_at) AS since FROM network_membership nm JOIN organization o ON o.id = nm.organization_id
      WHERE nm.network_id = $1 AND nm.status = 'ACTIVE' GROUP BY o.id ORDER BY o.id`,
    [net.id],
  );
  const memberOrgs = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    add(OparlUrls.memberOrganization(net.id, o.id), 'Organization', o.since, {
      body: u(OparlUrls.body(net.id)), name: o.name, organizationType: 'Institution', classification: KIND[o.kind] ?? 'Sonstige Organisation',
      ...(isHttpUrl(o.website) ? { website: o.website } : {}),
    });
  }

  // People who chose publicProfile and hold a role in this network, and their memberships in its groups.
  const people = await db.query<{ id: string; name: string; since: Date }[]>(
    `SELECT p.id, p.display_name AS name, r.created_at AS since FROM network_role r JOIN person p ON p.id = r.person_id
      WHERE r.network_id = $1 AND p.public_profile AND p.erased_at IS NULL ORDER BY p.id`,
    [net.id],
  );
  const memberships = await db.query<{ id: string; group_id: string; person_id: string; organization_id: string | null; role: string; since: string; until: string | null; created_at: Date }[]>(
    `SELECT gm.id, gm.group_id, gm.person_id, gm.organization_id, gm.role, to_char(gm.since, 'YYYY-MM-DD') AS since, to_char(gm.until, 'YYYY-MM-DD') AS until, gm.created_at
       FROM group_member gm JOIN work_group g ON g.id = gm.group_id
      WHERE g.network_id = $1 AND gm.person_id = ANY($2::uuid[]) ORDER BY gm.id`,
    [net.id, people.map((p) => p.id)],
  );
  // As embedded in its Person: without the link back to that person (OParl 1.1 §3).
  const membershipObject = (m: (typeof memberships)[number]) => ({
    id: u(OparlUrls.membership(m.id)),
    type: OPARL_TYPE('Membership'),
    organization: u(OparlUrls.group(m.group_id)),
    role: ROLE[m.role] ?? m.role,
    votingRight: m.role !== 'GUEST',
    startDate: m.since,
    ...(m.until ? { endDate: m.until } : {}),
    ...(m.organization_id && memberOrgs.has(m.organization_id) ? { onBehalfOf: u(OparlUrls.memberOrganization(net.id, m.organization_id)) } : {}),
  });
  for (const p of people) {
    add(OparlUrls.person(net.id, p.id), 'Person', p.since, {
      body: u(OparlUrls.body(net.id)), name: p.name,
      ...nonEmpty('membership', memberships.filter((m) => m.person_id === p.id).map(membershipObject)),
    });
  }
  for (const m of memberships) {
    const { id: _id, type: _type, ...rest } = membershipObject(m);
    add(OparlUrls.membership(m.id), 'Membership', m.created_at, { person: u(OparlUrls.person(net.id, m.person_id)), ...rest });
  }

  const groups = await db.query<{ id: string; name: string; level: string; parent_id: string | null; created_at: Date; members: number }[]>(
    `SELECT g.id, g.name, g.level, g.parent_id, g.created_at,
            (SELECT count(*)::int FROM group_member gm WHERE gm.group_id = g.id
               AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)) AS members
       FROM work_group g WHERE g.network_id = $1 ORDER BY g.id`,
    [net.id],
  );
  const groupIds = new Set(groups.map((g) => g.id));
  for (const g of groups) {
    add(OparlUrls.group(g.id), 'Organization', g.created_at, {
      body: u(OparlUrls.body(net.id)),
      name: g.name,
      organizationType: 'Gremium',
      classification: LEVEL[g.level] ?? g.level,
      ...(g.parent_id && groupIds.has(g.parent_id) ? { subOrganizationOf: u(OparlUrls.group(g.parent_id)) } : {}),
      ...nonEmpty('membership', memberships.filter((m) => m.group_id === g.id).map((m) => u(OparlUrls.membership(m.id)))),
      meeting: u(OparlUrls.groupMeetings(g.id)),
      memberCount: g.members,
      startDate: berlinDate(g.created_at),
    });
  }

  records.push(...(await agendaItemsAndFiles(db, net, urls)));
  return records;
}
