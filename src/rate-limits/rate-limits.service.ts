import { Inject, Injectable } from '@nestjs/common';
import { HeaderMap } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import type { RateLimitName } from '../config/rate-limits.js';

/** A limit that was reached: when to try again. */
export interface RateLimitHit {
  readonly name: RateLimitName;
  readonly retryAfterSeconds: number;
}

type Check = (req: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

/** Where a limiter finds the key it counts by (the request-like object handed to @fastify/rate-limit). */
const KEY = Symbol('rateLimitKey');
type Keyed = FastifyRequest & { [KEY]: string };

/**
 * The hub's rate limits (RATE_LIMITS, see `src/config/rate-limits.ts`), counted by
 * @fastify/rate-limit's store (an LRU with expiry in this process). Each limit counts by a key its
 * caller chooses: a client address, a person, a feed token.
 */
@Injectable()
export class RateLimitService {
  private readonly checks = new Map<RateLimitName, Check>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  get enabled(): boolean {
    return this.config.rateLimits !== null;
  }

  /** Creates the limiters on the Fastify instance that has @fastify/rate-limit registered (bootstrap). */
  attach(fastify: FastifyInstance): void {
    const limits = this.config.rateLimits;
    if (!limits) return;
    for (const [name, limit] of Object.entries(limits) as [RateLimitName, { max: number; windowMs: number }][]) {
      const create = (fastify as unknown as { createRateLimit(o: object): Check }).createRateLimit;
      this.checks.set(name, create({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: (r: Keyed) => r[KEY] }));
    }
  }

  /** Counts one event for `key`; the hit if that went over the limit, else null. */
  async take(name: RateLimitName, key: string): Promise<RateLimitHit | null> {
    const check = this.checks.get(name);
    if (!check) return null;
    // The library keys by request; `routeOptions` is all it reads of one besides the key.
    const result = await check({ [KEY]: `${name}:${key}`, routeOptions: {} } as unknown as Keyed);
    if (result.isAllowed || !result.isExceeded) return null;
    this.metrics.rateLimited(name);
    return { name, retryAfterSeconds: Math.max(1, result.ttlInSeconds ?? 1) };
  }
}

/** The German message of a reached limit. */
export function rateLimitMessage(hit: RateLimitHit): string {
  const wait = hit.retryAfterSeconds === 1 ? 'einer Sekunde' : `${hit.retryAfterSeconds} Sekunden`;
  return `Zu viele Anfragen (${LIMIT_NAMES[hit.name]}). Bitte in ${wait} noch einmal versuchen.`;
}

const LIMIT_NAMES: Record<RateLimitName, string> = {
  client: 'von dieser Adresse',
  person: 'von Ihrem Konto',
  'sign-in': 'Anmeldungen von dieser Adresse',
  search: 'Suchen',
  export: 'Datenauskünfte',
  feed: 'Abrufe dieses Kalenders',
  oparl: 'OParl-Abrufe von dieser Adresse',
};

/** A reached limit as the error GraphQL and the REST routes answer: 429 with Retry-After. */
export function rateLimited(hit: RateLimitHit): DomainError {
  return new DomainError('RATE_LIMITED', rateLimitMessage(hit), {
    retryAfter: hit.retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(hit.retryAfterSeconds)]]) },
  });
}
