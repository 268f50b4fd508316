import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, RequestLoaders } from '../common/request-loaders.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { OBJECT_STORE, ObjectTooLargeError, type ObjectStore, type StoredObject } from '../storage/object-store.js';
import { DocumentAccessService, PARENT_LABEL, type ParentAccess } from './document-access.service.js';
import { DocumentParentType } from './document.enums.js';
import type { DocumentModel, DocumentVersionModel } from './document.model.js';
import { DocumentEntity, DocumentVersionEntity } from './entities/document.entity.js';
import { ALLOWED_TYPES, sanitizeFileName, sniff, SNIFF_BYTES } from './upload/file-rules.js';
import { drain, peek, type IncomingFile } from './upload/incoming-file.js';
import { DocumentObjectSweeper } from './document-object-sweeper.js';
import { articleOf, megabytes, PARENT_COLUMN, parentIdOf, SQL_COLUMN, uploaderOf } from './document-parents.js';


/**
 * Documents (Sitzungsunterlagen): uploads streamed into the object store with their type sniffed
 * and limits enforced while streaming; each replacement kept as a version; removal after the
 * commit through document_object_removal. Who sees and changes what: DocumentAccessService.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: DocumentAccessService,
    private readonly sweeper: DocumentObjectSweeper,
  ) {}

  private get limits() {
    return this.config.objectStorage.documents;
  }

  /** The parent as the caller sees it; null when they do not. */
  visibleParent(viewer: Viewer | undefined, type: DocumentParentType, id: string, loaders: RequestLoaders): Promise<ParentAccess | null> {
    return this.access.parent(viewer, type, id, loaders);
  }

  /** The parent as the caller sees it; NOT_FOUND when they do not. */
  async requireParent(viewer: Viewer | undefined, type: DocumentParentType, id: string, loaders = new RequestLoaders()): Promise<ParentAccess> {
    const parent = await this.access.parent(viewer, type, id, loaders);
    if (!parent) throw notFound(PARENT_LABEL[type]);
    return parent;
  }

  /** The document with the caller's access to its parent; NOT_FOUND when they do not see it. */
  async require(viewer: Viewer | undefined, id: string, loaders = new RequestLoaders()): Promise<{ document: DocumentEntity; parent: ParentAccess }> {
    const document = isUuid(id) ? await this.db.getRepository(DocumentEntity).findOneBy({ id }) : null;
    const parent = document && (await this.access.parent(viewer, document.parentType, parentIdOf(document), loaders));
    if (!document || !parent) throw notFound('Dokument');
    return { document, parent };
  }

  mayChange(viewer: Viewer | undefined, parent: ParentAccess, document: DocumentEntity): boolean {
    return !!viewer && (parent.manage || (parent.upload && document.uploadedById === viewer.personId));
  }

  /** The documents of parents the caller sees, one query per parent type and request. */
  list(loaders: RequestLoaders, type: DocumentParentType, parentId: string): Promise<DocumentEntity[]> {
    return loaders
      .get(`documents.byParent.${type}`, () =>
        manyByKey(
          (ids) => this.db.getRepository(DocumentEntity).createQueryBuilder('d').where(`d.${SQL_COLUMN[type]} = ANY(:ids)`, { ids }).orderBy('d.created_at').addOrderBy('d.id').getMany(),
          (d) => parentIdOf(d),
        ),
      )
      .load(parentId);
  }

  versions(loaders: RequestLoaders, documentId: string): Promise<DocumentVersionEntity[]> {
    return loaders
      .get('documents.versions', () =>
        manyByKey((ids) => this.db.getRepository(DocumentVersionEntity).createQueryBuilder('v').where('v.document_id = ANY(:ids)', { ids }).orderBy('v.version', 'DESC').getMany(), (v) => v.documentId),
      )
      .load(documentId);
  }

  /** A new document on a parent (POST /documents). */
  async upload(viewer: Viewer, type: DocumentParentType, parentId: string, file: IncomingFile): Promise<DocumentEntity> {
    const parent = await this.requireParent(viewer, type, parentId);
    if (!parent.upload) {
      await drain(file.stream);
      throw new DomainError('FORBIDDEN', `Dateien an ${articleOf(type)} ${PARENT_LABEL[type]} dürfen nur ${uploaderOf(type)} hochladen.`);
    }
    const used = await this.usage(this.db.manager, type, parentId);
    if (used.count >= this.limits.maxPerParent) {
      await drain(file.stream);
      throw badInput('file', `An ${articleOf(type)} ${PARENT_LABEL[type]} hängen schon ${used.count} Dateien; mehr als ${this.limits.maxPerParent} sind nicht möglich. Bitte zuerst eine entfernen.`);
    }
    const documentId = randomUUID();
    const received = await this.receive(file, documentId, type, used.bytes);
    try {
      return await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`document-parent:${parentId}`]);
        const now = await this.usage(tx, type, parentId);
        this.checkAfter(type, now, received.stored.size, 1);
        const document = tx.getRepository(DocumentEntity).create({
          id: documentId, parentType: type, meetingId: null, agendaItemId: null, profileId: null, webinarId: null, workshopId: null,
          [PARENT_COLUMN[type]]: parentId,
          name: received.name, mediaType: received.mediaType, size: received.stored.size, sha256: received.stored.sha256, sha512: received.stored.sha512,
          currentVersion: 1, objectKey: received.stored.key, uploadedById: viewer.personId,
        });
        await tx.getRepository(DocumentEntity).insert(document);
        await this.addVersion(tx, document, viewer);
        await this.sweeper.kept(tx, received.stored.key);
        await recordAudit(tx, {
          actor: viewer, action: 'document.upload', subjectType: 'Document', subjectId: documentId, networkId: parent.networkId,
          summary: `Dokument an ${articleOf(type)} ${PARENT_LABEL[type]} hochgeladen (${ALLOWED_TYPES[received.mediaType].label}, ${megabytes(received.stored.size)}).`,
        });
        return tx.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
      });
    } catch (error) {
      await this.discard(received.stored.key);
      throw error;
    }
  }

  /** A new version of a document (POST /documents/:id/versions): the old one stays. */
  async replace(viewer: Viewer, documentId: string, file: IncomingFile): Promise<DocumentEntity> {
    const { document, parent } = await this.require(viewer, documentId).catch(async (error) => {
      await drain(file.stream);
      throw error;
    });
    if (!this.mayChange(viewer, parent, document)) {
      await drain(file.stream);
      throw new DomainError('FORBIDDEN', 'Ersetzen dürfen ein Dokument nur, wer es hochgeladen hat, und die Leitung.');
    }
    const used = await this.usage(this.db.manager, document.parentType, parentIdOf(document));
    const received = await this.receive(file, document.id, document.parentType, used.bytes);
    try {
      return await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`document-parent:${parentIdOf(document)}`]);
        const current = await tx.getRepository(DocumentEntity).findOne({ where: { id: document.id }, lock: { mode: 'pessimistic_write' } });
        if (!current) throw notFound('Dokument'); // removed meanwhile
        this.checkAfter(document.parentType, await this.usage(tx, document.parentType, parentIdOf(document)), received.stored.size, 0);
        Object.assign(current, {
          name: received.name, mediaType: received.mediaType, size: received.stored.size, sha256: received.stored.sha256, sha512: received.stored.sha512,
          currentVersion: current.currentVersion + 1, objectKey: received.stored.key, uploadedById: viewer.personId,
        });
        await tx.getRepository(DocumentEntity).save(current);
        await this.addVersion(tx, current, viewer);
        await this.sweeper.kept(tx, received.stored.key);
        await recordAudit(tx, {
          actor: viewer, action: 'document.replace', subjectType: 'Document', subjectId: current.id, networkId: parent.networkId,
          summary: `Dokument durch Version ${current.currentVersion} ersetzt (${ALLOWED_TYPES[received.mediaType].label}, ${megabytes(received.stored.size)}); die früheren Versionen bleiben.`,
        });
        return current;
      });
    } catch (error) {
      await this.discard(received.stored.key);
      throw error;
    }
  }

  async rename(viewer: Viewer, documentId: string, rawName: string): Promise<DocumentEntity> {
    const { document, parent } = await this.require(viewer, documentId);
    if (!this.mayChange(viewer, parent, document)) throw new DomainError('FORBIDDEN', 'Umbenennen dürfen ein Dokument nur, wer es hochgeladen hat, und die Leitung.');
    const name = sanitizeFileName(rawName);
    if (!name) throw badInput('name', 'Bitte einen Dateinamen angeben.');
    const allowed = ALLOWED_TYPES[document.mediaType];
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!name.includes('.') || !allowed.extensions.includes(ext)) throw badInput('name', `Der Name muss auf .${allowed.extensions[0]} enden (${allowed.label}).`);
    return this.db.transaction(async (tx) => {
      await tx.getRepository(DocumentEntity).update({ id: document.id }, { name });
      await tx.getRepository(DocumentVersionEntity).update({ documentId: document.id, version: document.currentVersion }, { name });
      await recordAudit(tx, { actor: viewer, action: 'document.rename', subjectType: 'Document', subjectId: document.id, networkId: parent.networkId, summary: 'Dokument umbenannt.' });
      return tx.getRepository(DocumentEntity).findOneByOrFail({ id: document.id });
    });
  }

  /** Removes the document with all its versions; the objects go after the commit. */
  async remove(viewer: Viewer, documentId: string): Promise<boolean> {
    const { document, parent } = await this.require(viewer, documentId);
    if (!this.mayChange(viewer, parent, document)) throw new DomainError('FORBIDDEN', 'Entfernen dürfen ein Dokument nur, wer es hochgeladen hat, und die Leitung.');
    await this.db.transaction(async (tx) => {
      await tx.getRepository(DocumentEntity).delete({ id: document.id });
      await recordAudit(tx, {
        actor: viewer, action: 'document.remove', subjectType: 'Document', subjectId: document.id, networkId: parent.networkId,
        summary: `Dokument mit ${document.currentVersion} Version(en) von ${articleOf(document.parentType)} ${PARENT_LABEL[document.parentType]} entfernt.`,
      });
    });
    this.sweeper.soon();
    return true;
  }

  /** The bytes of the current version or of version `n`, for a caller who sees the document. */
  async open(viewer: Viewer | undefined, documentId: string, n?: number): Promise<{ version: DocumentVersionEntity; stream: () => Promise<Readable> }> {
    const { document } = await this.require(viewer, documentId);
    const version = await this.db.getRepository(DocumentVersionEntity).findOneBy({ documentId: document.id, version: n ?? document.currentVersion });
    if (!version) throw notFound('Version');
    return { version, stream: () => this.store.get(version.objectKey) };
  }

  toModel(viewer: Viewer | undefined, parent: ParentAccess, d: DocumentEntity): DocumentModel {
    return {
      id: d.id, parentType: d.parentType, parentId: parentIdOf(d), name: d.name, mediaType: d.mediaType, size: d.size, sha256: d.sha256, sha512: d.sha512,
      currentVersion: d.currentVersion, uploadedAt: d.updatedAt, createdAt: d.createdAt, uploadedById: d.uploadedById,
      downloadUrl: this.downloadUrl(d.id), mayChange: this.mayChange(viewer, parent, d),
    };
  }

  versionModel(v: DocumentVersionEntity): DocumentVersionModel {
    return {
      documentId: v.documentId, version: v.version, name: v.name, mediaType: v.mediaType, size: v.size, sha256: v.sha256, uploadedAt: v.createdAt,
      uploadedById: v.uploadedById, downloadUrl: `${this.downloadUrl(v.documentId)}/versions/${v.version}`,
    };
  }

  downloadUrl(id: string): string {
    return `${this.config.publicBaseUrl}/documents/${id}`;
  }

  /** Files and bytes (all versions) on one parent. */
  private async usage(tx: EntityManager, type: DocumentParentType, parentId: string): Promise<{ count: number; bytes: number }> {
    const [row] = await tx.query(
      `SELECT count(DISTINCT d.id)::int AS count, coalesce(sum(v.size), 0)::bigint AS bytes
         FROM document d JOIN document_version v ON v.document_id = d.id WHERE d.${SQL_COLUMN[type]} = $1`,
      [parentId],
    );
    return { count: row.count, bytes: Number(row.bytes) };
  }

  private checkAfter(type: DocumentParentType, used: { count: number; bytes: number }, size: number, newDocuments: number): void {
    if (used.count + newDocuments > this.limits.maxPerParent) {
      throw badInput('file', `An ${articleOf(type)} ${PARENT_LABEL[type]} hängen schon ${used.count} Dateien; mehr als ${this.limits.maxPerParent} sind nicht möglich.`);
    }
    if (used.bytes + size > this.limits.maxParentBytes) throw this.parentFull(type);
  }

  private parentFull(type: DocumentParentType) {
    return badInput('file', `Für ${articleOf(type)} ${PARENT_LABEL[type]} ist nicht mehr genug Platz: zusammen höchstens ${megabytes(this.limits.maxParentBytes)} (alle Versionen). Bitte alte Dateien entfernen.`);
  }

  /**
   * Name, type and bytes of an incoming file: the name sanitised, the type sniffed from the first
   * bytes, then the bytes streamed into the object store within the limits. A refusal reads the
   * rest of the upload (so the client gets the answer) and stores nothing.
   */
  private async receive(file: IncomingFile, documentId: string, type: DocumentParentType, usedBytes: number): Promise<{ name: string; mediaType: string; stored: StoredObject }> {
    const name = sanitizeFileName(file.filename);
    if (!name) {
      await drain(file.stream);
      throw badInput('file', 'Die Datei braucht einen Namen.');
    }
    const { head, complete, whole } = await peek(file.stream, SNIFF_BYTES);
    const sniffed = await sniff(head, complete, name);
    if (!sniffed.ok) {
      await drain(whole);
      throw badInput('file', sniffed.message);
    }
    const room = this.limits.maxParentBytes - usedBytes;
    if (room <= 0) {
      await drain(whole);
      throw this.parentFull(type);
    }
    const maxBytes = Math.min(this.limits.maxBytes, room);
    const key = `documents/${documentId}/${randomUUID()}`;
    await this.sweeper.pending(key);
    let stored: StoredObject;
    try {
      stored = await this.store.put(key, whole, { maxBytes, contentType: sniffed.mediaType });
    } catch (error) {
      await this.sweeper.dropped(key).catch(() => undefined); // put left nothing behind
      if (error instanceof ObjectTooLargeError) {
        await drain(file.stream);
        throw maxBytes < this.limits.maxBytes ? this.parentFull(type) : badInput('file', `Die Datei ist zu groß: höchstens ${megabytes(this.limits.maxBytes)} je Datei.`);
      }
      this.logger.warn(`upload not stored: ${(error as Error).message}`);
      throw badInput('file', 'Die Übertragung ist abgebrochen; es wurde nichts gespeichert. Bitte erneut hochladen.');
    }
    if (file.truncated()) {
      await this.discard(key);
      throw badInput('file', `Die Datei ist zu groß: höchstens ${megabytes(this.limits.maxBytes)} je Datei.`);
    }
    return { name, mediaType: sniffed.mediaType, stored };
  }

  /** An upload that is not kept: its object goes now (or, if that fails, with the sweeper's next round). */
  private async discard(key: string): Promise<void> {
    try {
      await this.store.delete(key);
      await this.sweeper.dropped(key);
    } catch (error) {
      this.logger.warn(`object ${key} not removed now, the sweeper retries: ${(error as Error).message}`);
      await this.db.query('UPDATE document_object_removal SET not_before = now() WHERE object_key = $1', [key]).catch(() => undefined);
    }
  }

  private async addVersion(tx: EntityManager, d: DocumentEntity, viewer: Viewer): Promise<void> {
    await tx.getRepository(DocumentVersionEntity).insert({
      documentId: d.id, version: d.currentVersion, name: d.name, mediaType: d.mediaType, size: d.size, sha256: d.sha256, sha512: d.sha512,
      objectKey: d.objectKey, uploadedById: viewer.personId,
    });
  }
}
