import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput } from '../common/domain-error.js';
import { uniqueViolation } from '../common/db-errors.js';
import { oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { ORGANIZATION_COLUMNS, selectList } from '../common/sql-rows.js';
import type { CreateOrganizationInput } from './create-organization.input.js';
import { OrganizationEntity } from './organization.entity.js';

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<OrganizationEntity[]> {
    return this.db.getRepository(OrganizationEntity).find({ order: { name: 'ASC' } });
  }

  async create(input: CreateOrganizationInput): Promise<OrganizationEntity> {
    try {
      return await this.db.getRepository(OrganizationEntity).save({
        name: input.name.trim(),
        kind: input.kind,
        federalState: input.federalState ?? null,
        municipalityKey: input.municipalityKey ?? null,
        website: input.website ?? null,
      });
    } catch (error) {
      if (uniqueViolation(error) === 'uq_organization_municipality_key') {
        throw badInput('municipalityKey', 'es gibt bereits eine Organisation mit diesem Gemeindeschlüssel');
      }
      throw error;
    }
  }

  /** Throws BAD_USER_INPUT naming `field` when the organization does not exist. */
  async requireExisting(id: string, field: string): Promise<OrganizationEntity> {
    const org = await this.db.getRepository(OrganizationEntity).findOneBy({ id });
    if (!org) throw badInput(field, 'unbekannte Organisation');
    return org;
  }

  loader(loaders: RequestLoaders) {
    return organizationLoader(loaders, this.db);
  }

  /** Resolves an optional organization id through the request's loader. */
  load(loaders: RequestLoaders, id: string | null | undefined): Promise<OrganizationEntity | null> {
    return id ? this.loader(loaders).load(id) : Promise.resolve(null);
  }
}

/** The request's organization loader (one statement per batch, plain rows). */
export function organizationLoader(loaders: RequestLoaders, db: DataSource) {
  return loaders.get('organization.byId', () =>
    oneByKey(
      (ids) => db.query<OrganizationEntity[]>(`SELECT ${selectList('o', ORGANIZATION_COLUMNS)} FROM organization o WHERE o.id = ANY($1)`, [ids]),
      (o) => o.id,
    ),
  );
}

/** Seeds the request's organization loader with a row read elsewhere (a join). */
export function primeOrganization(loaders: RequestLoaders, db: DataSource, org: OrganizationEntity | null): void {
  if (org) organizationLoader(loaders, db).prime(org.id, org);
}
