import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { recordEvent } from '../outbox/outbox.js';
import { AccessService, type GroupView } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import type { RequestLoaders } from '../common/request-loaders.js';
import { todayInBerlin } from '../common/scalars.js';
import type { SelectionTree } from '../common/selection.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { isActiveMember, networkRoleOf } from '../networks/network-memberships.js';
import { NetworkRole } from '../networks/network.enums.js';
import { NetworksService } from '../networks/networks.service.js';
import type { AddGroupMemberInput, CreateGroupInput, RemoveGroupMemberInput } from './dto/group.inputs.js';
import { keepLastLead, lockGroup, membershipChanged, quoted } from './group-membership.js';
import { GroupMemberEntity } from './group-member.entity.js';
import { GroupEntity } from './group.entity.js';
import { APPROVAL_MODE_DE, DEFAULT_OBJECTION_DAYS, GROUP_LEVEL_DE, GROUP_ROLE_DE, GroupJoinPolicy, GroupLevel, GroupRole, LEVEL_NAME, LEVEL_RANK, ProtocolApprovalMode } from './group.enums.js';
import { childLoader, groupLoader, groupMemberCount, groupMembers, groupOrganizations, groupsInNetwork } from './group-lists.js';

export { groupLoader, type GroupWithRelatives } from './group-lists.js';

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
    const leadRole = input.leadPersonId ? await networkRoleOf(this.db, network.id, input.leadPersonId) : null;
    if (input.leadPersonId && !leadRole) throw badInput('leadPersonId', 'die Person hat keine Rolle im Netzwerk');
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
        protocolApprovalMode: input.protocolApprovalMode ?? ProtocolApprovalMode.OBJECTION_PERIOD,
        objectionPeriodDays: input.objectionPeriodDays ?? DEFAULT_OBJECTION_DAYS,
      });
      await recordEvent(tx, { type: 'GroupCreated', aggregateType: 'Group', aggregateId: group.id, groupId: group.id, payload: { groupId: group.id } });
      if (input.leadPersonId) {
        // A group has someone who decides on requests to take part from the start (issue 22).
        await tx.getRepository(GroupMemberEntity).insert({
          groupId: group.id, personId: input.leadPersonId, organizationId: leadRole!.organizationId, role: GroupRole.LEAD, since: todayInBerlin(), until: null,
        });
        await membershipChanged(tx, group.id, input.leadPersonId);
      }
      await recordAudit(tx, {
        actor: viewer, action: 'group.create', subjectType: 'Group', subjectId: group.id, networkId: network.id,
        summary: `Gruppe ${quoted(group.name)} (${GROUP_LEVEL_DE[group.level]}) angelegt, Beitritt ${POLICY_DE[group.joinPolicy]}, Protokolle: ${APPROVAL_MODE_DE[group.protocolApprovalMode]}.`,
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
        summary: `Mitgliedschaft in der Gruppe ${quoted(group.name)} gesetzt: Rolle ${GROUP_ROLE_DE[input.role]}${input.until ? ` bis ${input.until}` : ''}.`,
      });
    });
    viewer.invalidate();
    // With its person: GroupMember.person is a plain field (issue 13).
    return this.db.getRepository(GroupMemberEntity).findOneOrFail({ where: { groupId: group.id, personId: input.personId }, relations: { person: true } });
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

  inNetwork(loaders: RequestLoaders, networkId: string, selection?: SelectionTree): Promise<GroupEntity[]> {
    return groupsInNetwork(this.db, loaders, networkId, selection);
  }

  children(loaders: RequestLoaders, parentId: string): Promise<GroupEntity[]> {
    return childLoader(loaders, this.db).load(parentId);
  }

  members(loaders: RequestLoaders, groupId: string, selection?: SelectionTree): Promise<GroupMemberEntity[]> {
    return groupMembers(this.db, loaders, groupId, selection);
  }

  memberCount(loaders: RequestLoaders, groupId: string): Promise<number> {
    return groupMemberCount(this.db, loaders, groupId);
  }

  organizations(loaders: RequestLoaders, groupId: string): Promise<OrganizationEntity[]> {
    return groupOrganizations(this.db, loaders, groupId);
  }
}
