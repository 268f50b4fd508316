import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module.js';
import { PeopleModule } from '../people/people.module.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { FieldsOfActionService } from './fields-of-action.service.js';
import { ProfilesResolver } from './profiles.resolver.js';
import { ProfilesService } from './profiles.service.js';
import { ProfileSearchService } from './search/profile-search.service.js';

/** Best-practice profiles ("Steckbriefe"), their German search, and the fields of action. */
@Module({
  imports: [NetworksModule, PeopleModule, RateLimitsModule],
  providers: [FieldsOfActionService, ProfilesService, ProfileSearchService, ProfilesResolver],
  exports: [FieldsOfActionService, ProfilesService],
})
export class KnowledgeModule {}
