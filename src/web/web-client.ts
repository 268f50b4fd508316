import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/config.js';

/** Paths that belong to the API: never answered with the web client's index.html. */
export const API_PREFIXES = ['/graphql', '/api/', '/health', '/calendar/', '/_matrix/', '/auth/', '/privacy/', '/oparl/', '/metrics', '/documents/'];

/** Where the built placeholder in web/index.html is replaced by the runtime configuration. */
const CONFIG_MARKER = '<!--interkom-config-->';

/** What the web client needs to know before it can sign anyone in. */
export interface WebClientConfig {
  auth: { mode: 'development' } | { mode: 'keycloak'; authority: string; clientId: string };
  /** The e-mail address for reporting barriers (the accessibility statement's feedback contact). */
  accessibilityContact: string;
}

export function webClientConfig(config: AppConfig): WebClientConfig {
  return {
    auth:
      config.auth.mode === 'keycloak'
        ? { mode: 'keycloak', authority: config.auth.issuer, clientId: config.auth.webClientId }
        : { mode: 'development' },
    accessibilityContact: config.accessibilityContact,
  };
}

/** The client's index.html with its configuration inlined as inert JSON (no extra round trip, no inline script). */
export function renderIndexHtml(template: string, config: WebClientConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return template.replace(CONFIG_MARKER, `<script id="interkom-config" type="application/json">${json}</script>`);
}

/**
 * Serves the built web client from the hub's own Fastify instance: hashed assets cached for a
 * year, index.html for every other GET that asks for HTML (client-side routes), and 404 for API
 * paths, missing assets and non-HTML requests. Registered before Nest's routes; Fastify prefers
 * the specific API routes over this wildcard whatever the order. Returns false when no build exists.
 */
export async function serveWebClient(app: NestFastifyApplication, config: AppConfig): Promise<boolean> {
  const root = config.webDir;
  if (!root || !existsSync(join(root, 'index.html'))) return false;
  const indexHtml = renderIndexHtml(readFileSync(join(root, 'index.html'), 'utf8'), webClientConfig(config));
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset: sent as they are per Accept-Encoding (with Vary).
    preCompressed: true,
    // index.html only ever goes out with its configuration inlined (below).
    allowedPath: (path) => path !== '/index.html',
    setHeaders(reply, path) {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(indexHtml);
  fastify.get('/', sendIndex);
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0]!;
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (extname(path) || !wantsHtml || API_PREFIXES.some((p) => path.startsWith(p))) return reply.callNotFound();
    return sendIndex(request, reply);
  });
  return true;
}
