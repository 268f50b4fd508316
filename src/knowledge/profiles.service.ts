import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { NetworkRole } from '../networks/network.enums.js';
import { NetworksService } from '../networks/networks.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import type { FieldOfActionEntity } from './field-of-action.entity.js';
import { FieldsOfActionService } from './fields-of-action.service.js';
import { Visibility, VISIBILITY_DE } from './knowledge.enums.js';
import type { CreateProjectProfileInput, UpdateProjectProfileInput } from './profile.inputs.js';
import { ProjectProfileEntity, ProjectProfileFieldEntity, ProjectProfileOrganizationEntity } from './project-profile.entity.js';
import { actingFor, mayView } from './visibility.js';

const MANAGERS = [NetworkRole.ADMIN, NetworkRole.MODERATOR];
const quoted = (s: string) => `„${s}“`;

export interface NewProfile {
  title: string;
  summary: string;
  body: string | null;
  organizationIds: string[];
  fields: FieldOfActionEntity[];
  tags: string[];
  status: CreateProjectProfileInput['status'];
  startedOn: string | null;
  costsNote: string | null;
  fundingNote: string | null;
  contactId: string | null;
  links: string[];
  networkId: string | null;
  visibility: Visibility;
}

/**
 * Project profiles. Who may: create — a role holder, for an organization they act for (PUBLIC
 * needs a network ADMIN/MODERATOR or hub admin); change — its creator, people acting for one of
 * its organizations, ADMINs/MODERATORs of its network, hub admins; delete — its creator, ADMINs/
 * MODERATORs of its network, hub admins. What a caller may not see is NOT_FOUND.
 */
@Injectable()
export class ProfilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly fields: FieldsOfActionService,
    private readonly networks: NetworksService,
  ) {}

  async byId(viewer: Viewer | undefined, id: string): Promise<ProjectProfileEntity | null> {
    const profile = isUuid(id) ? await this.db.getRepository(ProjectProfileEntity).findOneBy({ id }) : null;
    return profile && (await mayView(viewer, profile)) ? profile : null;
  }

  async create(viewer: Viewer, input: CreateProjectProfileInput): Promise<ProjectProfileEntity> {
    const organizationIds = [...new Set(input.organizationIds)];
    await this.requireOrganizations(organizationIds);
    if (!viewer.hubAdmin) {
      if (!(await viewer.networkIds()).length) throw new DomainError('FORBIDDEN', 'Nur wer eine Rolle in einem Netzwerk hat, kann Steckbriefe anlegen.');
      const mine = await actingFor(this.db, viewer.personId);
      if (!organizationIds.some((id) => mine.has(id))) {
        throw new DomainError('FORBIDDEN', 'organizationIds: ein Steckbrief braucht mindestens eine Organisation, für die Sie tätig sind', { field: 'organizationIds' });
      }
    }
    let networkId: string | null = null;
    if (input.networkId) {
      const network = await this.networks.requireVisible(viewer, input.networkId);
      if (!viewer.hubAdmin && !(await viewer.networkRole(network.id))) throw new DomainError('FORBIDDEN', 'Nur wer eine Rolle im Netzwerk hat, kann dort einen Steckbrief anlegen.');
      networkId = network.id;
    }
    if (input.visibility === Visibility.NETWORK && !networkId) throw badInput('networkId', 'ist für die Sichtbarkeit „nur im Netzwerk“ erforderlich');
    if (input.visibility === Visibility.PUBLIC) await this.requirePublisher(viewer, networkId);
    if (input.contactId) await this.requirePerson(input.contactId);
    const fields = await this.fields.byKeys(input.fieldOfActionKeys ?? [], 'fieldOfActionKeys');
    return this.db.transaction(async (tx) => {
      const profile = await this.insert(tx, viewer.personId, {
        title: input.title.trim(), summary: input.summary.trim(), body: input.body ?? null, organizationIds, fields,
        tags: cleanTags(input.tags), status: input.status, startedOn: input.startedOn ?? null, costsNote: input.costsNote ?? null,
        fundingNote: input.fundingNote ?? null, contactId: input.contactId ?? null, links: input.links ?? [], networkId, visibility: input.visibility,
      });
      await recordAudit(tx, {
        actor: viewer, action: 'profile.create', subjectType: 'ProjectProfile', subjectId: profile.id, networkId,
        summary: `Steckbrief ${quoted(profile.title)} angelegt (sichtbar: ${VISIBILITY_DE[profile.visibility]}).`,
      });
      return profile;
    });
  }

  /** Inserts a profile with its organizations and fields, in the caller's transaction (also used by workshop promotion). */
  async insert(tx: EntityManager, createdById: string, p: NewProfile): Promise<ProjectProfileEntity> {
    const { organizationIds, fields, ...columns } = p;
    const profile = await tx.getRepository(ProjectProfileEntity).save({ ...columns, createdById, version: 1 });
    await tx.getRepository(ProjectProfileOrganizationEntity).insert(organizationIds.map((organizationId, position) => ({ profileId: profile.id, organizationId, position })));
    if (fields.length) await tx.getRepository(ProjectProfileFieldEntity).insert(fields.map((f) => ({ profileId: profile.id, fieldOfActionId: f.id })));
    return tx.getRepository(ProjectProfileEntity).findOneByOrFail({ id: profile.id });
  }

  /** One `UPDATE … WHERE version = expected`: a stale version is CONFLICT with `currentVersion`. */
  async update(viewer: Viewer, input: UpdateProjectProfileInput): Promise<ProjectProfileEntity> {
    const profile = await this.requireVisible(viewer, input.id);
    if (!(await this.mayEdit(viewer, profile))) throw new DomainError('FORBIDDEN', 'Ändern dürfen den Steckbrief nur, wer ihn angelegt hat oder für eine seiner Organisationen tätig ist, sowie die Administration oder Moderation des Netzwerks.');
    const visibility = input.visibility ?? profile.visibility;
    if (visibility === Visibility.NETWORK && !profile.networkId) throw badInput('visibility', 'NETWORK ist nur für einen Steckbrief möglich, der einem Netzwerk zugeordnet ist');
    if (visibility === Visibility.PUBLIC && profile.visibility !== Visibility.PUBLIC) await this.requirePublisher(viewer, profile.networkId);
    if (input.contactId) await this.requirePerson(input.contactId);
    const fields = input.fieldOfActionKeys ? await this.fields.byKeys(input.fieldOfActionKeys, 'fieldOfActionKeys') : null;
    const set: Record<string, unknown> = {};
    if (input.title != null) set.title = input.title.trim();
    if (input.summary != null) set.summary = input.summary.trim();
    if (input.status != null) set.status = input.status;
    if (input.visibility != null) set.visibility = input.visibility;
    if (input.tags != null) set.tags = cleanTags(input.tags);
    if (input.links != null) set.links = input.links;
    for (const key of ['body', 'startedOn', 'costsNote', 'fundingNote', 'contactId'] as const) if (input[key] !== undefined) set[snake(key)] = input[key];
    const columns = Object.keys(set);
    const params = [profile.id, input.expectedVersion, ...Object.values(set)];
    return this.db.transaction(async (tx) => {
      const [rows] = await tx.query<[{ id: string }[], number]>(
        `UPDATE project_profile SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}${columns.length ? ', ' : ''}version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING id`,
        params,
      );
      if (!rows.length) {
        const [current] = await tx.query<{ version: number }[]>('SELECT version FROM project_profile WHERE id = $1', [profile.id]);
        if (!current) throw notFound('Steckbrief');
        throw new DomainError('CONFLICT', `Der Steckbrief wurde inzwischen geändert (jetzt Fassung ${current.version}). Bitte laden Sie ihn neu und nehmen Sie Ihre Änderung erneut vor.`, {
          currentVersion: current.version,
        });
      }
      if (fields) {
        await tx.getRepository(ProjectProfileFieldEntity).delete({ profileId: profile.id });
        if (fields.length) await tx.getRepository(ProjectProfileFieldEntity).insert(fields.map((f) => ({ profileId: profile.id, fieldOfActionId: f.id })));
      }
      if (visibility !== profile.visibility) {
        await recordAudit(tx, {
          actor: viewer, action: 'profile.visibility.set', subjectType: 'ProjectProfile', subjectId: profile.id, networkId: profile.networkId,
          summary: `Sichtbarkeit des Steckbriefs ${quoted((set.title as string | undefined) ?? profile.title)}: ${VISIBILITY_DE[profile.visibility]} → ${VISIBILITY_DE[visibility]}.`,
        });
      }
      return tx.getRepository(ProjectProfileEntity).findOneByOrFail({ id: profile.id });
    });
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const profile = await this.requireVisible(viewer, id);
    const mayDelete = viewer.hubAdmin || profile.createdById === viewer.personId || (await this.managesNetwork(viewer, profile.networkId));
    if (!mayDelete) throw new DomainError('FORBIDDEN', 'Löschen dürfen den Steckbrief nur, wer ihn angelegt hat, sowie die Administration oder Moderation des Netzwerks.');
    await this.db.transaction(async (tx) => {
      await tx.getRepository(ProjectProfileEntity).delete({ id: profile.id });
      await recordAudit(tx, {
        actor: viewer, action: 'profile.delete', subjectType: 'ProjectProfile', subjectId: profile.id, networkId: profile.networkId,
        summary: `Steckbrief ${quoted(profile.title)} gelöscht.`,
      });
    });
    return true;
  }

  async requireVisible(viewer: Viewer | undefined, id: string): Promise<ProjectProfileEntity> {
    const profile = await this.byId(viewer, id);
    if (!profile) throw notFound('Steckbrief');
    return profile;
  }

  async mayEdit(viewer: Viewer, profile: ProjectProfileEntity): Promise<boolean> {
    if (viewer.hubAdmin || profile.createdById === viewer.personId || (await this.managesNetwork(viewer, profile.networkId))) return true;
    const [mine, theirs] = await Promise.all([
      actingFor(this.db, viewer.personId),
      this.db.getRepository(ProjectProfileOrganizationEntity).findBy({ profileId: profile.id }),
    ]);
    return theirs.some((o) => mine.has(o.organizationId));
  }

  organizations(loaders: RequestLoaders, profileId: string): Promise<OrganizationEntity[]> {
    return loaders
      .get('profile.organizations', () =>
        manyByKey(
          (ids) =>
            this.db.query<(OrganizationEntity & { profile_id: string })[]>(
              `SELECT po.profile_id, o.id, o.name, o.kind, o.federal_state AS "federalState", o.municipality_key AS "municipalityKey", o.website
                 FROM project_profile_organization po JOIN organization o ON o.id = po.organization_id
                WHERE po.profile_id = ANY($1) ORDER BY po.position`,
              [ids],
            ),
          (r) => r.profile_id,
        ),
      )
      .load(profileId);
  }

  fieldsOf(loaders: RequestLoaders, profileId: string): Promise<FieldOfActionEntity[]> {
    return loaders
      .get('profile.fields', () =>
        manyByKey(
          (ids) =>
            this.db.query<(FieldOfActionEntity & { profile_id: string })[]>(
              `SELECT pf.profile_id, f.id, f.key, f.name, f.description, f.position
                 FROM project_profile_field pf JOIN field_of_action f ON f.id = pf.field_of_action_id
                WHERE pf.profile_id = ANY($1) ORDER BY f.position, f.name`,
              [ids],
            ),
          (r) => r.profile_id,
        ),
      )
      .load(profileId);
  }

  /** One profile by id through the request's loader (null: none), visible or not: callers check mayView. */
  load(loaders: RequestLoaders, id: string): Promise<ProjectProfileEntity | null> {
    return loaders
      .get('profile.byId', () => oneByKey((ids) => this.db.getRepository(ProjectProfileEntity).findBy({ id: In(ids.filter(isUuid)) }), (p) => p.id))
      .load(id);
  }

  /** A profile the viewer may see, through the request's loader (for fields of many parents). */
  async loadVisible(loaders: RequestLoaders, viewer: Viewer | undefined, id: string): Promise<ProjectProfileEntity | null> {
    const profile = await this.load(loaders, id);
    return profile && (await mayView(viewer, profile)) ? profile : null;
  }

  /** Profiles by id, in the order given (for search hits and lists already filtered). */
  async many(ids: string[]): Promise<ProjectProfileEntity[]> {
    if (!ids.length) return [];
    const rows = await this.db.getRepository(ProjectProfileEntity).findBy({ id: In(ids) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((p): p is ProjectProfileEntity => !!p);
  }

  private async managesNetwork(viewer: Viewer, networkId: string | null): Promise<boolean> {
    if (!networkId) return false;
    const role = await viewer.networkRole(networkId);
    return !!role && MANAGERS.includes(role);
  }

  /** PUBLIC: hub admins, or ADMIN/MODERATOR of the profile's network (of any network when it has none). */
  private async requirePublisher(viewer: Viewer, networkId: string | null): Promise<void> {
    if (viewer.hubAdmin) return;
    const ids = networkId ? [networkId] : await viewer.networkIds();
    for (const id of ids) if (await this.managesNetwork(viewer, id)) return;
    throw new DomainError('FORBIDDEN', 'visibility: PUBLIC (öffentlich) darf nur die Administration oder Moderation eines Netzwerks wählen', { field: 'visibility' });
  }

  private async requireOrganizations(ids: string[]): Promise<void> {
    const found = await this.db.getRepository(OrganizationEntity).countBy({ id: In(ids) });
    if (found !== ids.length) throw badInput('organizationIds', 'unbekannte Organisation');
  }

  private async requirePerson(id: string): Promise<void> {
    if (!(await this.db.getRepository(PersonEntity).existsBy({ id }))) throw badInput('contactId', 'unbekannte Person');
  }
}

const cleanTags = (tags: string[] | null | undefined) => [...new Set((tags ?? []).map((t) => t.trim()))];
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
