// The mixed load of issue 24: the pages as a working day opens them, at concurrency 50, against the
// hub and against the hand-written baseline in alternating rounds: throughput, errors, ratio, and
// the hub's resident memory under that load. And once, the embedded default's idle memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { median, rssMb, sampleMax, settle } from './bench-measure.js';
import type { BenchServer, Target } from './compare-pages.js';
import { HTTP_READS, LAYOUT, PAGES } from './pages.js';

const CONNECTIONS = Number(process.env.BENCH_MIX_CONCURRENCY ?? 50);
// Long enough that a page taking seconds under 50 connections still completes many times per round.
const SECONDS = Number(process.env.BENCH_MIX_SECONDS ?? Math.max(10, Number(process.env.BENCH_SECONDS ?? 3)));
const ROUNDS = Number(process.env.BENCH_MIX_ROUNDS ?? process.env.BENCH_ROUNDS ?? 3);
const GOAL_RATIO = 0.5;
const GOAL_RSS_MB = 400;
const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Page opens per 20 on a working day in a Land's network, in steps of 5 %. People start on the
 * Übersicht (30 %: the landing page, reopened between tasks) and go from there to a meeting
 * (Sitzung 20 %: agenda before, protocol after) or their group (Gruppe 15 %); the Kalender is
 * looked at to plan (10 %); the network's admin pages and the Steckbrief search are occasional
 * (5 % each). Calendar programs poll the personal ICS feeds all day (10 %) and OParl harvesters
 * read lists now and then (5 %). The client's Layout document is sent once per visit of the app,
 * not per page: one per four web page opens (4 of 20).
 */
export const MIX_WEIGHTS: Record<string, number> = {
  Übersicht: 6,
  'Sitzung mit Protokoll': 4,
  Gruppe: 3,
  Kalender: 2,
  'Netzwerk (als Admin)': 1,
  'Steckbriefe (Suche)': 1,
  'ICS-Feed (persönlich)': 2,
  'OParl-Liste (Sitzungen)': 1,
  [LAYOUT.name]: 4,
};

/** Each weighted unit (a page with its documents, an HTTP read, the layout) as the target names it sends. */
const UNITS = new Map<string, string[]>([
  ...PAGES.map((p): [string, string[]] => [p.name, p.documents.map((d) => d.name)]),
  ...HTTP_READS.map((r): [string, string[]] => [r.name, [r.name]]),
  [LAYOUT.name, [LAYOUT.name]],
]);

/**
 * The sequence every connection cycles through: the units spread evenly by weight (the k-th of w
 * opens at (k + ½) / w), each expanded into its requests. Units with a target that is not
 * measured (no equal baseline) are left out, and named.
 */
export function mixSequence(available: Target[]): { sequence: Target[]; opens: number; left: string[] } {
  const byName = new Map(available.map((t) => [t.name, t]));
  const slots: { unit: string; at: number }[] = [];
  const left: string[] = [];
  for (const [unit, weight] of Object.entries(MIX_WEIGHTS)) {
    if (!UNITS.get(unit)!.every((n) => byName.has(n))) {
      left.push(unit);
      continue;
    }
    for (let k = 0; k < weight; k++) slots.push({ unit, at: (k + 0.5) / weight });
  }
  slots.sort((a, b) => a.at - b.at || a.unit.localeCompare(b.unit));
  return { sequence: slots.flatMap((s) => UNITS.get(s.unit)!.map((n) => byName.get(n)!)), opens: slots.length, left };
}

interface MixRun {
  rps: number;
  errors: number;
}

async function mixRound(server: BenchServer, sequence: Target[], token: string, limit: boolean, seconds: number): Promise<MixRun> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: sequence.map((t) => ({
      method: t.method,
      path: limit ? t.limitPath : t.hubPath,
      body: t.body,
      headers: { ...(t.body ? { 'content-type': 'application/json' } : {}), ...(t.signedIn ? { authorization: `Bearer ${token}` } : {}) },
      // A GraphQL error answers 200: count it as the error it is.
      onResponse: (_status: number, body: string) => {
        if (t.body && body.includes('"errors":[')) graphqlErrors++;
      },
    })),
  });
  // The backlog left in the server is served before anything else runs on its core.
  await settle([server.child.pid!]);
  return { rps: result.requests.total / result.duration, errors: result.non2xx + result.errors + result.timeouts + graphqlErrors };
}

/** The mixed load at one data size; returns the lines to print. */
export async function runMixedLoad(opts: { size: string; hub: BenchServer; limit: BenchServer; targets: Target[]; token: string; env: Record<string, string>; pin?: string }): Promise<string[]> {
  const { sequence, opens, left } = mixSequence(opts.targets);
  if (!sequence.length) return [`\nmixed load at ${opts.size}: not run (no page with equal baselines)`];
  const hubPid = opts.hub.child.pid!;
  const idle = rssMb(hubPid);
  await mixRound(opts.hub, sequence, opts.token, false, 1);
  await mixRound(opts.limit, sequence, opts.token, true, 1);
  const hub: MixRun[] = [];
  const limit: MixRun[] = [];
  let rss = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const sampler = sampleMax(() => rssMb(hubPid));
    hub.push(await mixRound(opts.hub, sequence, opts.token, false, SECONDS));
    rss = Math.max(rss, sampler.stop());
    limit.push(await mixRound(opts.limit, sequence, opts.token, true, SECONDS));
  }
  const prod = await productionRss(opts.env, sequence, opts.token, opts.pin);
  const h = median(hub.map((r) => r.rps));
  const l = median(limit.map((r) => r.rps));
  const errors = (runs: MixRun[]) => runs.reduce((sum, r) => sum + r.errors, 0);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const perOpen = sequence.length / opens;
  return [
    `\nmixed load at ${opts.size}: ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s each, ${sequence.length} requests per cycle of ${opens} weighted opens` +
      (left.length ? ` (left out, no equal baseline: ${left.join(', ')})` : ''),
    `  hub ${h.toFixed(0)} req/s (${(h / perOpen).toFixed(1)} opens/s), limit ${l.toFixed(0)} req/s (${(l / perOpen).toFixed(1)} opens/s), ratio ${(h / l).toFixed(2)} ` +
      `(≥ ${GOAL_RATIO}: ${verdict(h / l >= GOAL_RATIO)}); errors hub ${errors(hub)}, limit ${errors(limit)} (0: ${verdict(errors(hub) + errors(limit) === 0)})`,
    `  hub RSS (VmRSS, max of samples every 200 ms) under the mixed load: npm start with this PostgreSQL ${prod.idle.toFixed(0)} MB idle, max ${prod.max.toFixed(0)} MB ` +
      `(< ${GOAL_RSS_MB} MB: ${verdict(prod.max < GOAL_RSS_MB)}; ${prod.run.rps.toFixed(0)} req/s, ${prod.run.errors} errors in its one round); ` +
      `the bench's hub process (transpiler and seeding in it) ${idle.toFixed(0)} MB before, max ${rss.toFixed(0)} MB`,
  ];
}

/**
 * `npm start` as its own process: `node src/cli/start.mjs` (compiled JavaScript, no transpiler in
 * the process), which runs the hub in that same process, the one measured. Resolves when /health is 200.
 */
async function startHub(env: Record<string, string>, pin?: string): Promise<{ child: ChildProcess; port: number; stop(): Promise<void> }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const args = [join(ROOT, 'src/cli/start.mjs')];
  const fullEnv = { ...process.env, PORT: String(port), KEYCLOAK_URL: '', LOG_FORMAT: 'json', ...env };
  const child = pin ? spawn('taskset', ['-c', pin, process.execPath, ...args], { cwd: ROOT, stdio: 'ignore', env: fullEnv }) : spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: fullEnv });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  };
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} (${process.execPath}: Node ${process.version}; npm run bench runs the project's Node)`);
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return { child, port, stop };
    if (performance.now() - started > 180_000) {
      await stop();
      throw new Error('npm start: not healthy within 180 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The hub's RSS under the mix as it runs in production: `npm start` with the external PostgreSQL
 * (the bench database, already seeded; the same DATA_DIR, so the bench's token verifies), pinned
 * like the bench's servers. The bench's own hub process (hub-server.ts) carries the TypeScript
 * transpiler and the seeding's heap, so its RSS is higher than a deployed hub's.
 */
async function productionRss(env: Record<string, string>, sequence: Target[], token: string, pin?: string): Promise<{ idle: number; max: number; run: MixRun }> {
  const hub = await startHub({ ...env, WEB_DIR: '', DEMO_DATA: 'false', RATE_LIMITS: 'scale=100000' }, pin);
  try {
    const server = { child: hub.child, port: hub.port, info: {} } as BenchServer;
    const idle = rssMb(hub.child.pid!);
    await mixRound(server, sequence, token, false, 1);
    const sampler = sampleMax(() => rssMb(hub.child.pid!));
    const run = await mixRound(server, sequence, token, false, SECONDS);
    return { idle, max: sampler.stop(), run };
  } finally {
    await hub.stop();
  }
}

/** Starts the default `npm start` (embedded PGlite) on `dataDir`, waits for /health, reads VmRSS after 5 s idle. */
async function idleRssOnce(dataDir: string): Promise<number> {
  const hub = await startHub({ DATA_DIR: dataDir, DATABASE_URL: '' });
  try {
    await new Promise((r) => setTimeout(r, 5000));
    return rssMb(hub.child.pid!);
  } finally {
    await hub.stop();
  }
}
/** The embedded default's idle RSS: after its first start (new data directory) and after a restart on it. */
export async function embeddedIdleRss(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-embedded-rss-'));
  try {
    const first = await idleRssOnce(dataDir);
    const again = await idleRssOnce(dataDir);
    return `\nembedded default (npm start, PGlite in the process), idle 5 s after /health is 200: ${first.toFixed(0)} MB after the first start, ${again.toFixed(0)} MB after a restart on the same data directory`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
