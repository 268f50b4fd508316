import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OwnAuthentication } from '../auth/auth.decorators.js';
import { sha256 } from './view/oparl-format.js';
import { OparlService } from './oparl.service.js';

const PREFIX = '/oparl/v1/';

/**
 * The public OParl 1.1 API: no sign-in (any Authorization header is ignored), JSON for objects and
 * lists, the protocol files as text/markdown. Every answer carries ETag and Last-Modified and
 * answers a matching If-None-Match (or a not-older If-Modified-Since) with 304, so harvesters poll
 * cheaply; CORS is open, as OParl asks.
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
    void reply.header('access-control-allow-origin', '*').header('cache-control', 'public, no-cache');
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
