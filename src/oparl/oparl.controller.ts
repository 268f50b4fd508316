import { Controller, Get, Options, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OwnAuthentication } from '../auth/auth.decorators.js';
import { sha256 } from './view/oparl-format.js';
import { OparlService } from './oparl.service.js';

const PREFIX = '/oparl/v1/';
const METHODS = 'GET, HEAD, OPTIONS';
/** What a read-only client sends; a preflight that asks for more gets those too (below). */
const REQUEST_HEADERS = ['Accept', 'Accept-Language', 'Cache-Control', 'If-Modified-Since', 'If-None-Match'];
/** Response headers a script may read beyond the CORS-safelisted ones (ETag above all, for If-None-Match). */
const EXPOSED = 'ETag, Last-Modified, Content-Disposition';
/** How long a browser may keep a preflight's answer (browsers cap it: Chromium at 2 hours). */
const PREFLIGHT_MAX_AGE = '86400';
/** An HTTP header name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The public OParl 1.1 API: no sign-in (any Authorization header is ignored), JSON for objects and
 * lists, the protocol files as text/markdown. Every answer carries ETag and Last-Modified and
 * answers a matching If-None-Match (or a not-older If-Modified-Since) with 304, so harvesters poll
 * cheaply. CORS is open for everything under /oparl/v1/ and nothing else (§2.6): a browser's
 * preflight (OPTIONS, sent before a GET with If-None-Match) answers 204.
 */
@Controller('oparl/v1')
export class OparlController {
  constructor(private readonly oparl: OparlService) {}

  @Get('*')
  @OwnAuthentication()
  async get(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const url = new URL(request.url, 'http://hub');
    const path = url.pathname.startsWith(PREFIX) ? decodeURIComponent(url.pathname.slice(PREFIX.length)).replace(/\/+$/, '') : '';
    const answer = await this.oparl.answer(path, request.query as Record<string, unknown>);
    void reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', EXPOSED).header('cache-control', 'public, no-cache');
    if ('error' in answer) {
      await reply.status(answer.status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ error: answer.error }));
      return;
    }
    const body = 'bytes' in answer ? answer.bytes : Buffer.from(JSON.stringify(answer.json), 'utf8');
    const etag = `"${sha256(body).slice(0, 40)}"`;
    void reply.header('etag', etag);
    // A change may carry the start of the next second (see renderInstant); Last-Modified is never after Date (RFC 9110 §8.8.2.1).
    const lastModified = answer.lastModified && new Date(Math.min(answer.lastModified.getTime(), Date.now()));
    if (lastModified) void reply.header('last-modified', lastModified.toUTCString());
    if (notModified(request, etag, lastModified)) {
      await reply.status(304).send();
      return;
    }
    if ('bytes' in answer) {
      void reply.header('content-type', answer.contentType);
      if (answer.fileName) void reply.header('content-disposition', `attachment; filename="${answer.fileName.replace(/[^\w.-]/g, '_')}"`);
    } else {
      void reply.header('content-type', 'application/json; charset=utf-8');
    }
    await reply.status(200).send(body);
  }

  /** A browser's CORS preflight: allowed for every URL under /oparl/v1/, whatever it asks to send (no credentials go with `*`). */
  @Options('*')
  @OwnAuthentication()
  async preflight(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const asked = String(request.headers['access-control-request-headers'] ?? '').split(',').map((h) => h.trim()).filter((h) => TOKEN.test(h));
    const allowed = new Map([...REQUEST_HEADERS, ...asked].map((h) => [h.toLowerCase(), h]));
    await reply
      .status(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', METHODS)
      .header('access-control-allow-headers', [...allowed.values()].join(', '))
      .header('access-control-max-age', PREFLIGHT_MAX_AGE)
      .header('vary', 'Access-Control-Request-Headers')
      .send();
  }
}

/** RFC 9110 §13: If-None-Match wins; If-Modified-Since only without it, at one-second resolution. */
function notModified(request: FastifyRequest, etag: string, lastModified: Date | null): boolean {
  const inm = request.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
  const ims = request.headers['if-modified-since'];
  if (!ims || !lastModified) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
