import { describe, expect, it } from '@jest/globals';
import { HOT_AFTER, MAX_NAMED, StatementNames } from './prepared-statements.js';

describe('StatementNames', () => {
  it('names a text once it has been sent HOT_AFTER times, and keeps that name', () => {
    const names = new StatementNames();
    const sent = Array.from({ length: HOT_AFTER + 2 }, () => names.nameFor('SELECT 1 WHERE $1'));
    expect(sent.slice(0, HOT_AFTER - 1)).toEqual(Array(HOT_AFTER - 1).fill(undefined));
    expect(sent[HOT_AFTER - 1]).toMatch(/^ik\d+$/);
    expect(new Set(sent.slice(HOT_AFTER - 1))).toEqual(new Set([sent[HOT_AFTER - 1]]));
  });

  it('gives different texts different names', () => {
    const names = new StatementNames();
    const nameOf = (text: string) => {
      for (let i = 1; i < HOT_AFTER; i++) names.nameFor(text);
      return names.nameFor(text);
    };
    const a = nameOf('SELECT $1::int');
    const b = nameOf('SELECT $1::text');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
    expect(names.nameFor('SELECT $1::int')).toBe(a);
  });

  it('names at most MAX_NAMED texts, however many different ones are sent (IN lists of every length)', () => {
    const names = new StatementNames();
    for (let n = 1; n <= MAX_NAMED + 50; n++) {
      const text = `SELECT * FROM t WHERE id IN (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')})`;
      for (let i = 0; i < HOT_AFTER; i++) names.nameFor(text);
    }
    expect(names.size).toBe(MAX_NAMED);
    const late = `SELECT * FROM t WHERE id IN (${Array.from({ length: MAX_NAMED + 50 }, (_, i) => `$${i + 1}`).join(', ')})`;
    expect(names.nameFor(late)).toBeUndefined();
  });
});
