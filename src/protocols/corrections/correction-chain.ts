import { createHash } from 'node:crypto';

/**
 * A Berichtigung (correction) of a published protocol: the published bytes never change, a
 * correction is an addendum beside them. Corrections form a hash chain from the protocol's own
 * content hash: anyone who has the published text and the corrections can check that nothing was
 * changed, left out or reordered.
 *
 * The canonical form, version 1, is this UTF-8 text (lines end in "\n", no trailing newline):
 *
 *     Interkom-Berichtigung/1
 *     protocol: <the protocol's id, lower-case UUID>
 *     sequence: <1, 2, 3 … in the order the corrections were added>
 *     previous: <previous hash: the protocol's contentHash for the first, else the previous correction's hash>
 *     at: <when it was added, ISO 8601 in UTC with milliseconds, e.g. 2026-12-08T09:15:00.000Z>
 *     <empty line>
 *     <the text exactly as stored: trimmed, line breaks as "\n">
 *
 * and `hash` is the lower-case hex SHA-256 of it. The author is deliberately not part of it: who
 * wrote a correction is shown only to the meeting's groups (as who published the protocol is), and
 * every reader of a correction must be able to check its hash; the author stays on record beside
 * it and in the audit log.
 */
export interface CorrectionLink {
  protocolId: string;
  sequence: number;
  previousHash: string;
  at: Date;
  text: string;
}

/** The canonical text a correction's hash covers (see above). */
export function canonicalCorrection(c: CorrectionLink): string {
  return [
    'Interkom-Berichtigung/1',
    `protocol: ${c.protocolId.toLowerCase()}`,
    `sequence: ${c.sequence}`,
    `previous: ${c.previousHash}`,
    `at: ${c.at.toISOString()}`,
    '',
    c.text,
  ].join('\n');
}

export function correctionHash(c: CorrectionLink): string {
  return createHash('sha256').update(canonicalCorrection(c), 'utf8').digest('hex');
}

/** A correction's text as stored and hashed: line breaks as "\n", no surrounding blank space. */
export function normalizeCorrectionText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

export interface RenderedCorrection extends CorrectionLink {
  hash: string;
  /** null where the reader may not learn who wrote it (outside the meeting's groups, the public). */
  authorName: string | null;
  timeZone: string;
}

const when = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('de-DE', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);

/** One correction as Markdown, the way it is filed beside the protocol (export, OParl file). */
export function renderCorrection(c: RenderedCorrection, protocolTitle: string): string {
  const out = [
    `## Berichtigung Nr. ${c.sequence} zum Protokoll: ${protocolTitle.replace(/\s+/g, ' ').trim()}`,
    '',
    '| | |',
    '|---|---|',
    `| Eingetragen am | ${when(c.at, c.timeZone)} Uhr (${c.timeZone}) |`,
    ...(c.authorName ? [`| Von | ${c.authorName.replace(/\s+/g, ' ').replace(/\|/g, '\\|')} |`] : []),
    `| SHA-256 | ${c.hash} |`,
    `| Vorherige Prüfsumme | ${c.previousHash} |`,
    '',
    c.text,
  ];
  return `${out.join('\n')}\n`;
}

/**
 * The export of a published protocol: its published text byte for byte, then its corrections.
 * The published part still has the protocol's contentHash; each correction carries its own.
 */
export function protocolWithCorrections(published: string, corrections: RenderedCorrection[], protocolTitle: string): string {
  if (!corrections.length) return published;
  const appendix = corrections.map((c) => renderCorrection(c, protocolTitle)).join('\n');
  return `${published}\n---\n\n# Berichtigungen\n\n_Das Protokoll oben ist unverändert veröffentlicht; die Berichtigungen ergänzen es. Jede trägt ihre eigene Prüfsumme (SHA-256), die die vorherige einschließt._\n\n${appendix}`;
}
