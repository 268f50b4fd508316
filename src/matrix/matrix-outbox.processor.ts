import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LeaseQueue, type DeliveryFailure } from '../outbox/lease-queue.js';
import { OutboxWakeup } from '../outbox/outbox-wakeup.js';
import { OutboxWorker } from '../outbox/outbox-worker.js';
import { ChatError } from './chat.port.js';
import { MatrixBridgeService, type OutboxRow } from './matrix-bridge.service.js';

export { backoffMs, MAX_ATTEMPTS } from '../outbox/lease-queue.js';

/** Events whose effect reaches beyond their group's own room (Spaces, new rooms, several groups). */
const SHARED_EFFECTS = new Set(['NetworkCreated', 'GroupCreated', 'MatrixAccountLinked']);

/**
 * Delivers the outbox to Matrix. The Matrix channel's delivery state is kept on the outbox_event
 * rows themselves (the mail channel has its own rows, see src/mail). Rows are claimed with
 * FOR UPDATE SKIP LOCKED under a lease, so any number of workers (and instances) may run; a
 * group's events go out one at a time in the order they were written. Only retryable failures are
 * retried, with backoff; after MAX_ATTEMPTS a row is a dead letter with its error. On shutdown the
 * worker finishes the row in hand and gives the other claimed rows back at once (a killed worker's
 * rows come back when their lease ends).
 */
@Injectable()
export class MatrixOutboxProcessor extends OutboxWorker<OutboxRow> implements OnApplicationBootstrap {
  protected readonly logger = new Logger(MatrixOutboxProcessor.name);
  protected readonly queue: LeaseQueue<OutboxRow>;
  private reconciler?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bridge: MatrixBridgeService,
  ) {
    super();
    // MATRIX_DELIVERY_LANES, 4 by default (README, "Matrix bridge (P3)").
    this.concurrency = config.matrix?.deliveryLanes ?? 4;
    // Up to 10 waiting events of a group per claim: sent back to back, recorded by the next claim
    // (README, "Matrix bridge (P3)"); a redelivery after a crash is recognised by its marker.
    this.claimRun = 10;
    this.queue = new LeaseQueue<OutboxRow>(db, {
      table: 'outbox_event',
      orderColumn: 'group_id',
      // The group's room comes with the claim (room ids never change once stored): no read per announcement.
      returning: 'id, type, group_id, aggregate_id, payload, (SELECT g.matrix_room_id FROM work_group g WHERE g.id = outbox_event.group_id) AS matrix_room_id',
      leaseMs: config.matrix?.leaseMs ?? 60_000,
      retryBaseMs: config.matrix?.retryBaseMs ?? 1000,
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.matrix?.worker) return;
    // Woken when an event commits (unless OUTBOX_LISTEN=false: see OutboxWakeup), polled besides.
    this.startPolling(this.config.matrix.pollMs, { wakeup: OutboxWakeup.of(this.db, this.config), channel: 'matrix' });
    // Drift repair: rooms kicked by hand, missed events, guests whose access ended.
    this.reconciler = setInterval(
      () => void this.bridge.reconcileAll().catch((e: Error) => this.logger.warn(`reconciliation failed: ${e.message}`)),
      this.config.matrix.reconcileMs,
    );
    this.reconciler.unref();
  }

  override async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.reconciler);
    await super.beforeApplicationShutdown();
  }

  /**
   * Rows that only touch their own group's existing room (announcements, membership syncs) may go
   * out beside each other's groups (a group's own rows still go out in order, as one run). Whatever creates rooms or
   * Spaces, or touches several groups, goes first and alone, because rooms depend on each other
   * (the network's Space before a group's room, the project groups' sub-Space before theirs).
   */
  protected override independent(rows: OutboxRow[]): Promise<Set<string>> {
    const candidates = rows.filter((r) => r.group_id && r.matrix_room_id && !SHARED_EFFECTS.has(r.type));
    return Promise.resolve(new Set(candidates.length < 2 ? [] : candidates.map((r) => r.id)));
  }

  protected deliver(row: OutboxRow): Promise<string | null> {
    return this.bridge.handle(row);
  }

  protected classify(error: unknown): DeliveryFailure {
    const chat = error instanceof ChatError ? error : null;
    return { retryable: !!chat?.retryable, retryAfterMs: chat?.retryAfterMs ?? null, message: (error as Error).message ?? String(error) };
  }

  protected describe(row: OutboxRow): string {
    return `${row.type} ${row.id}`;
  }
}
