import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { berlinDate, dateTime, nonEmpty } from './oparl-format.js';
import type { OparlRecord, PublicNetwork } from './oparl-render.js';
import { loadProtocolDocuments } from '../../protocols/protocol-document.js';
import { renderProtocol } from '../../protocols/protocol-markdown.js';
import { renderCorrection } from '../../protocols/corrections/correction-chain.js';
import { correctionsOfPublished } from '../../protocols/corrections/correction-queries.js';
import { protocolPdfUrl, storedPublicProtocolPdfs } from '../../protocols/renderings/rendering-queries.js';
import { OPARL_TYPE, OparlUrls } from '../oparl-urls.js';
import { agendaItemFiles } from './oparl-render-files.js';

/** The bytes a File serves: the protocol's public rendering. */
export const fileBytes = (markdown: string) => Buffer.from(markdown, 'utf8');

/** "Beschlossen (5 Ja, 1 Nein, 0 Enthaltungen)" for one decision. */
function result(d: { votes_for: number | null; votes_against: number | null; abstentions: number | null }): string {
  const counted = d.votes_for !== null || d.votes_against !== null || d.abstentions !== null;
  return counted ? `Beschlossen (${d.votes_for ?? 0} Ja, ${d.votes_against ?? 0} Nein, ${d.abstentions ?? 0} ${(d.abstentions ?? 0) === 1 ? 'Enthaltung' : 'Enthaltungen'})` : 'Beschlossen';
}

/**
 * Meetings of the network's groups (all of them, cancelled ones marked), each with its public,
 * accepted agenda items (with the decisions of a published protocol as result) and, once
 * published, the protocol's public rendering as resultsProtocol (a File).
 */
export async function agendaItemsAndFiles(db: EntityManager, net: PublicNetwork, urls: OparlUrls): Promise<OparlRecord[]> {
  const u = (path: string) => urls.url(path);
  const meetings = await db.query<{ id: string; title: string; starts_at: Date; ends_at: Date; time_zone: string; cancelled: boolean; created_at: Date; groups: string[] }[]>(
    `SELECT m.id, m.title, m.starts_at, m.ends_at, m.time_zone, m.cancelled, m.created_at,
            array_prepend(m.group_id, ARRAY(SELECT mg.group_id FROM meeting_group mg JOIN work_group jg ON jg.id = mg.group_id
                                             WHERE mg.meeting_id = m.id AND jg.network_id = $1 ORDER BY mg.group_id))::text[] AS groups
       FROM meeting m JOIN work_group g ON g.id = m.group_id WHERE g.network_id = $1 ORDER BY m.id`,
    [net.id],
  );
  const items = await db.query<{ id: string; meeting_id: string; position: number; title: string; created_at: Date }[]>(
    `SELECT ai.id, ai.meeting_id, ai.position, ai.title, ai.created_at FROM agenda_item ai
       JOIN meeting m ON m.id = ai.meeting_id JOIN work_group g ON g.id = m.group_id
      WHERE g.network_id = $1 AND ai.status = 'ACCEPTED' AND ai.public ORDER BY ai.meeting_id, ai.position`,
    [net.id],
  );
  const protocols = await db.query<{ id: string; meeting_id: string; published_at: Date; title: string; starts_at: Date; time_zone: string }[]>(
    `SELECT p.id, p.meeting_id, p.published_at, m.title, m.starts_at, m.time_zone
       FROM protocol p JOIN meeting m ON m.id = p.meeting_id JOIN work_group g ON g.id = m.group_id
      WHERE g.network_id = $1 AND p.status = 'PUBLISHED' ORDER BY p.id`,
    [net.id],
  );
  const decisions = await db.query<{ agenda_item_id: string; text: string; votes_for: number | null; votes_against: number | null; abstentions: number | null }[]>(
    `SELECT d.agenda_item_id, d.text, d.votes_for, d.votes_against, d.abstentions FROM decision d
       JOIN protocol p ON p.id = d.protocol_id JOIN meeting m ON m.id = p.meeting_id JOIN work_group g ON g.id = m.group_id
      WHERE g.network_id = $1 AND p.status = 'PUBLISHED' AND d.agenda_item_id IS NOT NULL ORDER BY d.created_at, d.id`,
    [net.id],
  );

  const records: OparlRecord[] = [];
  const add = (path: string, kind: string, created: Date, data: Record<string, unknown>, groupIds: string[] = [], content?: string) =>
    records.push({ path, kind, networkId: net.id, groupIds, created, data: { id: u(path), type: OPARL_TYPE(kind), ...data }, ...(content === undefined ? {} : { content }) });

  const files = new Map<string, Record<string, unknown>>();
  /** The Berichtigungen of each meeting's protocol, as Files of their own (Meeting.auxiliaryFile). */
  const corrections = new Map<string, Record<string, unknown>[]>();
  const protocolOf = new Map(protocols.map((p) => [p.id, p]));
  const protocolDocuments = await loadProtocolDocuments(db, protocols.map((p) => p.id));
  for (const p of protocols) {
    // Not the members' redacted text: a rendering for anyone (public items only, no place or
    // online link, people named only with publicProfile as of now), kept in the ledger.
    const markdown = renderProtocol(protocolDocuments.get(p.id)!, { redact: true, public: true });
    const bytes = fileBytes(markdown);
    const path = OparlUrls.file(p.id);
    // As embedded in its Meeting (resultsProtocol): without the link back to it (OParl 1.1 §3).
    const file = {
      name: `Protokoll: ${p.title}`,
      fileName: `protokoll-${berlinDate(p.starts_at)}.md`,
      mimeType: 'text/markdown',
      date: berlinDate(p.published_at),
      size: bytes.length,
      sha512Checksum: createHash('sha512').update(bytes).digest('hex'),
      accessUrl: u(`${path}/content`),
      downloadUrl: u(`${path}/download`),
    };
    files.set(p.meeting_id, { id: u(path), type: OPARL_TYPE('File'), ...file });
    add(path, 'File', p.published_at, { ...file, meeting: [u(OparlUrls.meeting(p.meeting_id))] }, [], markdown);
  }
  // A correction never changes the protocol's File (its bytes and checksum stay); it is a File of
  // its own, as visible as the published protocol, without its author (the public sees no names).
  for (const c of await correctionsOfPublished(db, protocols.map((p) => p.id))) {
    const p = protocolOf.get(c.protocolId)!;
    const markdown = renderCorrection({ ...c, authorName: null, timeZone: p.time_zone }, p.title);
    const bytes = fileBytes(markdown);
    const path = OparlUrls.correctionFile(c.id);
    const file = {
      name: `Berichtigung Nr. ${c.sequence} zum Protokoll: ${p.title}`,
      fileName: `protokoll-${berlinDate(p.starts_at)}-berichtigung-${c.sequence}.md`,
      mimeType: 'text/markdown',
      date: berlinDate(c.at),
      size: bytes.length,
      sha512Checksum: createHash('sha512').update(bytes).digest('hex'),
      accessUrl: u(`${path}/content`),
      downloadUrl: u(`${path}/download`),
    };
    corrections.set(p.meeting_id, [...(corrections.get(p.meeting_id) ?? []), { id: u(path), type: OPARL_TYPE('File'), ...file }]);
    add(path, 'File', c.at, { ...file, meeting: [u(OparlUrls.meeting(p.meeting_id))] }, [], markdown);
  }

  // The protocol's PDF (issue 23): its stored public rendering, a second File of the meeting
  // (auxiliaryFile, before the Berichtigungen), served by the hub's download route as stored.
  const pdfs = new Map<string, Record<string, unknown>>();
  for (const r of await storedPublicProtocolPdfs(db, protocols.map((p) => p.id))) {
    const p = protocolOf.get(r.protocolId)!;
    const path = OparlUrls.protocolPdfFile(r.id);
    const url = protocolPdfUrl(urls.publicBaseUrl, r.protocolId);
    const file = {
      name: `Protokoll (PDF): ${p.title}`,
      fileName: r.fileName,
      mimeType: 'application/pdf',
      date: berlinDate(p.published_at),
      size: r.size,
      sha512Checksum: r.sha512,
      accessUrl: url,
      downloadUrl: url,
    };
    pdfs.set(p.meeting_id, { id: u(path), type: OPARL_TYPE('File'), ...file });
    add(path, 'File', p.published_at, { ...file, meeting: [u(OparlUrls.meeting(p.meeting_id))] });
  }
  // Uploaded documents of the public items (auxiliaryFile), oparl-render-files.ts.
  const documents = await agendaItemFiles(db, net.id, urls, items);
  records.push(...documents.records);

  const decided = new Map<string, typeof decisions>();
  for (const d of decisions) decided.set(d.agenda_item_id, [...(decided.get(d.agenda_item_id) ?? []), d]);
  // As embedded in its Meeting: without the link back to it (OParl 1.1 §3).
  const itemObject = (i: (typeof items)[number]) => {
    const ds = decided.get(i.id) ?? [];
    return {
      id: u(OparlUrls.agendaItem(i.id)),
      type: OPARL_TYPE('AgendaItem'),
      number: String(i.position),
      order: i.position,
      name: i.title,
      public: true,
      ...(ds.length ? { result: ds.map(result).join('; '), resolutionText: ds.map((d) => d.text).join('\n\n') } : {}),
      ...nonEmpty('auxiliaryFile', documents.byItem.get(i.id) ?? []),
    };
  };
  for (const i of items) {
    const { id: _id, type: _type, ...rest } = itemObject(i);
    add(OparlUrls.agendaItem(i.id), 'AgendaItem', i.created_at, { meeting: u(OparlUrls.meeting(i.meeting_id)), ...rest });
  }
  for (const m of meetings) {
    const file = files.get(m.id);
    add(
      OparlUrls.meeting(m.id),
      'Meeting',
      m.created_at,
      {
        name: m.title,
        cancelled: m.cancelled,
        start: dateTime(m.starts_at, m.time_zone),
        end: dateTime(m.ends_at, m.time_zone),
        organization: m.groups.map((g) => u(OparlUrls.group(g))),
        ...nonEmpty('agendaItem', items.filter((i) => i.meeting_id === m.id).map(itemObject)),
        ...(file ? { resultsProtocol: file } : {}),
        ...nonEmpty('auxiliaryFile', [...(pdfs.has(m.id) ? [pdfs.get(m.id)!] : []), ...(corrections.get(m.id) ?? [])]),
      },
      m.groups,
    );
  }
  return records;
}
