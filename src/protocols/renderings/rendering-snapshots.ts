import type { EntityManager } from 'typeorm';
import { paragraphs, type PdfMeta, type PdfTemplate } from '../../pdf/pdf-inputs.js';
import type { ProtocolDocument } from '../protocol-markdown.js';
import { protocolPdfView } from './protocol-pdf-view.js';
import { ProtocolRenderingKind } from './protocol-rendering.entity.js';

/**
 * The renderings' frozen inputs, written in the transaction that publishes (or corrects) the
 * protocol: what the PDF will say is decided with the publication, even though its bytes are made
 * after the commit. Idempotent (a second call for the same rendering changes nothing).
 */
export interface RenderingRow {
  kind: ProtocolRenderingKind;
  correctionSequence: number;
  input: { template: PdfTemplate; meta: PdfMeta; fileName: string };
}

const day = (d: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const germanDay = (d: Date, timeZone: string) => new Intl.DateTimeFormat('de-DE', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(d);
const germanTime = (d: Date, timeZone: string) => new Intl.DateTimeFormat('de-DE', { timeZone, hour: '2-digit', minute: '2-digit' }).format(d);

export const objectKey = (protocolId: string, kind: ProtocolRenderingKind, sequence: number) =>
  `protocols/${protocolId}/${sequence === 0 ? kind.toLowerCase() : `berichtigung-${sequence}`}.pdf`;

export function protocolRenderings(doc: ProtocolDocument, contentHash: string, network: string): RenderingRow[] {
  const date = (doc.publishedAt ?? doc.approvedAt ?? doc.startsAt).toISOString();
  const base = `Protokoll-${day(doc.startsAt, doc.timeZone)}`;
  return [ProtocolRenderingKind.MEMBERS, ProtocolRenderingKind.PUBLIC].map((kind) => {
    const view = protocolPdfView(doc, kind);
    return {
      kind,
      correctionSequence: 0,
      input: {
        // The header names the network above the group, the meeting's date and (for members) its place.
        template: { kind: 'protocol', data: { ...view, facts: [['Netzwerk', network], ...view.facts] } },
        meta: { title: `Protokoll: ${doc.title.replace(/\s+/g, ' ').trim()}`, network, date, footerNote: `SHA-256 des Protokolls: ${contentHash}`, keywords: ['Protokoll', ...doc.groups] },
        fileName: kind === ProtocolRenderingKind.PUBLIC ? `${base}-öffentlich.pdf` : `${base}.pdf`,
      },
    };
  });
}

export interface CorrectionFacts {
  sequence: number;
  text: string;
  at: Date;
  hash: string;
  previousHash: string;
  protocolTitle: string;
  startsAt: Date;
  timeZone: string;
  contentHash: string;
}

export function correctionRendering(c: CorrectionFacts, network: string): RenderingRow {
  const title = c.protocolTitle.replace(/\s+/g, ' ').trim();
  return {
    kind: ProtocolRenderingKind.PUBLIC,
    correctionSequence: c.sequence,
    input: {
      template: {
        kind: 'correction',
        data: {
          protocolTitle: title,
          facts: [
            ['Sitzung vom', germanDay(c.startsAt, c.timeZone)],
            ['Berichtigung', `Nr. ${c.sequence}`],
            ['Eingetragen am', `${germanDay(c.at, c.timeZone)}, ${germanTime(c.at, c.timeZone)} Uhr`],
            ['Prüfsumme', c.hash],
            ['Vorherige Prüfsumme', c.previousHash],
          ],
          text: paragraphs(c.text),
        },
      },
      meta: { title: `Berichtigung Nr. ${c.sequence} zum Protokoll: ${title}`, network, date: c.at.toISOString(), footerNote: `SHA-256 des Protokolls: ${c.contentHash}`, keywords: ['Protokoll', 'Berichtigung'] },
      fileName: `Protokoll-${day(c.startsAt, c.timeZone)}-Berichtigung-${c.sequence}.pdf`,
    },
  };
}

export async function recordRenderings(tx: Pick<EntityManager, 'query'>, protocolId: string, rows: RenderingRow[]): Promise<void> {
  for (const r of rows) {
    await tx.query(
      `INSERT INTO protocol_rendering (protocol_id, kind, correction_sequence, input, object_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT uq_protocol_rendering DO NOTHING`,
      [protocolId, r.kind, r.correctionSequence, JSON.stringify(r.input), objectKey(protocolId, r.kind, r.correctionSequence)],
    );
  }
}
