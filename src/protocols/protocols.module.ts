import { Module } from '@nestjs/common';
import { ActionItemsModule } from '../action-items/action-items.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { DecisionResolver, ProtocolEntryResolver, ProtocolRevisionResolver } from './protocol-parts.resolver.js';
import { MeetingProtocolResolver, ProtocolsResolver } from './protocols.resolver.js';
import { ProtocolCorrectionResolver, ProtocolCorrectionsResolver } from './corrections/corrections.resolver.js';
import { ProtocolCorrectionsService } from './corrections/corrections.service.js';
import { ProtocolsService } from './protocols.service.js';
import { ProtocolPdfController } from './renderings/protocol-pdf.controller.js';
import { ProtocolRenderingsService } from './renderings/protocol-renderings.service.js';
import { ProtocolApprovalsService } from './review/protocol-approvals.service.js';
import { ProtocolApprovalResolver, ProtocolFeedbackResolver, ProtocolReviewResolver } from './review/protocol-review.resolver.js';
import { ProtocolReviewService } from './review/protocol-review.service.js';

@Module({
  imports: [MeetingsModule, ActionItemsModule],
  controllers: [ProtocolPdfController],
  providers: [ProtocolRenderingsService, ProtocolsService, ProtocolsResolver, MeetingProtocolResolver, ProtocolEntryResolver, DecisionResolver, ProtocolRevisionResolver,
    ProtocolCorrectionsService, ProtocolCorrectionsResolver, ProtocolCorrectionResolver,
    ProtocolReviewService, ProtocolApprovalsService, ProtocolReviewResolver, ProtocolFeedbackResolver, ProtocolApprovalResolver],
})
export class ProtocolsModule {}
