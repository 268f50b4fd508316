import type { EntityManager } from 'typeorm';

/** The current version of a document as other modules read it (OParl). */
export interface PublishedDocument {
  id: string;
  agendaItemId: string;
  name: string;
  mediaType: string;
  size: number;
  sha512: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The documents of the given agenda items (their current versions), oldest first; for OParl's auxiliaryFile. */
export async function documentsOfAgendaItems(db: EntityManager, agendaItemIds: string[]): Promise<PublishedDocument[]> {
  if (!agendaItemIds.length) return [];
  const rows = await db.query<(Omit<PublishedDocument, 'size'> & { size: string })[]>(
    `SELECT id, agenda_item_id AS "agendaItemId", name, media_type AS "mediaType", size, sha512, created_at AS "createdAt", updated_at AS "updatedAt"
       FROM document WHERE agenda_item_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [agendaItemIds],
  );
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}
