import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { VerifiedToken } from '../auth/token-verifier.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError } from '../common/domain-error.js';
import { uniqueViolation } from '../common/db-errors.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { retryIdempotent } from '../database/resilience.js';
import { NetworkRole } from '../networks/network.enums.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { recordEvent } from '../outbox/outbox.js';
import { PersonEntity } from './person.entity.js';

@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The person behind a verified token, created on first sight and kept up to date with the
   * token's name and e-mail. The common case (known, unchanged) is one SELECT.
   */
  signIn(token: VerifiedToken): Promise<PersonEntity> {
    // A read and an upsert of the same values: safe to run again when the connection was lost.
    return retryIdempotent(() => this.upsert(token));
  }

  private async upsert(token: VerifiedToken): Promise<PersonEntity> {
    const repo = this.db.getRepository(PersonEntity);
    const known = await repo.findOneBy({ issuer: token.issuer, subject: token.subject });
    if (known && known.displayName === token.displayName && known.email === token.email) return known;
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO person (issuer, subject, display_name, email) VALUES ($1, $2, $3, $4)
       ON CONFLICT (issuer, subject) DO UPDATE
         SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, updated_at = now()
       RETURNING id`,
      [token.issuer, token.subject, token.displayName, token.email],
    );
    return repo.findOneByOrFail({ id: row.id });
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
    return loaders
      .get('person.byId', () => oneByKey((ids) => this.db.getRepository(PersonEntity).findBy({ id: In(ids) }), (p) => p.id))
      .load(id);
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
  organizationsOf(loaders: RequestLoaders, personId: string): Promise<{ networkId: string; org: OrganizationEntity }[]> {
    return loaders
      .get('person.organizations', () =>
        manyByKey(
          async (ids) => {
            const rows = await this.db.query<{ person_id: string; organization_id: string; network_id: string }[]>(
              `SELECT DISTINCT person_id, organization_id, network_id FROM (
                 SELECT person_id, organization_id, network_id FROM network_role WHERE person_id = ANY($1) AND organization_id IS NOT NULL
                 UNION SELECT gm.person_id, gm.organization_id, g.network_id FROM group_member gm JOIN work_group g ON g.id = gm.group_id
                  WHERE gm.person_id = ANY($1) AND gm.organization_id IS NOT NULL) t`,
              [ids],
            );
            const orgs = rows.length ? await this.db.getRepository(OrganizationEntity).findBy({ id: In([...new Set(rows.map((r) => r.organization_id))]) }) : [];
            const byId = new Map(orgs.map((o) => [o.id, o]));
            return rows.map((r) => ({ personId: r.person_id, networkId: r.network_id, org: byId.get(r.organization_id)! }));
          },
          (r) => r.personId,
        ),
      )
      .load(personId);
  }
}

/** Each organization once, by name. */
export function distinctOrganizations(rows: { org: OrganizationEntity }[]): OrganizationEntity[] {
  return [...new Map(rows.map((r) => [r.org.id, r.org])).values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
