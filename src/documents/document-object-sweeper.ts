import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OBJECT_STORE, type ObjectStore } from '../storage/object-store.js';

/** How often the sweeper looks for objects left by removed documents (also right after each removal here). */
const SWEEP_MS = 60_000;

/**
 * Removes the objects of removed document versions from the object store, after the commit that
 * removed them (a document, or its parent with it by cascade): the rows in document_object_removal
 * are claimed with SKIP LOCKED (several hub processes may sweep), the objects deleted (idempotent),
 * then the rows. A failed delete stays queued for the next round.
 */
@Injectable()
export class DocumentObjectSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DocumentObjectSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.soon(), SWEEP_MS);
    this.timer.unref();
    // A wrong bucket or key would otherwise show only at the first upload: say so at start.
    void (this.store.check?.() ?? Promise.resolve()).then(
      () => this.logger.log(`documents are stored in ${this.store.kind === 's3' ? 'S3 (S3_BUCKET)' : 'DATA_DIR/files'}`),
      (error) => this.logger.error(`the object store (${this.store.kind}) does not answer: ${(error as Error).message}; uploads will fail`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Sweeps in the background (after a removal); errors are logged, the rows stay queued. */
  soon(): void {
    if (this.stopped || this.running) return;
    this.running = this.sweep()
      .catch((error) => {
        this.logger.warn(`object removal failed, retried later: ${(error as Error).message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
  }

  /** One round: removes up to 100 queued objects; returns how many. */
  async sweep(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: { object_key: string }[] = await tx.query('SELECT object_key FROM document_object_removal WHERE not_before <= now() ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED');
      const done: string[] = [];
      for (const { object_key } of rows) {
        try {
          await this.store.delete(object_key);
          done.push(object_key);
        } catch (error) {
          this.logger.warn(`object ${object_key} not removed: ${(error as Error).message}`);
        }
      }
      if (done.length) await tx.query('DELETE FROM document_object_removal WHERE object_key = ANY($1)', [done]);
      return done.length;
    });
  }

  /**
   * Before an upload streams: its key is queued for removal a day from now, so an upload whose
   * process dies mid-way is removed then. The transaction that records the upload calls `kept`.
   */
  async pending(objectKey: string): Promise<void> {
    await this.db.query(`INSERT INTO document_object_removal (object_key, not_before) VALUES ($1, now() + interval '1 day')`, [objectKey]);
  }

  /** In the transaction that records an upload: its object stays. */
  async kept(tx: EntityManager, objectKey: string): Promise<void> {
    await tx.query('DELETE FROM document_object_removal WHERE object_key = $1', [objectKey]);
  }

  /** After an upload failed and its object was deleted (or never written): nothing is left to remove. */
  async dropped(objectKey: string): Promise<void> {
    await this.db.query('DELETE FROM document_object_removal WHERE object_key = $1', [objectKey]);
  }

  /** Waits for a round in progress (tests). */
  async settled(): Promise<void> {
    await this.running;
  }
}
