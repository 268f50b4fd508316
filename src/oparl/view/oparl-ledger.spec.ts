import { describe, expect, it } from '@jest/globals';
import { sha256 } from './oparl-format.js';
import { renderInstant, settle, systemCreated, type LedgerState } from './oparl-ledger.js';
import type { OparlRecord } from './oparl-render.js';

const ROOT = 'https://hub.example/oparl/v1';
const pathOf = (url: string) => (url.startsWith(`${ROOT}/`) ? url.slice(ROOT.length + 1) : null);
const T = (s: string) => new Date(s);

/** A Person embedding one Membership, as the render writes them (no times in the embedded copy). */
function render(role = 'Mitglied'): OparlRecord[] {
  const membership = { id: `${ROOT}/memberships/m1`, type: 'https://schema.oparl.org/1.1/Membership', organization: `${ROOT}/organizations/g1`, role };
  return [
    { path: 'people/p1', kind: 'Person', networkId: 'n', groupIds: [], created: T('2026-01-01T08:00:00Z'), data: { id: `${ROOT}/people/p1`, type: 'https://schema.oparl.org/1.1/Person', name: 'Ada', membership: [membership] } },
    { path: 'memberships/m1', kind: 'Membership', networkId: 'n', groupIds: [], created: T('2026-01-02T08:00:00.250Z'), data: { ...membership, person: `${ROOT}/people/p1` } },
  ];
}

/** The ledger as it is after storing a settle's result. */
const ledger = (settled: ReturnType<typeof settle>, known = new Map<string, LedgerState>()) =>
  new Map(settled.map((r) => [r.path, { hash: r.hash, deleted: false, created: known.get(r.path)?.created ?? r.created, modified: r.modified }]));

describe('settle: the render against the ledger', () => {
  it('gives an embedded object the created and modified of its own row (§3.1), in the §2.4 form', () => {
    const now = T('2026-02-01T10:00:00Z');
    const [person, membership] = settle(render(), new Map(), now, pathOf);
    expect([person!.changed, membership!.changed]).toEqual([true, true]);
    expect((person!.data.membership as Record<string, unknown>[])[0]).toMatchObject({ created: '2026-01-02T09:00:00+01:00', modified: '2026-02-01T11:00:00+01:00' });
    expect(person!.hash).toBe(sha256(JSON.stringify(person!.data)));
  });

  it('changes nothing when nothing changed; a changed embedded object changes its parent, with the new modified inside', () => {
    const first = settle(render(), new Map(), T('2026-02-01T10:00:00Z'), pathOf);
    const known = ledger(first);
    expect(settle(render(), known, T('2026-02-02T10:00:00Z'), pathOf).map((r) => [r.changed, r.modified])).toEqual([
      [false, T('2026-02-01T10:00:00Z')], [false, T('2026-02-01T10:00:00Z')],
    ]);
    const [person, membership] = settle(render('Leitung'), known, T('2026-02-03T10:00:00Z'), pathOf);
    expect([person!.changed, membership!.changed]).toEqual([true, true]);
    expect((person!.data.membership as Record<string, unknown>[])[0]!.modified).toBe('2026-02-03T11:00:00+01:00');
  });

  it('writes again a row an earlier rendering stored in another form, and keeps the ledger\'s created', () => {
    const known = ledger(settle(render(), new Map(), T('2026-02-01T10:00:00Z'), pathOf));
    known.set('people/p1', { ...known.get('people/p1')!, hash: 'of-the-old-form', created: T('2025-12-24T08:00:00Z') });
    known.set('memberships/m1', { ...known.get('memberships/m1')!, created: T('2025-12-25T08:00:00Z') });
    const [person, membership] = settle(render(), known, T('2026-02-05T10:00:00Z'), pathOf);
    expect([person!.changed, membership!.changed]).toEqual([true, false]);
    expect((person!.data.membership as Record<string, unknown>[])[0]).toMatchObject({ created: '2025-12-25T09:00:00+01:00', modified: '2026-02-01T11:00:00+01:00' });
  });

  it('refuses an embedded object that is not rendered at its own URL', () => {
    expect(() => settle([render()[0]!], new Map(), T('2026-02-01T10:00:00Z'), pathOf)).toThrow(/not rendered itself/);
  });
});

describe('renderInstant and systemCreated', () => {
  const row = (modified: string, created = modified): LedgerState => ({ hash: 'h', deleted: false, created: T(created), modified: T(modified) });

  it('stamps a render in a later second than anything the ledger shows (a second change within a second still shows)', () => {
    const known = new Map([['a', row('2026-02-01T10:00:00.300Z')], ['b', row('2026-01-01T00:00:00Z')]]);
    expect(renderInstant(known, T('2026-02-01T10:00:00.800Z'))).toEqual(T('2026-02-01T10:00:01Z'));
    expect(renderInstant(known, T('2026-02-01T10:00:05.100Z'))).toEqual(T('2026-02-01T10:00:05.100Z'));
    expect(renderInstant(new Map(), T('2026-02-01T10:00:05.100Z'))).toEqual(T('2026-02-01T10:00:05.100Z'));
  });

  it('dates the System by its own row, else by the oldest change the ledger records, else now', () => {
    const now = T('2026-03-01T00:00:00Z');
    expect(systemCreated(new Map(), now)).toEqual(now);
    expect(systemCreated(new Map([['a', row('2026-02-01T10:00:00Z', '2020-01-01T00:00:00Z')], ['b', row('2026-01-15T10:00:00Z')]]), now)).toEqual(T('2026-01-15T10:00:00Z'));
    expect(systemCreated(new Map([['system', row('2026-02-20T00:00:00Z', '2025-05-05T00:00:00Z')], ['b', row('2024-01-15T10:00:00Z')]]), now)).toEqual(T('2025-05-05T00:00:00Z'));
  });
});
