import { describe, expect, it } from '@jest/globals';
import { renderInstant, type LedgerState } from './oparl-ledger.js';

const T = (s: string) => new Date(s);

describe('renderInstant', () => {
  const row = (modified: string, created = modified): LedgerState => ({ hash: 'h', deleted: false, created: T(created), modified: T(modified) });

  it('stamps a render in a later second than anything the ledger shows (a second change within a second still shows)', () => {
    const known = new Map([['a', row('2026-02-01T10:00:00.300Z')], ['b', row('2026-01-01T00:00:00Z')]]);
    expect(renderInstant(known, T('2026-02-01T10:00:00.800Z'))).toEqual(T('2026-02-01T10:00:01Z'));
    expect(renderInstant(known, T('2026-02-01T10:00:05.100Z'))).toEqual(T('2026-02-01T10:00:05.100Z'));
    expect(renderInstant(new Map(), T('2026-02-01T10:00:05.100Z'))).toEqual(T('2026-02-01T10:00:05.100Z'));
  });
});
