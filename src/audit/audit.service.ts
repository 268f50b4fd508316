import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { badInput } from '../common/domain-error.js';
import { NetworkRole } from '../networks/network.enums.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

const MAX_LIMIT = 500;

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw badInput('limit', `muss zwischen 1 und ${MAX_LIMIT} liegen`);
  return limit;
}

/** Reads the audit log; writing happens in recordAudit, inside each change's transaction. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first; network ADMINs and hub admins, everyone else []. */
  async forNetwork(viewer: Viewer, networkId: string, before: Date | null | undefined, limit: number): Promise<AuditEntryEntity[]> {
    checkLimit(limit);
    if (!viewer.hubAdmin && (await viewer.networkRole(networkId)) !== NetworkRole.ADMIN) return [];
    const qb = this.db
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .where('e.network_id = :networkId', { networkId })
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit);
    if (before) qb.andWhere('e.at < :before', { before });
    return qb.getMany();
  }

  /** Entries where the caller is actor or the person concerned, newest first. */
  mine(viewer: Viewer, limit: number): Promise<AuditEntryEntity[]> {
    checkLimit(limit);
    return this.db
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .where('(e.actor_id = :me OR e.about_person_id = :me)', { me: viewer.personId })
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
