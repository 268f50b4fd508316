import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessService } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import DataLoader from 'dataloader';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import type { FieldOfActionEntity } from '../knowledge/field-of-action.entity.js';
import { FieldsOfActionService } from '../knowledge/fields-of-action.service.js';
import { actingFor } from '../knowledge/visibility.js';
import { NetworkRole } from '../networks/network.enums.js';
import { NetworksService } from '../networks/networks.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { OrganizationKind } from '../organizations/organization.enums.js';
import { PersonEntity } from '../people/person.entity.js';
import { IdeaVoteEntity } from './entities/workshop-idea.entity.js';
import { FieldSelectionEntity, WorkshopEntity, WorkshopFieldEntity, WorkshopMunicipalityEntity, WorkshopParticipantEntity } from './entities/workshop.entity.js';
import type { AddWorkshopParticipantInput, ClearFieldOfActionInput, CreateWorkshopInput, RemoveWorkshopParticipantInput, SelectFieldOfActionInput } from './workshop.inputs.js';

export const MAX_PARTICIPANTS = 30;
/**
 * Dots per participant when the workshop does not say: three, as in the Digital-Werkstatt's dot vote
 * (each participant spreads them, at most one per idea, so no single person can carry an idea alone).
 */
export const DEFAULT_DOTS = 3;
const MUNICIPAL = [OrganizationKind.MUNICIPALITY, OrganizationKind.MUNICIPAL_ASSOCIATION];

/**
 * facilitator: its creator, people acting for the facilitating organization, ADMINs/MODERATORs of
 * its network, hub admins; participant: added by a facilitator, for one of its municipalities;
 * viewer: people acting for one of its municipalities. Everyone else: NOT_FOUND.
 */
export type WorkshopRole = 'facilitator' | 'participant' | 'viewer';
export interface WorkshopAccess { workshop: WorkshopEntity; role: WorkshopRole; participantOrganizationId: string | null }

@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly networks: NetworksService,
    private readonly fields: FieldsOfActionService,
  ) {}

  async create(viewer: Viewer, input: CreateWorkshopInput): Promise<WorkshopEntity> {
    let networkId: string | null = null;
    if (input.networkId) {
      const network = await this.networks.requireVisible(viewer, input.networkId);
      await this.access.requireNetworkRole(viewer, network, NetworkRole.MODERATOR);
      networkId = network.id;
    } else if (!viewer.hubAdmin) {
      throw new DomainError('FORBIDDEN', 'Nur die Plattform-Administration (hub-admin) darf eine Digital-Werkstatt außerhalb eines Netzwerks anlegen.');
    }
    const municipalityIds = [...new Set(input.municipalityIds)];
    const orgs = await this.db.getRepository(OrganizationEntity).findBy({ id: In(municipalityIds) });
    if (orgs.length !== municipalityIds.length) throw badInput('municipalityIds', 'unbekannte Organisation');
    if (orgs.some((o) => !MUNICIPAL.includes(o.kind))) throw badInput('municipalityIds', 'darf nur Kommunen oder Gemeindeverbände nennen');
    const fields = input.fieldOfActionKeys ? await this.fields.byKeys(input.fieldOfActionKeys, 'fieldOfActionKeys') : await this.fields.list();
    if (!fields.length) throw badInput('fieldOfActionKeys', 'muss mindestens ein Handlungsfeld nennen');
    const facilitatorId = await this.callersOrganization(viewer, networkId);
    return this.db.transaction(async (tx) => {
      const workshop = await tx.getRepository(WorkshopEntity).save({
        title: input.title.trim(), date: input.date, location: input.location ?? null, networkId, facilitatorId, createdById: viewer.personId,
        dotsPerParticipant: input.dotsPerParticipant ?? DEFAULT_DOTS,
      });
      await tx.getRepository(WorkshopMunicipalityEntity).insert(municipalityIds.map((organizationId, position) => ({ workshopId: workshop.id, organizationId, position })));
      await tx.getRepository(WorkshopFieldEntity).insert(fields.map((f) => ({ workshopId: workshop.id, fieldOfActionId: f.id })));
      await recordAudit(tx, {
        actor: viewer, action: 'workshop.create', subjectType: 'Workshop', subjectId: workshop.id, networkId,
        summary: `Digital-Werkstatt „${workshop.title}“ am ${workshop.date} angelegt (${municipalityIds.length} Kommune(n)).`,
      });
      return workshop;
    });
  }

  /** The facilitators' 31st participant is CONFLICT; adding someone again changes their municipality. */
  async addParticipant(viewer: Viewer, input: AddWorkshopParticipantInput): Promise<WorkshopParticipantEntity> {
    const { workshop } = await this.require(viewer, input.workshopId, 'facilitator');
    if (!(await this.db.getRepository(PersonEntity).existsBy({ id: input.personId }))) throw badInput('personId', 'unbekannte Person');
    await this.requireMunicipality(workshop.id, input.organizationId);
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM workshop WHERE id = $1 FOR UPDATE', [workshop.id]);
      const repo = tx.getRepository(WorkshopParticipantEntity);
      const existing = await repo.findOneBy({ workshopId: workshop.id, personId: input.personId });
      if (!existing && (await repo.countBy({ workshopId: workshop.id })) >= MAX_PARTICIPANTS) {
        throw new DomainError('CONFLICT', `Eine Digital-Werkstatt hat höchstens ${MAX_PARTICIPANTS} Teilnehmende.`);
      }
      if (existing?.organizationId === input.organizationId) return existing;
      await repo.save({ workshopId: workshop.id, personId: input.personId, organizationId: input.organizationId });
      await recordAudit(tx, {
        actor: viewer, action: 'workshop.participant.add', subjectType: 'Workshop', subjectId: workshop.id, networkId: workshop.networkId, aboutPersonId: input.personId,
        summary: `Teilnahme an der Digital-Werkstatt „${workshop.title}“ eingetragen.`,
      });
      return repo.findOneByOrFail({ workshopId: workshop.id, personId: input.personId });
    });
  }

  /**
   * Facilitators take someone off the list (e.g. added by mistake); their dots go with them, their
   * ideas and steps stay (they belong to the municipality). Removing someone not listed changes nothing.
   */
  async removeParticipant(viewer: Viewer, input: RemoveWorkshopParticipantInput): Promise<boolean> {
    const { workshop } = await this.require(viewer, input.workshopId, 'facilitator');
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM workshop WHERE id = $1 FOR UPDATE', [workshop.id]);
      const removed = await tx.getRepository(WorkshopParticipantEntity).delete({ workshopId: workshop.id, personId: input.personId });
      if (!removed.affected) return false;
      await tx.getRepository(IdeaVoteEntity).delete({ workshopId: workshop.id, personId: input.personId });
      await recordAudit(tx, {
        actor: viewer, action: 'workshop.participant.remove', subjectType: 'Workshop', subjectId: workshop.id, networkId: workshop.networkId, aboutPersonId: input.personId,
        summary: `Teilnahme an der Digital-Werkstatt „${workshop.title}“ ausgetragen.`,
      });
      return true;
    });
  }

  /**
   * Participants choose for their municipality, facilitators for any of its municipalities; choosing
   * again sets the priority. A priority is given once per municipality: a second field with the same
   * one is BAD_USER_INPUT on `priority`, naming the field that has it (nothing is renumbered).
   * The workshop's row is locked, so two people of one municipality cannot both take a priority.
   */
  async selectField(viewer: Viewer, input: SelectFieldOfActionInput): Promise<FieldSelectionEntity> {
    const access = await this.require(viewer, input.workshopId, 'participant');
    this.requireOwnMunicipality(access, input.organizationId);
    await this.requireMunicipality(access.workshop.id, input.organizationId);
    const field = await this.presentedField(access.workshop.id, input.fieldOfActionKey);
    const row = { workshopId: access.workshop.id, organizationId: input.organizationId, fieldOfActionId: field.id, priority: input.priority };
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM workshop WHERE id = $1 FOR UPDATE', [row.workshopId]);
      const repo = tx.getRepository(FieldSelectionEntity);
      const taken = await repo.findOne({ where: { workshopId: row.workshopId, organizationId: row.organizationId, priority: row.priority }, relations: { fieldOfAction: true } });
      if (taken && taken.fieldOfActionId !== field.id) {
        throw badInput('priority', `Priorität ${row.priority} ist schon an „${taken.fieldOfAction?.name ?? ''}“ vergeben. Bitte wählen Sie eine andere oder ändern Sie zuerst dort die Priorität.`);
      }
      await repo.upsert(row, ['workshopId', 'organizationId', 'fieldOfActionId']);
      return repo.findOneByOrFail({ workshopId: row.workshopId, organizationId: row.organizationId, fieldOfActionId: row.fieldOfActionId });
    });
  }

  /** The municipality no longer chooses the field (frees its priority); true when there was a choice. */
  async clearField(viewer: Viewer, input: ClearFieldOfActionInput): Promise<boolean> {
    const access = await this.require(viewer, input.workshopId, 'participant');
    this.requireOwnMunicipality(access, input.organizationId);
    const field = await this.presentedField(access.workshop.id, input.fieldOfActionKey);
    const removed = await this.db.getRepository(FieldSelectionEntity).delete({ workshopId: access.workshop.id, organizationId: input.organizationId, fieldOfActionId: field.id });
    return !!removed.affected;
  }

  /** The workshop with the caller's role, at least `need`; NOT_FOUND for those without a role, FORBIDDEN for too little. */
  async require(viewer: Viewer, id: string, need: WorkshopRole = 'viewer', tx: EntityManager = this.db.manager): Promise<WorkshopAccess> {
    const workshop = isUuid(id) ? await tx.getRepository(WorkshopEntity).findOneBy({ id }) : null;
    const access = workshop && (await this.roleOf(viewer, workshop));
    if (!access) throw notFound('Digital-Werkstatt');
    const rank: Record<WorkshopRole, number> = { viewer: 0, participant: 1, facilitator: 2 };
    if (rank[access.role] < rank[need]) {
      throw new DomainError('FORBIDDEN', need === 'facilitator' ? 'Nur die Moderation der Digital-Werkstatt darf das.' : 'Nur Teilnehmende der Digital-Werkstatt dürfen das.');
    }
    return access;
  }

  /**
   * The caller's part in a workshop. With the request's loaders (lists and fields of many
   * workshops), each fact is loaded once for all workshops of the answer instead of per workshop.
   */
  async roleOf(viewer: Viewer, workshop: WorkshopEntity, loaders?: RequestLoaders): Promise<WorkshopAccess | null> {
    const facts = loaders ? this.batchedFacts(loaders, viewer) : this.facts(viewer);
    const participantOrganizationId = await facts.participation(workshop.id);
    const as = (role: WorkshopRole): WorkshopAccess => ({ workshop, role, participantOrganizationId: participantOrganizationId ?? null });
    if (viewer.hubAdmin || workshop.createdById === viewer.personId) return as('facilitator');
    const networkRole = workshop.networkId ? await viewer.networkRole(workshop.networkId) : null;
    if (networkRole === NetworkRole.ADMIN || networkRole === NetworkRole.MODERATOR) return as('facilitator');
    const mine = await facts.actingFor();
    if (workshop.facilitatorId && mine.has(workshop.facilitatorId)) return as('facilitator');
    if (participantOrganizationId !== undefined) return as('participant');
    const municipalities = await facts.municipalities(workshop.id);
    return municipalities.some((id) => mine.has(id)) ? as('viewer') : null;
  }

  /** What roleOf needs, one statement each (participation: undefined = not a participant). */
  private facts(viewer: Viewer) {
    return {
      participation: async (workshopId: string): Promise<string | null | undefined> => {
        const [p] = await this.db.query<{ organization_id: string | null }[]>(
          'SELECT organization_id FROM workshop_participant WHERE workshop_id = $1 AND person_id = $2',
          [workshopId, viewer.personId],
        );
        return p ? p.organization_id : undefined;
      },
      actingFor: () => actingFor(this.db, viewer.personId),
      municipalities: async (workshopId: string) =>
        (await this.db.getRepository(WorkshopMunicipalityEntity).findBy({ workshopId })).map((m) => m.organizationId),
    };
  }

  /** The same facts through the request's loaders. */
  private batchedFacts(loaders: RequestLoaders, viewer: Viewer) {
    return {
      participation: async (workshopId: string): Promise<string | null | undefined> => {
        const row = await loaders
          .get(`workshop.participation:${viewer.personId}`, () =>
            oneByKey(
              (ids) =>
                this.db.query<{ workshop_id: string; organization_id: string | null }[]>(
                  'SELECT workshop_id, organization_id FROM workshop_participant WHERE workshop_id = ANY($1) AND person_id = $2',
                  [ids, viewer.personId],
                ),
              (r) => r.workshop_id,
            ),
          )
          .load(workshopId);
        return row ? row.organization_id : undefined;
      },
      actingFor: () =>
        loaders
          .get('person.actingFor', () => new DataLoader<string, Set<string>>((ids) => Promise.all(ids.map((id) => actingFor(this.db, id)))))
          .load(viewer.personId),
      municipalities: async (workshopId: string) => (await this.municipalities(loaders, workshopId)).map((o) => o.id),
    };
  }

  /** Participants act for their own municipality only; facilitators for any. */
  requireOwnMunicipality(access: WorkshopAccess, organizationId: string): void {
    if (access.role === 'facilitator' || access.participantOrganizationId === organizationId) return;
    throw new DomainError('FORBIDDEN', 'organizationId: Teilnehmende handeln nur für die Kommune, für die sie an der Digital-Werkstatt teilnehmen', { field: 'organizationId' });
  }

  async requireMunicipality(workshopId: string, organizationId: string): Promise<void> {
    if (!(await this.db.getRepository(WorkshopMunicipalityEntity).existsBy({ workshopId, organizationId }))) {
      throw badInput('organizationId', 'ist keine Kommune dieser Digital-Werkstatt');
    }
  }

  /** A known field (else BAD_USER_INPUT) that the workshop presents (else BAD_USER_INPUT too). */
  async presentedField(workshopId: string, key: string): Promise<FieldOfActionEntity> {
    const [field] = await this.fields.byKeys([key], 'fieldOfActionKey');
    if (!(await this.db.getRepository(WorkshopFieldEntity).existsBy({ workshopId, fieldOfActionId: field.id }))) {
      throw badInput('fieldOfActionKey', `„${key}“ wird in dieser Digital-Werkstatt nicht vorgestellt`);
    }
    return field;
  }

  municipalities(loaders: RequestLoaders, workshopId: string): Promise<OrganizationEntity[]> {
    return loaders
      .get('workshop.municipalities', () =>
        manyByKey(
          (ids) =>
            this.db.query<(OrganizationEntity & { workshop_id: string })[]>(
              `SELECT wm.workshop_id, o.id, o.name, o.kind, o.federal_state AS "federalState", o.municipality_key AS "municipalityKey", o.website
                 FROM workshop_municipality wm JOIN organization o ON o.id = wm.organization_id WHERE wm.workshop_id = ANY($1) ORDER BY wm.position`,
              [ids],
            ),
          (r) => r.workshop_id,
        ),
      )
      .load(workshopId);
  }

  participants(loaders: RequestLoaders, workshopId: string): Promise<WorkshopParticipantEntity[]> {
    return loaders
      .get('workshop.participants', () =>
        manyByKey((ids) => this.db.getRepository(WorkshopParticipantEntity).find({ where: { workshopId: In(ids) }, order: { createdAt: 'ASC' } }), (p) => p.workshopId),
      )
      .load(workshopId);
  }

  fieldsOf(loaders: RequestLoaders, workshopId: string): Promise<FieldOfActionEntity[]> {
    return loaders
      .get('workshop.fields', () =>
        manyByKey(
          (ids) =>
            this.db.query<(FieldOfActionEntity & { workshop_id: string })[]>(
              `SELECT wf.workshop_id, f.id, f.key, f.name, f.description, f.position FROM workshop_field wf JOIN field_of_action f ON f.id = wf.field_of_action_id
                WHERE wf.workshop_id = ANY($1) ORDER BY f.position, f.name`,
              [ids],
            ),
          (r) => r.workshop_id,
        ),
      )
      .load(workshopId);
  }

  selections(loaders: RequestLoaders, workshopId: string): Promise<FieldSelectionEntity[]> {
    return loaders
      .get('workshop.selections', () =>
        manyByKey((ids) => this.db.getRepository(FieldSelectionEntity).find({ where: { workshopId: In(ids) }, order: { organizationId: 'ASC', priority: 'ASC' } }), (s) => s.workshopId),
      )
      .load(workshopId);
  }

  /** The organization the caller acts for in the network (else any they act for): it facilitates. */
  private async callersOrganization(viewer: Viewer, networkId: string | null): Promise<string | null> {
    if (networkId) {
      const [row] = await this.db.query<{ organization_id: string | null }[]>('SELECT organization_id FROM network_role WHERE network_id = $1 AND person_id = $2', [networkId, viewer.personId]);
      if (row?.organization_id) return row.organization_id;
    }
    const mine = [...(await actingFor(this.db, viewer.personId))].sort();
    return mine[0] ?? null;
  }
}
