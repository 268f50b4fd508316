import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { newPage } from './support/hub';

const DIST = resolve(import.meta.dirname, '../dist');
const METRICS = resolve(import.meta.dirname, '../test-results/metrics.json');

function record(key: string, value: unknown): void {
  mkdirSync(resolve(METRICS, '..'), { recursive: true });
  let metrics: Record<string, unknown> = {};
  try {
    metrics = JSON.parse(readFileSync(METRICS, 'utf8'));
  } catch {
    // first metric of the run
  }
  writeFileSync(METRICS, JSON.stringify({ ...metrics, [key]: value }, null, 2));
}

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

test('the first page loads at most 250 kB of JavaScript (gzipped), read from the build manifest', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)!;
  // The entry and everything it imports statically; lazily loaded pages come later.
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key]!;
    if (initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entry[0]);
  const bytes = [...initial].reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file))).length, 0);
  record('initialJsGzipBytes', bytes);
  console.log(`initial JavaScript: ${(bytes / 1024).toFixed(1)} kB gzipped in ${initial.size} file(s)`);
  expect(bytes).toBeLessThanOrEqual(250 * 1024);
});

test('first page on the embedded default: time to a usable overview (measured and reported, not asserted)', async ({ browser }) => {
  const base = process.env.INTERKOM_WEB_EMBEDDED_URL!;
  const res = await fetch(`${base}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ben' }),
  });
  const { accessToken } = (await res.json()) as { accessToken: string };
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await newPage(browser); // a fresh context: nothing cached
    await page.addInitScript(
      (t) => sessionStorage.setItem('interkom.devToken', JSON.stringify({ accessToken: t, expiresAt: Date.now() + 3_600_000 })),
      accessToken,
    );
    await page.goto(`${base}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    runs.push(await page.evaluate(() => performance.getEntriesByName('interkom:first-page-ready')[0]!.startTime));
    await page.context().close();
  }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)]!;
  record('firstPageReadyMs', { median: Math.round(median), runs: runs.map(Math.round) });
  console.log(`first page ready (embedded default, cold browser cache): median ${Math.round(median)} ms of ${runs.map(Math.round).join(', ')}`);
  expect(median).toBeGreaterThan(0);
});
