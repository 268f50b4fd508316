import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { todayInBerlin } from '../common/scalars.js';
import { rateLimited, RateLimitService } from '../rate-limits/rate-limits.service.js';
import { ExportService } from './export.service.js';

/** GET /privacy/export with the caller's bearer token: their data, as a JSON attachment. */
@Controller('privacy')
export class ExportController {
  constructor(
    private readonly exporter: ExportService,
    private readonly limits: RateLimitService,
  ) {}

  @Get('export')
  @RequirePermission('person.self')
  async export(@CurrentViewer() viewer: Viewer, @Res() reply: FastifyReply): Promise<void> {
    // A copy of everything about a person is the heaviest read there is: limited per person.
    const hit = await this.limits.take('export', viewer.personId);
    if (hit) throw rateLimited(hit);
    const document = await this.exporter.export(viewer);
    await reply
      .status(200)
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="interkom-export-${todayInBerlin()}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(document, null, 2));
  }
}
