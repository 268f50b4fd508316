import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { VerifiedToken } from '../auth/token-verifier.js';
import type { Viewer, ViewerRoles } from '../auth/viewer.js';
import { badInput, DomainError } from '../common/domain-error.js';
import { uniqueViolation } from '../common/db-errors.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { retryIdempotent } from '../database/resilience.js';
import { fromJson, jsonObject, ORGANIZATION_COLUMNS, PERSON_COLUMNS, pick, selectList, type ColumnMap } from '../common/sql-rows.js';
import { NetworkRole } from '../networks/network.enums.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { recordEvent } from '../outbox/outbox.js';
import { PersonEntity } from './person.entity.js';
import { keyRead } from '../database/prepared-statements.js';

@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The person behind a verified token, created on first sight and kept up to date with the
   * token's name and e-mail. The common case (known, unchanged) is one SELECT.
   */
  signIn(token: VerifiedToken): Promise<{ person: PersonEntity; roles: ViewerRoles }> {
    // A read and an upsert of the same values: safe to run again when the connection was lost.
    return retryIdempotent(() => this.upsert(token));
  }

  /** The person with their network roles and active group memberships, in one statement. */
  private async withRoles(token: VerifiedToken): Promise<{ person: PersonEntity; roles: ViewerRoles } | null> {
    const [row] = await keyRead<(Record<string, unknown> & { network_roles: ViewerRoles['network']; group_roles: ViewerRoles['group'] })[]>(this.db,
      `SELECT ${selectList('p', PERSON_COLUMNS)},
         coalesce((SELECT json_agg(json_build_array(r.network_id, r.role)) FROM network_role r WHERE r.person_id = p.id), '[]') AS network_roles,
         coalesce((SELECT json_agg(json_build_array(gm.group_id, gm.role)) FROM group_member gm
                    WHERE gm.person_id = p.id AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)), '[]') AS group_roles
         FROM person p WHERE p.issuer = $1 AND p.subject = $2`,
      [token.issuer, token.subject],
    );
    return row ? { person: pick<PersonEntity>(row, PERSON_COLUMNS)!, roles: { network: row.network_roles, group: row.group_roles } } : null;
  }

  private async upsert(token: VerifiedToken): Promise<{ person: PersonEntity; roles: ViewerRoles }> {
    const known = await this.withRoles(token);
    if (known && known.person.displayName === token.displayName && known.person.email === token.email && known.person.hubAdmin === token.hubAdmin) return known;
    await this.db.query(
      `INSERT INTO person (issuer, subject, display_name, email, hub_admin) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (issuer, subject) DO UPDATE
         SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, hub_admin = EXCLUDED.hub_admin, updated_at = now()`,
      [token.issuer, token.subject, token.displayName, token.email, token.hubAdmin],
    );
    return (await this.withRoles(token))!;
  }

  async linkMatrixAccount(viewer: Viewer, matrixUserId: string): Promise<PersonEntity> {
    try {
      await this.db.transaction(async (tx) => {
        await tx.getRepository(PersonEntity).update({ id: viewer.personId }, { matrixUserId });
        await recordEvent(tx, { type: 'MatrixAccountLinked', aggregateType: 'Person', aggregateId: viewer.personId, groupId: null, payload: { personId: viewer.personId, matrixUserId } });
      });
    } catch (error) {
      if (uniqueViolation(error) === 'uq_person_matrix_user_id') {
        throw badInput('matrixUserId', 'diese Matrix-ID ist bereits mit einer anderen Person verknüpft');
      }
      throw error;
    }
    return this.db.getRepository(PersonEntity).findOneByOrFail({ id: viewer.personId });
  }

  /**
   * Finds a person by exact e-mail, so a network ADMIN can give someone who signed in a role.
   * Only for hub admins and network ADMINs; no partial matches, so nobody can browse the people.
   */
  async findByEmail(viewer: Viewer, email: string): Promise<(PersonEntity & { lookup: true }) | null> {
    const isAdmin = viewer.hubAdmin || (await Promise.all((await viewer.networkIds()).map((id) => viewer.networkRole(id)))).includes(NetworkRole.ADMIN);
    if (!isAdmin) throw new DomainError('FORBIDDEN', 'Nur die Administration eines Netzwerks darf Personen suchen.');
    const found = await this.db.getRepository(PersonEntity).createQueryBuilder('p').where('lower(p.email) = lower(:email)', { email: email.trim() }).getOne();
    // Marked, so that the person's fields tell this admin nothing about the person's other networks.
    return found && { ...found, lookup: true as const };
  }

  exists(id: string): Promise<boolean> {
    return this.db.getRepository(PersonEntity).existsBy({ id });
  }

  load(loaders: RequestLoaders, id: string | null | undefined): Promise<PersonEntity | null> {
    if (!id) return Promise.resolve(null);
    return personLoader(loaders, this.db).load(id);
  }

  /**
   * E-mail addresses are personal data: visible to the person, hub admins and the ADMINs of the
   * networks the person belongs to.
   */
  async emailVisible(loaders: RequestLoaders, viewer: Viewer, personId: string): Promise<boolean> {
    if (viewer.hubAdmin || viewer.personId === personId) return true;
    const networks = await loaders
      .get('person.networkIds', () =>
        manyByKey(
          (ids) => this.db.query<{ person_id: string; network_id: string }[]>('SELECT person_id, network_id FROM network_role WHERE person_id = ANY($1)', [ids]),
          (r) => r.person_id,
        ),
      )
      .load(personId);
    for (const { network_id } of networks) {
      if ((await viewer.networkRole(network_id)) === NetworkRole.ADMIN) return true;
    }
    return false;
  }

  /** The organizations a person acts on behalf of, with the network each stems from. */
  organizationsOf(loaders: RequestLoaders, personId: string): Promise<PersonOrganization[]> {
    return personOrganizationsLoader(loaders, this.db).load(personId);
  }
}

export interface PersonOrganization {
  networkId: string;
  org: OrganizationEntity;
}

/** The request's person loader (one statement per batch, plain rows). */
export function personLoader(loaders: RequestLoaders, db: DataSource): DataLoader<string, PersonEntity | null> {
  return loaders.get('person.byId', () =>
    oneByKey((ids) => db.query(`SELECT ${selectList('p', PERSON_COLUMNS)} FROM person p WHERE p.id = ANY($1)`, [ids]), (p: PersonEntity) => p.id),
  );
}

/**
 * The organizations the persons of `personIdsSql` (a subquery of person ids) act for, with the
 * network each stems from (network roles and group memberships): one row (person_id, orgs: a JSON
 * array of { networkId, org }) per person who has any. Set-based:
 * one pass over the roles and memberships of all of them, where the correlated form looks each
 * person up on their own (issue 24: 40 of the deep network query's 43 ms at Land size).
 */
export function personOrganizationsSet(personIdsSql: string, columns: ColumnMap = ORGANIZATION_COLUMNS): string {
  return `SELECT u.person_id, json_agg(json_build_object('networkId', u.network_id, 'org', ${jsonObject('o', columns)})) AS orgs
      FROM (SELECT person_id, organization_id, network_id FROM network_role WHERE person_id IN (${personIdsSql}) AND organization_id IS NOT NULL
            UNION SELECT gm.person_id, gm.organization_id, g.network_id FROM group_member gm JOIN work_group g ON g.id = gm.group_id
             WHERE gm.person_id IN (${personIdsSql}) AND gm.organization_id IS NOT NULL) u
      JOIN organization o ON o.id = u.organization_id
     GROUP BY u.person_id`;
}

/** The `orgs` of personOrganizationsSet back as objects. */
export function personOrganizations(json: { networkId: string; org: Record<string, unknown> }[]): PersonOrganization[] {
  return json.map((r) => ({ networkId: r.networkId, org: fromJson<OrganizationEntity>(r.org)! }));
}

function personOrganizationsLoader(loaders: RequestLoaders, db: DataSource): DataLoader<string, PersonOrganization[]> {
  return loaders.get('person.organizations', () =>
    new DataLoader<string, PersonOrganization[]>(async (ids) => {
      const rows = await retryIdempotent(() =>
        db.query<{ id: string; orgs: { networkId: string; org: Record<string, unknown> }[] }[]>(
          `${personOrganizationsSet('SELECT unnest($1::uuid[])').replace('SELECT u.person_id', 'SELECT u.person_id AS id')}`,
          [[...ids]],
        ),
      );
      const byId = new Map(rows.map((r) => [r.id, personOrganizations(r.orgs)]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
  );
}

/** A person row that carries its organizations (read with it), so Person.organizations needs no loader call. */
export type PersonWithOrganizations = PersonEntity & { organizationRows?: PersonOrganization[] };

/**
 * Seeds the request's loaders with a person (and, when known, their organizations) read
 * elsewhere; returns the person the loader holds from now on.
 */
export function primePerson(loaders: RequestLoaders, db: DataSource, person: PersonEntity, organizations?: PersonOrganization[]): PersonWithOrganizations {
  const withOrgs: PersonWithOrganizations = organizations ? { ...person, organizationRows: organizations } : person;
  personLoader(loaders, db).prime(person.id, withOrgs);
  if (organizations) personOrganizationsLoader(loaders, db).prime(person.id, organizations);
  return withOrgs;
}

/** Each organization once, by name. */
export function distinctOrganizations(rows: { org: OrganizationEntity }[]): OrganizationEntity[] {
  return [...new Map(rows.map((r) => [r.org.id, r.org])).values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
