import { NetworkNewcomerResolver } from './newcomer.resolver.js';
import { Module } from '@nestjs/common';
import { JoinRequestsService } from './join-requests.service.js';
import { JoinRequestsResolver } from './join-requests.resolver.js';
import { NetworkPersonResolver } from './network-person.resolver.js';
import { NetworksResolver } from './networks.resolver.js';
import { NetworksService } from './networks.service.js';
import { NetworkViewerResolver } from './network-viewer.resolver.js';

@Module({
  providers: [NetworksService, JoinRequestsService, NetworksResolver, NetworkPersonResolver, JoinRequestsResolver, NetworkViewerResolver, NetworkNewcomerResolver],
  exports: [NetworksService],
})
export class NetworksModule {}
