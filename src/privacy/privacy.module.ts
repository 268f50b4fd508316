import { Module } from '@nestjs/common';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { ErasureService } from './erasure.service.js';
import { ExportController } from './export.controller.js';
import { ExportService } from './export.service.js';
import { PrivacyResolver } from './privacy.resolver.js';
import { PrivacyService } from './privacy.service.js';

@Module({
  imports: [RateLimitsModule],
  controllers: [ExportController],
  providers: [PrivacyService, ErasureService, ExportService, PrivacyResolver],
})
export class PrivacyModule {}
