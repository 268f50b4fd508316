import type { EntityManager } from 'typeorm';
import { Publication } from './publication.enum.js';

/** For other modules: whether a network publishes in OParl (PUBLIC), so that anyone may read its published records. */
export async function isPublicNetwork(db: Pick<EntityManager, 'query'>, networkId: string): Promise<boolean> {
  const [row] = await db.query<{ publication: Publication }[]>('SELECT publication FROM network_publication WHERE network_id = $1', [networkId]);
  return row?.publication === Publication.PUBLIC;
}
