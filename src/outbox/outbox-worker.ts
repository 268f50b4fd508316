import type { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { DeliveryFailure, LeaseQueue, LeasedRow } from './lease-queue.js';
import type { OutboxChannel, OutboxWakeup } from './outbox-wakeup.js';

/**
 * A polling worker for one outbox channel (Matrix, mail): claims due rows from its LeaseQueue (per
 * order key the next `claimRun` waiting rows, a gapless run in seq order, so no other worker holds
 * rows of that group meanwhile), delivers them and records the outcome. A run goes out in order,
 * and after a row that did not go out the rest of its run is given back. Runs that depend on
 * nothing else in the batch (the subclass says which rows) go out `concurrency` at a time after
 * the others have gone out one by one, in seq order. On shutdown it finishes the rows in hand and
 * gives the other claimed rows back at once. Subclasses say how a row is delivered and which
 * failures are temporary.
 *
 * It drains when an event of its channel commits (OutboxWakeup: LISTEN/NOTIFY) and otherwise
 * every `pollMs`, which finds what a notification cannot announce (retries coming due, leases of
 * dead workers running out) and everything while the LISTEN connection is away.
 */
export abstract class OutboxWorker<Row extends LeasedRow> implements BeforeApplicationShutdown {
  protected abstract readonly logger: Logger;
  protected abstract readonly queue: LeaseQueue<Row>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private pollMs = 1000;
  protected stopped = false;
  /** A drain is under way (a wake-up then asks for another right after it). */
  private draining = false;
  private wakeRequested = false;
  /** Whether this process runs the loop at all (MATRIX_OUTBOX_WORKER, MAIL_OUTBOX_WORKER). */
  private polling = false;
  private unsubscribe?: () => Promise<void>;
  /** How many rows one claim takes (each is renewed before its delivery; a lost lease is skipped). */
  protected claimBatch = 10;
  /** How many independent rows may be delivered at once (1: one after another). */
  protected concurrency = 1;
  /**
   * How many consecutive rows of one order key a claim takes (LeaseQueue.claimAfter's run): they
   * go out one after another with no claim in between, and their records wait for the next claim.
   */
  protected claimRun = 1;
  /**
   * Rows delivered while draining whose records wait for the next claim, which writes them in the
   * same statement (LeaseQueue.claimAfter): when a group's rows come one per claim, that saves a
   * round trip and a commit per row. The run's last claim (which finds nothing) or shutdown writes the rest.
   */
  private unrecorded: { row: Row; remoteId: string | null }[] = [];
  /**
   * Whether a delivered row's record may wait for the next claim. A worker killed in between
   * delivers those rows again after their lease: fine where a second delivery is recognised
   * (Matrix: the transaction id and the marker check), not where it cannot be (SMTP).
   */
  protected recordWithNextClaim = true;

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
  /**
   * The rows of a claimed batch that may be delivered at the same time as others of the batch
   * (default none). The rest go first, one by one, in the order claimed.
   */
  protected independent(_rows: Row[]): Promise<Set<string>> {
    return Promise.resolve(new Set());
  }
  /** Called after each outcome (metrics). */
  protected settled(_row: Row, _outcome: 'delivered' | 'retry' | 'dead'): void {}

  /** Starts the loop: at once, then every `pollMs`, and on every notification of `wakeOn`'s channel (when it has a wake-up). */
  protected startPolling(pollMs: number, wakeOn?: { wakeup: OutboxWakeup | undefined; channel: OutboxChannel }): void {
    this.pollMs = pollMs;
    this.polling = true;
    const channel = wakeOn?.channel;
    this.unsubscribe = wakeOn?.wakeup?.subscribe((channels) => channels.has(channel!) && this.wake());
    this.schedule(0);
  }

  /**
   * Drains now instead of at the next poll. During a drain it asks for another one right after:
   * the running drain's last claim may have read before the event committed.
   */
  wake(): void {
    if (this.stopped || !this.polling) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Before the HTTP server and the database close: stop claiming, finish the row in hand, release the rest. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.unsubscribe?.();
    await this.running;
    await this.record().catch((e: Error) => this.logger.error(`recording a delivered outbox row failed: ${e.message}`));
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.draining = true;
      this.wakeRequested = false;
      this.running = this.drain()
        .catch((e: Error) => this.logger.error(`outbox run failed: ${e.message}`))
        .finally(() => {
          this.draining = false;
          this.schedule(this.wakeRequested ? 0 : this.pollMs);
        });
    }, delay);
    this.timer.unref();
  }

  /** Runs until nothing is due. Returns how many rows were handled. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const n = await this.runOnce(this.claimBatch, this.recordWithNextClaim);
        total += n;
        if (n === 0 || this.stopped) return total;
      }
    } finally {
      // Normally the last claim (which found nothing) has written it; after a failure the next run or shutdown does.
      if (this.stopped) await this.record();
    }
  }

  /** One claim and its deliveries. `chain`: delivered rows may be recorded by the next claim (drain). */
  async runOnce(batch = this.claimBatch, chain = false): Promise<number> {
    const prepared = await this.prepare();
    const done = this.unrecorded;
    this.unrecorded = [];
    const startedAt = performance.now();
    let claimed: Awaited<ReturnType<LeaseQueue<Row>['claimAfter']>>;
    try {
      claimed = await this.queue.claimAfter(done, batch, this.claimRun);
    } catch (error) {
      this.unrecorded.unshift(...done); // not written: the next claim or shutdown tries again
      throw error;
    }
    const { rows, delivered } = claimed;
    for (const d of done) this.recorded(d.row, delivered.has(d.row.id));
    if (!rows.length) return prepared;
    // The claim's rows of one order key (a gapless run, in seq order) go out one after another;
    // after a row that did not go out, the rest of its run goes back.
    const keyOf = (row: Row) => row.orderKey ?? `row ${row.id}`;
    const runOf = new Map<string, Row[]>();
    for (const row of rows) {
      const same = runOf.get(keyOf(row));
      if (same) same.push(row);
      else runOf.set(keyOf(row), [row]);
    }
    const runs = [...runOf.values()];
    const together = rows.length > 1 && this.concurrency > 1 ? await this.independent(rows) : new Set<string>();
    const sideBySide = runs.filter((run) => run.every((r) => together.has(r.id)));
    const apart = new Set(sideBySide);
    const pending = new Set(rows.map((r) => r.id));
    const broken = new Set<Row[]>();
    let started = 0;
    const run = async (row: Row): Promise<boolean> => {
      pending.delete(row.id);
      // The rows before this one may have taken long: the lease must still be ours, and fresh. Within
      // a second (at most a tenth of the lease) of sending the claim it is both: nobody else can
      // hold the row yet, and it has about the whole lease left, as the batch's first row has.
      const fresh = performance.now() - startedAt < Math.min(1000, this.queue.leaseMs / 10);
      if (started++ > 0 && !fresh && !(await this.queue.renew(row))) {
        this.logger.warn(`outbox ${this.describe(row)}: lease lost before delivery (another worker has it), skipped`);
        return false;
      }
      return this.process(row, chain);
    };
    // Rows with dependencies one by one, in seq order across keys (rooms depend on each other).
    for (const row of rows) {
      const own = runOf.get(keyOf(row))!;
      if (this.stopped) break;
      if (apart.has(own) || broken.has(own)) continue;
      if (!(await run(row))) broken.add(own);
    }
    // Then the independent runs, up to `concurrency` at a time, each in its order.
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(this.concurrency, sideBySide.length) }, async () => {
        while (next < sideBySide.length && !this.stopped) {
          for (const row of sideBySide[next++]) if (this.stopped || !(await run(row))) break;
        }
      }),
    );
    const rest = rows.filter((r) => pending.has(r.id));
    if (rest.length) {
      await this.queue.release(rest);
      if (this.stopped) this.logger.log(`released ${rest.length} claimed outbox row(s) on shutdown`);
    }
    return prepared + rows.length;
  }

  /** Writes the delivered rows whose records were left for the next claim. */
  private async record(): Promise<void> {
    while (this.unrecorded.length) {
      const done = this.unrecorded.shift()!;
      this.recorded(done.row, await this.queue.delivered(done.row, done.remoteId));
    }
  }

  private recorded(row: Row, ok: boolean): void {
    if (ok) this.settled(row, 'delivered');
    else this.logger.warn(`outbox ${this.describe(row)} delivered after its lease was lost; not recorded (another worker holds it)`);
  }

  /** Delivers a row and records the outcome; true when it went out. */
  private async process(row: Row, leaveRecord = false): Promise<boolean> {
    let remoteId: string | null;
    try {
      remoteId = await this.deliver(row);
    } catch (error) {
      const failure = this.classify(error);
      const { dead, delayMs, lost } = await this.queue.failed(row, failure);
      if (lost) {
        this.logger.warn(`outbox ${this.describe(row)} failed after its lease was lost; the outcome is left to the worker that holds it: ${failure.message}`);
        return false;
      }
      if (dead) this.logger.error(`outbox ${this.describe(row)} is a dead letter after ${row.attempts} attempt(s): ${failure.message}`);
      else this.logger.warn(`outbox ${this.describe(row)} failed (attempt ${row.attempts}), retrying in ${delayMs} ms: ${failure.message}`);
      this.settled(row, dead ? 'dead' : 'retry');
      return false;
    }
    if (leaveRecord && !this.stopped) {
      this.unrecorded.push({ row, remoteId });
      return true;
    }
    const recorded = await this.queue.delivered(row, remoteId);
    this.recorded(row, recorded);
    return recorded;
  }

  status() {
    return this.queue.status();
  }

  /** Puts dead letters back in line and drains at once when this process delivers; returns how many. */
  async retryDeadLetters(): Promise<number> {
    const count = await this.queue.retryDeadLetters();
    if (count) this.wake();
    return count;
  }
}
