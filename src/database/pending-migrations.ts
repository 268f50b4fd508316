import { MIGRATIONS } from '../../migrations/index.js';

/**
 * A migration's name as TypeORM records it in the `migrations` table: the instance's `name`
 * property when it has one (generated migrations do), else its class name.
 */
export function migrationName(migration: Function): string {
  const instance = new (migration as new () => { name?: string })();
  return instance.name ?? migration.name;
}

/** The names of this build's migrations, in order. */
export const KNOWN_MIGRATIONS: readonly string[] = MIGRATIONS.map(migrationName);

/**
 * The migrations this build knows that the database has not applied, in this build's order.
 * Applied migrations this build does not know (a newer version migrated the database while this
 * one still runs) are not pending: they are the next version's business.
 */
export function pendingMigrations(known: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied);
  return known.filter((name) => !done.has(name));
}

/** PostgreSQL's undefined_table: on a fresh database nothing has created `migrations` yet. */
const UNDEFINED_TABLE = '42P01';

/**
 * Reads which of this build's migrations are pending, with one read-only statement. It never
 * creates the `migrations` table (TypeORM's showMigrations does), so a process that only checks
 * (MIGRATIONS=check, the readiness probe) writes nothing while another process migrates.
 */
export async function readPendingMigrations(query: (sql: string) => Promise<{ name: string }[]>, known: readonly string[] = KNOWN_MIGRATIONS): Promise<string[]> {
  let applied: { name: string }[];
  try {
    applied = await query('SELECT name FROM migrations');
  } catch (error) {
    const e = error as { code?: string; driverError?: { code?: string } };
    if ((e.driverError?.code ?? e.code) !== UNDEFINED_TABLE) throw error;
    applied = [];
  }
  return pendingMigrations(known, applied.map((row) => row.name));
}
