// The ratio table of issue 13: the hub against the hand-written Fastify + pg baseline
// (limit-server.ts) on the same PostgreSQL and the same data, at several data sizes. Each server is
// its own OS process pinned to core 0 (taskset), the load generator (autocannon) runs here on
// core 1; rounds are interleaved and the medians printed. CPU ms/req is the server process's own
// user + system time (/proc/<pid>/stat) over a cell divided by the requests it answered.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { CASES, type BenchCase } from './queries.js';

const SIZES = (process.env.BENCH_SIZES ?? '1,100').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SERVER = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PIN = availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0;
const HERE = new URL('.', import.meta.url).pathname;

interface Server {
  child: ChildProcess;
  port: number;
  info: Record<string, string>;
}

async function startServer(file: string, env: Record<string, string>): Promise<Server> {
  const args = ['--import', '@swc-node/register/esm-register', join(HERE, file)];
  const child = PIN
    ? spawn('taskset', ['-c', '0', process.execPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  const info = JSON.parse(line) as Record<string, string>;
  return { child, port: Number(info.port), info };
}

/** User + system CPU of a process in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Arrays sorted by content: rows that tie in an ORDER BY may come in either order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

interface Cell {
  rps: number[];
  cpu: number[];
}

async function measure(url: string, token: string, body: string): Promise<{ requests: number; seconds: number }> {
  const result = await autocannon({
    url, method: 'POST', connections: CONNECTIONS, duration: SECONDS, body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requests: result.requests.total, seconds: result.duration };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchSize(factor: number): Promise<string[]> {
  const database = `interkom_bench_x${factor}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-bench-'));
  const env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir };
  const seeding = performance.now();
  const hub = await startServer('hub-server.ts', { ...env, BENCH_FACTOR: String(factor) });
  const seconds = ((performance.now() - seeding) / 1000).toFixed(1);
  const limit = await startServer('limit-server.ts', env);
  const rows: string[] = [];
  try {
    const token = hub.info.token;
    const targets = (c: BenchCase) => {
      const body = JSON.stringify({ query: c.query, variables: c.variables?.({ meetingId: hub.info.meetingId }) ?? {} });
      return [
        { server: hub, url: `http://127.0.0.1:${hub.port}/graphql`, body },
        { server: limit, url: `http://127.0.0.1:${limit.port}${c.route}`, body },
      ];
    };
    const sizes = new Map<string, number>();
    for (const c of CASES) {
      const answers: string[] = [];
      for (const t of targets(c)) {
        const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: t.body });
        answers.push(await res.text());
      }
      const [h, l] = answers;
      if (!isDeepStrictEqual(canonical(JSON.parse(h)), canonical(JSON.parse(l)))) {
        throw new Error(`${c.name} ×${factor}: the baseline's answer differs from the hub's\nhub:   ${h.slice(0, 2000)}\nlimit: ${l.slice(0, 2000)}`);
      }
      sizes.set(c.name, Buffer.byteLength(h));
    }
    console.log(`×${factor}: seeded and started in ${seconds} s; answers equal; ${ROUNDS} rounds × ${SECONDS} s per cell`);
    const cells = new Map<string, Cell>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of CASES) {
        for (const [i, t] of targets(c).entries()) {
          const key = `${c.name}/${i}`;
          if (round === 0) await autocannon({ url: t.url, method: 'POST', connections: CONNECTIONS, amount: 200, body: t.body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
          const before = cpuMs(t.server.child.pid!);
          const { requests, seconds: s } = await measure(t.url, token, t.body);
          const cpu = cpuMs(t.server.child.pid!) - before;
          const cell = cells.get(key) ?? cells.set(key, { rps: [], cpu: [] }).get(key)!;
          cell.rps.push(requests / s);
          cell.cpu.push(cpu / requests);
        }
      }
    }
    for (const c of CASES) {
      const h = cells.get(`${c.name}/0`)!;
      const l = cells.get(`${c.name}/1`)!;
      const kb = (sizes.get(c.name)! / 1024).toFixed(1);
      rows.push(
        `| ${c.name} | ×${factor} (${kb} kB) | ${median(h.rps).toFixed(0)} | ${median(l.rps).toFixed(0)} | ${(median(h.rps) / median(l.rps)).toFixed(2)} | ${median(h.cpu).toFixed(2)} | ${median(l.cpu).toFixed(2)} |`,
      );
    }
  } finally {
    for (const s of [hub, limit]) s.child.kill('SIGTERM');
    await Promise.all([hub, limit].map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

export async function runRatioBench(): Promise<void> {
  if (PIN) spawnSync('taskset', ['-cp', '1', String(process.pid)]);
  console.log(`ratio bench on ${new URL(SERVER).host}: servers ${PIN ? 'pinned to core 0, load generator on core 1' : 'not pinned'}; ${CONNECTIONS} connections`);
  const rows: string[] = [];
  for (const factor of SIZES) rows.push(...(await benchSize(factor)));
  console.log('\n| query | data | hub req/s | limit req/s | ratio | hub CPU ms/req | limit CPU ms/req |\n|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}
