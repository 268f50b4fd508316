import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's messages through Nest's logger (JSON in production). Failed queries are not logged
 * here: expected ones (unique violations) become user errors, unexpected ones are logged once by
 * the GraphQL error formatter. Parameters are never logged; they may hold personal data.
 */
export class TypeOrmNestLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  /** Observers of every statement (tests count SQL per request with it); empty in production. */
  static readonly queryObservers = new Set<(sql: string) => void>();

  logQuery(query: string): void {
    for (const observe of TypeOrmNestLogger.queryObservers) observe(query);
  }
  logQueryError(): void {}
  logSchemaBuild(): void {}

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 500)}`);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
