import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { uniqueViolation } from '../common/db-errors.js';
import { badInput, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { todayInBerlin } from '../common/scalars.js';
import { OrganizationsService, primeOrganization } from '../organizations/organizations.service.js';
import { recordAudit } from '../audit/audit.js';
import { recordEvent } from '../outbox/outbox.js';
import { PeopleService, personOrganizations, personOrganizationsSet, primePerson } from '../people/people.service.js';
import type { PersonEntity } from '../people/person.entity.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { NETWORK_COLUMNS, ORGANIZATION_COLUMNS, PERSON_COLUMNS, pick, selectList, type ColumnMap } from '../common/sql-rows.js';
import { below, columnsFor, planFor, signature, type SelectionTree } from '../common/selection.js';
import type { AddNetworkMemberInput, CreateNetworkInput, RemoveNetworkMemberInput, SetNetworkRoleInput } from './dto/network.inputs.js';
import { ensureActiveMembership, isActiveMember } from './network-memberships.js';
import { NetworkMembershipEntity } from './entities/network-membership.entity.js';
import { NetworkRoleEntity } from './entities/network-role.entity.js';
import { NetworkEntity } from './entities/network.entity.js';
import { JoinPolicy, MembershipStatus, NETWORK_ROLE_DE, NetworkRole } from './network.enums.js';
import type { NetworkMemberModel, NetworkModel, NetworkPersonModel } from './network.model.js';

@Injectable()
export class NetworksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly organizations: OrganizationsService,
    private readonly peopleService: PeopleService,
  ) {}

  /** The networks the caller may see: their own in full, the others' public face (not INVITE_ONLY). */
  async list(viewer: Viewer): Promise<NetworkModel[]> {
    const mine = await viewer.networkIds();
    const qb = this.db.getRepository(NetworkEntity).createQueryBuilder('n').orderBy('n.name', 'ASC');
    if (!viewer.hubAdmin) {
      qb.where('n.join_policy <> :invite', { invite: JoinPolicy.INVITE_ONLY });
      if (mine.length) qb.orWhere('n.id IN (:...mine)', { mine });
    }
    const networks = await qb.getMany();
    return Promise.all(networks.map(async (n) => toModel(n, (await this.access.networkAccess(viewer, n))!)));
  }

  async bySlug(viewer: Viewer, slug: string): Promise<NetworkModel | null> {
    // Plain row, no entity hydration: this is the first statement of every network page.
    const [network] = await this.db.query<NetworkEntity[]>(`SELECT ${selectList('n', NETWORK_COLUMNS)} FROM network n WHERE n.slug = $1`, [slug]);
    return network ? this.view(viewer, network) : null;
  }

  /** The network as the caller may see it, or null. */
  async view(viewer: Viewer, network: NetworkEntity): Promise<NetworkModel | null> {
    const access = await this.access.networkAccess(viewer, network);
    return access ? toModel(network, access) : null;
  }

  /** A network the caller may at least see the public face of; NOT_FOUND otherwise. */
  async requireVisible(viewer: Viewer, id: string): Promise<NetworkEntity> {
    const network = isUuid(id) ? await this.db.getRepository(NetworkEntity).findOneBy({ id }) : null;
    if (!network || !(await this.access.networkAccess(viewer, network))) throw notFound('Netzwerk');
    return network;
  }

  async create(viewer: Viewer, input: CreateNetworkInput): Promise<NetworkModel> {
    if (input.moderatorOrganizationId) await this.organizations.requireExisting(input.moderatorOrganizationId, 'moderatorOrganizationId');
    try {
      const network = await this.db.transaction(async (tx) => {
        const created = await tx.getRepository(NetworkEntity).save({
          slug: input.slug,
          name: input.name.trim(),
          description: input.description ?? null,
          joinPolicy: input.joinPolicy,
          moderatorOrganizationId: input.moderatorOrganizationId ?? null,
          matrixSpaceId: null,
        });
        await tx.getRepository(NetworkRoleEntity).insert({ networkId: created.id, personId: viewer.personId, role: NetworkRole.ADMIN, organizationId: null });
        // The moderating agency works inside the network, so it is a member organization.
        if (created.moderatorOrganizationId) await ensureActiveMembership(tx, created.id, created.moderatorOrganizationId);
        await recordEvent(tx, { type: 'NetworkCreated', aggregateType: 'Network', aggregateId: created.id, groupId: null, payload: { networkId: created.id } });
        await recordAudit(tx, {
          actor: viewer, action: 'network.create', subjectType: 'Network', subjectId: created.id, networkId: created.id, aboutPersonId: viewer.personId,
          summary: `Netzwerk „${created.name}“ angelegt; die anlegende Person hat die Administration.`,
        });
        return created;
      });
      viewer.invalidate();
      return toModel(network, 'full');
    } catch (error) {
      if (uniqueViolation(error) === 'uq_network_slug') throw badInput('slug', `„${input.slug}“ ist bereits vergeben`);
      throw error;
    }
  }

  async addMember(viewer: Viewer, input: AddNetworkMemberInput): Promise<NetworkMembershipEntity> {
    const network = await this.requireVisible(viewer, input.networkId);
    await this.access.requireNetworkRole(viewer, network, NetworkRole.ADMIN);
    const organization = await this.organizations.requireExisting(input.organizationId, 'organizationId');
    await this.db.transaction(async (tx) => {
      await ensureActiveMembership(tx, network.id, input.organizationId);
      await recordAudit(tx, {
        actor: viewer, action: 'network.member.add', subjectType: 'Organization', subjectId: input.organizationId, networkId: network.id,
        summary: `${organization.name} ist Mitglied des Netzwerks.`,
      });
    });
    // With its organization: NetworkMember.organization is a plain field (issue 13).
    return this.db.getRepository(NetworkMembershipEntity).findOneOrFail({
      where: { networkId: network.id, organizationId: input.organizationId, status: MembershipStatus.ACTIVE },
      relations: { organization: true },
    });
  }

  /** Ends the membership (status ENDED, until today); the row stays as history. */
  async removeMember(viewer: Viewer, input: RemoveNetworkMemberInput): Promise<NetworkMembershipEntity> {
    const network = await this.requireVisible(viewer, input.networkId);
    await this.access.requireNetworkRole(viewer, network, NetworkRole.ADMIN);
    const repo = this.db.getRepository(NetworkMembershipEntity);
    const current = await repo.findOne({
      where: { networkId: network.id, organizationId: input.organizationId, status: In([MembershipStatus.ACTIVE, MembershipStatus.PENDING]) },
    });
    if (!current) throw badInput('organizationId', 'die Organisation ist kein Mitglied des Netzwerks');
    await this.db.transaction(async (tx) => {
      await tx.getRepository(NetworkMembershipEntity).update({ id: current.id }, { status: MembershipStatus.ENDED, until: todayInBerlin() });
      await recordAudit(tx, {
        actor: viewer, action: 'network.member.remove', subjectType: 'Organization', subjectId: input.organizationId, networkId: network.id,
        summary: `Mitgliedschaft einer Organisation im Netzwerk beendet (seit ${current.since ?? '–'}).`,
      });
    });
    return repo.findOneOrFail({ where: { id: current.id }, relations: { organization: true } });
  }

  async setRole(viewer: Viewer, input: SetNetworkRoleInput): Promise<NetworkRoleEntity> {
    const network = await this.requireVisible(viewer, input.networkId);
    await this.access.requireNetworkRole(viewer, network, NetworkRole.ADMIN);
    if (!(await this.peopleService.exists(input.personId))) throw badInput('personId', 'unbekannte Person');
    const result = await this.db.transaction(async (tx) => {
      // Serialises role changes per network, so two demotions cannot leave it without an ADMIN.
      await tx.query('SELECT id FROM network WHERE id = $1 FOR UPDATE', [network.id]);
      if (input.organizationId && !(await isActiveMember(tx, network.id, input.organizationId))) {
        throw badInput('organizationId', 'die Organisation ist kein aktives Mitglied des Netzwerks');
      }
      if (input.role !== NetworkRole.ADMIN) {
        const admins = await tx.query<{ person_id: string }[]>(`SELECT person_id FROM network_role WHERE network_id = $1 AND role = 'ADMIN'`, [network.id]);
        if (admins.length === 1 && admins[0].person_id === input.personId) {
          throw badInput('role', 'das Netzwerk braucht mindestens eine Person in der Administration (ADMIN)');
        }
      }
      const [previous] = await tx.query<{ role: NetworkRole }[]>('SELECT role FROM network_role WHERE network_id = $1 AND person_id = $2', [network.id, input.personId]);
      await tx.query(
        `INSERT INTO network_role (network_id, person_id, role, organization_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (network_id, person_id) DO UPDATE SET role = EXCLUDED.role, organization_id = EXCLUDED.organization_id`,
        [network.id, input.personId, input.role, input.organizationId ?? null],
      );
      await recordAudit(tx, {
        actor: viewer, action: 'network.role.set', subjectType: 'Person', subjectId: input.personId, networkId: network.id, aboutPersonId: input.personId,
        summary: previous ? `Rolle im Netzwerk von „${NETWORK_ROLE_DE[previous.role]}“ auf „${NETWORK_ROLE_DE[input.role]}“ gesetzt.` : `Rolle „${NETWORK_ROLE_DE[input.role]}“ im Netzwerk vergeben.`,
      });
      // With its person: NetworkPerson.person is a plain field (issue 13).
      return tx.getRepository(NetworkRoleEntity).findOneOrFail({ where: { networkId: network.id, personId: input.personId }, relations: { person: true } });
    });
    viewer.invalidate();
    return result;
  }

  load(loaders: RequestLoaders, id: string): Promise<NetworkEntity | null> {
    return networkLoader(loaders, this.db).load(id);
  }

  /**
   * Current members (not ENDED), ordered by name, with their organizations. Given the query's
   * selection below `members`, only the columns it asks for are read; full organizations go to
   * the request's loader.
   */
  members(loaders: RequestLoaders, networkId: string, selection?: SelectionTree): Promise<NetworkMemberModel[]> {
    const { own, org, name } = planFor(selection, 'network.members', () => {
      // organizationId is the organization's id: read once.
      const own = columnsFor(MEMBERSHIP_COLUMNS, selection, ['networkId']);
      const org = columnsFor(ORGANIZATION_COLUMNS, below(selection, 'organization'), ['id']);
      return { own, org, name: `network.members ${signature(own, org)}` };
    });
    return loaders
      .get(name, () =>
        manyByKey(
          async (ids) => {
            const rows = await this.db.query<Record<string, unknown>[]>(
              `SELECT ${selectList('m', own)}, ${selectList('o', org, 'o_')}
                 FROM network_membership m JOIN organization o ON o.id = m.organization_id
                WHERE m.network_id = ANY($1) AND m.status <> 'ENDED' ORDER BY o.name`,
              [ids],
            );
            return rows.map((row) => {
              const organization = pick<OrganizationEntity>(row, org, 'o_')!;
              if (org === ORGANIZATION_COLUMNS) primeOrganization(loaders, this.db, organization);
              const member = pick<NetworkMemberModel & { networkId: string }>(row, own)!;
              member.organizationId = organization.id;
              member.organization = organization;
              return member;
            });
          },
          (m) => m.networkId,
        ),
      )
      .load(networkId);
  }

  /**
   * The role holders by name, with their persons (and the persons' organizations when asked
   * for); as with members, only the columns the selection below `people` asks for.
   */
  people(loaders: RequestLoaders, networkId: string, selection?: SelectionTree): Promise<NetworkPersonModel[]> {
    const { own, person, org, withOrganizations, name } = planFor(selection, 'network.people', () => {
      // personId is the person's id: read once.
      const own = columnsFor(NETWORK_ROLE_COLUMNS, selection, ['networkId', 'organizationId']);
      const personSelection = below(selection, 'person');
      const person = columnsFor(PERSON_COLUMNS, personSelection, ['id']);
      const withOrganizations = !personSelection || personSelection.has('organizations');
      // distinctOrganizations orders by name, so the name always comes along.
      const org = columnsFor(ORGANIZATION_COLUMNS, below(personSelection, 'organizations'), ['id', 'name']);
      return { own, person, org, withOrganizations, name: `network.people ${signature(own, person, withOrganizations ? org : {})}` };
    });
    return loaders
      .get(name, () =>
        manyByKey(
          async (ids) => {
            const rows = await this.db.query<(Record<string, unknown> & { orgs?: Parameters<typeof personOrganizations>[0] })[]>(
              // The holders' organizations in one pass over all of them (personOrganizationsSet).
              withOrganizations
                ? `WITH orgs AS (${personOrganizationsSet('SELECT person_id FROM network_role WHERE network_id = ANY($1)', org)})
                   SELECT ${selectList('r', own)}, ${selectList('p', person, 'p_')}, coalesce(orgs.orgs, '[]') AS orgs
                     FROM network_role r JOIN person p ON p.id = r.person_id LEFT JOIN orgs ON orgs.person_id = p.id
                    WHERE r.network_id = ANY($1) ORDER BY p.display_name`
                : `SELECT ${selectList('r', own)}, ${selectList('p', person, 'p_')}
                     FROM network_role r JOIN person p ON p.id = r.person_id
                    WHERE r.network_id = ANY($1) ORDER BY p.display_name`,
              [ids],
            );
            return rows.map((row) => {
              const organizations = row.orgs && personOrganizations(row.orgs);
              const found = pick<PersonEntity>(row, person, 'p_')!;
              const withOrgs = person === PERSON_COLUMNS && org === ORGANIZATION_COLUMNS
                ? primePerson(loaders, this.db, found, organizations)
                : organizations ? { ...found, organizationRows: organizations } : found;
              const role = pick<NetworkPersonModel & { networkId: string }>(row, own)!;
              role.personId = withOrgs.id;
              role.person = withOrgs;
              return role;
            });
          },
          (r) => r.networkId,
        ),
      )
      .load(networkId);
  }
}

/** network_membership and network_role as the member and people lists read them. */
const MEMBERSHIP_COLUMNS: ColumnMap = { networkId: 'network_id', organizationId: 'organization_id', status: 'status', since: 'since::text', until: 'until::text' };
const NETWORK_ROLE_COLUMNS: ColumnMap = { networkId: 'network_id', personId: 'person_id', organizationId: 'organization_id', role: 'role' };

/** The request's network loader (one statement per batch, plain rows). */
export function networkLoader(loaders: RequestLoaders, db: DataSource) {
  return loaders.get('network.byId', () =>
    oneByKey((ids) => db.query<NetworkEntity[]>(`SELECT ${selectList('n', NETWORK_COLUMNS)} FROM network n WHERE n.id = ANY($1)`, [ids]), (n) => n.id),
  );
}

export function toModel(n: NetworkEntity, access: NetworkModel['access']): NetworkModel {
  return {
    id: n.id,
    slug: n.slug,
    name: n.name,
    description: n.description,
    joinPolicy: n.joinPolicy,
    moderatorOrganizationId: n.moderatorOrganizationId,
    matrixSpaceId: n.matrixSpaceId,
    access,
  };
}
