import { Controller, Headers, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { OwnAuthentication } from '../auth/auth.decorators.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ChatInboxService } from './chat-inbox.service.js';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Where the homeserver pushes room events (application-service API), authenticated by hs_token. */
@Controller('_matrix/app/v1')
export class MatrixAppserviceController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbox: ChatInboxService,
  ) {}

  @Put('transactions/:txnId')
  @OwnAuthentication()
  @HttpCode(200)
  async transaction(
    @Param('txnId') txnId: string,
    @Headers('authorization') authorization: string | undefined,
    @Query('access_token') legacyToken: string | undefined,
    // The body is read from the request, not through @Body(): the validation pipe would refuse room
    // messages with control characters, and the homeserver would re-send such a transaction forever.
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const matrix = await this.authenticated(authorization, legacyToken, reply);
    if (!matrix) return;
    const body = request.body as { events?: unknown[] } | undefined;
    const events = Array.isArray(body?.events) ? (body!.events as never[]) : [];
    await this.inbox.handleTransaction(txnId, events, `@${matrix.botLocalpart}:${matrix.serverName}`);
    await reply.status(200).send({});
  }

  /**
   * The homeserver's ping (application-service API v1.7, MSC2659): answered when the hs_token is
   * right. A homeserver that gets its answer retries the transactions it held back at once, instead
   * of after its backoff, which reaches minutes while the hub is away.
   */
  @Post('ping')
  @OwnAuthentication()
  @HttpCode(200)
  async ping(
    @Headers('authorization') authorization: string | undefined,
    @Query('access_token') legacyToken: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!(await this.authenticated(authorization, legacyToken, reply))) return;
    await reply.status(200).send({});
  }

  /** The bridge's configuration when the request carries the hs_token; otherwise the refusal is sent and null returned. */
  private async authenticated(authorization: string | undefined, legacyToken: string | undefined, reply: FastifyReply): Promise<NonNullable<AppConfig['matrix']> | null> {
    const matrix = this.config.matrix;
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? legacyToken;
    if (!matrix) {
      await reply.status(404).send({ errcode: 'M_NOT_FOUND', error: 'The Matrix bridge is not configured' });
      return null;
    }
    if (!token) {
      await reply.status(401).send({ errcode: 'M_UNAUTHORIZED', error: 'Missing hs_token' });
      return null;
    }
    if (!same(token, matrix.hsToken)) {
      await reply.status(403).send({ errcode: 'M_FORBIDDEN', error: 'Invalid hs_token' });
      return null;
    }
    return matrix;
  }
}
