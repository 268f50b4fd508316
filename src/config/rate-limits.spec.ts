import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RATE_LIMITS, parseRateLimits, parseTrustProxy } from './rate-limits.js';

describe('RATE_LIMITS', () => {
  it('is the defaults when unset, none when off', () => {
    expect(parseRateLimits(undefined, [])).toEqual(DEFAULT_RATE_LIMITS);
    expect(parseRateLimits(' ', [])).toEqual(DEFAULT_RATE_LIMITS);
    expect(parseRateLimits('off', [])).toBeNull();
  });

  it('changes single limits and scales all of them', () => {
    const problems: string[] = [];
    const limits = parseRateLimits('search=5/30s, export=2/1h', problems)!;
    expect(problems).toEqual([]);
    expect(limits.search).toEqual({ max: 5, windowMs: 30_000 });
    expect(limits.export).toEqual({ max: 2, windowMs: 3_600_000 });
    expect(limits.client).toEqual(DEFAULT_RATE_LIMITS.client);
    const scaled = parseRateLimits('scale=100,feed=3/1m', problems)!;
    expect(scaled.person.max).toBe(DEFAULT_RATE_LIMITS.person.max * 100);
    expect(scaled.feed).toEqual({ max: 300, windowMs: 60_000 });
  });

  it('names every mistake', () => {
    const problems: string[] = [];
    parseRateLimits('serch=5/1m,search=5,search=0/1m,scale=0', problems);
    expect(problems).toEqual([
      expect.stringContaining('unknown limit "serch"'),
      expect.stringContaining('"search=5" must read search=<max>/<window>'),
      expect.stringContaining('"search=0/1m" must read'),
      expect.stringContaining('scale must be a whole number'),
    ]);
  });
});

describe('TRUST_PROXY', () => {
  it('reads false, true, hop counts and address lists', () => {
    const problems: string[] = [];
    expect(parseTrustProxy(undefined, problems)).toBe(false);
    expect(parseTrustProxy('false', problems)).toBe(false);
    expect(parseTrustProxy('true', problems)).toBe(true);
    expect(parseTrustProxy('1', problems)).toBe(1);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1', problems)).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(problems).toEqual([]);
    parseTrustProxy('proxy.example.org', problems);
    expect(problems).toEqual([expect.stringContaining('TRUST_PROXY must be')]);
  });
});
