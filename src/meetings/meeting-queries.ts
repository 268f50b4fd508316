import type { EntityManager } from 'typeorm';

/** For other modules: the network of a meeting (through its primary group), or null when there is no such meeting. */
export async function meetingNetworkId(db: Pick<EntityManager, 'query'>, meetingId: string): Promise<string | null> {
  const [row] = await db.query<{ network_id: string }[]>('SELECT g.network_id FROM meeting m JOIN work_group g ON g.id = m.group_id WHERE m.id = $1', [meetingId]);
  return row?.network_id ?? null;
}
