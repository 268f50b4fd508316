import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessService } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput } from '../common/domain-error.js';
import { GroupEntity } from '../groups/group.entity.js';
import { GroupJoinPolicy, GroupLevel } from '../groups/group.enums.js';
import { FieldOfActionEntity } from '../knowledge/field-of-action.entity.js';
import { ProjectStatus, Visibility, VISIBILITY_DE } from '../knowledge/knowledge.enums.js';
import { ProfilesService } from '../knowledge/profiles.service.js';
import { isActiveMember } from '../networks/network-memberships.js';
import { NetworkRole } from '../networks/network.enums.js';
import { NetworksService } from '../networks/networks.service.js';
import { recordEvent } from '../outbox/outbox.js';
import { IdeaStepEntity, WorkshopIdeaEntity } from './entities/workshop-idea.entity.js';
import { IdeasService } from './ideas.service.js';
import type { PromoteWorkshopIdeaInput } from './workshop.inputs.js';

/**
 * Turns a workshop idea into a PROJECT_GROUP (lead = the idea's municipality) and/or a project
 * profile (status IDEA, visibility NETWORK), each once: the idea's row is locked and what it already
 * has is kept, so a repeated or concurrent call succeeds and returns the same group and profile.
 */
@Injectable()
export class IdeaPromotionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ideas: IdeasService,
    private readonly access: AccessService,
    private readonly networks: NetworksService,
    private readonly profiles: ProfilesService,
  ) {}

  async promote(viewer: Viewer, input: PromoteWorkshopIdeaInput): Promise<WorkshopIdeaEntity> {
    const { access } = await this.ideas.requireIdea(viewer, input.ideaId, 'facilitator');
    if (!input.toProjectGroup && !input.toProjectProfile) throw badInput('toProjectGroup', 'wählen Sie eine Projektgruppe, einen Steckbrief oder beides');
    const networkId = input.networkId ?? access.workshop.networkId;
    const needsNetwork = () => {
      if (!networkId) throw badInput('networkId', 'eine Projektgruppe oder ein Steckbrief mit der Sichtbarkeit „nur im Netzwerk“ braucht ein Netzwerk (die Digital-Werkstatt hat keines)');
      return networkId;
    };
    const network = networkId ? await this.networks.requireVisible(viewer, networkId) : null;
    return this.db.transaction(async (tx) => {
      const idea = await tx.getRepository(WorkshopIdeaEntity).findOneOrFail({ where: { id: input.ideaId }, lock: { mode: 'pessimistic_write' } });
      const set: Partial<WorkshopIdeaEntity> = {};
      if (input.toProjectGroup && !idea.projectGroupId) {
        needsNetwork();
        await this.access.requireNetworkRole(viewer, network!, NetworkRole.MODERATOR);
        set.projectGroupId = await this.createGroup(tx, viewer, idea, network!.id, input.parentGroupId ?? null);
      }
      if (input.toProjectProfile && !idea.projectProfileId) {
        needsNetwork();
        if (!viewer.hubAdmin && !(await viewer.networkRole(network!.id))) throw badInput('networkId', 'Sie haben in diesem Netzwerk keine Rolle');
        set.projectProfileId = await this.createProfile(tx, viewer, idea, network!.id);
      }
      if (Object.keys(set).length) await tx.getRepository(WorkshopIdeaEntity).update({ id: idea.id }, set);
      return tx.getRepository(WorkshopIdeaEntity).findOneByOrFail({ id: idea.id });
    });
  }

  private async createGroup(tx: EntityManager, viewer: Viewer, idea: WorkshopIdeaEntity, networkId: string, parentGroupId: string | null): Promise<string> {
    if (!(await isActiveMember(tx, networkId, idea.organizationId))) throw badInput('networkId', 'die Kommune der Idee ist kein aktives Mitglied des Netzwerks (sie würde die Projektgruppe leiten)');
    if (parentGroupId) {
      const parent = await tx.getRepository(GroupEntity).findOneBy({ id: parentGroupId });
      // Any level may be a project group's parent (none is lower than PROJECT_GROUP).
      if (!parent || parent.networkId !== networkId) throw badInput('parentGroupId', 'ist keine Gruppe dieses Netzwerks');
    }
    const group = await tx.getRepository(GroupEntity).save({
      networkId, level: GroupLevel.PROJECT_GROUP, name: idea.title, description: idea.description, parentId: parentGroupId,
      leadOrganizationId: idea.organizationId, matrixRoomId: null, joinPolicy: GroupJoinPolicy.APPROVAL,
    });
    await recordEvent(tx, { type: 'GroupCreated', aggregateType: 'Group', aggregateId: group.id, groupId: group.id, payload: { groupId: group.id } });
    await recordAudit(tx, {
      actor: viewer, action: 'group.create', subjectType: 'Group', subjectId: group.id, networkId,
      summary: `Projektgruppe „${group.name}“ aus einer Idee der Digital-Werkstatt angelegt.`,
    });
    return group.id;
  }

  private async createProfile(tx: EntityManager, viewer: Viewer, idea: WorkshopIdeaEntity, networkId: string): Promise<string> {
    const field = await tx.getRepository(FieldOfActionEntity).findOneByOrFail({ id: idea.fieldOfActionId });
    const steps = await tx.getRepository(IdeaStepEntity).find({ where: { ideaId: idea.id }, order: { position: 'ASC' } });
    const summary = (idea.description?.trim() || idea.title).replace(/\s+/g, ' ');
    const body = steps.length
      ? `## Umsetzungsschritte\n\n${steps.map((s, i) => `${i + 1}. ${s.title}${s.responsible ? ` (verantwortlich: ${s.responsible})` : ''}${s.dueOn ? `, bis ${s.dueOn}` : ''}`).join('\n')}\n`
      : null;
    const profile = await this.profiles.insert(tx, viewer.personId, {
      title: idea.title, summary: summary.length > 500 ? `${summary.slice(0, 499)}…` : summary, body, organizationIds: [idea.organizationId], fields: [field],
      tags: ['Digital-Werkstatt'], status: ProjectStatus.IDEA, startedOn: null, costsNote: null, fundingNote: null, contactId: null, links: [], networkId, visibility: Visibility.NETWORK,
    });
    await recordAudit(tx, {
      actor: viewer, action: 'profile.create', subjectType: 'ProjectProfile', subjectId: profile.id, networkId,
      summary: `Steckbrief „${profile.title}“ aus einer Idee der Digital-Werkstatt angelegt (sichtbar: ${VISIBILITY_DE[Visibility.NETWORK]}).`,
    });
    return profile.id;
  }
}
