import type { Logger } from '@nestjs/common';
import { MigrationExecutor, type DataSource, type QueryRunner } from 'typeorm';

/**
 * The key of the PostgreSQL advisory lock every migrating process takes (a hub starting with
 * MIGRATIONS=run, the migration CLI): "interkom" as eight ASCII bytes, read as a signed 64-bit
 * integer. Advisory locks are per database, so hubs on other databases never wait for each other.
 * TypeORM itself takes no lock (typeorm#4588): two processes migrating one database at once both
 * see the same migrations pending, and the second fails halfway or applies one twice.
 */
export const MIGRATION_LOCK_KEY = 7597137600480767853n;
const KEY = MIGRATION_LOCK_KEY.toString();

export interface MigrationOutcome {
  /** The migrations this process applied, in order. */
  readonly ran: string[];
  /** Every migration the database has applied, oldest first. */
  readonly applied: string[];
}

/**
 * Takes the migration lock, applies the pending migrations (each in its own transaction), releases
 * the lock, and logs which ran. A second process waits for the lock (and says so), then finds
 * nothing pending.
 *
 * Lock and migrations share one connection: the lock is held by the very session that migrates,
 * so a session that dies mid-migration loses its lock and rolls back its open migration together,
 * and the next process starts from what was committed. On the embedded database (PGlite, one
 * PostgreSQL backend behind a single-connection pool) the lock works the same and is never
 * contended: the data directory belongs to this one process, so nothing else can be migrating.
 */
export async function migrateUnderLock(db: DataSource, logger: Logger): Promise<MigrationOutcome> {
  const runner = db.createQueryRunner();
  try {
    await runner.connect();
    await lock(runner, logger);
    try {
      const executor = new MigrationExecutor(db, runner);
      executor.transaction = 'each';
      const ran = (await executor.executePendingMigrations()).map((m) => m.name);
      const applied = ((await runner.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map((r) => r.name);
      if (ran.length > 0) logger.log(`ran ${ran.length} migration(s): ${ran.join(', ')}; ${applied.length} applied in total`);
      else logger.log(`no pending migrations; ${applied.length} applied, the latest ${applied.at(-1) ?? '(none)'}`);
      return { ran, applied };
    } finally {
      // A session that is gone has lost the lock with it; one that is still there must give it back.
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [KEY]).catch((e: Error) => logger.warn(`releasing the migration lock failed: ${e.message}`));
    }
  } catch (error) {
    logger.error(`migration failed: ${(error as Error).message}`);
    throw error;
  } finally {
    await runner.release();
  }
}

/** Takes the lock; when another session holds it, says who and waits. */
async function lock(runner: QueryRunner, logger: Logger): Promise<void> {
  const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [KEY])) as { locked: boolean }[];
  if (locked) return;
  const holder = await lockHolder(runner).catch(() => null);
  logger.log(
    `waiting for the migration lock: another process is migrating this database` +
      (holder ? ` (PostgreSQL backend ${holder.pid}, application "${holder.application_name}")` : ''),
  );
  const started = performance.now();
  // On the driver's connection (the runner's session): TypeORM would log the wait as a slow query.
  const connection = (await runner.connect()) as { query(sql: string, params: unknown[]): Promise<unknown> };
  await connection.query('SELECT pg_advisory_lock($1::bigint)', [KEY]);
  logger.log(`got the migration lock after ${Math.round(performance.now() - started)} ms`);
}

/** The session holding the lock (pg_locks shows a bigint key as its high and low 32 bits). */
async function lockHolder(runner: QueryRunner): Promise<{ pid: number; application_name: string } | null> {
  const rows = (await runner.query(
    `SELECT a.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid::bigint = ($1::bigint >> 32) AND l.objid::bigint = ($1::bigint & 4294967295)`,
    [KEY],
  )) as { pid: number; application_name: string }[];
  return rows[0] ?? null;
}
