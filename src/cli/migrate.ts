// The migration CLI: `npm run migrate`, and in the image `node dist/src/cli/migrate.js` (the
// Kubernetes migration Job). Applies the pending migrations under the migration lock (the same one
// a hub with MIGRATIONS=run takes at start), logs which ran as JSON lines, and exits 0. Exits 1
// with the reason when the database cannot be reached or a migration fails, 2 when DATABASE_URL
// is missing or invalid. Running it again, or several at once, is safe: the later ones wait for
// the lock and then find nothing pending.
import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/config.js';
import { loadMigrateConfig } from '../config/migrations-config.js';
import { migrateUnderLock } from '../database/migration-lock.js';
import { typeormOptions } from '../database/typeorm-options.js';

/** host:port/database of a connection string: never its user or password. */
function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** A connection error's message; refused dual-stack connections arrive as an AggregateError without one. */
function reason(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: { message?: string }[] };
  return e.message || e.errors?.map((x) => x.message).join('; ') || e.code || String(error);
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadMigrateConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  Logger.overrideLogger(new ConsoleLogger({ json: config.logFormat === 'json', colors: config.logFormat === 'pretty' }));
  const logger = new Logger('Migrations');
  // Its own application name: while it waits for the lock, pg_stat_activity shows who waits.
  const db = new DataSource(typeormOptions(config.databaseUrl, { applicationName: 'interkom-migrate' }));
  try {
    await db.initialize();
  } catch (error) {
    logger.error(`cannot connect to the database at ${where(config.databaseUrl)}: ${reason(error)}; nothing was migrated`);
    return 1;
  }
  try {
    await migrateUnderLock(db, logger); // logs what ran, or why it failed
    return 0;
  } catch {
    return 1;
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
