import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module.js';
import { GroupMemberResolver } from './group-member.resolver.js';
import { GroupsResolver, NetworkGroupsResolver } from './groups.resolver.js';
import { GroupsService } from './groups.service.js';
import { GroupViewerResolver } from './group-viewer.resolver.js';

@Module({
  imports: [NetworksModule],
  providers: [GroupsService, GroupsResolver, NetworkGroupsResolver, GroupMemberResolver, GroupViewerResolver],
  exports: [GroupsService],
})
export class GroupsModule {}
