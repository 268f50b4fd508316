import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ResilientDataSource } from './resilience.js';
import { typeormOptions } from './typeorm-options.js';

/**
 * Connects, then runs pending migrations and says which ran (TypeORM's own migration messages
 * are schema-build noise and were not logged at all).
 */
async function connectAndMigrate(options: DataSourceOptions): Promise<DataSource> {
  const logger = new Logger('Migrations');
  const db = await new ResilientDataSource(options).initialize();
  try {
    const ran = await db.runMigrations({ transaction: 'each' });
    const applied = await db.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id');
    if (ran.length > 0) logger.log(`ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}; ${applied.length} applied in total`);
    else logger.log(`no pending migrations; ${applied.length} applied, the latest ${applied.at(-1)?.name ?? '(none)'}`);
    return db;
  } catch (error) {
    logger.error(`migration failed: ${(error as Error).message}`);
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

/** Connects to `DATABASE_URL` (resolved to the embedded server by bootstrap when unset) and migrates. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl) throw new Error('databaseUrl must be resolved before the app module starts');
        return { ...typeormOptions(config.databaseUrl, { migrationsRun: false, embedded: config.embeddedDatabase, preparedStatements: config.preparedStatements }), retryAttempts: 3, retryDelay: 1000 };
      },
      dataSourceFactory: (options) => connectAndMigrate(options!),
    }),
  ],
})
export class DatabaseModule {}
