import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, notFound } from '../../common/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { manyByKey, RequestLoaders } from '../../common/request-loaders.js';
import { MeetingAccessService, toMeetingModel } from '../../meetings/meeting-access.service.js';
import type { MeetingModel } from '../../meetings/meeting.model.js';
import { isRecordedPresent } from '../../meetings/protocol-approval-item.js';
import { ProtocolEntity } from '../entities/protocol.entity.js';
import { ProtocolStatus } from '../protocol.enums.js';
import type { AnswerProtocolFeedbackInput, CommentOnProtocolInput, DecideProtocolObjectionInput, RaiseProtocolObjectionInput, WithdrawProtocolObjectionInput } from './review.inputs.js';
import { ProtocolFeedbackEntity } from './protocol-feedback.entity.js';
import { ObjectionResolution, ProtocolFeedbackKind } from './protocol-review.enums.js';
import type { ProtocolFeedbackModel } from './protocol-review.model.js';

interface Context {
  protocol: ProtocolEntity;
  meeting: MeetingModel;
  networkId: string;
}

const RESOLUTION_DE: Record<ObjectionResolution, string> = { WITHDRAWN: 'zurückgezogen', UPHELD: 'stattgegeben', REJECTED: 'zurückgewiesen' };

/**
 * The review that involves the group (issue 21.1): while a protocol is IN_REVIEW, every member of
 * the meeting's groups and everyone recorded as present comments on an entry or raises an
 * objection; the moderation answers and decides objections; authors withdraw their own.
 */
@Injectable()
export class ProtocolReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetingAccess: MeetingAccessService,
  ) {}

  comment(viewer: Viewer, input: CommentOnProtocolInput): Promise<ProtocolFeedbackModel> {
    return this.add(viewer, input.protocolId, input.agendaItemId ?? null, ProtocolFeedbackKind.COMMENT, input.text);
  }

  object(viewer: Viewer, input: RaiseProtocolObjectionInput): Promise<ProtocolFeedbackModel> {
    return this.add(viewer, input.protocolId, input.agendaItemId ?? null, ProtocolFeedbackKind.OBJECTION, input.reason);
  }

  async answer(viewer: Viewer, input: AnswerProtocolFeedbackInput): Promise<ProtocolFeedbackModel> {
    const { feedback, ctx } = await this.requireFeedback(viewer, input.feedbackId, 'manage');
    return this.write(feedback.id, async (tx) => {
      await this.lockInReview(tx, ctx.protocol.id, 'feedbackId');
      await tx.query('UPDATE protocol_feedback SET answer = $2, answered_by_id = $3, answered_at = now() WHERE id = $1', [feedback.id, input.answer.trim(), viewer.personId]);
      await this.audit(tx, viewer, ctx, 'protocol.feedback.answer', feedback.authorId, `${kindName(feedback.kind)} zum Protokoll der Sitzung „${ctx.meeting.title}“ beantwortet.`);
    });
  }

  async decide(viewer: Viewer, input: DecideProtocolObjectionInput): Promise<ProtocolFeedbackModel> {
    const { feedback, ctx } = await this.requireFeedback(viewer, input.feedbackId, 'manage');
    if (feedback.kind !== ProtocolFeedbackKind.OBJECTION) throw badInput('feedbackId', 'nur über einen Einwand wird entschieden; einen Kommentar beantworten Sie');
    const resolution = input.upheld ? ObjectionResolution.UPHELD : ObjectionResolution.REJECTED;
    return this.write(feedback.id, async (tx) => {
      await this.lockInReview(tx, ctx.protocol.id, 'feedbackId');
      await this.resolve(tx, feedback.id, resolution, viewer.personId, input.answer.trim());
      await this.audit(tx, viewer, ctx, 'protocol.objection.decide', feedback.authorId, `Einwand zum Protokoll der Sitzung „${ctx.meeting.title}“ ${RESOLUTION_DE[resolution]}.`);
    });
  }

  async withdraw(viewer: Viewer, input: WithdrawProtocolObjectionInput): Promise<ProtocolFeedbackModel> {
    const { feedback, ctx } = await this.requireFeedback(viewer, input.feedbackId, 'review');
    if (feedback.authorId !== viewer.personId) throw new DomainError('FORBIDDEN', 'Nur wer den Einwand erhoben hat, kann ihn zurückziehen.');
    if (feedback.kind !== ProtocolFeedbackKind.OBJECTION) throw badInput('feedbackId', 'nur ein Einwand kann zurückgezogen werden');
    return this.write(feedback.id, async (tx) => {
      await this.lockInReview(tx, ctx.protocol.id, 'feedbackId');
      await this.resolve(tx, feedback.id, ObjectionResolution.WITHDRAWN, viewer.personId, null);
      await this.audit(tx, viewer, ctx, 'protocol.objection.withdraw', feedback.authorId, `Einwand zum Protokoll der Sitzung „${ctx.meeting.title}“ zurückgezogen.`);
    });
  }

  /** The protocol's comments and objections, oldest first, for the meeting's groups and present people. */
  forProtocol(loaders: RequestLoaders, protocolId: string): Promise<ProtocolFeedbackEntity[]> {
    return loaders
      .get('protocol.feedback', () =>
        manyByKey((ids) => this.db.getRepository(ProtocolFeedbackEntity).find({ where: { protocolId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }), (f) => f.protocolId),
      )
      .load(protocolId);
  }

  /**
   * The protocol in review for someone who may review it: a member of the meeting's groups, or a
   * person recorded as present. Others get NOT_FOUND, as for the protocol itself.
   */
  async requireReviewer(viewer: Viewer, protocolId: string): Promise<Context> {
    const protocol = isUuid(protocolId) ? await this.db.getRepository(ProtocolEntity).findOneBy({ id: protocolId }) : null;
    if (!protocol) throw notFound('Protokoll');
    const loaders = new RequestLoaders();
    let meeting = await this.meetingAccess.require(viewer, protocol.meetingId, 'read', loaders).catch(() => null);
    if (!meeting && (await isRecordedPresent(this.db.manager, protocol.meetingId, viewer.personId))) {
      // Present without being a member (a guest, a deputy): they review what they attended.
      meeting = toMeetingModel((await this.meetingAccess.load(loaders, protocol.meetingId))!, 'read');
    }
    if (!meeting) throw notFound('Protokoll');
    if (protocol.status === ProtocolStatus.DRAFT && meeting.access !== 'manage') throw notFound('Protokoll');
    const { networkId } = await this.meetingAccess.primaryGroup(loaders, meeting);
    return { protocol, meeting, networkId };
  }

  private async add(viewer: Viewer, protocolId: string, agendaItemId: string | null, kind: ProtocolFeedbackKind, text: string): Promise<ProtocolFeedbackModel> {
    const ctx = await this.requireReviewer(viewer, protocolId);
    if (agendaItemId) {
      const [item] = await this.db.query('SELECT 1 FROM agenda_item WHERE id = $1 AND meeting_id = $2', [agendaItemId, ctx.meeting.id]);
      if (!item) throw badInput('agendaItemId', 'ist kein Tagesordnungspunkt der Sitzung dieses Protokolls');
    }
    return this.db.transaction(async (tx) => {
      const version = await this.lockInReview(tx, ctx.protocol.id, 'protocolId');
      const saved = await tx.getRepository(ProtocolFeedbackEntity).save({
        protocolId: ctx.protocol.id, agendaItemId, authorId: viewer.personId, kind, text: text.trim(), protocolVersion: version,
        answer: null, answeredById: null, answeredAt: null, resolution: null, resolvedById: null, resolvedAt: null,
      });
      const what = kind === ProtocolFeedbackKind.OBJECTION ? 'Einwand erhoben' : 'Kommentar geschrieben';
      await this.audit(tx, viewer, ctx, kind === ProtocolFeedbackKind.OBJECTION ? 'protocol.objection.raise' : 'protocol.comment', viewer.personId,
        `${what} zum Protokoll der Sitzung „${ctx.meeting.title}“ (Fassung ${version}${agendaItemId ? ', zu einem Tagesordnungspunkt' : ''}).`);
      return saved;
    });
  }

  private async requireFeedback(viewer: Viewer, feedbackId: string, need: 'manage' | 'review'): Promise<{ feedback: ProtocolFeedbackEntity; ctx: Context }> {
    const feedback = isUuid(feedbackId) ? await this.db.getRepository(ProtocolFeedbackEntity).findOneBy({ id: feedbackId }) : null;
    if (!feedback) throw notFound('Anmerkung');
    const ctx = await this.requireReviewer(viewer, feedback.protocolId).catch(() => {
      throw notFound('Anmerkung');
    });
    if (need === 'manage' && ctx.meeting.access !== 'manage') throw new DomainError('FORBIDDEN', 'Nur die Leitung oder Moderation der Gruppe darf das.');
    if (feedback.resolution) throw badInput('feedbackId', `der Einwand ist bereits ${RESOLUTION_DE[feedback.resolution]}`);
    return { feedback, ctx };
  }

  /** Locks the protocol and returns its version; feedback is taken only while it is in review. */
  private async lockInReview(tx: EntityManager, protocolId: string, field: string): Promise<number> {
    const [row] = await tx.query<{ status: ProtocolStatus; version: number }[]>('SELECT status, version FROM protocol WHERE id = $1 FOR NO KEY UPDATE', [protocolId]);
    if (row?.status !== ProtocolStatus.IN_REVIEW) {
      throw new DomainError('CONFLICT', `${field}: Anmerkungen und Einwände sind nur möglich, solange das Protokoll in Abstimmung ist.`, { field, protocolStatus: row?.status });
    }
    return row.version;
  }

  private async resolve(tx: EntityManager, id: string, resolution: ObjectionResolution, by: string, answer: string | null): Promise<void> {
    await tx.query(
      `UPDATE protocol_feedback SET resolution = $2, resolved_by_id = $3, resolved_at = now(),
              answer = coalesce($4, answer), answered_by_id = CASE WHEN $4::text IS NULL THEN answered_by_id ELSE $3 END,
              answered_at = CASE WHEN $4::text IS NULL THEN answered_at ELSE now() END
        WHERE id = $1`,
      [id, resolution, by, answer],
    );
  }

  private audit(tx: EntityManager, viewer: Viewer, ctx: Context, action: string, about: string, summary: string) {
    return recordAudit(tx, { actor: viewer, action, subjectType: 'Protocol', subjectId: ctx.protocol.id, networkId: ctx.networkId, aboutPersonId: about, summary });
  }

  private async write(id: string, work: (tx: EntityManager) => Promise<void>): Promise<ProtocolFeedbackModel> {
    await this.db.transaction(work);
    return this.db.getRepository(ProtocolFeedbackEntity).findOneByOrFail({ id });
  }
}

const kindName = (kind: ProtocolFeedbackKind) => (kind === ProtocolFeedbackKind.OBJECTION ? 'Einwand' : 'Kommentar');
