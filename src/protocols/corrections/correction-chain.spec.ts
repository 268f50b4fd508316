import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { canonicalCorrection, correctionHash, normalizeCorrectionText, protocolWithCorrections } from './correction-chain.js';

const link = {
  protocolId: '6F1C2B1E-1111-4222-8333-444455556666',
  sequence: 1,
  previousHash: 'a'.repeat(64),
  at: new Date('2026-12-08T09:15:00.000Z'),
  text: 'Unter TOP 2 muss es **12** Gateways heißen.',
};

describe('the correction hash chain', () => {
  it('hashes the documented canonical form', () => {
    expect(canonicalCorrection(link)).toBe(
      'Interkom-Berichtigung/1\nprotocol: 6f1c2b1e-1111-4222-8333-444455556666\nsequence: 1\n' +
        `previous: ${'a'.repeat(64)}\nat: 2026-12-08T09:15:00.000Z\n\nUnter TOP 2 muss es **12** Gateways heißen.`,
    );
    expect(correctionHash(link)).toBe(createHash('sha256').update(canonicalCorrection(link), 'utf8').digest('hex'));
  });

  it('changes with every part it covers', () => {
    const base = correctionHash(link);
    for (const change of [{ sequence: 2 }, { previousHash: 'b'.repeat(64) }, { at: new Date('2026-12-08T09:15:00.001Z') }, { text: `${link.text} ` }]) {
      expect(correctionHash({ ...link, ...change })).not.toBe(base);
    }
  });

  it('normalizes line breaks and surrounding space', () => {
    expect(normalizeCorrectionText('  Zeile 1\r\nZeile 2\rZeile 3\n\n')).toBe('Zeile 1\nZeile 2\nZeile 3');
  });

  it('keeps the published text byte for byte at the start of the export', () => {
    const published = '# Protokoll: Test\n\nInhalt\n';
    expect(protocolWithCorrections(published, [], 'Test')).toBe(published);
    const exported = protocolWithCorrections(published, [{ ...link, hash: correctionHash(link), authorName: null, timeZone: 'Europe/Berlin' }], 'Test');
    expect(exported.startsWith(published)).toBe(true);
    expect(exported).toContain('## Berichtigung Nr. 1 zum Protokoll: Test');
    expect(exported).toContain('| Eingetragen am | 08.12.2026, 10:15 Uhr (Europe/Berlin) |');
    expect(exported).not.toContain('| Von |');
  });
});
