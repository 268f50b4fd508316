import { Controller, Delete, Get, Logger, Options, Patch, Post, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OwnAuthentication } from '../auth/auth.decorators.js';
import { sha256 } from './view/oparl-format.js';
import { OPARL_V1, sendOparlError as sendError } from './oparl-reply.js';
import { OparlService } from './oparl.service.js';

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
 * The public OParl 1.1 API under /oparl/: no sign-in (any Authorization header is ignored), JSON
 * for objects and lists, the protocol files as text/markdown. Every answer carries ETag and
 * Last-Modified and answers a matching If-None-Match (or a not-older If-Modified-Since) with 304,
 * so harvesters poll cheaply. CORS is open for everything under /oparl/ and nothing else (§2.6):
 * a browser's preflight (OPTIONS, sent before a GET with If-None-Match) answers 204. Errors are
 * OParl error objects (§2.9), also for a method other than GET, HEAD and OPTIONS.
 */
@Controller('oparl')
export class OparlController {
  private readonly logger = new Logger(OparlController.name);

  constructor(private readonly oparl: OparlService) {}

  @Get('*')
  @OwnAuthentication()
  async get(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    void reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', EXPOSED).header('cache-control', 'public, no-cache');
    const url = new URL(request.url, 'http://hub');
    let path: string;
    try {
      path = url.pathname.startsWith(OPARL_V1) ? decodeURIComponent(url.pathname.slice(OPARL_V1.length)).replace(/\/+$/, '') : '';
    } catch {
      return sendError(reply, 400, 'Die URL ist nicht gültig kodiert (Prozent-Kodierung).', request);
    }
    let answer: Awaited<ReturnType<OparlService['answer']>>;
    try {
      answer = await this.oparl.answer(path, request.query as Record<string, unknown>);
    } catch (error) {
      this.logger.error(`OParl ${url.pathname}: ${(error as Error).message}`);
      return sendError(reply, 500, 'Interner Fehler: Die Anfrage konnte nicht beantwortet werden.', request);
    }
    if ('error' in answer) return sendError(reply, answer.status, answer.error, request);
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

  /** A browser's CORS preflight: allowed for every URL under /oparl/, whatever it asks to send (no credentials go with `*`). */
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

  @Post('*')
  @OwnAuthentication()
  post(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return refuse(request, reply);
  }

  @Put('*')
  @OwnAuthentication()
  put(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return refuse(request, reply);
  }

  @Patch('*')
  @OwnAuthentication()
  patch(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return refuse(request, reply);
  }

  @Delete('*')
  @OwnAuthentication()
  delete(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return refuse(request, reply);
  }
}

/** OParl is read-only: 405 with Allow, as an OParl error object. */
function refuse(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header('allow', METHODS).header('access-control-allow-origin', '*');
  return sendError(reply, 405, 'Diese Schnittstelle kann man nur lesen (GET, HEAD, OPTIONS).', request);
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
