import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { below, columnsFor, planFor, signature, union, type SelectionTree } from '../common/selection.js';
import { GROUP_COLUMNS, ORGANIZATION_COLUMNS, PERSON_COLUMNS, pick, selectList, type ColumnMap } from '../common/sql-rows.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { primeOrganization } from '../organizations/organizations.service.js';
import { primePerson } from '../people/people.service.js';
import type { PersonEntity } from '../people/person.entity.js';
import { ACTIVE_MEMBER } from './group-membership.js';
import type { GroupMemberEntity } from './group-member.entity.js';
import type { GroupEntity } from './group.entity.js';
import { GroupLevel } from './group.enums.js';

/**
 * The request-scoped list reads of groups (a network's groups, a group's children, members,
 * member count and organizations): one statement per batch, plain rows, only the columns a
 * query's selection asks for where the caller passes one (issue 13).
 */

/** The enum's declaration order, as PostgreSQL sorts enum values. */
const LEVEL_ORDER = Object.fromEntries(Object.values(GroupLevel).map((level, i) => [level, i])) as Record<GroupLevel, number>;
const GROUP_MEMBER_COLUMNS: ColumnMap = {
  id: 'id', groupId: 'group_id', personId: 'person_id', organizationId: 'organization_id', role: 'role', since: 'since::text', until: 'until::text', createdAt: 'created_at',
};

/** What access checks and the group's field resolvers read besides the fields a query names. */
const GROUP_ALWAYS = ['id', 'networkId', 'level', 'parentId', 'leadOrganizationId', 'joinPolicy'];

/** The selection of a list of groups merged with that of their parents and children (at any depth). */
function relativesUnion(selection: SelectionTree | undefined): SelectionTree | undefined {
  if (!selection) return undefined;
  const trees: SelectionTree[] = [];
  const visit = (tree: SelectionTree) => {
    trees.push(tree);
    for (const relative of ['parent', 'children']) {
      const next = tree.get(relative);
      if (next) visit(next);
    }
  };
  visit(selection);
  return union(...trees);
}

/** A group read with its network's other groups: its parent and children as objects. */
export type GroupWithRelatives = GroupEntity & { relatives?: { parent: GroupEntity | null; children: GroupEntity[] } };

/** The request's group loader (one statement per batch, plain rows). */
export function groupLoader(loaders: RequestLoaders, db: DataSource) {
  return loaders.get('group.byId', () =>
    oneByKey((ids) => db.query<GroupEntity[]>(`SELECT ${selectList('g', GROUP_COLUMNS)} FROM work_group g WHERE g.id = ANY($1)`, [ids]), (g) => g.id),
  );
}

/**
 * The network's groups by level and name, in one statement with their lead organizations. Each
 * group carries its parent and children (same network), so those fields cost nothing. Given
 * the query's selection below `groups`, only the columns it (or its parent and children) asks
 * for are read; otherwise the groups, lead organizations and children also go to the request's
 * loaders.
 */
export function groupsInNetwork(db: DataSource, loaders: RequestLoaders, networkId: string, selection?: SelectionTree): Promise<GroupEntity[]> {
  // A group's parent and children are items of the same list: what they show must be read too.
  const { own, lead, name } = planFor(selection, 'group.byNetwork', () => {
    const asked = relativesUnion(selection);
    const own = columnsFor(GROUP_COLUMNS, asked, GROUP_ALWAYS);
    const lead = columnsFor(ORGANIZATION_COLUMNS, below(asked, 'leadOrganization'), ['id']);
    return { own, lead, name: `group.byNetwork ${signature(own, lead)}` };
  });
  const full = own === GROUP_COLUMNS && lead === ORGANIZATION_COLUMNS;
  return loaders
    .get(name, () =>
      manyByKey(
        async (ids) => {
          const rows = await db.query<Record<string, unknown>[]>(
            `SELECT ${selectList('g', own)}, ${selectList('o', lead, 'o_')}
               FROM work_group g LEFT JOIN organization o ON o.id = g.lead_organization_id
              WHERE g.network_id = ANY($1) ORDER BY g.name`,
            [ids],
          );
          // Fetched by name (the children's order); the list itself is by level, then name.
          const groups = rows.map((row) => pick<GroupEntity>(row, own)!);
          const children = new Map<string, GroupEntity[]>(groups.map((g) => [g.id, []]));
          rows.forEach((row, i) => {
            const organization = pick<OrganizationEntity>(row, lead, 'o_');
            groups[i].leadOrganization = organization ?? undefined;
            if (full) {
              primeOrganization(loaders, db, organization);
              groupLoader(loaders, db).prime(groups[i].id, groups[i]);
            }
            if (groups[i].parentId) children.get(groups[i].parentId!)?.push(groups[i]);
          });
          if (full) for (const [id, list] of children) childLoader(loaders, db).prime(id, list);
          const byId = new Map(groups.map((g) => [g.id, g]));
          // The parent and children of a network's group are in the same network: carried along.
          for (const g of groups) (g as GroupWithRelatives).relatives = { parent: g.parentId ? (byId.get(g.parentId) ?? null) : null, children: children.get(g.id)! };
          const byLevel = groups.map((g, i) => ({ g, i })).sort((x, y) => LEVEL_ORDER[x.g.level] - LEVEL_ORDER[y.g.level] || x.i - y.i);
          return byLevel.map((x) => x.g);
        },
        (g) => g.networkId,
      ),
    )
    .load(networkId);
}

/** The request's loader of a group's children, by name. */
export function childLoader(loaders: RequestLoaders, db: DataSource) {
  return loaders.get('group.children', () =>
    manyByKey(
      (ids) => db.query<GroupEntity[]>(`SELECT ${selectList('g', GROUP_COLUMNS)} FROM work_group g WHERE g.parent_id = ANY($1) ORDER BY g.name`, [ids]),
      (g) => g.parentId!,
    ),
  );
}

/**
 * By role, then name, with their persons. Given the query's selection below `members`, only
 * the columns it asks for; otherwise full persons, which go to the request's loader.
 */
export function groupMembers(db: DataSource, loaders: RequestLoaders, groupId: string, selection?: SelectionTree): Promise<GroupMemberEntity[]> {
  const { own, person, name } = planFor(selection, 'group.members', () => {
    // personId is the person's id: read once.
    const own = columnsFor(GROUP_MEMBER_COLUMNS, selection, ['id', 'groupId', 'organizationId']);
    const person = columnsFor(PERSON_COLUMNS, below(selection, 'person'), ['id']);
    return { own, person, name: `group.members ${signature(own, person)}` };
  });
  return loaders
    .get(name, () =>
      manyByKey(
        async (ids) => {
          const rows = await db.query<Record<string, unknown>[]>(
            `SELECT ${selectList('m', own)}, ${selectList('p', person, 'p_')}
               FROM group_member m JOIN person p ON p.id = m.person_id
              WHERE m.group_id = ANY($1) ORDER BY m.role, p.display_name`,
            [ids],
          );
          return rows.map((row) => {
            const found = pick<PersonEntity>(row, person, 'p_')!;
            const member = pick<GroupMemberEntity>(row, own)!;
            member.personId = found.id;
            member.person = person === PERSON_COLUMNS ? primePerson(loaders, db, found) : found;
            return member;
          });
        },
        (m) => m.groupId,
      ),
    )
    .load(groupId);
}

/** How many active members the group has (a number, not personal data: every role holder sees it). */
export async function groupMemberCount(db: DataSource, loaders: RequestLoaders, groupId: string): Promise<number> {
  const row = await loaders
    .get('group.memberCount', () =>
      oneByKey(
        (ids) =>
          db.query<{ group_id: string; n: number }[]>(
            `SELECT gm.group_id, count(*)::int AS n FROM group_member gm WHERE gm.group_id = ANY($1) AND ${ACTIVE_MEMBER} GROUP BY gm.group_id`,
            [ids],
          ),
        (r) => r.group_id,
      ),
    )
    .load(groupId);
  return row?.n ?? 0;
}

/** The organizations the group's active members act for, by name. */
export function groupOrganizations(db: DataSource, loaders: RequestLoaders, groupId: string): Promise<OrganizationEntity[]> {
  return loaders
    .get('group.organizations', () =>
      manyByKey(
        async (ids) => {
          const rows = await db.query<{ group_id: string; organization_id: string }[]>(
            `SELECT DISTINCT gm.group_id, gm.organization_id FROM group_member gm
              WHERE gm.group_id = ANY($1) AND gm.organization_id IS NOT NULL AND ${ACTIVE_MEMBER}`,
            [ids],
          );
          const orgs = rows.length ? await db.getRepository(OrganizationEntity).findBy({ id: In([...new Set(rows.map((r) => r.organization_id))]) }) : [];
          const byId = new Map(orgs.map((o) => [o.id, o]));
          return rows.map((r) => ({ groupId: r.group_id, org: byId.get(r.organization_id)! }));
        },
        (r) => r.groupId,
      ),
    )
    .load(groupId)
    .then((rows) => rows.map((r) => r.org).sort((a, b) => a.name.localeCompare(b.name, 'de')));
}
