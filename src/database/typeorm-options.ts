import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { PreparingClient } from './prepared-statements.js';
import { resilientPgDriver } from './resilience.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { TypeOrmNestLogger } from './typeorm-logger.js';

/** One place for the TypeORM options, shared by the app, the CLI and the tests. */
export function typeormOptions(url: string, opts: { embedded?: boolean; migrationsRun?: boolean; preparedStatements?: boolean; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // node-postgres with a pool that retries opening connections while the database is briefly away.
    driver: resilientPgDriver,
    // Names the hub's sessions in pg_stat_activity (operators, and the fault tests, find them by it).
    applicationName: opts.applicationName ?? 'interkom',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: opts.migrationsRun ?? false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logger: new TypeOrmNestLogger(),
    logging: ['warn', 'migration'],
    maxQueryExecutionTime: 1000,
    // PGlite serves one session; a real server is fine with a handful on two cores.
    extra: {
      max: opts.embedded ? 1 : 5,
      connectionTimeoutMillis: 10_000,
      // Hot statements as named prepared statements (src/database/prepared-statements.ts); not for PGlite.
      ...(opts.preparedStatements && !opts.embedded ? { Client: PreparingClient } : {}),
    },
  };
}
