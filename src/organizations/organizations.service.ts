import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { badInput } from '../common/domain-error.js';
import { uniqueViolation } from '../common/db-errors.js';
import { oneByKey, type RequestLoaders } from '../common/request-loaders.js';
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
    return loaders.get('organization.byId', () =>
      oneByKey((ids) => this.db.getRepository(OrganizationEntity).findBy({ id: In(ids) }), (o) => o.id),
    );
  }

  /** Resolves an optional organization id through the request's loader. */
  load(loaders: RequestLoaders, id: string | null | undefined): Promise<OrganizationEntity | null> {
    return id ? this.loader(loaders).load(id) : Promise.resolve(null);
  }
}
