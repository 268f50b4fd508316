import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import type { Viewer } from '../../auth/viewer.js';
import { Clock } from '../../common/clock.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DomainError } from '../../common/domain-error.js';
import { manyByKey, type RequestLoaders } from '../../common/request-loaders.js';
import { approvalRuleOf } from '../../groups/approval/approval-rule.js';
import { GroupEntity } from '../../groups/group.entity.js';
import { ProtocolApprovalMode } from '../../groups/group.enums.js';
import { MeetingEntity } from '../../meetings/entities/meeting.entity.js';
import { recordEvent } from '../../outbox/outbox.js';
import type { ProtocolTransitionInput } from '../dto/protocol.inputs.js';
import { ProtocolEntity } from '../entities/protocol.entity.js';
import { bumpVersion, recordRevision, type ProtocolRow } from '../protocol-version.js';
import { ProtocolStatus } from '../protocol.enums.js';
import { toProtocolModel } from '../protocols.service.js';
import type { ProtocolModel } from '../protocol.model.js';
import { ProtocolApprovalEntity } from './protocol-approval.entity.js';
import { ProtocolReviewService } from './protocol-review.service.js';
import { ensureApprovalMeeting, missingApprovers, openObjections } from './review-rules.js';

const conflict = (message: string, extra: Record<string, unknown> = {}) => new DomainError('CONFLICT', `protocolId: ${message}`, { field: 'protocolId', ...extra });

/**
 * Approvals that are not the moderation's click: each named approver's (mode NAMED_APPROVERS), and
 * the hub's own at the end of the objection period (OBJECTION_PERIOD). The period's end is stored
 * on the protocol (approval_due_at); a poller reading the injected Clock approves what is due.
 * The approval is the state change IN_REVIEW → APPROVED itself, so a second poller, a restarted
 * instance or a moderator at the same moment cannot approve twice: only one UPDATE matches.
 */
@Injectable()
export class ProtocolApprovalsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProtocolApprovalsService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly review: ProtocolReviewService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      void this.approveDue().catch((e: Error) => this.logger.error(`automatic approval failed: ${e.message}`));
      void this.placePendingApprovals().catch((e: Error) => this.logger.error(`placing approvals on next agendas failed: ${e.message}`));
    }, this.config.approvalPollSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** A named approver approves the protocol's current text; the last one's approval approves it. */
  async approveAsApprover(viewer: Viewer, input: ProtocolTransitionInput): Promise<ProtocolModel> {
    const ctx = await this.review.requireReviewer(viewer, input.protocolId);
    const { protocol, meeting, networkId } = ctx;
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<(ProtocolRow & { approval_mode: ProtocolApprovalMode | null })[]>(
        'SELECT id, meeting_id, status, version, approval_mode FROM protocol WHERE id = $1 FOR NO KEY UPDATE', [protocol.id],
      );
      if (row.status !== ProtocolStatus.IN_REVIEW || row.approval_mode !== ProtocolApprovalMode.NAMED_APPROVERS) {
        throw conflict('Dieses Protokoll genehmigen keine benannten Personen (oder es ist nicht in Abstimmung).');
      }
      const rule = await approvalRuleOf(tx, meeting.groupId);
      if (!rule.approverIds.includes(viewer.personId)) throw new DomainError('FORBIDDEN', 'Sie sind nicht als Genehmigende dieser Gruppe benannt.');
      if (row.version !== input.expectedVersion) {
        throw new DomainError('CONFLICT', `Das Protokoll wurde inzwischen geändert (jetzt Fassung ${row.version}). Bitte lesen Sie die neue Fassung, bevor Sie genehmigen.`, { currentVersion: row.version });
      }
      const objections = await openObjections(tx, protocol.id);
      if (objections) throw conflict('Ein Einwand ist noch offen. Genehmigen können Sie, sobald er zurückgezogen oder entschieden ist.', { openObjections: objections });
      await tx.query('INSERT INTO protocol_approval (protocol_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [protocol.id, viewer.personId]);
      await recordAudit(tx, {
        actor: viewer, action: 'protocol.approval.give', subjectType: 'Protocol', subjectId: protocol.id, networkId,
        summary: `Als benannte Genehmigende das Protokoll der Sitzung „${meeting.title}“ (Fassung ${row.version}) genehmigt.`,
      });
      if ((await missingApprovers(tx, protocol.id, meeting.groupId)).length) return;
      const approved = await bumpVersion(tx, protocol.id, {
        expected: row.version, states: [ProtocolStatus.IN_REVIEW], authorId: viewer.personId, summary: 'Genehmigt von allen benannten Genehmigenden',
        set: `status = 'APPROVED', approved_at = now()`,
      });
      await tx.query('UPDATE protocol SET approved_by_id = $2 WHERE id = $1', [protocol.id, viewer.personId]);
      await this.approved(tx, approved, networkId, viewer.personId, 'von allen benannten Genehmigenden genehmigt', false);
    });
    return toProtocolModel(await this.db.getRepository(ProtocolEntity).findOneByOrFail({ id: protocol.id }), ctx.meeting.access);
  }

  /**
   * Approves every protocol whose objection period has ended at the clock's now and that has no
   * open objection. Returns how many. Safe to run anywhere, any number of times.
   */
  async approveDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.query<{ id: string }[]>(
      `SELECT id FROM protocol WHERE status = 'IN_REVIEW' AND approval_mode = 'OBJECTION_PERIOD' AND approval_due_at <= $1 ORDER BY approval_due_at LIMIT 100`,
      [now],
    );
    let count = 0;
    for (const { id } of due) {
      const done = await this.db.transaction(async (tx) => {
        const [rows] = await tx.query<[ProtocolRow[], number]>(
          `UPDATE protocol p SET status = 'APPROVED', approved_at = $2, approved_by_id = NULL, version = version + 1, updated_at = now()
            WHERE p.id = $1 AND p.status = 'IN_REVIEW' AND p.approval_mode = 'OBJECTION_PERIOD' AND p.approval_due_at <= $2
              AND NOT EXISTS (SELECT 1 FROM protocol_feedback f WHERE f.protocol_id = p.id AND f.kind = 'OBJECTION' AND f.resolution IS NULL)
            RETURNING id, meeting_id, status, version`,
          [id, now],
        );
        const row = rows[0];
        if (!row) return false;
        // A revision names a person (the contract's Person!): the one who submitted it started the period
        // that approved it. The audit entry names no actor: the hub approved it.
        const [submitter] = await tx.query<{ author_id: string }[]>(
          `SELECT author_id FROM protocol_revision WHERE protocol_id = $1 ORDER BY (summary = 'Zur Abstimmung eingereicht') DESC, version DESC LIMIT 1`, [row.id],
        );
        await recordRevision(tx, row, submitter.author_id, 'Genehmigt nach Ablauf der Widerspruchsfrist (automatisch, ohne offenen Einwand)');
        const m = await tx.getRepository(MeetingEntity).findOneByOrFail({ id: row.meeting_id });
        const { networkId } = await tx.getRepository(GroupEntity).findOneByOrFail({ id: m.groupId });
        await this.approved(tx, row, networkId, null, 'nach Ablauf der Widerspruchsfrist ohne offenen Einwand automatisch genehmigt', true);
        return true;
      });
      if (done) count += 1;
    }
    if (count) this.logger.log(`${count} protocol(s) approved after their objection period`);
    return count;
  }

  /**
   * Protocols to be approved in the next meeting (NEXT_MEETING) that were submitted while the group
   * had none: once one is scheduled, "Genehmigung des Protokolls vom …" goes onto its agenda without
   * waiting for someone to try approving. Returns how many were placed. Idempotent.
   */
  async placePendingApprovals(): Promise<number> {
    const now = this.clock.now();
    const waiting = await this.db.getRepository(ProtocolEntity).find({
      select: { id: true, meetingId: true },
      where: { status: ProtocolStatus.IN_REVIEW, approvalMode: ProtocolApprovalMode.NEXT_MEETING, approvalMeetingId: IsNull() },
      take: 100,
    });
    let placed = 0;
    for (const p of waiting) {
      const meeting = await this.db.getRepository(MeetingEntity).findOneBy({ id: p.meetingId });
      if (!meeting) continue;
      await ensureApprovalMeeting(this.db, p.id, meeting, now);
      const after = await this.db.getRepository(ProtocolEntity).findOneBy({ id: p.id });
      if (after?.approvalMeetingId) placed += 1;
    }
    return placed;
  }

  /** The audit entry and the announcement (mail, Matrix) of an approval that was not the moderation's click. */
  private async approved(tx: EntityManager, row: ProtocolRow, networkId: string, actorId: string | null, how: string, automatic: boolean): Promise<void> {
    // Read through the owners' entities (typed), not SQL against their tables.
    const m = await tx.getRepository(MeetingEntity).findOneByOrFail({ id: row.meeting_id });
    await recordAudit(tx, {
      actor: actorId, action: automatic ? 'protocol.approve.automatic' : 'protocol.approve', subjectType: 'Protocol', subjectId: row.id, networkId,
      summary: `Protokoll der Sitzung „${m.title}“ ${how} (in Abstimmung → genehmigt).`,
    });
    await recordEvent(tx, {
      type: 'ProtocolApproved', aggregateType: 'Protocol', aggregateId: row.id, groupId: m.groupId,
      payload: { protocolId: row.id, meetingId: m.id, title: m.title, startsAt: m.startsAt, timeZone: m.timeZone, automatic, version: row.version },
    });
  }

  approvals(loaders: RequestLoaders, protocolId: string): Promise<ProtocolApprovalEntity[]> {
    return loaders
      .get('protocol.approvals', () =>
        manyByKey((ids) => this.db.getRepository(ProtocolApprovalEntity).find({ where: { protocolId: In(ids) }, order: { approvedAt: 'ASC' } }), (a) => a.protocolId),
      )
      .load(protocolId);
  }
}
