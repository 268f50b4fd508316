import { describe, expect, it } from '@jest/globals';
import { Kind } from 'graphql';
import { DateScalar, isIsoDate, todayInBerlin } from './scalars.js';

describe('Date scalar', () => {
  it.each(['2026-01-01', '2024-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
    expect(DateScalar.parseValue(value)).toBe(value);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-1', '01.02.2026', '2026-01-01T00:00:00Z', ''])('refuses %s', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => DateScalar.parseValue(value)).toThrow(/JJJJ-MM-TT/);
  });

  it('refuses non-string literals', () => {
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20260101' }, {})).toThrow(/Zeichenkette/);
  });
});

describe('todayInBerlin', () => {
  it('counts the date in Germany, not in UTC', () => {
    expect(todayInBerlin(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 CEST
    expect(todayInBerlin(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31'); // 23:59 CET
  });
});
