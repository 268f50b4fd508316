/**
 * A small pool of worker threads that run rrule's expansion, each call within a time limit that
 * counts only the time the worker spends on it, behind a bounded queue. See expansion.ts for why.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface ExpansionPoolOptions {
  /** Worker threads; each runs one call at a time. */
  workers: number;
  /** Running time a call may take, from the moment its worker starts it (start-up and waiting excluded). */
  timeMs: number;
  /** Calls that may wait for a worker; one more is refused at once. */
  maxWaiting: number;
  /** How long a call may wait for a worker before it is refused. */
  maxWaitMs: number;
  /** How long a worker may take to start a call it was given (thread start-up); then it is replaced and the call refused. */
  startMs: number;
  /** The module the worker loads rrule from (tests point it at a slow-starting stand-in). */
  rrulePath?: string;
}

export interface ExpansionJob {
  rule: string;
  anchorOn: string;
  from: string;
  to: string;
  limit: number;
}

export type PoolRefusal = 'time' | 'busy';

/** Raised by the pool; expansion.ts turns it into ExpansionLimitError. */
export class PoolError extends Error {
  constructor(readonly reason: PoolRefusal) {
    super(reason);
  }
}

// The worker is plain CommonJS evaluated from this string, so it runs the same under the dev
// runner, jest and the compiled build; it loads rrule from the path this module resolves.
// It says when it starts a call, so the time limit counts only the call itself.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { RRule } = require(workerData.rrulePath);
const day = (d) => d.toISOString().slice(0, 10);
parentPort.on('message', (job) => {
  parentPort.postMessage({ id: job.id, started: true });
  try {
    const options = RRule.parseString(job.rule);
    const rule = new RRule({ ...options, dtstart: new Date(job.anchorOn + 'T00:00:00Z'), tzid: undefined,
      byhour: undefined, byminute: undefined, bysecond: undefined });
    const dates = [];
    let overflow = false;
    rule.between(new Date(job.from + 'T00:00:00Z'), new Date(job.to + 'T00:00:00Z'), true, (date) => {
      if (dates.length >= job.limit) { overflow = true; return false; }
      dates.push(day(date));
      return true;
    });
    parentPort.postMessage({ id: job.id, dates, overflow });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) });
  }
});
`;

export interface PoolReply {
  dates: string[];
  overflow: boolean;
}

interface Job {
  id: number;
  request: ExpansionJob;
  resolve: (reply: PoolReply) => void;
  reject: (error: Error) => void;
  waitTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

interface WorkerReply {
  id: number;
  started?: boolean;
  dates?: string[];
  overflow?: boolean;
  error?: string;
}

/** A call that overruns its limit costs its worker (terminated and replaced), never the process. */
export class ExpansionPool {
  private readonly slots: Slot[];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private readonly rrulePath: string;

  constructor(private readonly options: ExpansionPoolOptions) {
    this.slots = Array.from({ length: options.workers }, () => ({ worker: null, job: null, timer: null }));
    this.rrulePath = options.rrulePath ?? createRequire(import.meta.url).resolve('rrule');
  }

  run(request: ExpansionJob): Promise<PoolReply> {
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, request, resolve, reject };
      this.waiting.push(job);
      this.pump();
      if (!this.waiting.includes(job)) return;
      if (this.waiting.length > this.options.maxWaiting) {
        this.waiting.pop();
        reject(new PoolError('busy'));
        return;
      }
      job.waitTimer = setTimeout(() => {
        const at = this.waiting.indexOf(job);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        reject(new PoolError('busy'));
      }, this.options.maxWaitMs);
    });
  }

  /** Jobs waiting for a worker (for tests and diagnostics). */
  get queued(): number {
    return this.waiting.length;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.waiting.length === 0) continue;
      const job = this.waiting.shift()!;
      clearTimeout(job.waitTimer);
      this.dispatch(slot, job);
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    const worker = this.ensureWorker(slot);
    worker.ref();
    slot.job = job;
    // Until the worker says it started the call, only the start-up bound applies.
    slot.timer = setTimeout(() => this.abort(slot, job, 'busy'), this.options.startMs);
    worker.postMessage({ id: job.id, ...job.request });
  }

  private onMessage(slot: Slot, worker: Worker, reply: WorkerReply): void {
    const job = slot.job;
    if (slot.worker !== worker || !job || reply.id !== job.id) return;
    if (reply.started) {
      clearTimeout(slot.timer!);
      slot.timer = setTimeout(() => this.abort(slot, job, 'time'), this.options.timeMs);
      return;
    }
    this.finish(slot, job, () => {
      if (reply.error !== undefined) job.reject(new Error(`rrule: ${reply.error}`));
      else job.resolve({ dates: reply.dates ?? [], overflow: reply.overflow ?? false });
    });
  }

  /** The only way to stop a synchronous loop in another thread: end the thread. */
  private abort(slot: Slot, job: Job, reason: PoolRefusal): void {
    const worker = slot.worker;
    slot.worker = null;
    void worker?.terminate();
    this.finish(slot, job, () => job.reject(new PoolError(reason)));
  }

  private finish(slot: Slot, job: Job, settle: () => void): void {
    if (slot.job !== job) return;
    clearTimeout(slot.timer!);
    slot.timer = null;
    slot.job = null;
    slot.worker?.unref();
    settle();
    this.pump();
  }

  private ensureWorker(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { rrulePath: this.rrulePath } });
    worker.on('message', (reply: WorkerReply) => this.onMessage(slot, worker, reply));
    const lost = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const job = slot.job;
      if (job) this.finish(slot, job, () => job.reject(error));
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the expansion worker exited (${code})`)));
    worker.unref();
    slot.worker = worker;
    return worker;
  }
}
