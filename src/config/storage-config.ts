import { resolve } from 'node:path';

/** Where the hub keeps its data: what the backup and restore commands need, and nothing more. */
export interface StorageConfig {
  readonly dataDir: string;
  /** Unset = embedded PostgreSQL (PGlite) in `dataDir`. */
  readonly databaseUrl: string | undefined;
}

type Env = Record<string, string | undefined>;

/** DATA_DIR and DATABASE_URL, validated; problems are added to the list. */
export function parseStorage(env: Env, problems: string[]): StorageConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return { dataDir: resolve(env.DATA_DIR ?? './data'), databaseUrl };
}
