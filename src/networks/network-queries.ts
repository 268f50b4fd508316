import type { EntityManager } from 'typeorm';

/** For other modules (PDF footers): a network's name, or null when there is none by that id. */
export async function networkName(db: Pick<EntityManager, 'query'>, networkId: string): Promise<string | null> {
  const [row] = await db.query<{ name: string }[]>('SELECT name FROM network WHERE id = $1', [networkId]);
  return row?.name ?? null;
}
