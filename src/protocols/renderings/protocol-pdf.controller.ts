import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput } from '../../common/domain-error.js';
import { sendPdf } from '../../pdf/pdf-download.js';
import { ProtocolRenderingsService } from './protocol-renderings.service.js';

/**
 * GET /api/protocols/:id/pdf — the published protocol as stored at publication (`?berichtigung=n`:
 * the sheet of Berichtigung n). Public route with optional sign-in: who may read what is decided
 * by the service (members' or public rendering, NOT_FOUND otherwise).
 */
@Controller('api/protocols')
export class ProtocolPdfController {
  constructor(private readonly renderings: ProtocolRenderingsService) {}

  @Get(':id/pdf')
  @Public()
  async pdf(@Param('id') id: string, @Query('berichtigung') berichtigung: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const correction = berichtigung === undefined ? 0 : Number(berichtigung);
    if (!Number.isInteger(correction) || (berichtigung !== undefined && correction < 1)) throw badInput('berichtigung', 'muss die Nummer einer Berichtigung sein (1, 2, …)');
    const viewer = (req as FastifyRequest & { viewer?: Viewer }).viewer;
    await sendPdf(reply, await this.renderings.download(viewer, id, correction));
  }
}
