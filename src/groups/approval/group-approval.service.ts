import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput } from '../../common/domain-error.js';
import { manyByKey, type RequestLoaders } from '../../common/request-loaders.js';
import { quoted } from '../group-membership.js';
import { GroupEntity } from '../group.entity.js';
import { APPROVAL_MODE_DE, ProtocolApprovalMode } from '../group.enums.js';
import { GroupsService } from '../groups.service.js';
import { approvalRuleOf, replaceApprovers } from './approval-rule.js';
import type { SetProtocolApprovalRuleInput } from './approval-rule.inputs.js';

@Injectable()
export class GroupApprovalService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly groups: GroupsService,
  ) {}

  /** Sets how the group's protocols are approved; protocols already in review keep the rule they started with. */
  async setRule(viewer: Viewer, input: SetProtocolApprovalRuleInput): Promise<GroupEntity> {
    const group = await this.groups.requireManageable(viewer, input.groupId);
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM work_group WHERE id = $1 FOR UPDATE', [group.id]);
      const before = await approvalRuleOf(tx, group.id);
      if (input.approverIds) await replaceApprovers(tx, group.id, input.approverIds);
      const after = await approvalRuleOf(tx, group.id);
      if (input.mode === ProtocolApprovalMode.NAMED_APPROVERS && !after.approverIds.length) {
        throw badInput('approverIds', 'bitte benennen Sie mindestens eine Person, die das Protokoll genehmigt');
      }
      const days = input.objectionPeriodDays ?? before.objectionPeriodDays;
      await tx.query('UPDATE work_group SET protocol_approval_mode = $2, objection_period_days = $3 WHERE id = $1', [group.id, input.mode, days]);
      await recordAudit(tx, {
        actor: viewer, action: 'group.protocolApproval.set', subjectType: 'Group', subjectId: group.id, networkId: group.networkId,
        summary: `Genehmigung der Protokolle der Gruppe ${quoted(group.name)}: ${APPROVAL_MODE_DE[before.mode]} → ${APPROVAL_MODE_DE[input.mode]}`
          + `${input.mode === ProtocolApprovalMode.OBJECTION_PERIOD ? ` (${days} Tage)` : ''}`
          + `${input.mode === ProtocolApprovalMode.NAMED_APPROVERS ? ` (${after.approverIds.length} Genehmigende)` : ''}.`,
      });
      return tx.getRepository(GroupEntity).findOneByOrFail({ id: group.id });
    });
  }

  /** The named approvers' person ids, per request and group. */
  approverIds(loaders: RequestLoaders, groupId: string): Promise<{ groupId: string; personId: string }[]> {
    return loaders
      .get('group.protocolApprovers', () =>
        manyByKey(
          (ids) => this.db.query<{ groupId: string; personId: string }[]>(
            'SELECT group_id AS "groupId", person_id AS "personId" FROM group_protocol_approver WHERE group_id = ANY($1::uuid[]) ORDER BY created_at, person_id',
            [ids],
          ),
          (r) => r.groupId,
        ),
      )
      .load(groupId);
  }
}
