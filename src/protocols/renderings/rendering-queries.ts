import type { EntityManager } from 'typeorm';

/**
 * For other modules (the OParl view): the stored PUBLIC renderings of the given published
 * protocols (the protocol itself, not its Berichtigungen), with the stored bytes' size and SHA-512.
 * A rendering not stored yet is not listed; storing it changes the OParl view (trigger).
 */
export async function storedPublicProtocolPdfs(
  db: Pick<EntityManager, 'query'>,
  protocolIds: string[],
): Promise<{ id: string; protocolId: string; size: number; sha512: string; fileName: string; storedAt: Date }[]> {
  if (!protocolIds.length) return [];
  const rows = await db.query<{ id: string; protocol_id: string; size: number; sha512: string; file_name: string; stored_at: Date }[]>(
    `SELECT r.id, r.protocol_id, r.size, r.sha512, r.input->>'fileName' AS file_name, r.stored_at FROM protocol_rendering r
      JOIN protocol p ON p.id = r.protocol_id
     WHERE r.protocol_id = ANY($1::uuid[]) AND p.status = 'PUBLISHED' AND r.kind = 'PUBLIC' AND r.correction_sequence = 0 AND r.sha512 IS NOT NULL
     ORDER BY r.protocol_id`,
    [protocolIds],
  );
  return rows.map((r) => ({ id: r.id, protocolId: r.protocol_id, size: r.size, sha512: r.sha512, fileName: r.file_name, storedAt: new Date(r.stored_at) }));
}

/** The download address of a protocol's PDF (GET /api/protocols/:id/pdf), absolute under PUBLIC_BASE_URL. */
export const protocolPdfUrl = (publicBaseUrl: string, protocolId: string) => `${publicBaseUrl}/api/protocols/${protocolId}/pdf`;
