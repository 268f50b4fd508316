import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module.js';
import { GroupApprovalResolver } from './approval/group-approval.resolver.js';
import { GroupApprovalService } from './approval/group-approval.service.js';
import { GroupFieldsResolver } from './group-fields.resolver.js';
import { GroupMemberResolver } from './group-member.resolver.js';
import { GroupSummaryFieldsResolver, NetworkGroupOverviewResolver } from './group-overview.resolver.js';
import { GroupsResolver, NetworkGroupsResolver } from './groups.resolver.js';
import { GroupsService } from './groups.service.js';
import { GroupViewerResolver } from './group-viewer.resolver.js';
import { GroupJoinRequestsFieldResolver, GroupJoinRequestsResolver } from './joining/group-join-requests.resolver.js';
import { GroupJoinRequestsService } from './joining/group-join-requests.service.js';

@Module({
  imports: [NetworksModule],
  providers: [
    GroupsService,
    GroupsResolver,
    NetworkGroupsResolver,
    NetworkGroupOverviewResolver,
    GroupSummaryFieldsResolver,
    GroupMemberResolver,
    GroupFieldsResolver,
    GroupJoinRequestsService,
    GroupJoinRequestsResolver,
    GroupJoinRequestsFieldResolver,
    GroupViewerResolver,
    GroupApprovalService,
    GroupApprovalResolver,
  ],
  exports: [GroupsService],
})
export class GroupsModule {}
