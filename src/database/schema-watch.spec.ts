import { describe, expect, it } from '@jest/globals';
import { SchemaWatch, type SchemaState, type Timers } from './schema-watch.js';

/** Timers that run only when the test says so, and remember the delays asked for. */
class ManualTimers implements Timers {
  readonly delays: number[] = [];
  private due: (() => void) | null = null;
  setTimeout(run: () => void, ms: number): unknown {
    this.delays.push(ms);
    this.due = run;
    return run;
  }
  clearTimeout(handle: unknown): void {
    if (handle === this.due) this.due = null;
  }
  get waiting(): boolean {
    return this.due !== null;
  }
  fire(): void {
    const run = this.due;
    this.due = null;
    run?.();
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SchemaWatch', () => {
  it('checks now, then every everyMs until nothing is pending, and says each change once', async () => {
    const answers: (string[] | Error)[] = [['B2', 'C3'], ['B2', 'C3'], new Error('connection refused'), ['C3'], []];
    let reads = 0;
    const read = () => {
      const next = answers[reads++];
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    };
    const timers = new ManualTimers();
    const changes: SchemaState[] = [];
    const watch = new SchemaWatch(read, { everyMs: 5000, timers, onChange: (s) => changes.push(s) });
    expect(watch.state).toEqual({ kind: 'unchecked' });
    let result: boolean | undefined;
    void watch.untilCurrent().then((r) => (result = r));
    await flush();
    expect(reads).toBe(1);
    expect(watch.state).toEqual({ kind: 'pending', pending: ['B2', 'C3'] });
    for (let i = 2; i <= 5; i++) {
      expect(timers.waiting).toBe(true);
      timers.fire();
      await flush();
      expect(reads).toBe(i);
    }
    expect(result).toBe(true);
    expect(watch.state).toEqual({ kind: 'current' });
    expect(timers.waiting).toBe(false);
    expect(timers.delays).toEqual([5000, 5000, 5000, 5000]);
    expect(changes).toEqual([
      { kind: 'pending', pending: ['B2', 'C3'] },
      { kind: 'unreachable', error: 'connection refused' },
      { kind: 'pending', pending: ['C3'] },
      { kind: 'current' },
    ]);
  });

  it('stops checking when stopped, and then says it never became current', async () => {
    const timers = new ManualTimers();
    let reads = 0;
    const watch = new SchemaWatch(() => (reads++, Promise.resolve(['B2'])), { everyMs: 100, timers });
    const result = watch.untilCurrent();
    await flush();
    expect(timers.waiting).toBe(true);
    watch.stop();
    expect(timers.waiting).toBe(false);
    // A check already under way when stopped ends the wait too.
    const second = new SchemaWatch(() => new Promise<string[]>((resolve) => setImmediate(() => resolve([]))), { everyMs: 100, timers });
    const secondResult = second.untilCurrent();
    second.stop();
    await expect(secondResult).resolves.toBe(false);
    expect(second.state).toEqual({ kind: 'unchecked' });
    expect(reads).toBe(1);
    await expect(result).resolves.toBe(false);
  });
});
