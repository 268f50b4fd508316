import { inspectPdf } from '../../test/support/pdf-tools.js';
import type { PdfMeta, ProtocolPdfInput } from './pdf-inputs.js';
import { paragraphs } from './pdf-inputs.js';
import { PdfRenderer } from './pdf-renderer.js';

const LONG = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen';
const meta: PdfMeta = { title: 'Protokoll: Fachgruppe Ähnlichkeit', network: 'Netzwerk Süd', date: '2026-05-04T10:11:12.000Z', footerNote: `SHA-256 des Protokolls: ${'ab'.repeat(32)}` };
const protocol: ProtocolPdfInput = {
  edition: 'Fassung für die Mitglieder',
  facts: [['Gremium', 'Fachgruppe Öffentlichkeit'], ['Datum', 'Montag, 4. Mai 2026']],
  attendance: [{ label: 'Anwesend', names: ['Jürgen Groß (Stadt Köln)', 'Anna Beck'] }],
  guests: [],
  items: [
    {
      number: '1', title: 'Begrüßung #set [x] $y$ <z> @ref', redacted: false,
      notes: paragraphs(`${`Die ${LONG} wurde besprochen. `.repeat(12)}\n\nZweiter Absatz\nmit Zeilenumbruch`),
      decisions: [{ text: 'Die Gruppe beschließt die Übernahme.', votes: 'Abstimmung: 5 Ja, 1 Nein, 0 Enthaltungen' }],
    },
  ],
  general: [],
  actions: [{ number: '1', title: 'Einladung verschicken', who: 'Anna Beck (Stadt Ulm)', due: '15.06.2026', status: 'offen' }],
};

describe('PdfRenderer', () => {
  const renderer = new PdfRenderer();

  it('renders a protocol as tagged PDF/A-2 with embedded fonts, German hyphenation and every text extractable', () => {
    const pdf = renderer.render({ kind: 'protocol', data: protocol }, meta);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const report = inspectPdf(pdf);
    expect(report.fonts.length).toBeGreaterThan(0);
    expect(report.fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(report.info.Tagged).toBe('yes');
    expect(report.xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(report.xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(report.xmp).toContain('<rdf:li>de-DE</rdf:li>');
    expect(report.qpdf.ok).toBe(true);
    // User text is data, never markup: Typst's syntax comes out literally.
    for (const text of ['Begrüßung #set [x] $y$ <z> @ref', 'Die Gruppe beschließt die Übernahme.', 'Abstimmung: 5 Ja, 1 Nein, 0 Enthaltungen', 'Einladung verschicken', 'Jürgen Groß (Stadt Köln)', 'Netzwerk Süd', 'ab'.repeat(32), 'Seite 1 von 1', LONG]) {
      expect(report.text).toContain(text);
    }
  });

  it('hyphenates long German words at the line end', () => {
    const pdf = renderer.render({ kind: 'protocol', data: protocol }, meta);
    const report = inspectPdf(pdf);
    // pdftotext keeps the soft hyphen Typst inserts when it breaks a word: at least one was broken.
    expect(report.text).toContain(LONG);
    expect(report.rawText).toMatch(/\u00ad\n/);
  });

  it('gives the same bytes for the same input and date, other bytes for another date', () => {
    const a = renderer.render({ kind: 'protocol', data: protocol }, meta);
    const b = renderer.render({ kind: 'protocol', data: protocol }, meta);
    const c = renderer.render({ kind: 'protocol', data: protocol }, { ...meta, date: '2026-05-05T10:11:12.000Z' });
    expect(b.equals(a)).toBe(true);
    expect(c.equals(a)).toBe(false);
  });

  it('renders a correction sheet, a strategy and a certificate', () => {
    const correction = inspectPdf(
      renderer.render({ kind: 'correction', data: { protocolTitle: 'Sitzung', facts: [['Nummer', '1']], text: [['Der Beschluss zu TOP 2 lautet richtig: Übernahme.']] } }, { ...meta, title: 'Berichtigung Nr. 1' }),
    );
    expect(correction.text).toContain('Der Beschluss zu TOP 2 lautet richtig: Übernahme.');
    const strategy = inspectPdf(
      renderer.render(
        { kind: 'strategy', data: { intro: 'Erster Entwurf.', fields: [{ heading: 'Bürgerdienste', ideas: [{ title: 'Online-Terminvergabe', detail: '3 Stimmen', description: [['Für alle Ämter.']], steps: ['Anbieter wählen (bis 01.07.2026)'] }] }], others: [] } },
        { ...meta, title: 'Digitalstrategie Stadt Ulm', footerNote: null },
      ),
    );
    for (const t of ['1. Bürgerdienste', 'Online-Terminvergabe (3 Stimmen)', 'Anbieter wählen (bis 01.07.2026)']) expect(strategy.text).toContain(t);
    const certificate = inspectPdf(
      renderer.render(
        { kind: 'certificate', data: { name: 'Jürgen Groß', organization: 'Stadt Köln', webinar: 'Barrierefreie PDFs', date: '4. Mai 2026', time: '10:00–11:30 Uhr', duration: '90 Minuten', organiser: 'Netzwerk Süd', issued: '5. Mai 2026' } },
        { ...meta, title: 'Teilnahmebescheinigung', footerNote: null },
      ),
    );
    for (const t of ['Teilnahmebescheinigung', 'Jürgen Groß', '„Barrierefreie PDFs“', '90 Minuten']) expect(certificate.text).toContain(t);
    for (const r of [correction, strategy, certificate]) {
      expect(r.info.Tagged).toBe('yes');
      expect(r.fonts.every((f) => f.embedded)).toBe(true);
    }
  });
});
