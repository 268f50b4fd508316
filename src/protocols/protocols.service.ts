import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import { uniqueViolation } from '../common/db-errors.js';
import { Clock } from '../common/clock.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, oneByKey, RequestLoaders } from '../common/request-loaders.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { germanDateTime } from '../meetings/meeting-rules.js';
import { MeetingStatus } from '../meetings/meeting.enums.js';
import type { MeetingAccess, MeetingModel } from '../meetings/meeting.model.js';
import { recordEvent } from '../outbox/outbox.js';
import { DecisionEntity } from './entities/decision.entity.js';
import type { AddDecisionInput, ProtocolTransitionInput, StartProtocolInput, UpdateProtocolEntryInput } from './dto/protocol.inputs.js';
import { loadProtocolDocument } from './protocol-document.js';
import { assertMeetingNotFrozen } from './protocol-freeze.js';
import { renderProtocol } from './protocol-markdown.js';
import { bumpVersion, EDITABLE, recordRevision } from './protocol-version.js';
import { ensureApprovalMeeting, requireRuleMet, revisedInReview, startReview } from './review/review-rules.js';
import { PROTOCOL_STATUS_DE, ProtocolStatus } from './protocol.enums.js';
import { ProtocolEntity } from './entities/protocol.entity.js';
import { networkName } from '../networks/network-queries.js';
import { ProtocolRenderingsService } from './renderings/protocol-renderings.service.js';
import { protocolRenderings, recordRenderings } from './renderings/rendering-snapshots.js';
import type { ProtocolModel } from './protocol.model.js';
import { decisionsOf, entriesOf, protocolsOfMeetings, revisionsOf } from './protocol-reads.js';

/** Which protocol states each kind of reader sees: drafts are the moderators' own. */
const VISIBLE: Record<MeetingAccess, ProtocolStatus[]> = {
  manage: [ProtocolStatus.DRAFT, ProtocolStatus.IN_REVIEW, ProtocolStatus.APPROVED, ProtocolStatus.PUBLISHED],
  read: [ProtocolStatus.IN_REVIEW, ProtocolStatus.APPROVED, ProtocolStatus.PUBLISHED],
  network: [ProtocolStatus.PUBLISHED],
};

const TRANSITIONS = {
  submit: { from: ProtocolStatus.DRAFT, to: ProtocolStatus.IN_REVIEW, summary: 'Zur Abstimmung eingereicht' },
  approve: { from: ProtocolStatus.IN_REVIEW, to: ProtocolStatus.APPROVED, summary: 'Genehmigt' },
  publish: { from: ProtocolStatus.APPROVED, to: ProtocolStatus.PUBLISHED, summary: 'Veröffentlicht' },
} as const;

@Injectable()
export class ProtocolsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetingAccess: MeetingAccessService,
    private readonly clock: Clock,
    private readonly renderings: ProtocolRenderingsService,
  ) {}

  async start(viewer: Viewer, input: StartProtocolInput): Promise<ProtocolModel> {
    const meeting = await this.meetingAccess.require(viewer, input.meetingId, 'manage');
    if (meeting.status === MeetingStatus.CANCELLED) throw badInput('meetingId', 'die Sitzung wurde abgesagt');
    try {
      const protocol = await this.db.transaction(async (tx) => {
        const saved = await tx.getRepository(ProtocolEntity).save({ meetingId: meeting.id, status: ProtocolStatus.DRAFT, version: 1 });
        await recordRevision(tx, { id: saved.id, meeting_id: meeting.id, status: saved.status, version: 1 }, viewer.personId, 'Protokoll begonnen');
        await tx.query('UPDATE meeting SET has_record = true WHERE id = $1', [meeting.id]);
        return saved;
      });
      return toProtocolModel(await this.db.getRepository(ProtocolEntity).findOneByOrFail({ id: protocol.id }), 'manage');
    } catch (error) {
      if (uniqueViolation(error) === 'uq_protocol_meeting') throw badInput('meetingId', 'die Sitzung hat bereits ein Protokoll');
      throw error;
    }
  }

  async updateEntry(viewer: Viewer, input: UpdateProtocolEntryInput): Promise<ProtocolModel> {
    const { protocol, meeting, networkId } = await this.requireManaged(viewer, input.protocolId);
    await this.requireAgendaItem(meeting.id, input.agendaItemId, 'agendaItemId');
    return this.change(protocol.id, async (tx) => {
      await assertMeetingNotFrozen(tx, meeting.id, 'protocolId', { forUpdate: true });
      const row = await bumpVersion(tx, protocol.id, { expected: input.expectedVersion, states: EDITABLE, authorId: viewer.personId, summary: '' });
      const [previous] = await tx.query<{ notes: string }[]>('SELECT notes FROM protocol_entry WHERE protocol_id = $1 AND agenda_item_id = $2', [
        protocol.id,
        input.agendaItemId,
      ]);
      await tx.query(
        `INSERT INTO protocol_entry (protocol_id, agenda_item_id, notes) VALUES ($1, $2, $3)
         ON CONFLICT (protocol_id, agenda_item_id) DO UPDATE SET notes = EXCLUDED.notes`,
        [protocol.id, input.agendaItemId, input.notes],
      );
      await recordRevision(tx, row, viewer.personId, 'Notizen geändert', { agendaItemId: input.agendaItemId, previousNotes: previous?.notes ?? null, notes: input.notes });
      await revisedInReview(tx, row, meeting, networkId, viewer.personId, 'Notizen geändert', this.clock.now());
    });
  }

  async addDecision(viewer: Viewer, input: AddDecisionInput): Promise<ProtocolModel> {
    const { protocol, meeting, networkId } = await this.requireManaged(viewer, input.protocolId);
    if (input.agendaItemId) await this.requireAgendaItem(meeting.id, input.agendaItemId, 'agendaItemId');
    return this.change(protocol.id, async (tx) => {
      await assertMeetingNotFrozen(tx, meeting.id, 'protocolId', { forUpdate: true });
      const summary = `Beschluss hinzugefügt: ${input.text.trim().slice(0, 120)}`;
      const row = await bumpVersion(tx, protocol.id, {
        expected: input.expectedVersion, states: EDITABLE, authorId: viewer.personId, summary, details: { agendaItemId: input.agendaItemId ?? null },
      });
      await revisedInReview(tx, row, meeting, networkId, viewer.personId, summary, this.clock.now());
      await tx.getRepository(DecisionEntity).insert({
        protocolId: protocol.id, agendaItemId: input.agendaItemId ?? null, text: input.text.trim(),
        votesFor: input.votesFor ?? null, votesAgainst: input.votesAgainst ?? null, abstentions: input.abstentions ?? null,
      });
    });
  }

  async transition(viewer: Viewer, input: ProtocolTransitionInput, step: keyof typeof TRANSITIONS): Promise<ProtocolModel> {
    const { protocol, meeting, networkId } = await this.requireManaged(viewer, input.protocolId);
    const t = TRANSITIONS[step];
    if (step === 'publish') this.requireEnded(meeting);
    if (step === 'approve') await ensureApprovalMeeting(this.db, protocol.id, meeting, this.clock.now());
    // Only constants go into `set`; values go in as parameters below.
    const set = `status = '${t.to}'${step === 'publish' ? ', published_at = now()' : step === 'approve' ? ', approved_at = now()' : ''}`;
    const changed = await this.change(protocol.id, async (tx) => {
      // The group's rule (issue 21): an open objection, a running period, a later meeting or a missing approver refuses it.
      if (step === 'approve') await requireRuleMet(tx, protocol.id, meeting, this.clock.now());
      await bumpVersion(tx, protocol.id, { expected: input.expectedVersion, states: [t.from], authorId: viewer.personId, summary: t.summary, set });
      if (step === 'submit') await startReview(tx, protocol.id, meeting, viewer.personId, this.clock.now());
      if (step === 'approve') await tx.query('UPDATE protocol SET approved_by_id = $2 WHERE id = $1', [protocol.id, viewer.personId]);
      if (step === 'publish') {
        await tx.query('UPDATE protocol SET published_by_id = $2 WHERE id = $1', [protocol.id, viewer.personId]);
        await this.freeze(tx, protocol.id, meeting, networkId);
      }
      await recordAudit(tx, {
        actor: viewer, action: `protocol.${step}`, subjectType: 'Protocol', subjectId: protocol.id, networkId,
        summary: `Protokoll der Sitzung „${meeting.title}“: ${t.summary} (${PROTOCOL_STATUS_DE[t.from]} → ${PROTOCOL_STATUS_DE[t.to]}).`,
      });
    });
    // The PDFs' inputs are committed with the publication; their bytes are made now, outside it.
    if (step === 'publish') this.renderings.storeSoon(protocol.id);
    return changed;
  }

  /** A protocol is published after its meeting, never of a meeting still to come (or running). */
  private requireEnded(meeting: MeetingModel): void {
    if (meeting.endsAt.getTime() <= this.clock.now().getTime()) return;
    throw new DomainError(
      'CONFLICT',
      `protocolId: Die Sitzung endet erst am ${germanDateTime(meeting.endsAt, meeting.timeZone)}; das Protokoll kann erst danach veröffentlicht werden.`,
      { field: 'protocolId', endsAt: meeting.endsAt.toISOString() },
    );
  }

  /** Renders the published text once, stores it with its SHA-256, freezes the PDFs' input, and tells the group. */
  private async freeze(tx: EntityManager, protocolId: string, meeting: MeetingModel, networkId: string): Promise<void> {
    const doc = await loadProtocolDocument(tx, protocolId);
    const full = renderProtocol(doc, { redact: false });
    const redacted = renderProtocol(doc, { redact: true });
    const hash = createHash('sha256').update(full, 'utf8').digest('hex');
    await tx.query('UPDATE protocol SET published_markdown = $2, published_markdown_redacted = $3, content_hash = $4 WHERE id = $1', [protocolId, full, redacted, hash]);
    await recordRenderings(tx, protocolId, protocolRenderings(doc, hash, (await networkName(tx, networkId)) ?? 'Interkom'));
    await recordEvent(tx, {
      type: 'ProtocolPublished', aggregateType: 'Protocol', aggregateId: protocolId, groupId: meeting.groupId,
      payload: {
        protocolId, meetingId: meeting.id, title: doc.title, startsAt: doc.startsAt, timeZone: doc.timeZone, contentHash: hash,
        decisions: doc.decisions.map((d) => d.text),
        actionItems: doc.actionItems.map((a) => ({ title: a.title, assignee: a.assignee, organization: a.organization, dueOn: a.dueOn })),
      },
    });
  }

  /** The markdown as this caller may read it: frozen when published, redacted outside the groups. */
  async markdown(protocol: ProtocolModel): Promise<string> {
    if (protocol.status === ProtocolStatus.PUBLISHED) {
      return (protocol.access === 'network' ? protocol.publishedMarkdownRedacted : protocol.publishedMarkdown) ?? '';
    }
    return renderProtocol(await loadProtocolDocument(this.db.manager, protocol.id), { redact: protocol.access === 'network' });
  }

  /** The protocol of a meeting if the caller may see it in its current state. */
  async forMeeting(loaders: RequestLoaders, meeting: MeetingModel): Promise<ProtocolModel | null> {
    const protocol = await loaders
      .get('meeting.protocol', () => oneByKey((ids) => protocolsOfMeetings(this.db, ids), (p) => p.meetingId))
      .load(meeting.id);
    return protocol && VISIBLE[meeting.access].includes(protocol.status) ? toProtocolModel(protocol, meeting.access) : null;
  }

  entries(loaders: RequestLoaders, protocolId: string) {
    return loaders
      .get('protocol.entries', () => manyByKey((ids) => entriesOf(this.db, ids), (e) => e.protocolId))
      .load(protocolId);
  }

  decisions(loaders: RequestLoaders, protocolId: string) {
    return loaders
      .get('protocol.decisions', () =>
        manyByKey((ids) => decisionsOf(this.db, ids), (d) => d.protocolId),
      )
      .load(protocolId);
  }

  revisions(loaders: RequestLoaders, protocolId: string) {
    return loaders
      .get('protocol.revisions', () =>
        manyByKey((ids) => revisionsOf(this.db, ids), (r) => r.protocolId),
      )
      .load(protocolId);
  }

  private async change(protocolId: string, work: (tx: EntityManager) => Promise<unknown>): Promise<ProtocolModel> {
    await this.db.transaction(work);
    return this.reload(protocolId);
  }

  /** The protocol as its manager reads it after a change. */
  async reload(protocolId: string): Promise<ProtocolModel> {
    return toProtocolModel(await this.db.getRepository(ProtocolEntity).findOneByOrFail({ id: protocolId }), 'manage');
  }

  /**
   * The protocol, its meeting and the meeting's network, for a manager. Everything is read here,
   * before any transaction: a pool query inside one would wait for the transaction's own
   * connection (the embedded database has just one). Also for the module's corrections.
   */
  async requireManaged(viewer: Viewer, protocolId: string): Promise<{ protocol: ProtocolEntity; meeting: MeetingModel; networkId: string }> {
    const protocol = isUuid(protocolId) ? await this.db.getRepository(ProtocolEntity).findOneBy({ id: protocolId }) : null;
    if (!protocol) throw notFound('Protokoll');
    const loaders = new RequestLoaders();
    const meeting = await this.meetingAccess.require(viewer, protocol.meetingId, 'read', loaders).catch(() => {
      throw notFound('Protokoll');
    });
    if (!VISIBLE[meeting.access].includes(protocol.status)) throw notFound('Protokoll');
    await this.meetingAccess.require(viewer, protocol.meetingId, 'manage', loaders);
    const { networkId } = await this.meetingAccess.primaryGroup(loaders, meeting);
    return { protocol, meeting, networkId };
  }

  private async requireAgendaItem(meetingId: string, agendaItemId: string, field: string): Promise<void> {
    const [item] = await this.db.query<{ status: string }[]>('SELECT status FROM agenda_item WHERE id = $1 AND meeting_id = $2', [agendaItemId, meetingId]);
    if (!item) throw badInput(field, 'ist kein Tagesordnungspunkt der Sitzung dieses Protokolls');
    if (item.status !== 'ACCEPTED') throw badInput(field, 'der Tagesordnungspunkt ist erst vorgeschlagen – bitte nehmen Sie ihn zuerst an');
  }
}

export function toProtocolModel(p: ProtocolEntity, access: MeetingAccess): ProtocolModel {
  return {
    id: p.id,
    meetingId: p.meetingId,
    status: p.status,
    version: p.version,
    contentHash: p.contentHash,
    approvedAt: p.approvedAt,
    publishedAt: p.publishedAt,
    publishedById: p.publishedById,
    approvalMode: p.approvalMode,
    approvalDueAt: p.approvalDueAt,
    approvalMeetingId: p.approvalMeetingId,
    publishedMarkdown: p.publishedMarkdown,
    publishedMarkdownRedacted: p.publishedMarkdownRedacted,
    access,
  };
}
