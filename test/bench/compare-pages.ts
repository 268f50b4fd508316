// The bytes-equal check of the page baselines (issue 24): the hub and the hand-written limit server
// on the same database answer every page document and HTTP read; the bodies must be equal byte
// for byte (the ICS feed's DTSTAMP, the time of writing, excepted). Used by the bench before it
// measures, and runnable alone:
//   BENCH_DATA=demo node --import @swc-node/register/esm-register test/bench/compare-pages.ts
// (BENCH_DATA=land:0.01 for generated data; ONLY=GroupPage,MeetingPage for some documents).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { HTTP_READS, PAGE_DOCUMENTS, type PageFixtures } from "./pages.js";

const HERE = new URL(".", import.meta.url).pathname;
/** The hub's PUBLIC_BASE_URL in the bench (OParl ids and feed links carry it); both servers get it in their env. */
export const BENCH_BASE_URL = "https://interkom.bench.example";

export interface BenchServer {
  child: ChildProcess;
  port: number;
  info: Record<string, any>;
}

/** Starts one of the bench's servers as its own process (optionally pinned with taskset). */
export async function startBenchServer(
  file: string,
  env: Record<string, string>,
  pin?: string,
): Promise<BenchServer> {
  const args = [
    "--import",
    "@swc-node/register/esm-register",
    join(HERE, file),
  ];
  const fullEnv = { ...process.env, ...env };
  const child = pin
    ? spawn("taskset", ["-c", pin, process.execPath, ...args], {
        env: fullEnv,
        stdio: ["ignore", "pipe", "inherit"],
      })
    : spawn(process.execPath, args, {
        env: fullEnv,
        stdio: ["ignore", "pipe", "inherit"],
      });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) =>
      reject(new Error(`${file} exited with ${code}`)),
    );
  });
  const info = JSON.parse(line) as Record<string, any>;
  return { child, port: Number(info.port), info };
}

export async function stopBenchServers(servers: BenchServer[]): Promise<void> {
  for (const s of servers) s.child.kill("SIGTERM");
  await Promise.all(
    servers.map(
      (s) =>
        new Promise((r) =>
          s.child.exitCode !== null ? r(null) : s.child.once("exit", r),
        ),
    ),
  );
}

/** A fresh database on the bench's server; returns its URL. */
export async function benchDatabase(
  name: string,
  server = process.env.BENCH_PG ??
    "postgres://postgres@127.0.0.1:5432/postgres",
): Promise<string> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a bench database (a full-size one holds about a gigabyte). */
export async function dropBenchDatabase(
  name: string,
  server = process.env.BENCH_PG ??
    "postgres://postgres@127.0.0.1:5432/postgres",
): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** What one target is asked: method, path on each server, body. */
export interface Target {
  name: string;
  method: "GET" | "POST";
  hubPath: string;
  limitPath: string;
  body?: string;
  signedIn: boolean;
}

export function targets(f: PageFixtures): Target[] {
  return [
    ...PAGE_DOCUMENTS.map((d): Target => ({
      name: d.name,
      method: "POST",
      hubPath: "/graphql",
      limitPath: `/page/${d.name}`,
      body: JSON.stringify({ query: d.query, variables: d.variables(f) }),
      signedIn: true,
    })),
    ...HTTP_READS.map((r): Target => ({
      name: r.name,
      method: "GET",
      hubPath: r.path(f),
      limitPath: r.path(f),
      signedIn: r.signedIn,
    })),
  ];
}

/** The body as compared: the ICS DTSTAMP lines (the moment of writing) blanked. */
const comparable = (body: string) =>
  body.replace(/^DTSTAMP:\d{8}T\d{6}Z\r?$/gm, "DTSTAMP:");

export async function fetchTarget(
  port: number,
  t: Target,
  token: string,
  limit: boolean,
): Promise<{ status: number; body: string }> {
  const res = await fetch(
    `http://127.0.0.1:${port}${limit ? t.limitPath : t.hubPath}`,
    {
      method: t.method,
      headers: {
        ...(t.body ? { "content-type": "application/json" } : {}),
        ...(t.signedIn ? { authorization: `Bearer ${token}` } : {}),
      },
      body: t.body,
    },
  );
  return { status: res.status, body: await res.text() };
}

/** Compares every target; returns one line per target and whether all were equal. */
export async function comparePages(
  hub: BenchServer,
  limit: BenchServer,
  only?: string[],
): Promise<{ equal: boolean; lines: string[]; bytes: Map<string, number> }> {
  const f = hub.info.fixtures as PageFixtures;
  f.now = new Date(f.now);
  const lines: string[] = [];
  const bytes = new Map<string, number>();
  let equal = true;
  for (const t of targets(f)) {
    if (only && !only.includes(t.name)) continue;
    const h = await fetchTarget(hub.port, t, hub.info.token, false);
    const l = await fetchTarget(limit.port, t, hub.info.token, true);
    bytes.set(t.name, Buffer.byteLength(h.body));
    if (
      h.status === 200 &&
      !h.body.includes('"errors"') &&
      l.status === h.status &&
      comparable(h.body) === comparable(l.body)
    ) {
      lines.push(`equal  ${t.name} (${h.body.length} bytes)`);
      continue;
    }
    equal = false;
    const a = comparable(h.body);
    const b = comparable(l.body);
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    lines.push(
      `DIFFER ${t.name}: hub ${h.status} ${a.length} bytes, limit ${l.status} ${b.length} bytes; first difference at ${i}:\n  hub:   …${a.slice(Math.max(0, i - 120), i + 200)}\n  limit: …${b.slice(Math.max(0, i - 120), i + 200)}`,
    );
  }
  return { equal, lines, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = process.env.BENCH_DATA ?? "demo";
  const dataDir = mkdtempSync(join(tmpdir(), "interkom-compare-"));
  const database = `interkom_compare_${process.pid}`;
  const env = {
    DATABASE_URL: await benchDatabase(database),
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: BENCH_BASE_URL,
  };
  const hub = await startBenchServer("hub-server.ts", {
    ...env,
    BENCH_DATA: data,
  });
  const limit = await startBenchServer("limit-server.ts", env);
  try {
    const { equal, lines } = await comparePages(
      hub,
      limit,
      process.env.ONLY?.split(","),
    );
    for (const line of lines) console.log(line);
    process.exitCode = equal ? 0 : 1;
  } finally {
    await stopBenchServers([hub, limit]);
    rmSync(dataDir, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}
