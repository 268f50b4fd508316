// The page table of issue 24: every document the web client sends when a page opens, and the two
// HTTP reads, on the hub and on the hand-written baseline (limit-server.ts, baseline/) over the
// same PostgreSQL database, at each data size of BENCH_PAGE_SIZES (demo, land:<scale>). Before
// measuring, the bytes-equal check (compare-pages.ts): a target whose baseline answers other bytes
// (or has none yet) is listed as such and not measured. Then interleaved rounds per target, both
// servers pinned to core 0 and the load generator on core 1 (as ratio.ts), medians of: requests
// per second, the server process's CPU ms per request, the CPU ms of the PostgreSQL backends
// serving that server per request, statements per request (counted in the server, one request at
// a time) and bytes. Then the mixed load (mixed-load.ts). Numbers, not assertions.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import {
  DbCpu,
  cpuMs,
  median,
  settle,
  statementsPerRequest,
} from "./bench-measure.js";
import {
  BENCH_BASE_URL,
  benchDatabase,
  comparePages,
  dropBenchDatabase,
  fetchTarget,
  startBenchServer,
  stopBenchServers,
  targets,
  type BenchServer,
  type Target,
} from "./compare-pages.js";
import { embeddedIdleRss, runMixedLoad } from "./mixed-load.js";
import { HTTP_READS, LAYOUT, PAGES, type PageFixtures } from "./pages.js";

const SIZES = (process.env.BENCH_PAGE_SIZES ?? "demo,land:0.1,land:1")
  .split(",")
  .filter(Boolean);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** Bench databases are `<prefix>_<size>`, dropped and created afresh per size. */
const DB_PREFIX = process.env.BENCH_DB_PREFIX ?? "interkom_bench_page";
const PIN =
  availableParallelism() >= 2 && spawnSync("taskset", ["-V"]).status === 0;

/** The goals of issue 24 for each document. */
const GOAL_RATIO = 0.5;
const GOAL_FALL = 0.2;
const GOAL_STATEMENTS = 6;

/** Which page a target belongs to (the layout's document is sent by every page of the client). */
const PAGE_OF = new Map<string, string>([
  [LAYOUT.name, "Layout (jede Seite)"],
  ...PAGES.flatMap((p) =>
    p.documents.map((d): [string, string] => [d.name, p.name]),
  ),
  ...HTTP_READS.map((r): [string, string] => [r.name, "HTTP"]),
]);

interface Side {
  rps: number[];
  cpu: number[];
  db: number[];
  errors: number;
  statements: number;
}

interface Row {
  target: string;
  bytes: number;
  /** Why it was not measured ('baseline differs', 'no baseline'); undefined when measured. */
  skipped?: string;
  hub?: Side;
  limit?: Side;
}

interface SizeResult {
  size: string;
  seedSeconds: number;
  rows: Row[];
  mixed: string[];
}

const newSide = (): Side => ({
  rps: [],
  cpu: [],
  db: [],
  errors: 0,
  statements: 0,
});

function cannonOptions(
  server: BenchServer,
  t: Target,
  token: string,
  limit: boolean,
) {
  return {
    url: `http://127.0.0.1:${server.port}${limit ? t.limitPath : t.hubPath}`,
    method: t.method,
    connections: CONNECTIONS,
    body: t.body,
    headers: {
      ...(t.body ? { "content-type": "application/json" } : {}),
      ...(t.signedIn ? { authorization: `Bearer ${token}` } : {}),
    },
  };
}

/** One cell: SECONDS of load on one target of one server, with its process and database CPU. */
async function measureCell(
  server: BenchServer,
  appName: string,
  dbCpu: DbCpu,
  t: Target,
  token: string,
  limit: boolean,
  side: Side,
): Promise<void> {
  const pid = server.child.pid!;
  const db = await dbCpu.track(appName);
  const before = cpuMs(pid)!;
  const result = await autocannon({
    ...cannonOptions(server, t, token, limit),
    duration: SECONDS,
  });
  // The requests in flight when the load stops are still served: waited for, so that they do not
  // run into the next cell, and counted with the CPU they take (per request sent, not completed).
  await settle([pid]);
  const cpu = cpuMs(pid)! - before;
  const dbMs = await db.stop();
  const sent =
    (result.requests as { sent?: number }).sent ?? result.requests.total;
  side.errors += result.non2xx + result.errors + result.timeouts;
  side.rps.push(result.requests.total / result.duration);
  side.cpu.push(cpu / sent);
  if (dbMs !== undefined) side.db.push(dbMs / sent);
}

/** The targets the compare tool found equal; the others with the reason. */
function equality(lines: string[]): {
  equal: Set<string>;
  skipped: Map<string, string>;
} {
  const equal = new Set<string>();
  const skipped = new Map<string, string>();
  for (const line of lines) {
    if (line.startsWith("equal  "))
      equal.add(line.slice(7, line.lastIndexOf(" (")));
    else {
      const [, name, limitStatus] =
        /^DIFFER (.+?): hub \d+ \d+ bytes, limit (\d+)/.exec(line) ?? [];
      if (name)
        skipped.set(
          name,
          limitStatus === "404" ? "no baseline" : "baseline differs",
        );
    }
  }
  return { equal, skipped };
}

async function benchSize(size: string): Promise<SizeResult> {
  const database = `${DB_PREFIX}_${size.replace(/[^a-z0-9]/gi, "_")}`;
  const databaseUrl = await benchDatabase(database);
  const dataDir = mkdtempSync(join(tmpdir(), "interkom-page-bench-"));
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: BENCH_BASE_URL,
  };
  const pin = PIN ? "0" : undefined;
  const started = performance.now();
  const hub = await startBenchServer(
    "hub-server.ts",
    { ...env, BENCH_DATA: size },
    pin,
  );
  console.log(
    `${size}: seeded in ${Number(hub.info.seedSeconds).toFixed(1)} s (hub up after ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const limit = await startBenchServer("limit-server.ts", env, pin);
  const dbCpu = await DbCpu.open(databaseUrl);
  try {
    const compared = await comparePages(hub, limit);
    const { equal, skipped } = equality(compared.lines);
    for (const line of compared.lines)
      if (!line.startsWith("equal")) console.log(`  ${line.split("\n")[0]}`);
    const token = hub.info.token as string;
    const all = targets(hub.info.fixtures as PageFixtures);
    const measured = all.filter((t) => equal.has(t.name));
    console.log(
      `${size}: ${measured.length} of ${all.length} targets equal byte for byte; ${ROUNDS} rounds × ${SECONDS} s per cell, ${CONNECTIONS} connections`,
    );
    const rows = new Map<string, Row>(
      all.map((t) => [
        t.name,
        {
          target: t.name,
          bytes: compared.bytes.get(t.name) ?? 0,
          skipped: equal.has(t.name)
            ? undefined
            : (skipped.get(t.name) ?? "baseline differs"),
        },
      ]),
    );
    const servers = [
      { server: hub, appName: "interkom", limit: false },
      { server: limit, appName: "interkom-bench-limit", limit: true },
    ];
    for (const t of measured) {
      const row = rows.get(t.name)!;
      row.hub = newSide();
      row.limit = newSide();
      for (const s of servers) {
        const side = s.limit ? row.limit : row.hub;
        await autocannon({
          ...cannonOptions(s.server, t, token, s.limit),
          duration: 1,
        }); // warm-up: plans, caches, JIT
        await settle([s.server.child.pid!]);
        side.statements = await statementsPerRequest(
          Number(s.server.info.statementsPort),
          () => fetchTarget(s.server.port, t, token, s.limit),
        );
      }
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of measured) {
        const row = rows.get(t.name)!;
        for (const s of servers)
          await measureCell(
            s.server,
            s.appName,
            dbCpu,
            t,
            token,
            s.limit,
            s.limit ? row.limit! : row.hub!,
          );
      }
    }
    const mixed = await runMixedLoad({
      size,
      hub,
      limit,
      targets: measured,
      token,
      env,
      pin,
    });
    return {
      size,
      seedSeconds: Number(hub.info.seedSeconds),
      rows: [...rows.values()],
      mixed,
    };
  } finally {
    await dbCpu.close();
    await stopBenchServers([hub, limit]);
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP_DB !== "1") await dropBenchDatabase(database);
  }
}

const fixed = (x: number | undefined, digits: number) =>
  x === undefined || Number.isNaN(x) ? "–" : x.toFixed(digits);
const ratioOf = (row: Row) =>
  row.hub && row.limit
    ? median(row.hub.rps) / median(row.limit.rps)
    : undefined;

function tableRow(size: string, row: Row): string {
  const kb = `${(row.bytes / 1024).toFixed(1)} kB`;
  const head = `| ${PAGE_OF.get(row.target) ?? ""} | ${row.target} | ${size} | ${kb} |`;
  if (!row.hub || !row.limit) return `${head} ${row.skipped} | | | | | | | | |`;
  const h = row.hub;
  const l = row.limit;
  const errors =
    h.errors + l.errors ? ` (errors: hub ${h.errors}, limit ${l.errors})` : "";
  const db = (s: Side) => (s.db.length ? fixed(median(s.db), 2) : "–");
  return `${head} ${median(h.rps).toFixed(0)} | ${median(l.rps).toFixed(0)} | ${fixed(ratioOf(row), 2)}${errors} | ${fixed(median(h.cpu), 2)} | ${fixed(median(l.cpu), 2)} | ${db(h)} | ${db(l)} | ${h.statements} | ${l.statements} |`;
}

/** One line per size: each measured document against the goals, met or NOT met, with its figure. */
function goalLine(result: SizeResult, demo: SizeResult | undefined): string {
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const parts = result.rows
    .filter((r) => r.hub)
    .map((row) => {
      const ratio = ratioOf(row)!;
      const checks = [
        `ratio ${ratio.toFixed(2)} ${verdict(ratio >= GOAL_RATIO)}`,
      ];
      const before =
        demo && demo !== result
          ? demo.rows.find((r) => r.target === row.target)
          : undefined;
      const demoRatio = before && ratioOf(before);
      if (demoRatio !== undefined)
        checks.push(
          `fall ${((1 - ratio / demoRatio) * 100).toFixed(0)} % ${verdict(ratio >= demoRatio * (1 - GOAL_FALL))}`,
        );
      checks.push(
        `${row.hub!.statements} SQL ${verdict(row.hub!.statements <= GOAL_STATEMENTS)}`,
      );
      return `${row.target}: ${checks.join(", ")}`;
    });
  const missing = result.rows
    .filter((r) => !r.hub)
    .map((r) => `${r.target} (${r.skipped})`);
  return (
    `goals at ${result.size} (ratio ≥ ${GOAL_RATIO}; fall from demo ≤ a fifth; ≤ ${GOAL_STATEMENTS} statements):\n  ${parts.join("\n  ")}` +
    (missing.length ? `\n  not measured: ${missing.join(", ")}` : "")
  );
}

export async function runPageBench(): Promise<void> {
  if (PIN) spawnSync("taskset", ["-cp", "1", String(process.pid)]);
  // The figures depend on the machine and on what else runs on it: both are printed with them.
  const machine = () =>
    `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`;
  console.log(
    `\npage bench (issue 24) on ${machine()}; PostgreSQL ${new URL(process.env.BENCH_PG ?? "postgres://127.0.0.1:5432").host}`,
  );
  console.log(
    `sizes ${SIZES.join(", ")}; servers ${PIN ? "pinned to core 0, load generator on core 1" : "not pinned"}`,
  );
  const results: SizeResult[] = [];
  for (const size of SIZES) results.push(await benchSize(size));
  console.log(
    "\n| page | document | data | bytes | hub req/s | limit req/s | ratio | hub CPU ms | limit CPU ms | hub DB ms | limit DB ms | hub SQL | limit SQL |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const result of results)
    for (const row of result.rows) console.log(tableRow(result.size, row));
  console.log(
    `\nseeding: ${results.map((r) => `${r.size} ${r.seedSeconds.toFixed(1)} s`).join(", ")}; machine after the rounds: ${machine()}`,
  );
  const demo = results.find((r) => r.size === "demo");
  for (const result of results) console.log(`\n${goalLine(result, demo)}`);
  for (const result of results)
    for (const line of result.mixed) console.log(line);
  if (process.env.BENCH_EMBEDDED !== "0") console.log(await embeddedIdleRss());
}
