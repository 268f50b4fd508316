import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import type { Viewer } from '../../auth/viewer.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { manyByKey, type RequestLoaders } from '../../common/request-loaders.js';
import { recordEvent } from '../../outbox/outbox.js';
import { ProtocolCorrectionEntity } from '../entities/protocol-correction.entity.js';
import { PROTOCOL_STATE, ProtocolStatus } from '../protocol.enums.js';
import type { ProtocolModel } from '../protocol.model.js';
import { ProtocolsService } from '../protocols.service.js';
import { networkName } from '../../networks/network-queries.js';
import { ProtocolRenderingsService } from '../renderings/protocol-renderings.service.js';
import { correctionRendering, recordRenderings } from '../renderings/rendering-snapshots.js';
import { correctionHash, normalizeCorrectionText } from './correction-chain.js';
import type { AddProtocolCorrectionInput, ProtocolCorrectionModel } from './correction.model.js';

/**
 * Berichtigungen: who may publish a group's protocols may add one to a published protocol. It is
 * as visible as the published protocol (to the network, and in a PUBLIC network to everyone via
 * OParl): the form tells the moderator so, and a non-public matter does not belong in one.
 */
@Injectable()
export class ProtocolCorrectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly protocols: ProtocolsService,
    private readonly clock: Clock,
    private readonly renderings: ProtocolRenderingsService,
  ) {}

  async add(viewer: Viewer, input: AddProtocolCorrectionInput): Promise<ProtocolModel> {
    const { protocol, meeting, networkId } = await this.protocols.requireManaged(viewer, input.protocolId);
    if (protocol.status !== ProtocolStatus.PUBLISHED) throw notPublished(protocol.status);
    const text = normalizeCorrectionText(input.text);
    await this.db.transaction(async (tx) => {
      // The protocol row is the chain's lock: two corrections at once get consecutive numbers.
      const [locked] = await tx.query<{ status: ProtocolStatus; content_hash: string }[]>(
        'SELECT status, content_hash FROM protocol WHERE id = $1 FOR NO KEY UPDATE',
        [protocol.id],
      );
      if (locked.status !== ProtocolStatus.PUBLISHED) throw notPublished(locked.status);
      const [last] = await tx.query<{ sequence: number; hash: string }[]>(
        'SELECT sequence, hash FROM protocol_correction WHERE protocol_id = $1 ORDER BY sequence DESC LIMIT 1',
        [protocol.id],
      );
      const link = { protocolId: protocol.id, sequence: (last?.sequence ?? 0) + 1, previousHash: last?.hash ?? locked.content_hash, at: this.clock.now(), text };
      const hash = correctionHash(link);
      const network = (await networkName(tx, networkId)) ?? 'Interkom';
      const [{ id }] = await tx.query<{ id: string }[]>(
        `INSERT INTO protocol_correction (protocol_id, sequence, text, author_id, at, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [protocol.id, link.sequence, text, viewer.personId, link.at, link.previousHash, hash],
      );
      // Its sheet as PDF: the input frozen here, the bytes made after the commit (storeSoon).
      await recordRenderings(tx, protocol.id, [
        correctionRendering({ ...link, hash, protocolTitle: meeting.title, startsAt: meeting.startsAt, timeZone: meeting.timeZone, contentHash: locked.content_hash }, network),
      ]);
      await recordAudit(tx, {
        actor: viewer, action: 'protocol.correct', subjectType: 'Protocol', subjectId: protocol.id, networkId,
        summary: `Protokoll der Sitzung „${meeting.title}“: Berichtigung Nr. ${link.sequence} eingetragen (Prüfsumme ${hash}).`,
      });
      await recordEvent(tx, {
        type: 'ProtocolCorrected', aggregateType: 'Protocol', aggregateId: protocol.id, groupId: meeting.groupId,
        payload: {
          protocolId: protocol.id, correctionId: id, meetingId: meeting.id, title: meeting.title, startsAt: meeting.startsAt.toISOString(),
          timeZone: meeting.timeZone, sequence: link.sequence, at: link.at.toISOString(), hash, previousHash: link.previousHash,
        },
      });
    });
    this.renderings.storeSoon(protocol.id);
    return this.protocols.reload(protocol.id);
  }

  /** A protocol's corrections in chain order (empty unless published), through one loader per request. */
  async forProtocol(loaders: RequestLoaders, protocol: ProtocolModel): Promise<ProtocolCorrectionModel[]> {
    if (protocol.status !== ProtocolStatus.PUBLISHED) return [];
    const rows = await loaders
      .get('protocol.corrections', () =>
        manyByKey((ids) => this.db.getRepository(ProtocolCorrectionEntity).find({ where: { protocolId: In(ids) }, order: { sequence: 'ASC' } }), (c) => c.protocolId),
      )
      .load(protocol.id);
    return rows.map((c) => ({ ...toCorrectionModel(c), access: protocol.access }));
  }
}

function toCorrectionModel(c: ProtocolCorrectionEntity): Omit<ProtocolCorrectionModel, 'access'> {
  return { id: c.id, protocolId: c.protocolId, sequence: c.sequence, text: c.text, at: c.at, hash: c.hash, previousHash: c.previousHash, authorId: c.authorId };
}

function notPublished(status: ProtocolStatus): DomainError {
  return new DomainError(
    'CONFLICT',
    `protocolId: Eine Berichtigung gibt es nur zu einem veröffentlichten Protokoll; dieses ist ${PROTOCOL_STATE[status]}.`,
    { field: 'protocolId', protocolStatus: status },
  );
}
