import { describe, expect, it } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import type { DeliveryFailure, LeaseQueue, LeasedRow } from './lease-queue.js';
import { OutboxWorker } from './outbox-worker.js';

/** A queue in memory that records what the worker did with each claimed row. */
class RecordingQueue {
  readonly done: string[] = [];
  readonly released: string[][] = [];
  constructor(private rows: LeasedRow[]) {}
  claim(): Promise<LeasedRow[]> {
    const rows = this.rows;
    this.rows = [];
    return Promise.resolve(rows);
  }
  renew(): Promise<boolean> {
    return Promise.resolve(true);
  }
  delivered(row: LeasedRow): Promise<boolean> {
    this.done.push(row.id);
    return Promise.resolve(true);
  }
  release(rows: LeasedRow[]): Promise<void> {
    this.released.push(rows.map((r) => r.id));
    return Promise.resolve();
  }
}

/** A worker whose delivery of row `signalAt` coincides with SIGTERM. */
class Worker extends OutboxWorker<LeasedRow> {
  protected readonly logger = { log: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;
  shutdown?: Promise<void>;
  constructor(
    readonly recording: RecordingQueue,
    private readonly signalAt: string,
  ) {
    super();
  }
  protected get queue(): LeaseQueue<LeasedRow> {
    return this.recording as unknown as LeaseQueue<LeasedRow>;
  }
  protected async deliver(row: LeasedRow): Promise<string | null> {
    if (row.id === this.signalAt) this.shutdown = this.beforeApplicationShutdown();
    await Promise.resolve();
    return null;
  }
  protected classify(error: unknown): DeliveryFailure {
    return { retryable: true, retryAfterMs: null, message: String(error) };
  }
  protected describe(row: LeasedRow): string {
    return row.id;
  }
}

const rows = (...ids: string[]): LeasedRow[] => ids.map((id) => ({ id, attempts: 1, lease_token: `token-${id}` }));

describe('OutboxWorker on shutdown', () => {
  it('finishes the row in hand and gives the rest of its batch back', async () => {
    const worker = new Worker(new RecordingQueue(rows('a', 'b', 'c', 'd')), 'b');
    await worker.runOnce(4);
    await worker.shutdown;
    expect(worker.recording.done).toEqual(['a', 'b']);
    expect(worker.recording.released).toEqual([['c', 'd']]);
  });

  it('gives nothing back when the signal comes with the last row of a batch', async () => {
    const worker = new Worker(new RecordingQueue(rows('a', 'b')), 'b');
    await worker.runOnce(2);
    expect(worker.recording.done).toEqual(['a', 'b']);
    expect(worker.recording.released).toEqual([]);
  });

  it('claims nothing more once stopped', async () => {
    const worker = new Worker(new RecordingQueue(rows('a')), 'a');
    expect(await worker.drain()).toBe(1);
    expect(worker.recording.done).toEqual(['a']);
  });
});
