import { describe, expect, it } from 'vitest';
import { csvCell, csvDateTime, csvFileName, toCsv } from './csv';

describe('CSV for German Excel', () => {
  it('starts with a BOM, separates by semicolons and ends lines with CRLF', () => {
    expect(toCsv(['Name', 'Organisation'], [['Jürgen Groß', 'Stadt Bühl']])).toBe('\uFEFFName;Organisation\r\nJürgen Groß;Stadt Bühl\r\n');
  });

  it('quotes separators, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Müller; Anna')).toBe('"Müller; Anna"');
    expect(csvCell('Sie sagte "ja"')).toBe('"Sie sagte ""ja"""');
    expect(csvCell('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell(' vorne')).toBe('" vorne"');
    expect(csvCell('a,b')).toBe('a,b');
  });

  it('leaves empty cells empty and writes numbers as they are', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('keeps Excel from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+49 7222')).toBe("'+49 7222");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@rastatt')).toBe("'@rastatt");
    expect(csvCell(-1)).toBe('-1');
  });

  it('names the file after the webinar and its date', () => {
    expect(csvFileName('Mängelmelder: Praxis & Fragen', '2026-12-12')).toBe('Teilnehmende-Mängelmelder-Praxis-Fragen-2026-12-12.csv');
    expect(csvFileName('***', '2026-12-12')).toBe('Teilnehmende-webinar-2026-12-12.csv');
  });

  it('writes times as German Excel reads them, in German time', () => {
    expect(csvDateTime('2026-12-07T17:10:00Z')).toBe('07.12.2026 18:10');
    expect(csvDateTime('2026-07-01T08:05:00Z')).toBe('01.07.2026 10:05');
  });
});
