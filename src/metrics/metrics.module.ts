import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsPlugin } from './metrics.plugin.js';
import { MetricsService } from './metrics.service.js';

/** GET /metrics (prom-client) and the counters other modules feed (mail). */
@Global()
@Module({ controllers: [MetricsController], providers: [MetricsService, MetricsPlugin], exports: [MetricsService] })
export class MetricsModule {}
