import { ConfigError } from './config-error.js';

/**
 * MIGRATIONS: who brings the schema up to date.
 * - `run` (default): every hub process applies pending migrations at start, under the migration
 *   lock (src/database/migration-lock.ts), so several starting at once apply each migration once;
 * - `check`: the process never migrates; while migrations are pending it serves only its probes
 *   (not ready) and waits for another process (the migration Job: `node dist/src/cli/migrate.js`).
 */
export type MigrationsMode = 'run' | 'check';

type Env = Record<string, string | undefined>;

export function parseMigrationsMode(env: Env, databaseUrl: string | undefined, problems: string[]): MigrationsMode {
  const mode = env.MIGRATIONS?.trim() || 'run';
  if (mode !== 'run' && mode !== 'check') {
    problems.push(`MIGRATIONS must be "run" (migrate at start) or "check" (never migrate, not ready while migrations are pending), got "${mode}"`);
    return 'run';
  }
  // The embedded database lives inside this process: nothing else could ever migrate it.
  if (mode === 'check' && !databaseUrl) problems.push('MIGRATIONS=check needs DATABASE_URL (the embedded database belongs to this process alone; nothing else can migrate it)');
  return mode;
}

/** What the migration CLI (src/cli/migrate.ts) reads: the database and the log format, nothing else. */
export interface MigrateConfig {
  readonly databaseUrl: string;
  readonly logFormat: 'json' | 'pretty';
}

/** Reads and validates the migration CLI's environment; throws a ConfigError listing every problem. */
export function loadMigrateConfig(env: Env = process.env): MigrateConfig {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL?.trim() ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (the embedded database is migrated by the hub itself at start)');
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  const logFormat = env.LOG_FORMAT ?? 'json';
  if (logFormat !== 'json' && logFormat !== 'pretty') problems.push(`LOG_FORMAT must be "json" or "pretty", got "${logFormat}"`);
  if (problems.length > 0) throw new ConfigError(problems);
  return { databaseUrl, logFormat: logFormat as 'json' | 'pretty' };
}
