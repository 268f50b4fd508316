import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** "Protokoll-2026-05-04-öffentlich.pdf" → an ASCII fallback for old clients ("Protokoll-2026-05-04-oeffentlich.pdf"). */
export function asciiFileName(name: string): string {
  const map: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
  return name
    .replace(/[äöüÄÖÜß]/g, (c) => map[c])
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A German file name for a person's or organisation's document: letters kept, the rest a hyphen. */
export function fileNamePart(text: string): string {
  return text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'Dokument';
}

/**
 * Sends a PDF as a download: attachment with the German name (RFC 6266 filename* plus an ASCII
 * fallback), nosniff, no caching in shared caches, and the checksum of the bytes sent
 * (X-Checksum-SHA256 in hex; Repr-Digest per RFC 9530).
 */
export async function sendPdf(reply: FastifyReply, pdf: { body: Readable | Buffer; size: number; sha256: string; fileName: string }): Promise<void> {
  const b64 = Buffer.from(pdf.sha256, 'hex').toString('base64');
  await reply
    .status(200)
    .header('content-type', 'application/pdf')
    .header('content-length', String(pdf.size))
    .header('content-disposition', `attachment; filename="${asciiFileName(pdf.fileName)}"; filename*=UTF-8''${encodeURIComponent(pdf.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('x-checksum-sha256', pdf.sha256)
    .header('repr-digest', `sha-256=:${b64}:`)
    .send(pdf.body);
}

/** For documents rendered on demand (strategy, certificate). */
export function pdfOf(bytes: Buffer, fileName: string) {
  return { body: bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), fileName };
}
