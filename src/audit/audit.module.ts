import { Module } from '@nestjs/common';
import { AuditResolver, NetworkAuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

@Module({ providers: [AuditService, AuditResolver, NetworkAuditResolver] })
export class AuditModule {}
