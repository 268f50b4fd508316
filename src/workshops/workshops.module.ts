import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module.js';
import { KnowledgeModule } from '../knowledge/knowledge.module.js';
import { NetworksModule } from '../networks/networks.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PeopleModule } from '../people/people.module.js';
import { StrategyPdfController } from './strategy-pdf.controller.js';
import { IdeaPromotionService } from './idea-promotion.service.js';
import { IdeasService } from './ideas.service.js';
import {
  DigitalStrategyFieldsResolver, FieldSelectionFieldsResolver, WorkshopFieldsResolver, WorkshopIdeaFieldsResolver, WorkshopParticipantFieldsResolver,
} from './workshop-fields.resolver.js';
import { MyWorkshopsResolver, WorkshopViewerResolver } from './my-workshops.resolver.js';
import { WorkshopsResolver } from './workshops.resolver.js';
import { WorkshopsService } from './workshops.service.js';

/** The Digital-Werkstatt: workshops, field selections, ideas with dot voting and steps, strategies, promotion. */
@Module({
  imports: [KnowledgeModule, NetworksModule, OrganizationsModule, PeopleModule, GroupsModule],
  controllers: [StrategyPdfController],
  providers: [
    WorkshopsService, IdeasService, IdeaPromotionService, WorkshopsResolver,
    WorkshopFieldsResolver, WorkshopIdeaFieldsResolver, WorkshopParticipantFieldsResolver, FieldSelectionFieldsResolver, DigitalStrategyFieldsResolver,
    MyWorkshopsResolver, WorkshopViewerResolver,
  ],
  exports: [WorkshopsService],
})
export class WorkshopsModule {}
