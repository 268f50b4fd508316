import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../auth/viewer.js';
import { notFound } from '../../common/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { RequestLoaders } from '../../common/request-loaders.js';
import { MeetingAccessService } from '../../meetings/meeting-access.service.js';
import { meetingNetworkId } from '../../meetings/meeting-queries.js';
import { networkName } from '../../networks/network-queries.js';
import { isPublicNetwork } from '../../oparl/publication/publication-queries.js';
import { PdfRenderer } from '../../pdf/pdf-renderer.js';
import { OBJECT_STORE, type ObjectStore } from '../../storage/object-store.js';
import { correctionsOfPublished } from '../corrections/correction-queries.js';
import { ProtocolEntity } from '../entities/protocol.entity.js';
import { loadProtocolDocument } from '../protocol-document.js';
import { ProtocolStatus } from '../protocol.enums.js';
import { ProtocolRenderingEntity, ProtocolRenderingKind } from './protocol-rendering.entity.js';
import { correctionRendering, protocolRenderings, recordRenderings } from './rendering-snapshots.js';

/** No protocol comes near this; a runaway input is refused rather than stored. */
const MAX_PDF_BYTES = 50 * 1024 * 1024;

export interface PdfDownload {
  body: Readable;
  size: number;
  sha256: string;
  fileName: string;
}

/**
 * The protocol's PDFs: made once, stored through the object store, served as stored. Publication
 * (and each Berichtigung) writes the renderings' inputs in its own transaction; the bytes are
 * rendered and stored right after the commit (storeSoon). If that did not happen (storage down,
 * process ended, or a protocol published before PDFs existed), the first download renders them
 * from the same frozen input, which gives the same bytes, and stores them then. Concurrent first
 * downloads write identical bytes to the same key; the row records the checksums once.
 */
@Injectable()
export class ProtocolRenderingsService {
  private readonly logger = new Logger(ProtocolRenderingsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    private readonly renderer: PdfRenderer,
    private readonly meetingAccess: MeetingAccessService,
  ) {}

  /** After the commit: render and store whatever of this protocol is not stored yet; failures only logged. */
  storeSoon(protocolId: string): void {
    setImmediate(() => {
      this.storePending(protocolId).catch((e: Error) => this.logger.warn(`PDF of protocol ${protocolId} not stored yet (first download does it): ${e.message}`));
    });
  }

  async storePending(protocolId: string): Promise<ProtocolRenderingEntity[]> {
    const rows = await this.db.getRepository(ProtocolRenderingEntity).find({ where: { protocolId }, order: { correctionSequence: 'ASC', kind: 'ASC' } });
    const out: ProtocolRenderingEntity[] = [];
    for (const row of rows) out.push(row.sha256 ? row : await this.ensureStored(row));
    return out;
  }

  /** The rendering's bytes are in the store and its checksums in the row (renders them if not). */
  async ensureStored(row: ProtocolRenderingEntity): Promise<ProtocolRenderingEntity> {
    if (row.sha256 && (await this.store.exists(row.objectKey))) return row;
    const bytes = this.renderer.render(row.input.template, row.input.meta);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (row.sha256 && row.sha256 !== sha256) {
      // The stored file is gone and the renderer no longer gives the same bytes: never hand out
      // another document under the published checksum.
      this.logger.error(`protocol rendering ${row.id}: stored object ${row.objectKey} missing and not reproducible (${sha256} ≠ ${row.sha256})`);
      throw new Error(`stored PDF ${row.objectKey} missing and not reproducible`);
    }
    const stored = await this.store.put(row.objectKey, Readable.from([bytes]), { maxBytes: MAX_PDF_BYTES, contentType: 'application/pdf' });
    await this.db.query(
      `UPDATE protocol_rendering SET size = $2, sha256 = $3, sha512 = $4, stored_at = now() WHERE id = $1 AND sha256 IS NULL`,
      [row.id, stored.size, stored.sha256, stored.sha512],
    );
    return this.db.getRepository(ProtocolRenderingEntity).findOneByOrFail({ id: row.id });
  }

  /**
   * GET /api/protocols/:id/pdf(?berichtigung=n): the meeting's groups get MEMBERS, everyone else who
   * may read the published protocol (other network members; anyone when the network publishes in
   * OParl) gets PUBLIC. NOT_FOUND for all else, also for an unpublished protocol.
   */
  async download(viewer: Viewer | undefined, protocolId: string, correction: number): Promise<PdfDownload> {
    const protocol = isUuid(protocolId) ? await this.db.getRepository(ProtocolEntity).findOneBy({ id: protocolId }) : null;
    if (!protocol || protocol.status !== ProtocolStatus.PUBLISHED) throw notFound('Protokoll');
    const audience = await this.audience(viewer, protocol);
    if (!audience) throw notFound('Protokoll');
    const kind = correction > 0 ? ProtocolRenderingKind.PUBLIC : audience;
    let row = await this.db.getRepository(ProtocolRenderingEntity).findOneBy({ protocolId: protocol.id, kind, correctionSequence: correction });
    if (!row) {
      await this.snapshotLate(protocol, correction);
      row = await this.db.getRepository(ProtocolRenderingEntity).findOneBy({ protocolId: protocol.id, kind, correctionSequence: correction });
      if (!row) throw notFound(correction > 0 ? 'Berichtigung' : 'Protokoll');
    }
    const stored = await this.ensureStored(row);
    return { body: await this.store.get(stored.objectKey), size: stored.size!, sha256: stored.sha256!, fileName: stored.input.fileName };
  }

  private async audience(viewer: Viewer | undefined, protocol: ProtocolEntity): Promise<ProtocolRenderingKind | null> {
    const loaders = new RequestLoaders();
    if (viewer) {
      const meeting = await this.meetingAccess.require(viewer, protocol.meetingId, 'network', loaders).catch(() => null);
      if (meeting) return meeting.access === 'network' ? ProtocolRenderingKind.PUBLIC : ProtocolRenderingKind.MEMBERS;
    }
    const networkId = await meetingNetworkId(this.db, protocol.meetingId);
    return networkId && (await isPublicNetwork(this.db, networkId)) ? ProtocolRenderingKind.PUBLIC : null;
  }

  /**
   * A protocol published before PDFs existed (or a correction of one): its inputs are frozen now,
   * from the published state, and kept from then on.
   */
  private async snapshotLate(protocol: ProtocolEntity, correction: number): Promise<void> {
    const doc = await loadProtocolDocument(this.db.manager, protocol.id);
    const networkId = await meetingNetworkId(this.db, protocol.meetingId);
    const network = (networkId && (await networkName(this.db, networkId))) || 'Interkom';
    const contentHash = protocol.contentHash ?? '';
    if (correction === 0) {
      await recordRenderings(this.db, protocol.id, protocolRenderings(doc, contentHash, network));
      return;
    }
    const c = (await correctionsOfPublished(this.db.manager, [protocol.id])).find((x) => x.sequence === correction);
    if (!c) return;
    await recordRenderings(this.db, protocol.id, [
      correctionRendering({ ...c, protocolTitle: doc.title, startsAt: doc.startsAt, timeZone: doc.timeZone, contentHash }, network),
    ]);
  }
}
