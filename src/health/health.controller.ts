import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';

/** Liveness and readiness: the database answers and every migration is applied. */
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  async health(@Res() reply: FastifyReply): Promise<void> {
    let database = 'up';
    let migrations = 'applied';
    try {
      await this.db.query('SELECT 1');
      if (await this.db.showMigrations()) migrations = 'pending';
    } catch {
      database = 'down';
      migrations = 'unknown';
    }
    const ok = database === 'up' && migrations === 'applied';
    await reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'error', database, migrations });
  }
}
