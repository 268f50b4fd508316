import DataLoader from 'dataloader';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import { retryIdempotent } from '../database/resilience.js';

/**
 * The per-request DataLoaders, created lazily by name. One loader per request and relation keeps
 * the SQL count of a request independent of the number of parents.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

export type HubRequest = FastifyRequest & { viewer?: Viewer };

export interface GqlContext {
  req: HubRequest;
  loaders: RequestLoaders;
}

/** A loader answering one row (or null) per key from one set-based query (a read: retried if the connection is lost). */
export function oneByKey<V>(fetch: (keys: string[]) => Promise<V[]>, keyOf: (row: V) => string): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(async (keys) => {
    const rows = await retryIdempotent(() => fetch([...keys]));
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** A loader answering all rows per key from one set-based query. */
export function manyByKey<V>(fetch: (keys: string[]) => Promise<V[]>, keyOf: (row: V) => string): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (keys) => {
    const rows = await retryIdempotent(() => fetch([...keys]));
    const byKey = new Map<string, V[]>(keys.map((k) => [k, []]));
    for (const row of rows) byKey.get(keyOf(row))?.push(row);
    return keys.map((k) => byKey.get(k)!);
  });
}
