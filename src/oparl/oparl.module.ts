import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module.js';
import { OparlSyncService } from './view/oparl-sync.service.js';
import { OparlController } from './oparl.controller.js';
import { OparlService } from './oparl.service.js';
import { PublicationResolver } from './publication/publication.resolver.js';
import { PublicationService } from './publication/publication.service.js';

/** The public face of PUBLIC networks: setNetworkPublication and the read-only OParl 1.1 API under /oparl/v1/. */
@Module({
  imports: [NetworksModule],
  controllers: [OparlController],
  providers: [OparlSyncService, OparlService, PublicationService, PublicationResolver],
  exports: [PublicationService],
})
export class OparlModule {}
