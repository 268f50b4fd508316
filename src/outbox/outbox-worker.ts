import type { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { DeliveryFailure, LeaseQueue, LeasedRow } from './lease-queue.js';

/**
 * A polling worker for one outbox channel (Matrix, mail): claims due rows from its LeaseQueue,
 * delivers them one by one, and records the outcome. On shutdown it finishes the row in hand and
 * gives the other claimed rows back at once. Subclasses say how a row is delivered and which
 * failures are temporary.
 */
export abstract class OutboxWorker<Row extends LeasedRow> implements BeforeApplicationShutdown {
  protected abstract readonly logger: Logger;
  protected abstract readonly queue: LeaseQueue<Row>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private pollMs = 1000;
  protected stopped = false;
  /** How many rows one claim takes (each is renewed before its delivery; a lost lease is skipped). */
  protected claimBatch = 10;

  /** Delivers one row; returns what to store as its remote id. */
  protected abstract deliver(row: Row): Promise<string | null>;
  /** Whether a failure is worth another attempt. */
  protected abstract classify(error: unknown): DeliveryFailure;
  /** A short description of the row for the log (never personal data). */
  protected abstract describe(row: Row): string;
  /** Work before claiming (e.g. fanning events out into rows); returns how much it did. */
  protected prepare(): Promise<number> {
    return Promise.resolve(0);
  }
  /** Called after each outcome (metrics). */
  protected settled(_row: Row, _outcome: 'delivered' | 'retry' | 'dead'): void {}

  protected startPolling(pollMs: number): void {
    this.pollMs = pollMs;
    this.schedule(0);
  }

  /** Before the HTTP server and the database close: stop claiming, finish the row in hand, release the rest. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((e: Error) => this.logger.error(`outbox run failed: ${e.message}`))
        .finally(() => this.schedule(this.pollMs));
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

  async runOnce(batch = this.claimBatch): Promise<number> {
    const prepared = await this.prepare();
    const rows = await this.queue.claim(batch);
    for (const [i, row] of rows.entries()) {
      if (this.stopped) {
        const rest = rows.slice(i);
        await this.queue.release(rest);
        this.logger.log(`released ${rest.length} claimed outbox row(s) on shutdown`);
        break;
      }
      // The rows before this one may have taken long: the lease must still be ours, and fresh.
      if (i > 0 && !(await this.queue.renew(row))) {
        this.logger.warn(`outbox ${this.describe(row)}: lease lost before delivery (another worker has it), skipped`);
        continue;
      }
      await this.process(row);
    }
    return prepared + rows.length;
  }

  private async process(row: Row): Promise<void> {
    let remoteId: string | null;
    try {
      remoteId = await this.deliver(row);
    } catch (error) {
      const failure = this.classify(error);
      const { dead, delayMs, lost } = await this.queue.failed(row, failure);
      if (lost) {
        this.logger.warn(`outbox ${this.describe(row)} failed after its lease was lost; the outcome is left to the worker that holds it: ${failure.message}`);
        return;
      }
      if (dead) this.logger.error(`outbox ${this.describe(row)} is a dead letter after ${row.attempts} attempt(s): ${failure.message}`);
      else this.logger.warn(`outbox ${this.describe(row)} failed (attempt ${row.attempts}), retrying in ${delayMs} ms: ${failure.message}`);
      this.settled(row, dead ? 'dead' : 'retry');
      return;
    }
    if (!(await this.queue.delivered(row, remoteId))) {
      this.logger.warn(`outbox ${this.describe(row)} delivered after its lease was lost; not recorded (another worker holds it)`);
      return;
    }
    this.settled(row, 'delivered');
  }

  status() {
    return this.queue.status();
  }

  /** Puts dead letters back in line; returns how many. */
  retryDeadLetters(): Promise<number> {
    return this.queue.retryDeadLetters();
  }
}
