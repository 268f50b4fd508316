import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';

/** How long the database may take to answer before the hub counts it as away. */
const DATABASE_CHECK_MS = 1000;

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/**
 * Liveness and readiness: the database answers (within a second; requests wait longer for a
 * connection, a health check must not) and every migration is applied.
 */
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  async health(@Res() reply: FastifyReply): Promise<void> {
    let database = 'up';
    let migrations = 'applied';
    try {
      await within(DATABASE_CHECK_MS, this.db.query('SELECT 1'));
      if (await within(DATABASE_CHECK_MS, this.db.showMigrations())) migrations = 'pending';
    } catch {
      database = 'down';
      migrations = 'unknown';
    }
    const ok = database === 'up' && migrations === 'applied';
    await reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'error', database, migrations });
  }
}
