import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rateLimitMessage, type RateLimitHit, type RateLimitService } from './rate-limits.service.js';

/** How many keys the limiters keep at most (all limits together; the least recently used go first). */
const KEYS_KEPT = 100_000;

/**
 * Registers @fastify/rate-limit (no limit of its own on any route: the hub's limits are named and
 * keyed per purpose, see RateLimitService) and the limits that need no sign-in, checked as each
 * request arrives, before anything is parsed or read:
 * - `client`: every request to an API path, per client address;
 * - `oparl`: OParl requests, per client address;
 * - `feed`: calendar feed downloads, per feed token;
 * - `sign-in`: development sign-ins, per client address.
 * The limits that need the person (person, search, export, new access tokens) are checked where
 * the person is known (AuthGuard, the search resolvers, the export).
 */
export async function installRateLimits(fastify: FastifyInstance, limits: RateLimitService): Promise<void> {
  if (!limits.enabled) return;
  await fastify.register(fastifyRateLimit, { global: false, cache: KEYS_KEPT });
  limits.attach(fastify);
  fastify.addHook('onRequest', async (request, reply) => {
    const area = apiArea(request.url);
    if (!area) return;
    const client = clientKey(request);
    const hit =
      (await limits.take('client', client)) ??
      (area === 'oparl' ? await limits.take('oparl', client) : null) ??
      (area === 'calendar' ? await limits.take('feed', feedToken(request.url)) : null) ??
      (area === 'auth' && request.method === 'POST' ? await limits.take('sign-in', client) : null);
    if (hit) return refuse(reply, area, hit);
  });
}

type Area = 'graphql' | 'auth' | 'privacy' | 'calendar' | 'oparl' | 'api';

/** The API area of a path; null for the web client's files, /health and /metrics (probes and scrapers). */
export function apiArea(url: string): Area | null {
  const path = url.split('?', 1)[0];
  const first = path.split('/', 2)[1];
  if (first === 'graphql' && (path === '/graphql' || path === '/graphql/')) return 'graphql';
  return first === 'auth' || first === 'privacy' || first === 'calendar' || first === 'oparl' || first === 'api' ? first : null;
}

/** The client's address as Fastify sees it (TRUST_PROXY decides whether X-Forwarded-For counts); IPv6 by /64, as one host gets. */
export function clientKey(request: Pick<FastifyRequest, 'ip'>): string {
  const ip = request.ip.toLowerCase();
  if (!ip.includes(':') || ip.startsWith('::ffff:')) return ip.replace(/^::ffff:/, '');
  const groups = expandIPv6(ip);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

function expandIPv6(ip: string): string[] | null {
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (!ip.includes('::') && missing !== 0)) return null;
  return [...left, ...Array<string>(missing).fill('0'), ...right];
}

/** The feed a calendar URL asks for: its token (path or query), so each subscription counts on its own. */
export function feedToken(url: string): string {
  const [path, query = ''] = url.split('?', 2);
  return new URLSearchParams(query).get('token') ?? path.split('/').pop() ?? path;
}

async function refuse(reply: FastifyReply, area: Area, hit: RateLimitHit): Promise<void> {
  const message = rateLimitMessage(hit);
  const retryAfter = hit.retryAfterSeconds;
  // GraphQL clients read `errors`; OParl clients an OParl error object (§2.9), from any origin
  // (§2.6: a browser must be able to read why); everything else a small JSON body of the same content.
  const body =
    area === 'graphql'
      ? { errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfter } }] }
      : area === 'oparl'
        ? { type: 'https://schema.oparl.org/1.1/Error', message, debug: `HTTP 429, Retry-After ${retryAfter} s` }
        : { error: 'RATE_LIMITED', message, retryAfter };
  if (area === 'oparl') void reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'Retry-After');
  await reply.status(429).header('retry-after', String(retryAfter)).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
}
