// What the page bench reads besides requests per second: a process's CPU time and resident memory
// (/proc), the CPU time of the PostgreSQL backends serving one server, and the statements a
// request sends (the servers' side channel, statement-counter.ts).
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** User + system CPU of a process in ms (clock ticks of 10 ms); undefined when it has gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the processes are idle (under 10 % of a core over 250 ms, at most `maxMs`). A load
 * generator that stops leaves the requests in flight queued in the server: without this, that
 * backlog would run into the next cell, on the same core, and count against whoever comes next.
 */
export async function settle(pids: number[], maxMs = 60_000): Promise<void> {
  const total = () => pids.reduce((sum, pid) => sum + (cpuMs(pid) ?? 0), 0);
  const until = performance.now() + maxMs;
  let before = total();
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    const now = total();
    if (now - before <= 25) return;
    before = now;
  }
}

/** Resident memory of a process in MB (VmRSS). */
export function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

/** Samples `read` every `ms` until stopped; returns the largest value seen. */
export function sampleMax(read: () => number, ms = 200): { stop(): number } {
  let max = read();
  const timer = setInterval(() => {
    try {
      max = Math.max(max, read());
    } catch {
      // the process ended; the caller notices
    }
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      return max;
    },
  };
}

/**
 * The CPU time PostgreSQL spends for one server: the backends of the bench database whose
 * application_name is the server's ('interkom' for the hub, 'interkom-bench-limit' for the
 * baseline), read from /proc/<backend pid>/stat. The list of backends is polled while a cell runs,
 * because a pool opens and closes connections: a backend that appears counts from zero (its whole
 * life falls in the cell), one that ends counts up to its last reading. PostgreSQL must run on
 * this machine (127.0.0.1); elsewhere the figure is reported as unknown.
 */
export class DbCpu {
  private constructor(private readonly admin: pg.Client, private readonly database: string) {}

  static async open(databaseUrl: string): Promise<DbCpu> {
    const admin = new pg.Client({ connectionString: databaseUrl, application_name: 'interkom-bench-probe' });
    await admin.connect();
    return new DbCpu(admin, new URL(databaseUrl).pathname.slice(1));
  }

  private async backends(applicationName: string): Promise<number[]> {
    const { rows } = await this.admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2', [this.database, applicationName]);
    return rows.map((r) => r.pid);
  }

  /** Starts tracking one server's backends; stop() gives their CPU ms since (undefined when /proc cannot see them). */
  async track(applicationName: string, pollMs = 250): Promise<{ stop(): Promise<number | undefined> }> {
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    let listed = 0;
    const read = async (initial: boolean) => {
      for (const pid of await this.backends(applicationName)) {
        listed++;
        const ms = cpuMs(pid);
        if (ms === undefined) continue; // ended meanwhile, or not on this machine
        if (!first.has(pid)) first.set(pid, initial ? ms : 0);
        last.set(pid, ms);
      }
    };
    await read(true);
    let polling = Promise.resolve();
    const timer = setInterval(() => {
      polling = polling.then(() => read(false)).catch(() => undefined);
    }, pollMs);
    return {
      stop: async () => {
        clearInterval(timer);
        await polling;
        await read(false);
        if (listed > 0 && last.size === 0) return undefined;
        let sum = 0;
        for (const [pid, ms] of last) sum += ms - first.get(pid)!;
        return sum;
      },
    };
  }

  async close(): Promise<void> {
    await this.admin.end();
  }
}

/** The running statement count of a bench server (its side channel). */
export async function statementCount(statementsPort: number): Promise<number> {
  return Number(await (await fetch(`http://127.0.0.1:${statementsPort}/`)).text());
}

/**
 * Statements one request sends: the fewest of `tries` single requests, so that a background
 * statement (the hub's outbox worker polls once a second) does not count against the page.
 */
export async function statementsPerRequest(statementsPort: number, send: () => Promise<unknown>, tries = 3): Promise<number> {
  let fewest = Infinity;
  for (let i = 0; i < tries; i++) {
    const before = await statementCount(statementsPort);
    await send();
    fewest = Math.min(fewest, (await statementCount(statementsPort)) - before);
  }
  return fewest;
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
