import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ChatError } from './chat.port.js';
import { MatrixBridgeService, type OutboxRow } from './matrix-bridge.service.js';

export const MAX_ATTEMPTS = 8;

/** base·2^(attempts−1): 1 s, 2 s, 4 s … at most 5 minutes; a 429's retry_after_ms wins when longer. */
export function backoffMs(attempts: number, retryAfterMs: number | null, baseMs = 1000): number {
  return Math.max(Math.min(2 ** (attempts - 1) * baseMs, 300_000), retryAfterMs ?? 0);
}

/**
 * Delivers the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED under a lease, so any number
 * of workers (and instances) may run; a group's events go out one at a time in the order they
 * were written. Only retryable failures are retried, with backoff; after MAX_ATTEMPTS a row is a
 * dead letter with its error. On shutdown the worker finishes the row in hand and gives the other
 * claimed rows back at once (a killed worker's rows come back when their lease ends).
 */
@Injectable()
export class MatrixOutboxProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MatrixOutboxProcessor.name);
  private timer?: NodeJS.Timeout;
  private reconciler?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bridge: MatrixBridgeService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.matrix?.worker) return;
    this.schedule(0);
    // Drift repair: rooms kicked by hand, missed events, guests whose access ended.
    this.reconciler = setInterval(
      () => void this.bridge.reconcileAll().catch((e: Error) => this.logger.warn(`reconciliation failed: ${e.message}`)),
      this.config.matrix.reconcileMs,
    );
    this.reconciler.unref();
  }

  /** Before the HTTP server and the database close: stop claiming, finish the row in hand, release the rest. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.reconciler);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((e: Error) => this.logger.error(`outbox run failed: ${e.message}`))
        .finally(() => this.schedule(this.config.matrix!.pollMs));
    }, delay);
    this.timer.unref();
  }

  /** Runs until nothing is due. Returns how many rows were handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      total += n;
      if (n === 0 || this.stopped) return total;
    }
  }

  async runOnce(batch = 10): Promise<number> {
    const rows = await this.claim(batch);
    for (const [i, row] of rows.entries()) {
      if (this.stopped) {
        await this.release(rows.slice(i));
        break;
      }
      await this.process(row);
    }
    return rows.length;
  }

  /** Gives claimed rows back untouched: no lease, and the claim's attempt not counted. */
  private async release(rows: OutboxRow[]): Promise<void> {
    await this.db.query(
      'UPDATE outbox_event SET locked_until = NULL, attempts = attempts - 1 WHERE id = ANY($1::uuid[]) AND delivered_at IS NULL AND dead_at IS NULL',
      [rows.map((r) => r.id)],
    );
    this.logger.log(`released ${rows.length} claimed outbox row(s) on shutdown`);
  }

  private async claim(batch: number): Promise<OutboxRow[]> {
    const [rows] = await this.db.query<[OutboxRow[], number]>(
      `UPDATE outbox_event SET locked_until = now() + make_interval(secs => $2::double precision), attempts = attempts + 1
        WHERE id IN (
          SELECT e.id FROM outbox_event e
           WHERE e.delivered_at IS NULL AND e.dead_at IS NULL AND e.available_at <= now()
             AND (e.locked_until IS NULL OR e.locked_until < now())
             AND NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.group_id = e.group_id AND o.seq < e.seq
                               AND o.delivered_at IS NULL AND o.dead_at IS NULL)
           ORDER BY e.seq LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, type, group_id, aggregate_id, payload, attempts`,
      [batch, (this.config.matrix?.leaseMs ?? 60_000) / 1000],
    );
    return rows;
  }

  private async process(row: OutboxRow): Promise<void> {
    try {
      const remoteId = await this.bridge.handle(row);
      await this.db.query('UPDATE outbox_event SET delivered_at = now(), remote_id = $2, locked_until = NULL, last_error = NULL WHERE id = $1', [row.id, remoteId]);
    } catch (error) {
      const chat = error instanceof ChatError ? error : null;
      const message = (error as Error).message?.slice(0, 2000) ?? String(error);
      if (chat?.retryable && row.attempts < MAX_ATTEMPTS) {
        const delay = backoffMs(row.attempts, chat.retryAfterMs, this.config.matrix?.retryBaseMs);
        await this.db.query(
          `UPDATE outbox_event SET available_at = now() + make_interval(secs => $2), locked_until = NULL, last_error = $3 WHERE id = $1`,
          [row.id, delay / 1000, message],
        );
        this.logger.warn(`outbox ${row.type} ${row.id} failed (attempt ${row.attempts}), retrying in ${delay} ms: ${message}`);
      } else {
        await this.db.query('UPDATE outbox_event SET dead_at = now(), locked_until = NULL, last_error = $2 WHERE id = $1', [row.id, message]);
        this.logger.error(`outbox ${row.type} ${row.id} is a dead letter after ${row.attempts} attempts: ${message}`);
      }
    }
  }

  async status(): Promise<{ pending: number; failed: number; deadLetter: number; delivered: number }> {
    const [r] = await this.db.query(
      `SELECT count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL AND last_error IS NULL)::int AS pending,
              count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL AND last_error IS NOT NULL)::int AS failed,
              count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS "deadLetter",
              count(*) FILTER (WHERE delivered_at IS NOT NULL)::int AS delivered
         FROM outbox_event`,
    );
    return r;
  }

  /** Puts dead letters back in line; returns how many. */
  async retryDeadLetters(): Promise<number> {
    const [, count] = await this.db.query<[unknown[], number]>(
      'UPDATE outbox_event SET dead_at = NULL, attempts = 0, available_at = now(), last_error = NULL WHERE dead_at IS NOT NULL',
    );
    return count;
  }
}
