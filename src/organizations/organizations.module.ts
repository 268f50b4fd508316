import { Global, Module } from '@nestjs/common';
import { OrganizationsResolver } from './organizations.resolver.js';
import { OrganizationsService } from './organizations.service.js';

@Global()
@Module({ providers: [OrganizationsService, OrganizationsResolver], exports: [OrganizationsService] })
export class OrganizationsModule {}
