import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What poppler-utils and qpdf (Debian packages) say about a PDF: fonts and whether each is
 * embedded, the extracted text (hyphenated line breaks joined again), pdfinfo's fields, the XMP
 * metadata and qpdf's structural check. No conformance claim: veraPDF is not available here.
 */
export interface PdfReport {
  fonts: { name: string; embedded: boolean }[];
  text: string;
  /** pdftotext's output as it is (line breaks, soft hyphens). */
  rawText: string;
  info: Record<string, string>;
  xmp: string;
  qpdf: { ok: boolean; output: string };
}

export function inspectPdf(bytes: Buffer): PdfReport {
  const dir = mkdtempSync(join(tmpdir(), 'interkom-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const run = (cmd: string, args: string[]) => execFileSync(cmd, [...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const fonts = run('pdffonts', [])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        // name type… encoding emb sub uni object ID: the three yes/no columns sit before "object ID".
        const cols = l.trim().split(/\s+/);
        return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
      });
    const info = Object.fromEntries(
      run('pdfinfo', [])
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const xmp = run('pdfinfo', ['-meta']);
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const q = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { fonts, text: joinText(raw), rawText: raw, info, xmp, qpdf: { ok: q.status === 0, output: `${q.stdout}${q.stderr}` } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Undoes line breaking: a soft hyphen (or hyphen) at a line's end joins the word again; whitespace collapses. */
export function joinText(raw: string): string {
  return raw
    .replace(/\u00ad\s*\n\s*/g, '')
    .replace(/\f/g, '\n')
    .replace(/\s+/g, ' ')
    .trim();
}
