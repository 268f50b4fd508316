import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpansionPool, type ExpansionJob, type ExpansionPoolOptions } from './expansion-pool.js';
import { expandDates, ExpansionLimitError, EXPANSION_LIMITS } from './expansion.js';

/** Never matches: rrule would search to the year 9999, so the call runs until its worker is ended. */
const SLOW: ExpansionJob = { rule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', anchorOn: '2026-01-01', from: '2026-01-01', to: '2026-12-31', limit: 10 };
const VALID: ExpansionJob = { rule: 'FREQ=WEEKLY;BYDAY=TU', anchorOn: '2026-01-06', from: '2026-01-01', to: '2026-01-31', limit: 10 };
const TUESDAYS = ['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27'];

const pool = (options: Partial<ExpansionPoolOptions>) =>
  new ExpansionPool({ workers: 1, timeMs: 300, maxWaiting: 8, maxWaitMs: 5_000, startMs: 10_000, ...options });
const reasonOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { reason?: string; message: string }) => e.reason ?? e.message);

describe('the expansion pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interkom-rrule-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a call at once when more calls wait than the queue holds', async () => {
    const p = pool({ workers: 2, maxWaiting: 3, timeMs: 100 });
    const running = [p.run(SLOW), p.run(SLOW)];
    const waiting = [p.run(VALID), p.run(VALID), p.run(VALID)];
    expect(p.queued).toBe(3);
    await expect(p.run(VALID)).rejects.toMatchObject({ reason: 'busy' });
    expect(p.queued).toBe(3);
    expect(await Promise.all(running.map(reasonOf))).toEqual(['time', 'time']);
    for (const reply of await Promise.all(waiting)) expect(reply.dates).toEqual(TUESDAYS);
  });

  it('refuses a call that waited too long for a worker', async () => {
    const p = pool({ workers: 1, timeMs: 200, maxWaitMs: 100 });
    const slow = p.run(SLOW);
    const late = p.run(VALID);
    expect(await reasonOf(late)).toBe('busy');
    expect(await reasonOf(slow)).toBe('time');
    expect((await p.run(VALID)).dates).toEqual(TUESDAYS);
  });

  it('counts only the running time: a cold worker’s start-up does not use up the budget', async () => {
    // A stand-in for rrule that takes 400 ms to load, longer than the 150 ms time limit below.
    const slowStart = join(dir, 'slow-start-rrule.cjs');
    writeFileSync(slowStart, `const end = Date.now() + 400; while (Date.now() < end) {}\nmodule.exports = require(${JSON.stringify(createRequire(import.meta.url).resolve('rrule'))});\n`);
    const p = pool({ workers: 1, timeMs: 150, rrulePath: slowStart });
    expect((await p.run(VALID)).dates).toEqual(TUESDAYS); // a cold start
    expect(await reasonOf(p.run(SLOW))).toBe('time'); // ends its worker
    expect((await p.run(VALID)).dates).toEqual(TUESDAYS); // right after, on a new cold worker
  });

  it('refuses with ExpansionLimitError("busy") and a German message on the hub’s own limits', async () => {
    const slow = Array.from({ length: EXPANSION_LIMITS.workers }, () => expandDates({ rule: SLOW.rule, anchorOn: SLOW.anchorOn, from: SLOW.from, to: SLOW.to }));
    const queued = Array.from({ length: EXPANSION_LIMITS.maxWaiting }, () => expandDates({ rule: VALID.rule, anchorOn: VALID.anchorOn, from: VALID.from, to: VALID.to }));
    const refused = expandDates({ rule: VALID.rule, anchorOn: VALID.anchorOn, from: VALID.from, to: VALID.to });
    await expect(refused).rejects.toBeInstanceOf(ExpansionLimitError);
    await expect(refused).rejects.toMatchObject({ reason: 'busy', message: 'zu viele Terminberechnungen gleichzeitig; bitte gleich noch einmal' });
    expect(await Promise.all(slow.map(reasonOf))).toEqual(EXPANSION_LIMITS.workers === 2 ? ['time', 'time'] : ['time']);
    for (const dates of await Promise.all(queued)) expect(dates).toEqual(TUESDAYS);
  });
});
