import type { EntityManager } from 'typeorm';
import { documentsOfAgendaItems } from '../../documents/queries/documents-queries.js';
import { OPARL_TYPE, OparlUrls } from '../oparl-urls.js';
import { berlinDate } from './oparl-format.js';
import type { OparlRecord } from './oparl-render.js';

/**
 * The documents of public agenda items as OParl `File`s: embedded in their AgendaItem as
 * auxiliaryFile (without the link back, OParl 1.1 §3) and as objects of their own. Their bytes are
 * served by the hub's document download (GET /documents/:id answers without sign-in where the
 * item is public and its network PUBLIC), so sha512Checksum is that of the served bytes.
 */
export async function agendaItemFiles(
  db: EntityManager,
  networkId: string,
  urls: OparlUrls,
  items: { id: string; meeting_id: string }[],
): Promise<{ byItem: Map<string, Record<string, unknown>[]>; records: OparlRecord[] }> {
  const u = (path: string) => urls.url(path);
  const site = urls.root.replace(/\/oparl\/v1$/, '');
  const byItem = new Map<string, Record<string, unknown>[]>();
  const records: OparlRecord[] = [];
  const meetingOf = new Map(items.map((i) => [i.id, i.meeting_id]));
  for (const d of await documentsOfAgendaItems(db, items.map((i) => i.id))) {
    const path = OparlUrls.file(d.id);
    const file = {
      name: d.name,
      fileName: d.name,
      mimeType: d.mediaType,
      date: berlinDate(d.updatedAt),
      size: d.size,
      sha512Checksum: d.sha512,
      accessUrl: `${site}/documents/${d.id}`,
      downloadUrl: `${site}/documents/${d.id}`,
    };
    byItem.set(d.agendaItemId, [...(byItem.get(d.agendaItemId) ?? []), { id: u(path), type: OPARL_TYPE('File'), ...file }]);
    records.push({
      path, kind: 'File', networkId, groupIds: [], created: d.createdAt,
      data: { id: u(path), type: OPARL_TYPE('File'), ...file, agendaItem: [u(OparlUrls.agendaItem(d.agendaItemId))], meeting: [u(OparlUrls.meeting(meetingOf.get(d.agendaItemId)!))] },
    });
  }
  return { byItem, records };
}
