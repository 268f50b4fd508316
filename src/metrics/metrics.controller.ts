import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OwnAuthentication } from '../auth/auth.decorators.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MetricsService } from './metrics.service.js';

/** Prometheus scrape endpoint; with METRICS_TOKEN it wants `Authorization: Bearer <METRICS_TOKEN>`. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @OwnAuthentication()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (this.config.metricsToken && !this.authorized(authorization, this.config.metricsToken)) {
      await reply.status(401).header('www-authenticate', 'Bearer realm="metrics"').header('content-type', 'text/plain; charset=utf-8').send('Anmeldung erforderlich: Authorization: Bearer <METRICS_TOKEN>\n');
      return;
    }
    await reply.status(200).header('content-type', this.metrics.contentType).header('cache-control', 'no-store').send(await this.metrics.render());
  }

  private authorized(header: string | undefined, token: string): boolean {
    const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
