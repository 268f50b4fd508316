/**
 * Runs rrule's expansion off the main thread, with hard limits. rrule iterates synchronously and
 * its iterator callback is only called for dates that match: a rule that never matches
 * (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) runs on to the year 9999 (10+ s) whatever window is asked.
 * So the expansion runs in a worker thread that is terminated when a call overruns its time
 * limit, and the callback stops a call at its occurrence limit. The event loop never waits.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Limits per expansion call. */
export const EXPANSION_LIMITS = {
  /** Wall time a call may take in the worker before the worker is terminated. */
  timeMs: 300,
  /** Occurrences a call may produce (two years of a daily rule fit). */
  maxOccurrences: 1_500,
} as const;

export class ExpansionLimitError extends Error {
  constructor(readonly reason: 'time' | 'occurrences') {
    super(
      reason === 'time'
        ? `expanding the rule took longer than ${EXPANSION_LIMITS.timeMs} ms`
        : `the rule gives more than ${EXPANSION_LIMITS.maxOccurrences} occurrences in the window`,
    );
    this.name = 'ExpansionLimitError';
  }
}

export interface ExpansionRequest {
  /** A validated, normalized RRULE (see validateRuleSyntax). */
  rule: string;
  /** DTSTART as a local date YYYY-MM-DD (expanded as floating dates). */
  anchorOn: string;
  /** Inclusive window of local dates. */
  from: string;
  to: string;
  /** Stop after this many (default and at most EXPANSION_LIMITS.maxOccurrences). */
  limit?: number;
}

// The worker is plain CommonJS evaluated from this string, so it runs the same under the dev
// runner, jest and the compiled build; it loads rrule from the path this module resolves.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { RRule } = require(workerData.rrulePath);
const day = (d) => d.toISOString().slice(0, 10);
parentPort.on('message', (job) => {
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

interface Job {
  id: number;
  request: ExpansionRequest;
  limit: number;
  /** True: stopping at the limit is the point (a probe), not a failure. */
  truncate: boolean;
  resolve: (dates: string[]) => void;
  reject: (error: Error) => void;
}

interface WorkerReply {
  id: number;
  dates?: string[];
  overflow?: boolean;
  error?: string;
}

/** One worker, one call at a time; a call that overruns its limit costs the worker, not the process. */
class ExpansionWorker {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private readonly rrulePath = createRequire(import.meta.url).resolve('rrule');

  run(request: ExpansionRequest, limit: number, truncate: boolean): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, limit, truncate, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const worker = this.ensureWorker();
    worker.ref();
    const timer = setTimeout(() => {
      // The only way to stop a synchronous loop in another thread: end the thread.
      this.discardWorker();
      this.finish(job, () => job.reject(new ExpansionLimitError('time')));
    }, EXPANSION_LIMITS.timeMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, ...job.request, limit: job.limit });
  }

  private onMessage(reply: WorkerReply): void {
    const job = this.current?.job;
    if (!job || reply.id !== job.id) return;
    this.finish(job, () => {
      if (reply.error !== undefined) job.reject(new Error(`rrule: ${reply.error}`));
      else if (reply.overflow && !job.truncate) job.reject(new ExpansionLimitError('occurrences'));
      else job.resolve(reply.dates ?? []);
    });
  }

  private finish(job: Job, settle: () => void): void {
    if (this.current?.job !== job) return;
    clearTimeout(this.current.timer);
    this.current = null;
    this.worker?.unref();
    settle();
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { rrulePath: this.rrulePath } });
    worker.on('message', (reply: WorkerReply) => this.onMessage(reply));
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null;
      const job = this.current?.job;
      if (job) this.finish(job, () => job.reject(error));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private discardWorker(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }
}

const shared = new ExpansionWorker();

/**
 * The rule's dates (local YYYY-MM-DD) in [from, to], computed in a worker thread within
 * EXPANSION_LIMITS. Throws ExpansionLimitError when a limit is hit.
 */
export function expandDates(request: ExpansionRequest): Promise<string[]> {
  const limit = Math.min(request.limit ?? EXPANSION_LIMITS.maxOccurrences, EXPANSION_LIMITS.maxOccurrences);
  if (request.from > request.to) return Promise.resolve([]);
  return shared.run(request, limit, false);
}

/** The rule's first date in [from, to], or null; within the same limits. */
export async function firstDate(request: Omit<ExpansionRequest, 'limit'>): Promise<string | null> {
  if (request.from > request.to) return null;
  const [first] = await shared.run(request, 1, true);
  return first ?? null;
}
