/**
 * What each template reads. Plain JSON (strings already formatted in German by the caller): it goes
 * to Typst as `sys.inputs.data`, never as markup, so nothing a user wrote can change the layout.
 */
export interface PdfMeta {
  /** Document title (PDF metadata and the first heading). */
  title: string;
  /** The network's name: the document author and the footer's first line. */
  network: string;
  /** ISO instant: the document's creation and modification date (the publication time for protocols). */
  date: string;
  /** Footer line under the network's name, e.g. "SHA-256 des Protokolls: …" (null: none). */
  footerNote: string | null;
  /** Keywords for the metadata. */
  keywords?: string[];
}

export interface Decision {
  text: string;
  /** "Abstimmung: 5 Ja, 1 Nein, 0 Enthaltungen" or null when not counted. */
  votes: string | null;
}

export interface ProtocolPdfInput {
  /** "Fassung für die Mitglieder" / "Öffentliche Fassung". */
  edition: string;
  facts: [string, string][];
  attendance: { label: string; names: string[] }[] | null;
  guests: string[];
  items: { number: string; title: string; redacted: boolean; notes: string[][]; decisions: Decision[] }[];
  general: Decision[];
  actions: { number: string; title: string; who: string; due: string; status: string }[];
}

export interface CorrectionPdfInput {
  protocolTitle: string;
  facts: [string, string][];
  /** The correction's text, as paragraphs of lines. */
  text: string[][];
}

export interface StrategyPdfInput {
  intro: string;
  fields: { heading: string; ideas: StrategyIdea[] }[];
  others: StrategyIdea[];
}
export interface StrategyIdea {
  title: string;
  detail: string;
  description: string[][];
  steps: string[];
}

export interface CertificatePdfInput {
  name: string;
  organization: string | null;
  webinar: string;
  date: string;
  time: string;
  duration: string;
  organiser: string;
  issued: string;
}

export type PdfTemplate =
  | { kind: 'protocol'; data: ProtocolPdfInput }
  | { kind: 'correction'; data: CorrectionPdfInput }
  | { kind: 'strategy'; data: StrategyPdfInput }
  | { kind: 'certificate'; data: CertificatePdfInput };

/** A text as paragraphs (split at blank lines) of lines, empty ones dropped. */
export function paragraphs(text: string | null | undefined): string[][] {
  if (!text?.trim()) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((p) => p.length);
}
