import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { recordEvent } from '../outbox/outbox.js';
import { AccessService, type GroupView } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { todayInBerlin } from '../common/scalars.js';
import { GROUP_COLUMNS, ORGANIZATION_COLUMNS, PERSON_COLUMNS, pick, selectList, type ColumnMap } from '../common/sql-rows.js';
import { below, columnsFor, planFor, signature, union, type SelectionTree } from '../common/selection.js';
import { primeOrganization } from '../organizations/organizations.service.js';
import { primePerson } from '../people/people.service.js';
import type { PersonEntity } from '../people/person.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { isActiveMember } from '../networks/network-memberships.js';
import { NetworkRole } from '../networks/network.enums.js';
import { NetworksService } from '../networks/networks.service.js';
import type { AddGroupMemberInput, CreateGroupInput, RemoveGroupMemberInput } from './dto/group.inputs.js';
import { ACTIVE_MEMBER, keepLastLead, lockGroup, membershipChanged, quoted } from './group-membership.js';
import { GroupMemberEntity } from './group-member.entity.js';
import { GroupEntity } from './group.entity.js';
import { GroupJoinPolicy, GroupLevel, GroupRole, LEVEL_NAME, LEVEL_RANK } from './group.enums.js';

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

const POLICY_DE: Record<GroupJoinPolicy, string> = { OPEN: 'offen', APPROVAL: 'mit Freigabe', CLOSED: 'geschlossen' };

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly networks: NetworksService,
  ) {}

  /** The group if the caller may see it (every role holder of its network), else null. */
  async byId(viewer: Viewer, id: string): Promise<GroupEntity | null> {
    const group = isUuid(id) ? await this.db.getRepository(GroupEntity).findOneBy({ id }) : null;
    return group && (await this.access.groupView(viewer, group)) ? group : null;
  }

  async create(viewer: Viewer, input: CreateGroupInput): Promise<GroupEntity> {
    const network = await this.networks.requireVisible(viewer, input.networkId);
    await this.access.requireNetworkRole(viewer, network, NetworkRole.MODERATOR);
    if (input.parentGroupId) {
      const parent = await this.db.getRepository(GroupEntity).findOneBy({ id: input.parentGroupId });
      if (!parent || parent.networkId !== network.id) throw badInput('parentGroupId', 'diese Gruppe gibt es in diesem Netzwerk nicht');
      if (input.level === GroupLevel.PLENUM || LEVEL_RANK[parent.level] > LEVEL_RANK[input.level]) {
        throw badInput('parentGroupId', `${LEVEL_NAME[input.level].nominative} kann nicht unter ${LEVEL_NAME[parent.level].dative} stehen`);
      }
    }
    if (input.leadOrganizationId && !(await isActiveMember(this.db.manager, network.id, input.leadOrganizationId))) {
      throw badInput('leadOrganizationId', 'die Organisation ist kein aktives Mitglied des Netzwerks');
    }
    return this.db.transaction(async (tx) => {
      const group = await tx.getRepository(GroupEntity).save({
        networkId: network.id,
        level: input.level,
        name: input.name.trim(),
        description: input.description ?? null,
        parentId: input.parentGroupId ?? null,
        leadOrganizationId: input.leadOrganizationId ?? null,
        matrixRoomId: null,
        joinPolicy: input.joinPolicy ?? GroupJoinPolicy.APPROVAL,
      });
      await recordEvent(tx, { type: 'GroupCreated', aggregateType: 'Group', aggregateId: group.id, groupId: group.id, payload: { groupId: group.id } });
      await recordAudit(tx, {
        actor: viewer, action: 'group.create', subjectType: 'Group', subjectId: group.id, networkId: network.id,
        summary: `Gruppe ${quoted(group.name)} (${group.level}) angelegt, Beitritt ${POLICY_DE[group.joinPolicy]}.`,
      });
      return group;
    });
  }

  /** Adds the person, or changes their role, organization and end date if they are a member. */
  async addMember(viewer: Viewer, input: AddGroupMemberInput): Promise<GroupMemberEntity> {
    const group = await this.requireManageable(viewer, input.groupId);
    const today = todayInBerlin();
    if (input.until && input.until < today) throw badInput('until', 'darf nicht in der Vergangenheit liegen');
    const [role] = await this.db.query<{ id: string }[]>('SELECT id FROM network_role WHERE network_id = $1 AND person_id = $2', [
      group.networkId,
      input.personId,
    ]);
    if (!role) throw badInput('personId', 'die Person hat keine Rolle im Netzwerk');
    if (input.organizationId && !(await isActiveMember(this.db.manager, group.networkId, input.organizationId))) {
      throw badInput('organizationId', 'die Organisation ist kein aktives Mitglied des Netzwerks');
    }
    await this.db.transaction(async (tx) => {
      await lockGroup(tx, group.id);
      if (input.role !== GroupRole.LEAD) {
        await keepLastLead(tx, group.id, input.personId, 'Die letzte LEAD-Person kann keine andere Rolle bekommen; machen Sie zuerst jemand anderen zur LEAD.');
      }
      await tx.query(
        `INSERT INTO group_member (group_id, person_id, organization_id, role, since, until) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (group_id, person_id) DO UPDATE
           SET organization_id = EXCLUDED.organization_id, role = EXCLUDED.role, until = EXCLUDED.until`,
        [group.id, input.personId, input.organizationId ?? null, input.role, today, input.until ?? null],
      );
      await membershipChanged(tx, group.id, input.personId);
      await recordAudit(tx, {
        actor: viewer, action: 'group.member.add', subjectType: 'Group', subjectId: group.id, networkId: group.networkId, aboutPersonId: input.personId,
        summary: `Mitgliedschaft in der Gruppe ${quoted(group.name)} gesetzt: Rolle ${input.role}${input.until ? ` bis ${input.until}` : ''}.`,
      });
    });
    viewer.invalidate();
    return this.db.getRepository(GroupMemberEntity).findOneByOrFail({ groupId: group.id, personId: input.personId });
  }

  /** True if the person was a member and is removed; false if they were not a member. */
  async removeMember(viewer: Viewer, input: RemoveGroupMemberInput): Promise<boolean> {
    const group = await this.requireManageable(viewer, input.groupId);
    const removed = await this.db.transaction(async (tx) => {
      await lockGroup(tx, group.id);
      await keepLastLead(tx, group.id, input.personId, 'Die letzte LEAD-Person kann nicht entfernt werden; machen Sie zuerst jemand anderen zur LEAD.');
      const result = await tx.getRepository(GroupMemberEntity).delete({ groupId: group.id, personId: input.personId });
      if (!result.affected) return false;
      await membershipChanged(tx, group.id, input.personId);
      await recordAudit(tx, {
        actor: viewer, action: 'group.member.remove', subjectType: 'Group', subjectId: group.id, networkId: group.networkId, aboutPersonId: input.personId,
        summary: `Mitgliedschaft in der Gruppe ${quoted(group.name)} beendet.`,
      });
      return true;
    });
    viewer.invalidate();
    return removed;
  }

  async setJoinPolicy(viewer: Viewer, groupId: string, joinPolicy: GroupJoinPolicy): Promise<GroupEntity> {
    const group = await this.requireManageable(viewer, groupId);
    return this.db.transaction(async (tx) => {
      await tx.getRepository(GroupEntity).update({ id: group.id }, { joinPolicy });
      await recordAudit(tx, {
        actor: viewer, action: 'group.joinPolicy.set', subjectType: 'Group', subjectId: group.id, networkId: group.networkId,
        summary: `Beitritt zur Gruppe ${quoted(group.name)}: ${POLICY_DE[group.joinPolicy]} → ${POLICY_DE[joinPolicy]}.`,
      });
      return tx.getRepository(GroupEntity).findOneByOrFail({ id: group.id });
    });
  }

  /** The group for a manager; NOT_FOUND for outsiders, FORBIDDEN for role holders who do not manage it. */
  async requireManageable(viewer: Viewer, id: string): Promise<GroupEntity> {
    const group = isUuid(id) ? await this.db.getRepository(GroupEntity).findOneBy({ id }) : null;
    if (!group || !(await this.access.groupView(viewer, group))) throw notFound('Gruppe');
    await this.access.requireGroupManage(viewer, group);
    return group;
  }

  /** Keeps only the groups whose members, room, series and open items the caller may read. */
  /** readable without a promise; undefined when the caller's roles are not read yet. */
  readableNow(viewer: Viewer, groups: GroupEntity[]): GroupEntity[] | undefined {
    const allowed = groups.map((g) => this.access.groupAccessNow(viewer, g));
    return allowed.includes(undefined) ? undefined : groups.filter((_, i) => allowed[i]);
  }

  /** visible without a promise; undefined when the caller's roles are not read yet. */
  visibleNow(viewer: Viewer, groups: GroupEntity[]): GroupEntity[] | undefined {
    const allowed = groups.map((g) => this.access.groupViewNow(viewer, g));
    return allowed.includes(undefined) ? undefined : groups.filter((_, i) => allowed[i]);
  }

  async readable(viewer: Viewer, groups: GroupEntity[]): Promise<GroupEntity[]> {
    const allowed = await Promise.all(groups.map((g) => this.access.groupAccess(viewer, g)));
    return groups.filter((_, i) => allowed[i]);
  }

  /** Keeps only the groups the caller sees at all (every role holder of the network sees every group). */
  async visible(viewer: Viewer, groups: GroupEntity[]): Promise<GroupEntity[]> {
    const allowed = await Promise.all(groups.map((g) => this.access.groupView(viewer, g)));
    return groups.filter((_, i) => allowed[i]);
  }

  view(viewer: Viewer, group: GroupEntity): Promise<GroupView | null> {
    return this.access.groupView(viewer, group);
  }

  load(loaders: RequestLoaders, id: string | null): Promise<GroupEntity | null> {
    if (!id) return Promise.resolve(null);
    return groupLoader(loaders, this.db).load(id);
  }

  /**
   * The network's groups by level and name, in one statement with their lead organizations. Each
   * group carries its parent and children (same network), so those fields cost nothing. Given
   * the query's selection below `groups`, only the columns it (or its parent and children) asks
   * for are read; otherwise the groups, lead organizations and children also go to the request's
   * loaders.
   */
  inNetwork(loaders: RequestLoaders, networkId: string, selection?: SelectionTree): Promise<GroupEntity[]> {
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
            const rows = await this.db.query<Record<string, unknown>[]>(
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
                primeOrganization(loaders, this.db, organization);
                groupLoader(loaders, this.db).prime(groups[i].id, groups[i]);
              }
              if (groups[i].parentId) children.get(groups[i].parentId!)?.push(groups[i]);
            });
            if (full) for (const [id, list] of children) this.childLoader(loaders).prime(id, list);
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

  children(loaders: RequestLoaders, parentId: string): Promise<GroupEntity[]> {
    return this.childLoader(loaders).load(parentId);
  }

  private childLoader(loaders: RequestLoaders) {
    return loaders.get('group.children', () =>
      manyByKey(
        (ids) => this.db.query<GroupEntity[]>(`SELECT ${selectList('g', GROUP_COLUMNS)} FROM work_group g WHERE g.parent_id = ANY($1) ORDER BY g.name`, [ids]),
        (g) => g.parentId!,
      ),
    );
  }

  /**
   * By role, then name, with their persons. Given the query's selection below `members`, only
   * the columns it asks for; otherwise full persons, which go to the request's loader.
   */
  members(loaders: RequestLoaders, groupId: string, selection?: SelectionTree): Promise<GroupMemberEntity[]> {
    const { own, person, name } = planFor(selection, 'group.members', () => {
      const own = columnsFor(GROUP_MEMBER_COLUMNS, selection, ['id', 'groupId', 'personId', 'organizationId']);
      const person = columnsFor(PERSON_COLUMNS, below(selection, 'person'), ['id']);
      return { own, person, name: `group.members ${signature(own, person)}` };
    });
    return loaders
      .get(name, () =>
        manyByKey(
          async (ids) => {
            const rows = await this.db.query<Record<string, unknown>[]>(
              `SELECT ${selectList('m', own)}, ${selectList('p', person, 'p_')}
                 FROM group_member m JOIN person p ON p.id = m.person_id
                WHERE m.group_id = ANY($1) ORDER BY m.role, p.display_name`,
              [ids],
            );
            return rows.map((row) => {
              const found = pick<PersonEntity>(row, person, 'p_')!;
              const member = pick<GroupMemberEntity>(row, own)!;
              member.person = person === PERSON_COLUMNS ? primePerson(loaders, this.db, found) : found;
              return member;
            });
          },
          (m) => m.groupId,
        ),
      )
      .load(groupId);
  }

  /** How many active members the group has (a number, not personal data: every role holder sees it). */
  async memberCount(loaders: RequestLoaders, groupId: string): Promise<number> {
    const row = await loaders
      .get('group.memberCount', () =>
        oneByKey(
          (ids) =>
            this.db.query<{ group_id: string; n: number }[]>(
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
  organizations(loaders: RequestLoaders, groupId: string): Promise<OrganizationEntity[]> {
    return loaders
      .get('group.organizations', () =>
        manyByKey(
          async (ids) => {
            const rows = await this.db.query<{ group_id: string; organization_id: string }[]>(
              `SELECT DISTINCT gm.group_id, gm.organization_id FROM group_member gm
                WHERE gm.group_id = ANY($1) AND gm.organization_id IS NOT NULL AND ${ACTIVE_MEMBER}`,
              [ids],
            );
            const orgs = rows.length ? await this.db.getRepository(OrganizationEntity).findBy({ id: In([...new Set(rows.map((r) => r.organization_id))]) }) : [];
            const byId = new Map(orgs.map((o) => [o.id, o]));
            return rows.map((r) => ({ groupId: r.group_id, org: byId.get(r.organization_id)! }));
          },
          (r) => r.groupId,
        ),
      )
      .load(groupId)
      .then((rows) => rows.map((r) => r.org).sort((a, b) => a.name.localeCompare(b.name, 'de')));
  }
}
