import { Module } from '@nestjs/common';
import { KnowledgeModule } from '../knowledge/knowledge.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { OparlModule } from '../oparl/oparl.module.js';
import { PeopleModule } from '../people/people.module.js';
import { WebinarsModule } from '../webinars/webinars.module.js';
import { WorkshopsModule } from '../workshops/workshops.module.js';
import { DocumentAccessService } from './document-access.service.js';
import { DocumentObjectSweeper } from './document-object-sweeper.js';
import { DocumentsController } from './documents.controller.js';
import {
  AgendaItemDocumentsResolver, DocumentsResolver, DocumentVersionsResolver, MeetingDocumentsResolver, ProfileDocumentsResolver, WebinarDocumentsResolver, WorkshopDocumentsResolver,
} from './documents.resolver.js';
import { DocumentsService } from './documents.service.js';

/** Documents (Sitzungsunterlagen) on meetings, agenda items, profiles, webinars and workshops; files through the object store port. */
@Module({
  imports: [MeetingsModule, KnowledgeModule, WebinarsModule, WorkshopsModule, PeopleModule, OparlModule],
  controllers: [DocumentsController],
  providers: [
    DocumentAccessService, DocumentsService, DocumentObjectSweeper, DocumentsResolver, DocumentVersionsResolver,
    MeetingDocumentsResolver, AgendaItemDocumentsResolver, ProfileDocumentsResolver, WebinarDocumentsResolver, WorkshopDocumentsResolver,
  ],
  exports: [DocumentsService, DocumentAccessService],
})
export class DocumentsModule {}
