import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { readPendingMigrations } from '../database/pending-migrations.js';
import type { SchemaState } from '../database/schema-watch.js';
import { readiness } from './readiness.js';

/**
 * How long the readiness check waits for the database before it answers 503: well below the
 * probe's own timeout (give probes 2 s or more), so a slow database shows as "down" instead of
 * as a probe that timed out. Requests wait longer for a connection; a probe must not.
 */
export const DATABASE_CHECK_MS = 1000;

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/**
 * GET /health is readiness: the database answers and every migration of this build is applied
 * (one read-only statement, within DATABASE_CHECK_MS). GET /health/live is liveness: the event
 * loop answers; the database is not asked, so a database outage never gets the process restarted.
 */
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  async health(@Res() reply: FastifyReply): Promise<void> {
    let state: SchemaState;
    try {
      const pending = await within(DATABASE_CHECK_MS, readPendingMigrations((sql) => this.db.query(sql)));
      state = pending.length > 0 ? { kind: 'pending', pending } : { kind: 'current' };
    } catch (error) {
      state = { kind: 'unreachable', error: (error as Error).message };
    }
    const { ready, body } = readiness(state);
    await reply.status(ready ? 200 : 503).send(body);
  }

  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
