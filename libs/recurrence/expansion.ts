/**
 * Runs rrule's expansion off the main thread, with hard limits. rrule iterates synchronously and
 * its iterator callback is only called for dates that match: a rule that never matches
 * (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) runs on to the year 9999 (10+ s) whatever window is asked.
 * So the expansion runs in worker threads (expansion-pool.ts): a call that overruns its time limit
 * costs its worker, and the callback stops a call at its occurrence limit. The time limit counts
 * only the call itself, not a worker's start-up (~0.1 s) or the wait for a worker, so a valid rule
 * right after a terminated one is not refused. The queue is bounded: when more calls wait than it
 * holds, or one waits too long, it is refused at once ("zu viele Terminberechnungen
 * gleichzeitig"), so a burst of slow rules costs its senders an error and nobody else a hang.
 * The event loop never waits.
 */
import { ExpansionPool, PoolError } from './expansion-pool.js';

/** Limits per expansion call, and of the pool that runs them. */
export const EXPANSION_LIMITS = {
  /** Running time a call may take in its worker (from the moment the worker starts it) before the worker is terminated. */
  timeMs: 300,
  /** Occurrences a call may produce (two years of a daily rule fit). */
  maxOccurrences: 1_500,
  /** Worker threads (the machine has two cores; one slow rule leaves the other worker free). */
  workers: 2,
  /** Calls that may wait for a worker; more are refused. */
  maxWaiting: 8,
  /** How long a call may wait for a worker before it is refused. */
  maxWaitMs: 2_000,
  /** How long a worker may take to start a call (thread start-up) before it is replaced. */
  startMs: 10_000,
} as const;

const BUSY = 'zu viele Terminberechnungen gleichzeitig; bitte gleich noch einmal';

export class ExpansionLimitError extends Error {
  constructor(readonly reason: 'time' | 'occurrences' | 'busy') {
    super(
      reason === 'time'
        ? `expanding the rule took longer than ${EXPANSION_LIMITS.timeMs} ms`
        : reason === 'occurrences'
          ? `the rule gives more than ${EXPANSION_LIMITS.maxOccurrences} occurrences in the window`
          : BUSY,
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

const shared = new ExpansionPool(EXPANSION_LIMITS);

/** How many calls went to the worker pool (tests: a rule refused on its face never gets there). */
export const poolCalls = { count: 0 };

/** Runs one call on the pool; `truncate`: stopping at the limit is the point (a probe), not a failure. */
export async function runExpansion(pool: ExpansionPool, request: ExpansionRequest, limit: number, truncate: boolean): Promise<string[]> {
  let reply;
  poolCalls.count++;
  try {
    reply = await pool.run({ rule: request.rule, anchorOn: request.anchorOn, from: request.from, to: request.to, limit });
  } catch (error) {
    if (error instanceof PoolError) throw new ExpansionLimitError(error.reason);
    throw error;
  }
  if (reply.overflow && !truncate) throw new ExpansionLimitError('occurrences');
  return reply.dates;
}

/**
 * The rule's dates (local YYYY-MM-DD) in [from, to], computed in a worker thread within
 * EXPANSION_LIMITS. Throws ExpansionLimitError when a limit is hit or the pool is busy.
 */
export function expandDates(request: ExpansionRequest): Promise<string[]> {
  const limit = Math.min(request.limit ?? EXPANSION_LIMITS.maxOccurrences, EXPANSION_LIMITS.maxOccurrences);
  if (request.from > request.to) return Promise.resolve([]);
  return runExpansion(shared, request, limit, false);
}

/** The rule's first date in [from, to], or null; within the same limits. */
export async function firstDate(request: Omit<ExpansionRequest, 'limit'>): Promise<string | null> {
  if (request.from > request.to) return null;
  const [first] = await runExpansion(shared, request, 1, true);
  return first ?? null;
}
