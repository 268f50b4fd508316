import type { EntityManager } from 'typeorm';
import type { ProtocolCorrectionModel } from './correction.model.js';

/**
 * For other modules (the OParl view): the corrections of the given published protocols, in chain
 * order, as plain rows. Other rooms ask this instead of reading protocol_correction themselves.
 */
export async function correctionsOfPublished(db: EntityManager, protocolIds: string[]): Promise<Omit<ProtocolCorrectionModel, 'access'>[]> {
  if (!protocolIds.length) return [];
  const rows = await db.query<{ id: string; protocol_id: string; sequence: number; text: string; at: Date; hash: string; previous_hash: string; author_id: string }[]>(
    `SELECT c.id, c.protocol_id, c.sequence, c.text, c.at, c.hash, c.previous_hash, c.author_id FROM protocol_correction c
       JOIN protocol p ON p.id = c.protocol_id WHERE c.protocol_id = ANY($1::uuid[]) AND p.status = 'PUBLISHED' ORDER BY c.protocol_id, c.sequence`,
    [protocolIds],
  );
  return rows.map((r) => ({ id: r.id, protocolId: r.protocol_id, sequence: r.sequence, text: r.text, at: new Date(r.at), hash: r.hash, previousHash: r.previous_hash, authorId: r.author_id }));
}
