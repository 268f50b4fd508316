import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { sendPdf } from '../../pdf/pdf-download.js';
import { CertificateService } from './certificate.service.js';

/** GET /api/webinars/:id/certificate.pdf(?personId=…) — the Teilnahmebescheinigung (see CertificateService). */
@Controller('api/webinars')
export class CertificatePdfController {
  constructor(private readonly certificates: CertificateService) {}

  @Get(':id/certificate.pdf')
  @RequirePermission('person.self')
  async certificate(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Query('personId') personId: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    await sendPdf(reply, await this.certificates.certificate(viewer, id, personId));
  }
}
