import { Injectable } from '@nestjs/common';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { PdfMeta, PdfTemplate } from './pdf-inputs.js';
import { BASE } from './templates/base.js';
import { CERTIFICATE } from './templates/certificate.js';
import { CORRECTION } from './templates/correction.js';
import { PROTOCOL } from './templates/protocol.js';
import { STRATEGY } from './templates/strategy.js';

const SOURCES: Record<PdfTemplate['kind'], string> = { protocol: PROTOCOL, correction: CORRECTION, strategy: STRATEGY, certificate: CERTIFICATE };

/** PDF/A-2a: archival (fonts embedded, XMP metadata) and "accessible" level (tagged structure). */
export const PDF_STANDARD = 'a-2a';

/** Raised when Typst refuses a document (a template defect, never user input: that is data). */
export class PdfRenderError extends Error {}

/**
 * Renders the hub's PDFs with Typst (the compiler runs in-process, no binary to install). Data goes
 * in as JSON through `sys.inputs`, so user text is never markup. Deterministic: the same input and
 * meta (its date included) give the same bytes, which is what lets a protocol's stored rendering
 * be reproduced and checked.
 */
@Injectable()
export class PdfRenderer {
  private compiler: NodeCompiler | null = null;

  render(template: PdfTemplate, meta: PdfMeta): Buffer {
    const compiler = (this.compiler ??= NodeCompiler.create());
    const when = new Date(meta.date);
    if (Number.isNaN(when.getTime())) throw new PdfRenderError(`invalid date ${meta.date}`);
    const date = {
      year: when.getUTCFullYear(), month: when.getUTCMonth() + 1, day: when.getUTCDate(),
      hour: when.getUTCHours(), minute: when.getUTCMinutes(), second: when.getUTCSeconds(),
    };
    const data = JSON.stringify({ meta: { ...meta, date, footerNote: meta.footerNote ?? null }, data: template.data });
    const result = compiler.compile({ mainFileContent: BASE + SOURCES[template.kind], inputs: { data } });
    const doc = result.result;
    if (!doc) {
      const diagnostics = result.takeDiagnostics();
      throw new PdfRenderError(`Typst could not render the ${template.kind}: ${JSON.stringify(diagnostics?.shortDiagnostics ?? diagnostics)}`);
    }
    try {
      return compiler.pdf(doc, { pdfStandard: PDF_STANDARD, pdfTags: true, creationTimestamp: Math.floor(when.getTime() / 1000) });
    } finally {
      // The compiler memoises per source; the input differs every time, so keep the cache small.
      compiler.evictCache(10);
    }
  }
}
