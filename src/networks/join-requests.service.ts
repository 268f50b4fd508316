import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import { uniqueViolation } from '../common/db-errors.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, type RequestLoaders } from '../common/request-loaders.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { DecideJoinRequestInput, RequestNetworkMembershipInput } from './dto/network.inputs.js';
import { JoinRequestEntity } from './entities/join-request.entity.js';
import { ensureActiveMembership, ensureNetworkRole, joinableOrganizationIds } from './network-memberships.js';
import { alreadyDecided, JoinPolicy, JoinRequestStatus, NetworkRole } from './network.enums.js';
import { NetworksService } from './networks.service.js';

/**
 * How organizations join: OPEN networks admit at once, APPROVAL networks queue a request for
 * their ADMINs, INVITE_ONLY networks take no requests (ADMINs add members themselves).
 */
@Injectable()
export class JoinRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly networks: NetworksService,
    private readonly organizations: OrganizationsService,
  ) {}

  async request(viewer: Viewer, input: RequestNetworkMembershipInput): Promise<JoinRequestEntity> {
    const network = await this.networks.requireVisible(viewer, input.networkId);
    if (network.joinPolicy === JoinPolicy.INVITE_ONLY) throw badInput('networkId', 'das Netzwerk nimmt nur auf Einladung auf – bitte wenden Sie sich an seine Administration');
    await this.organizations.requireExisting(input.organizationId, 'organizationId');
    const { own, members } = await joinableOrganizationIds(this.db, network.id, viewer.personId);
    if (members.has(input.organizationId) && !own.has(input.organizationId)) {
      throw badInput('organizationId', 'ist schon Mitglied des Netzwerks – wählen Sie Ihre eigene Organisation oder eine, die noch nicht dabei ist');
    }
    const open = network.joinPolicy === JoinPolicy.OPEN;
    try {
      const request = await this.db.transaction(async (tx) => {
        const saved = await tx.getRepository(JoinRequestEntity).save({
          networkId: network.id,
          organizationId: input.organizationId,
          requestedById: viewer.personId,
          message: input.message ?? null,
          status: open ? JoinRequestStatus.APPROVED : JoinRequestStatus.PENDING,
          decidedById: null,
          reason: open ? 'Offenes Netzwerk: automatisch aufgenommen' : null,
          decidedAt: open ? new Date() : null,
        });
        if (open) await this.admit(tx, saved);
        await recordAudit(tx, {
          actor: viewer, action: open ? 'network.joinRequest.autoApprove' : 'network.joinRequest.create', subjectType: 'JoinRequest', subjectId: saved.id,
          networkId: network.id, aboutPersonId: viewer.personId,
          summary: open ? 'Dem offenen Netzwerk beigetreten (Organisation und Person als MEMBER).' : 'Beitritt zum Netzwerk beantragt.',
        });
        return saved;
      });
      if (open) viewer.invalidate();
      return request;
    } catch (error) {
      if (uniqueViolation(error) === 'uq_join_request_pending') {
        throw badInput('organizationId', 'für diese Organisation liegt bereits eine offene Beitrittsanfrage vor');
      }
      throw error;
    }
  }

  async decide(viewer: Viewer, input: DecideJoinRequestInput): Promise<JoinRequestEntity> {
    const existing = isUuid(input.joinRequestId) ? await this.db.getRepository(JoinRequestEntity).findOneBy({ id: input.joinRequestId }) : null;
    if (!existing) throw notFound('Beitrittsanfrage');
    // Join requests are visible to network ADMINs only: anyone else gets NOT_FOUND.
    if (!viewer.hubAdmin && (await viewer.networkRole(existing.networkId)) !== NetworkRole.ADMIN) throw notFound('Beitrittsanfrage');
    return this.db.transaction(async (tx) => {
      const rows: [JoinRequestEntity[], number] = await tx.query(
        `UPDATE join_request SET status = $2, decided_by_id = $3, reason = $4, decided_at = now()
          WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [existing.id, input.approve ? JoinRequestStatus.APPROVED : JoinRequestStatus.REJECTED, viewer.personId, input.reason ?? null],
      );
      if (rows[1] === 0) {
        throw new DomainError('CONFLICT', alreadyDecided(existing.status));
      }
      const decided = await tx.getRepository(JoinRequestEntity).findOneByOrFail({ id: existing.id });
      if (input.approve) await this.admit(tx, decided);
      await recordAudit(tx, {
        actor: viewer, action: input.approve ? 'network.joinRequest.approve' : 'network.joinRequest.reject', subjectType: 'JoinRequest', subjectId: decided.id,
        networkId: decided.networkId, aboutPersonId: decided.requestedById,
        summary: `Antrag auf Beitritt zum Netzwerk ${input.approve ? 'angenommen' : 'abgelehnt'}.`,
      });
      return decided;
    });
  }

  /** Approval adds the organization as an ACTIVE member and the requester as MEMBER for it. */
  private async admit(tx: EntityManager, request: JoinRequestEntity): Promise<void> {
    await ensureActiveMembership(tx, request.networkId, request.organizationId);
    await ensureNetworkRole(tx, request.networkId, request.requestedById, NetworkRole.MEMBER, request.organizationId);
  }

  forNetwork(loaders: RequestLoaders, networkId: string): Promise<JoinRequestEntity[]> {
    return loaders
      .get('network.joinRequests', () =>
        manyByKey(
          (ids) =>
            this.db
              .getRepository(JoinRequestEntity)
              .createQueryBuilder('j')
              .where('j.network_id IN (:...ids)', { ids })
              .orderBy('j.created_at', 'DESC')
              .getMany(),
          (j) => j.networkId,
        ),
      )
      .load(networkId);
  }
}
