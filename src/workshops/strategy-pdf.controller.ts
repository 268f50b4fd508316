import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { RequestLoaders } from '../common/request-loaders.js';
import { networkName } from '../networks/network-queries.js';
import { fileNamePart, pdfOf, sendPdf } from '../pdf/pdf-download.js';
import { PdfRenderer } from '../pdf/pdf-renderer.js';
import { IdeasService } from './ideas.service.js';
import { strategyPdfView } from './strategy-pdf.js';
import { WorkshopsService } from './workshops.service.js';

/**
 * GET /api/workshops/:id/strategy.pdf?organizationId=… — a municipality's digital strategy as PDF,
 * rendered on demand for whoever may see the workshop (as Workshop.strategy in GraphQL).
 */
@Controller('api/workshops')
export class StrategyPdfController {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly ideas: IdeasService,
    private readonly renderer: PdfRenderer,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get(':id/strategy.pdf')
  @RequirePermission('workshop.read')
  async strategy(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Query('organizationId') organizationId: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { workshop } = await this.workshops.require(viewer, id);
    if (!organizationId || !isUuid(organizationId)) throw badInput('organizationId', 'bitte geben Sie die Kommune an, deren Strategie Sie herunterladen möchten');
    const doc = await this.ideas.strategyDocument(new RequestLoaders(), workshop, organizationId);
    const network = (workshop.networkId && (await networkName(this.db, workshop.networkId))) || 'Interkom';
    const pdf = this.renderer.render(
      { kind: 'strategy', data: strategyPdfView(doc) },
      { title: `Digitalstrategie ${doc.organization.replace(/\s+/g, ' ').trim()}`, network, date: new Date().toISOString() /* the document's own date, no rule depends on it */, footerNote: `Digital-Werkstatt „${workshop.title}“`, keywords: ['Digitalstrategie'] },
    );
    await sendPdf(reply, pdfOf(pdf, `Digitalstrategie-${fileNamePart(doc.organization)}.pdf`));
  }
}
