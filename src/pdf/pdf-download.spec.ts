import { describe, expect, it } from '@jest/globals';
import { asciiFileName, fileNamePart } from './pdf-download.js';

describe('PDF file names', () => {
  it('keeps German names and gives old clients an ASCII fallback', () => {
    expect(asciiFileName('Protokoll-2026-05-04-öffentlich.pdf')).toBe('Protokoll-2026-05-04-oeffentlich.pdf');
    expect(asciiFileName('Teilnahmebescheinigung-Jürgen-Groß.pdf')).toBe('Teilnahmebescheinigung-Juergen-Gross.pdf');
    expect(asciiFileName('a "b"; c\r\n.pdf')).toBe('a-b-c-.pdf');
  });
  it('makes a name part of letters and digits only (no quotes, slashes or line breaks from user text)', () => {
    expect(fileNamePart('Stadt Bad Säckingen / "Amt" \n')).toBe('Stadt-Bad-Säckingen-Amt');
    expect(fileNamePart('   ')).toBe('Dokument');
  });
});
