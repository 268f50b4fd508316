import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import type { MigrationsMode } from '../config/migrations-config.js';
import { migrateUnderLock } from './migration-lock.js';
import { KNOWN_MIGRATIONS, readPendingMigrations } from './pending-migrations.js';
import { installReadBatching } from './read-batch.js';
import { ResilientDataSource } from './resilience.js';
import { typeormOptions } from './typeorm-options.js';

/**
 * Connects, then brings the schema up to date as MIGRATIONS says: `run` applies the pending
 * migrations under the migration lock and says which ran (TypeORM's own migration messages are
 * schema-build noise and are not logged); `check` applies none and refuses to build the hub on a
 * schema that is behind (main.ts waits for another process to migrate before it gets here).
 */
async function connect(options: DataSourceOptions, mode: MigrationsMode, readBatching: boolean): Promise<DataSource> {
  const logger = new Logger('Migrations');
  const db = await new ResilientDataSource(options).initialize();
  // Reads due in the same tick go to PostgreSQL as one statement (read-batch.ts).
  if (readBatching) installReadBatching(db);
  try {
    if (mode === 'run') {
      await migrateUnderLock(db, logger);
      return db;
    }
    const pending = await readPendingMigrations((sql) => db.query(sql));
    if (pending.length > 0) {
      throw new Error(`MIGRATIONS=check: ${pending.length} migration(s) pending (${pending.join(', ')}); another process must apply them first (node dist/src/cli/migrate.js)`);
    }
    logger.log(`MIGRATIONS=check: nothing pending (all ${KNOWN_MIGRATIONS.length} of this version applied, the latest ${KNOWN_MIGRATIONS.at(-1)})`);
    return db;
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

/** Connects to `DATABASE_URL` (resolved to the embedded server by bootstrap when unset) and migrates as MIGRATIONS says. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => {
            if (!config.databaseUrl) throw new Error('databaseUrl must be resolved before the app module starts');
            return { ...typeormOptions(config.databaseUrl, { migrationsRun: false, embedded: config.embeddedDatabase, preparedStatements: config.preparedStatements }), retryAttempts: 3, retryDelay: 1000 };
          },
          dataSourceFactory: (options) => connect(options!, config.migrations, config.readBatching),
        }),
      ],
    };
  }
}
