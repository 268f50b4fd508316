import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { typeormOptions } from './typeorm-options.js';

/** Connects to `DATABASE_URL` (resolved to the embedded server by bootstrap when unset) and migrates. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl) throw new Error('databaseUrl must be resolved before the app module starts');
        return { ...typeormOptions(config.databaseUrl, { migrationsRun: true, embedded: config.embeddedDatabase }), retryAttempts: 3, retryDelay: 1000 };
      },
    }),
  ],
})
export class DatabaseModule {}
