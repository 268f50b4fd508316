import { Module } from '@nestjs/common';
import { RateLimitService } from './rate-limits.service.js';

/** The hub's rate limits: one service, attached to the HTTP server by bootstrap. */
@Module({ providers: [RateLimitService], exports: [RateLimitService] })
export class RateLimitsModule {}
