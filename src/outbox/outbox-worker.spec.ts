import { describe, expect, it } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import type { DeliveryFailure, LeaseQueue, LeasedRow } from './lease-queue.js';
import { OutboxWorker } from './outbox-worker.js';
import type { OutboxWakeup } from './outbox-wakeup.js';

/** A queue in memory that records what the worker did with each claimed row. */
class RecordingQueue {
  readonly done: string[] = [];
  readonly released: string[][] = [];
  /** What each claim was given to record, claim by claim. */
  readonly recordedByClaim: string[][] = [];
  readonly leaseMs = 60_000;
  private batches: LeasedRow[][];
  constructor(rows: LeasedRow[], ...more: LeasedRow[][]) {
    this.batches = [rows, ...more];
  }
  /** Rows that came in after the worker started (the next claim takes them). */
  add(rows: LeasedRow[]): void {
    this.batches.push(rows);
  }
  claimAfter(done: { row: LeasedRow }[]): Promise<{ rows: LeasedRow[]; delivered: Set<string> }> {
    this.recordedByClaim.push(done.map((d) => d.row.id));
    this.done.push(...done.map((d) => d.row.id));
    return Promise.resolve({ rows: this.batches.shift() ?? [], delivered: new Set(done.map((d) => d.row.id)) });
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
  readonly failedIds: string[] = [];
  failed(row: LeasedRow): Promise<{ dead: boolean; delayMs: number; lost: boolean }> {
    this.failedIds.push(row.id);
    return Promise.resolve({ dead: false, delayMs: 1000, lost: false });
  }
}

/** A worker whose delivery of row `signalAt` coincides with SIGTERM; it records how many rows were in flight at once. */
class Worker extends OutboxWorker<LeasedRow> {
  protected readonly logger = { log: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;
  shutdown?: Promise<void>;
  inFlight = 0;
  maxInFlight = 0;
  /** Which rows were being delivered while each row started. */
  readonly startedBeside: Record<string, string[]> = {};
  private readonly flying = new Set<string>();
  constructor(
    readonly recording: RecordingQueue,
    private readonly signalAt: string,
    private readonly together: string[] = [],
    lanes = 1,
    private readonly failing: string[] = [],
  ) {
    super();
    this.concurrency = lanes;
  }
  protected override independent(rows: LeasedRow[]): Promise<Set<string>> {
    return Promise.resolve(new Set(rows.map((r) => r.id).filter((id) => this.together.includes(id))));
  }
  protected get queue(): LeaseQueue<LeasedRow> {
    return this.recording as unknown as LeaseQueue<LeasedRow>;
  }
  protected async deliver(row: LeasedRow): Promise<string | null> {
    this.startedBeside[row.id] = [...this.flying];
    this.flying.add(row.id);
    this.maxInFlight = Math.max(this.maxInFlight, this.flying.size);
    if (row.id === this.signalAt) this.shutdown = this.beforeApplicationShutdown();
    if (this.failing.includes(row.id)) {
      this.flying.delete(row.id);
      throw new Error(`${row.id} failed`);
    }
    // A delivery takes a few turns of the event loop, as a request to a homeserver does.
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    this.flying.delete(row.id);
    return null;
  }
  protected classify(error: unknown): DeliveryFailure {
    return { retryable: true, retryAfterMs: null, message: String(error) };
  }
  protected describe(row: LeasedRow): string {
    return row.id;
  }
  start(pollMs: number, wakeup?: OutboxWakeup): void {
    this.startPolling(pollMs, wakeup && { wakeup, channel: 'matrix' });
  }
}

/** Stands in for the LISTEN connection: the test says when an event of which channels committed. */
class FakeWakeup {
  private listener?: (channels: ReadonlySet<string>) => void;
  unsubscribed = false;
  subscribe(listener: (channels: ReadonlySet<string>) => void) {
    this.listener = listener;
    return async () => void (this.unsubscribed = true);
  }
  notify(...channels: string[]): void {
    this.listener?.(new Set(channels));
  }
  get asWakeup(): OutboxWakeup {
    return this as unknown as OutboxWakeup;
  }
}

/** Lets the worker's timers and promises run until `done` holds (the poll in these tests is an hour: only a wake-up drains). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(done()).toBe(true);
}

const rows = (...ids: string[]): LeasedRow[] => ids.map((id) => ({ id, attempts: 1, lease_token: `token-${id}` }));
/** Rows of one order key each ("a1" → key "a"), as a claim with runs returns them. */
const keyed = (...ids: string[]): LeasedRow[] => rows(...ids).map((r) => ({ ...r, orderKey: r.id[0] }));

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

  it('delivers independent rows side by side, after the others have gone out one by one', async () => {
    const worker = new Worker(new RecordingQueue(rows('room-a', 'new-group', 'room-b', 'room-c', 'space')), 'none', ['room-a', 'room-b', 'room-c'], 4);
    await worker.runOnce(5);
    expect(worker.recording.done.sort()).toEqual(['new-group', 'room-a', 'room-b', 'room-c', 'space']);
    // The dependent rows went first and alone, in the order claimed.
    expect(worker.startedBeside['new-group']).toEqual([]);
    expect(worker.startedBeside['space']).toEqual([]);
    expect(worker.recording.done.indexOf('new-group')).toBeLessThan(worker.recording.done.indexOf('space'));
    // The three independent ones were in flight together.
    expect(worker.maxInFlight).toBe(3);
  });

  it('keeps to its number of lanes, and one lane is one after another', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const two = new Worker(new RecordingQueue(rows(...ids)), 'none', ids, 2);
    await two.runOnce(6);
    expect(two.maxInFlight).toBe(2);
    expect(two.recording.done.sort()).toEqual(ids);
    const one = new Worker(new RecordingQueue(rows(...ids)), 'none', ids, 1);
    await one.runOnce(6);
    expect(one.maxInFlight).toBe(1);
  });

  it('on shutdown amid parallel delivery finishes the rows in flight and gives back those not started', async () => {
    const worker = new Worker(new RecordingQueue(rows('a', 'b', 'c', 'd', 'e')), 'b', ['a', 'b', 'c', 'd', 'e'], 2);
    await worker.runOnce(5);
    await worker.shutdown;
    expect(worker.recording.done.sort()).toEqual(['a', 'b']);
    expect(worker.recording.released).toEqual([['c', 'd', 'e']]);
  });

  it('while draining, records each delivered row with the next claim, and the last claim records the rest', async () => {
    const worker = new Worker(new RecordingQueue(rows('a'), rows('b', 'c'), rows('d')), 'none', ['b', 'c'], 2);
    expect(await worker.drain()).toBe(4);
    expect(worker.recording.recordedByClaim.map((ids) => ids.sort())).toEqual([[], ['a'], ['b', 'c'], ['d']]);
    expect(worker.recording.done).toEqual(['a', 'b', 'c', 'd']);
  });

  it('records each delivered row at once, before the next claim, where a second delivery could not be recognised (mail)', async () => {
    const worker = new Worker(new RecordingQueue(rows('a'), rows('b')), 'none');
    (worker as unknown as { recordWithNextClaim: boolean }).recordWithNextClaim = false;
    expect(await worker.drain()).toBe(2);
    expect(worker.recording.recordedByClaim).toEqual([[], [], []]);
    expect(worker.recording.done).toEqual(['a', 'b']);
  });

  it('sends each group\'s run in order beside other groups\' runs, and after a failed row gives the rest of its run back', async () => {
    const ids = ['a1', 'b1', 'a2', 'b2', 'a3', 'c1'];
    const worker = new Worker(new RecordingQueue(keyed(...ids)), 'none', ids, 4, ['a2']);
    await worker.runOnce(6);
    expect(worker.recording.done.sort()).toEqual(['a1', 'b1', 'b2', 'c1']);
    expect(worker.recording.failedIds).toEqual(['a2']);
    expect(worker.recording.released).toEqual([['a3']]);
    // One lane per group: never two rows of a group in flight, and a group's rows in their order.
    for (const [id, beside] of Object.entries(worker.startedBeside)) expect(beside.filter((other) => other[0] === id[0])).toEqual([]);
    expect(worker.startedBeside['b2']).not.toContain('b1');
    expect(worker.maxInFlight).toBe(3);
  });

  it('one lane: a group\'s run after a failed row goes back, the other groups\' rows still go out in seq order', async () => {
    const worker = new Worker(new RecordingQueue(keyed('a1', 'b1', 'a2', 'b2')), 'none', [], 1, ['a1']);
    await worker.runOnce(4);
    expect(worker.recording.done).toEqual(['b1', 'b2']);
    expect(worker.recording.released).toEqual([['a2']]);
  });

  it('claims nothing more once stopped', async () => {
    const worker = new Worker(new RecordingQueue(rows('a')), 'a');
    expect(await worker.drain()).toBe(1);
    expect(worker.recording.done).toEqual(['a']);
  });
});

describe('OutboxWorker woken by a commit', () => {
  const HOUR = 3_600_000;

  it('drains when its channel is notified, not when another channel is', async () => {
    const queue = new RecordingQueue(rows('a'));
    const worker = new Worker(queue, 'none');
    const wakeup = new FakeWakeup();
    worker.start(HOUR, wakeup.asWakeup);
    await until(() => queue.done.includes('a')); // the drain at start
    queue.add(rows('b'));
    wakeup.notify('mail');
    await new Promise((r) => setTimeout(r, 20));
    expect(queue.done).toEqual(['a']);
    wakeup.notify('matrix', 'mail');
    await until(() => queue.done.includes('b'));
    await worker.beforeApplicationShutdown();
    expect(wakeup.unsubscribed).toBe(true);
  });

  it('drains once more after a drain that was under way when the notification came', async () => {
    const queue = new RecordingQueue(rows('a'));
    const worker = new Worker(queue, 'none');
    const wakeup = new FakeWakeup();
    // The notification arrives while "a" is being delivered; "b" committed after that drain's claim.
    const deliver = (worker as unknown as { deliver: (row: LeasedRow) => Promise<string | null> }).deliver.bind(worker);
    (worker as unknown as { deliver: unknown }).deliver = async (row: LeasedRow) => {
      if (row.id === 'a') {
        wakeup.notify('matrix');
        queue.add([]); // the drain's next claim still finds nothing …
        queue.add(rows('b')); // … "b" is there for the one after
      }
      return deliver(row);
    };
    worker.start(HOUR, wakeup.asWakeup);
    await until(() => queue.done.includes('b'));
    await worker.beforeApplicationShutdown();
  });

  it('is not woken where this process does not deliver (no loop started)', async () => {
    const queue = new RecordingQueue(rows('a'));
    const worker = new Worker(queue, 'none');
    worker.wake();
    await new Promise((r) => setTimeout(r, 20));
    expect(queue.done).toEqual([]);
  });
});
