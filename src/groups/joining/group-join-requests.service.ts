import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import { AccessService } from '../../auth/access.service.js';
import type { Viewer } from '../../auth/viewer.js';
import { uniqueViolation } from '../../common/db-errors.js';
import { badInput, DomainError, notFound } from '../../common/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../../common/request-loaders.js';
import { todayInBerlin } from '../../common/scalars.js';
import { isActiveMember } from '../../networks/network-memberships.js';
import { alreadyDecided, JoinRequestStatus } from '../../networks/network.enums.js';
import { recordEvent } from '../../outbox/outbox.js';
import { ACTIVE_MEMBER, membershipChanged, quoted } from '../group-membership.js';
import { GroupEntity } from '../group.entity.js';
import { GROUP_ROLE_DE, GroupJoinPolicy, GroupRole } from '../group.enums.js';
import { GroupJoinRequestEntity } from './group-join-request.entity.js';
import type { DecideGroupJoinRequestInput, RequestGroupMembershipInput } from './group-join.inputs.js';

const alreadyMember = () => new DomainError('CONFLICT', 'Sie sind bereits Mitglied dieser Gruppe.');

/**
 * How role holders of a network join its groups: OPEN groups take them at once, APPROVAL groups
 * queue a request for the group's managers, CLOSED groups take no requests. Every decision
 * reaches the person through the outbox; the Matrix bridge invites on approval and removes on
 * leaving.
 */
@Injectable()
export class GroupJoinRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async request(viewer: Viewer, input: RequestGroupMembershipInput): Promise<GroupJoinRequestEntity> {
    const group = await this.visibleGroup(viewer, input.groupId);
    const [role] = await this.db.query<{ organization_id: string | null }[]>(
      'SELECT organization_id FROM network_role WHERE network_id = $1 AND person_id = $2',
      [group.networkId, viewer.personId],
    );
    if (!role) throw new DomainError('FORBIDDEN', 'Nur wer eine Rolle im Netzwerk hat, kann seinen Gruppen beitreten.');
    if (group.joinPolicy === GroupJoinPolicy.CLOSED) throw new DomainError('FORBIDDEN', 'Die Gruppe ist geschlossen: Nur ihre Leitung oder Moderation nimmt Mitglieder auf.');
    if (input.organizationId && !(await isActiveMember(this.db.manager, group.networkId, input.organizationId))) {
      throw badInput('organizationId', 'die Organisation ist kein aktives Mitglied des Netzwerks');
    }
    if (input.organizationId && input.organizationId !== role.organization_id) await this.requireActingFor(viewer, group, input.organizationId);
    const organizationId = input.organizationId ?? role.organization_id;
    const open = group.joinPolicy === GroupJoinPolicy.OPEN;
    try {
      const request = await this.db.transaction(async (tx) => {
        const [member] = await tx.query(`SELECT 1 FROM group_member gm WHERE gm.group_id = $1 AND gm.person_id = $2 AND ${ACTIVE_MEMBER}`, [group.id, viewer.personId]);
        if (member) throw alreadyMember();
        if (open) {
          // A request from before the group opened still waits: the contract says CONFLICT (APPROVAL
          // groups get the same from the partial unique index when they insert theirs).
          const [pending] = await tx.query(`SELECT 1 FROM group_join_request WHERE group_id = $1 AND person_id = $2 AND status = 'PENDING'`, [group.id, viewer.personId]);
          if (pending) throw new DomainError('CONFLICT', 'Ein Antrag auf Beitritt zu dieser Gruppe wartet bereits auf Entscheidung.');
        }
        const saved = await tx.getRepository(GroupJoinRequestEntity).save({
          groupId: group.id, personId: viewer.personId, organizationId, message: input.message ?? null,
          status: open ? JoinRequestStatus.APPROVED : JoinRequestStatus.PENDING, decidedById: null,
          reason: open ? 'Offene Gruppe: sofort aufgenommen' : null, decidedAt: open ? new Date() : null,
        });
        if (open) {
          // Concurrent requests of one person: the second finds the first's membership (CONFLICT).
          if (!(await admit(tx, group.id, viewer.personId, organizationId))) throw alreadyMember();
          await membershipChanged(tx, group.id, viewer.personId);
          await recordAudit(tx, {
            actor: viewer, action: 'group.member.join', subjectType: 'Group', subjectId: group.id, networkId: group.networkId, aboutPersonId: viewer.personId,
            summary: `Der offenen Gruppe ${quoted(group.name)} als Mitglied beigetreten.`,
          });
        } else {
          await recordAudit(tx, {
            actor: viewer, action: 'group.joinRequest.create', subjectType: 'GroupJoinRequest', subjectId: saved.id, networkId: group.networkId, aboutPersonId: viewer.personId,
            summary: `Beitritt zur Gruppe ${quoted(group.name)} beantragt.`,
          });
        }
        return saved;
      });
      if (open) viewer.invalidate();
      return request;
    } catch (error) {
      // The partial unique index admits one PENDING request per person and group, however many race.
      if (uniqueViolation(error) === 'uq_group_join_request_pending') throw new DomainError('CONFLICT', 'Es liegt bereits eine offene Beitrittsanfrage für diese Gruppe vor.');
      if (uniqueViolation(error) === 'uq_group_member_person') throw alreadyMember();
      throw error;
    }
  }

  /** Group LEAD/MODERATOR, network ADMIN/MODERATOR or hub admin; approval makes the person MEMBER. */
  async decide(viewer: Viewer, input: DecideGroupJoinRequestInput): Promise<GroupJoinRequestEntity> {
    const existing = isUuid(input.requestId) ? await this.db.getRepository(GroupJoinRequestEntity).findOneBy({ id: input.requestId }) : null;
    const group = existing && (await this.db.getRepository(GroupEntity).findOneBy({ id: existing.groupId }));
    if (!existing || !group) throw notFound('Beitrittsanfrage');
    if ((await this.access.groupView(viewer, group)) !== 'manage') {
      // The requester sees their request; for everyone else it does not exist.
      if (existing.personId === viewer.personId) throw new DomainError('FORBIDDEN', 'Nur die Leitung oder Moderation der Gruppe entscheidet über Beitrittsanfragen.');
      throw notFound('Beitrittsanfrage');
    }
    const decided = await this.db.transaction(async (tx) => {
      const [rows] = await tx.query<[{ id: string }[], number]>(
        `UPDATE group_join_request SET status = $2, decided_by_id = $3, reason = $4, decided_at = now() WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [existing.id, input.approve ? JoinRequestStatus.APPROVED : JoinRequestStatus.REJECTED, viewer.personId, input.reason ?? null],
      );
      if (!rows.length) {
        throw new DomainError('CONFLICT', alreadyDecided(existing.status));
      }
      if (input.approve) {
        const [role] = await tx.query('SELECT 1 FROM network_role WHERE network_id = $1 AND person_id = $2', [group.networkId, existing.personId]);
        if (!role) throw new DomainError('CONFLICT', 'Die Person hat keine Rolle mehr im Netzwerk. Bitte lehnen Sie die Anfrage stattdessen ab.');
        // Someone who became a member meanwhile keeps the role they have.
        await admit(tx, group.id, existing.personId, existing.organizationId);
        await membershipChanged(tx, group.id, existing.personId);
      }
      await recordEvent(tx, {
        type: 'GroupJoinRequestDecided', aggregateType: 'Group', aggregateId: group.id, groupId: group.id,
        payload: { requestId: existing.id, groupId: group.id, groupName: group.name, personId: existing.personId, approved: input.approve, reason: input.reason ?? null },
      });
      await recordAudit(tx, {
        actor: viewer, action: input.approve ? 'group.joinRequest.approve' : 'group.joinRequest.reject', subjectType: 'GroupJoinRequest',
        subjectId: existing.id, networkId: group.networkId, aboutPersonId: existing.personId,
        summary: `Antrag auf Beitritt zur Gruppe ${quoted(group.name)} ${input.approve ? 'angenommen' : 'abgelehnt'}.`,
      });
      return tx.getRepository(GroupJoinRequestEntity).findOneByOrFail({ id: existing.id });
    });
    viewer.invalidate();
    return decided;
  }

  /** Ends the caller's membership. The group's last LEAD cannot leave (CONFLICT). */
  async leave(viewer: Viewer, groupId: string): Promise<boolean> {
    const group = await this.visibleGroup(viewer, groupId);
    await this.db.transaction(async (tx) => {
      // Serialises departures from one group, so two LEADs leaving at once cannot both go.
      await tx.query('SELECT id FROM work_group WHERE id = $1 FOR UPDATE', [group.id]);
      const [mine] = await tx.query<{ role: GroupRole }[]>('SELECT role FROM group_member WHERE group_id = $1 AND person_id = $2', [group.id, viewer.personId]);
      if (!mine) throw badInput('groupId', 'Sie sind nicht Mitglied dieser Gruppe');
      if (mine.role === GroupRole.LEAD) {
        const [other] = await tx.query(
          `SELECT 1 FROM group_member gm WHERE gm.group_id = $1 AND gm.person_id <> $2 AND gm.role = 'LEAD' AND ${ACTIVE_MEMBER}`,
          [group.id, viewer.personId],
        );
        if (!other) throw new DomainError('CONFLICT', 'Die letzte Leitung kann die Gruppe nicht verlassen. Bitte übertragen Sie die Leitung zuerst an jemand anderen.');
      }
      await tx.query('DELETE FROM group_member WHERE group_id = $1 AND person_id = $2', [group.id, viewer.personId]);
      await membershipChanged(tx, group.id, viewer.personId);
      await recordAudit(tx, {
        actor: viewer, action: 'group.member.leave', subjectType: 'Group', subjectId: group.id, networkId: group.networkId, aboutPersonId: viewer.personId,
        summary: `Gruppe ${quoted(group.name)} verlassen (Rolle ${GROUP_ROLE_DE[mine.role]}).`,
      });
    });
    viewer.invalidate();
    return true;
  }

  /** Group.joinRequests, newest first; the resolver shows them to managers only. */
  forGroup(loaders: RequestLoaders, groupId: string): Promise<GroupJoinRequestEntity[]> {
    return loaders
      .get('group.joinRequests', () =>
        manyByKey((ids) => this.db.getRepository(GroupJoinRequestEntity).find({ where: { groupId: In(ids) }, order: { createdAt: 'DESC' } }), (r) => r.groupId),
      )
      .load(groupId);
  }

  /** The caller's own newest request per group (one query for all groups of a request). */
  latestOf(loaders: RequestLoaders, viewer: Viewer, groupId: string): Promise<GroupJoinRequestEntity | null> {
    return loaders
      .get('group.myJoinRequest', () =>
        oneByKey(
          (ids) =>
            this.db
              .getRepository(GroupJoinRequestEntity)
              .createQueryBuilder('r')
              .distinctOn(['r.group_id'])
              .where('r.person_id = :person AND r.group_id IN (:...ids)', { person: viewer.personId, ids })
              .orderBy('r.group_id')
              .addOrderBy('r.created_at', 'DESC')
              .getMany(),
          (r) => r.groupId,
        ),
      )
      .load(groupId);
  }

  /** PENDING requests the caller may decide, across all groups they manage, oldest first. */
  async pendingFor(viewer: Viewer): Promise<GroupJoinRequestEntity[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT r.id FROM group_join_request r JOIN work_group g ON g.id = r.group_id
        WHERE r.status = 'PENDING' AND ($2
           OR g.network_id IN (SELECT network_id FROM network_role WHERE person_id = $1 AND role IN ('ADMIN', 'MODERATOR'))
           OR g.id IN (SELECT gm.group_id FROM group_member gm WHERE gm.person_id = $1 AND gm.role IN ('LEAD', 'MODERATOR') AND ${ACTIVE_MEMBER}))`,
      [viewer.personId, viewer.hubAdmin],
    );
    if (!rows.length) return [];
    return this.db.getRepository(GroupJoinRequestEntity).find({ where: { id: In(rows.map((r) => r.id)) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * One asks to join for an organization one acts for in the network: the one of one's network
   * role, or that of one of one's group memberships there. The group's managers may name any
   * member organization.
   */
  private async requireActingFor(viewer: Viewer, group: GroupEntity, organizationId: string): Promise<void> {
    if ((await this.access.groupAccess(viewer, group)) === 'manage') return;
    const [acts] = await this.db.query(
      `SELECT 1 FROM group_member gm JOIN work_group g ON g.id = gm.group_id
        WHERE gm.person_id = $1 AND g.network_id = $2 AND gm.organization_id = $3 AND ${ACTIVE_MEMBER}`,
      [viewer.personId, group.networkId, organizationId],
    );
    if (!acts) throw badInput('organizationId', 'Sie handeln nicht für diese Organisation');
  }

  private async visibleGroup(viewer: Viewer, groupId: string): Promise<GroupEntity> {
    const group = isUuid(groupId) ? await this.db.getRepository(GroupEntity).findOneBy({ id: groupId }) : null;
    if (!group || !(await this.access.groupView(viewer, group))) throw notFound('Gruppe');
    return group;
  }
}

/**
 * Makes the person an active MEMBER. An expired guest comes back as MEMBER; an active member is
 * left as they are. Returns false in that last case.
 */
async function admit(tx: EntityManager, groupId: string, personId: string, organizationId: string | null): Promise<boolean> {
  const rows = await tx.query<{ id: string }[]>(
    `INSERT INTO group_member AS gm (group_id, person_id, organization_id, role, since, until) VALUES ($1, $2, $3, 'MEMBER', $4, NULL)
     ON CONFLICT (group_id, person_id) DO UPDATE
       SET role = 'MEMBER', organization_id = EXCLUDED.organization_id, since = EXCLUDED.since, until = NULL
       WHERE NOT ${ACTIVE_MEMBER}
     RETURNING id`,
    [groupId, personId, organizationId, todayInBerlin()],
  );
  return rows.length > 0;
}
