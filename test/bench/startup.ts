// P4 of issue 13: how long `npm start` takes until /health answers 200, on an existing embedded
// data directory (the first start, which creates it, is not counted). Median of BENCH_STARTS runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_STARTS ?? 3);
const ROOT = new URL('../..', import.meta.url).pathname;

async function startOnce(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT, detached: true, stdio: 'ignore',
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', KEYCLOAK_URL: '', LOG_FORMAT: 'json' },
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error('not healthy within 60 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

export async function runStartupBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-start-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  try {
    const first = await startOnce(dataDir, port);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await startOnce(dataDir, port));
    times.sort((a, b) => a - b);
    console.log(`\nnpm start until /health is 200: first start (new data directory) ${(first / 1000).toFixed(2)} s; ` +
      `existing data directory, median of ${RUNS}: ${(times[Math.floor(RUNS / 2)] / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
