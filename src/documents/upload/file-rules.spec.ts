import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { contentDisposition, sanitizeFileName, sniff } from './file-rules.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1f5bd8c0000000049454e44ae426082', 'hex');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);

/** A ZIP made by Python's zipfile: ODF wants its `mimetype` entry first and stored. */
function zip(entries: [string, string][]): Buffer {
  const script = `import io,sys,zipfile,json\nb=io.BytesIO()\nz=zipfile.ZipFile(b,'w')\nfor n,c in json.loads(sys.argv[1]):\n  z.writestr(zipfile.ZipInfo(n),c,compress_type=zipfile.ZIP_STORED if n=='mimetype' else zipfile.ZIP_DEFLATED)\nz.close()\nsys.stdout.buffer.write(b.getvalue())`;
  return execFileSync('python3', ['-c', script, JSON.stringify(entries)]);
}

describe('sniff', () => {
  it('accepts allowed types whose name fits', async () => {
    expect(await sniff(PDF, true, 'Folien.pdf')).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(await sniff(PNG, true, 'Foto.PNG')).toEqual({ ok: true, mediaType: 'image/png' });
    expect(await sniff(Buffer.from('Stadt;Einwohner\nBretten;30000\n'), true, 'zahlen.csv')).toEqual({ ok: true, mediaType: 'text/csv' });
    expect(await sniff(Buffer.from('Grüße aus Überlingen\n'), true, 'notiz.txt')).toEqual({ ok: true, mediaType: 'text/plain' });
    const odt = zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<office:document-content/>']]);
    expect(await sniff(odt, true, 'Entwurf.odt')).toEqual({ ok: true, mediaType: 'application/vnd.oasis.opendocument.text' });
  });

  it('refuses a program or an HTML page disguised as a PDF, SVG, and text that is not UTF-8', async () => {
    const exe = await sniff(EXE, true, 'Rechnung.pdf');
    expect(exe.ok).toBe(false);
    expect(!exe.ok && exe.message).toContain('(.exe)');
    const html = await sniff(Buffer.from('<!doctype html><script>alert(1)</script>'), true, 'Folien.pdf');
    expect(html).toMatchObject({ ok: false });
    expect(!html.ok && html.message).toContain('„.pdf“');
    expect(await sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), true, 'logo.svg')).toMatchObject({ ok: false });
    expect(await sniff(Buffer.from([0x47, 0x72, 0xfc, 0x00, 0x65]), true, 'alt.txt')).toMatchObject({ ok: false });
    expect(await sniff(PNG, true, 'Foto.pdf')).toMatchObject({ ok: false, message: expect.stringContaining('Bild (.png)') });
    expect(await sniff(zip([['a.txt', 'x']]), true, 'archiv.zip')).toMatchObject({ ok: false });
    expect(await sniff(Buffer.alloc(0), true, 'leer.pdf')).toMatchObject({ ok: false, message: 'Die Datei ist leer.' });
  });

  it('does not take a multi-byte character cut off at the end of a sample for broken text', async () => {
    const text = Buffer.from('Größe'.repeat(10));
    expect(await sniff(text.subarray(0, 3), false, 'a.txt')).toMatchObject({ ok: true }); // "Gr" + half of "ö"
    expect(await sniff(text.subarray(0, 3), true, 'a.txt')).toMatchObject({ ok: false });
  });
});

describe('sanitizeFileName', () => {
  it('keeps umlauts and the extension, drops paths, control and bidi characters', () => {
    expect(sanitizeFileName('C:\\Users\\x\\Präsentation Öffentlichkeit.pptx')).toBe('Präsentation Öffentlichkeit.pptx');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('Rechnung\u202Efdp.exe')).toBe('Rechnungfdp.exe');
    expect(sanitizeFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('  ..versteckt.txt. ')).toBe('versteckt.txt');
    expect(sanitizeFileName('Frage?<>|.pdf')).toBe('Frage____.pdf');
    expect(sanitizeFileName('Gru\u0308ße.pdf')).toBe('Grüße.pdf'); // NFC
    expect(sanitizeFileName('/')).toBeNull();
    const long = sanitizeFileName(`${'ä'.repeat(300)}.pdf`)!;
    expect([...long].length).toBe(180);
    expect(long.endsWith('ä.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name (RFC 6266)', () => {
    expect(contentDisposition('Übersicht "neu" (2).pdf')).toBe(`attachment; filename="Ubersicht _neu_ (2).pdf"; filename*=UTF-8''%C3%9Cbersicht%20%22neu%22%20%282%29.pdf`);
  });
});
