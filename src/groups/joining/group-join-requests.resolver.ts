import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GqlContext } from '../../common/request-loaders.js';
import { JoinRequestStatus } from '../../networks/network.enums.js';
import { OrganizationModel } from '../../organizations/organization.model.js';
import { OrganizationsService } from '../../organizations/organizations.service.js';
import { PeopleService } from '../../people/people.service.js';
import { PersonModel } from '../../people/person.model.js';
import type { GroupEntity } from '../group.entity.js';
import { GroupModel } from '../group.model.js';
import { GroupsService } from '../groups.service.js';
import { GroupJoinRequestModel } from './group-join-request.model.js';
import { GroupJoinRequestsService } from './group-join-requests.service.js';
import { DecideGroupJoinRequestInput, RequestGroupMembershipInput } from './group-join.inputs.js';

@Resolver(() => GroupJoinRequestModel)
export class GroupJoinRequestsResolver {
  constructor(
    private readonly requests: GroupJoinRequestsService,
    private readonly groups: GroupsService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Mutation(() => GroupJoinRequestModel, {
    description: 'role holders of the network. OPEN: APPROVED at once (MEMBER); APPROVAL: PENDING; CLOSED: FORBIDDEN; member already or a PENDING request: CONFLICT',
  })
  @RequirePermission('group.join')
  requestGroupMembership(@CurrentViewer() viewer: Viewer, @Args('input') input: RequestGroupMembershipInput) {
    return this.requests.request(viewer, input);
  }

  @Mutation(() => GroupJoinRequestModel, { description: 'group LEAD/MODERATOR, network ADMIN/MODERATOR, hub admin; approval makes the person MEMBER' })
  @RequirePermission('group.manage')
  decideGroupJoinRequest(@CurrentViewer() viewer: Viewer, @Args('input') input: DecideGroupJoinRequestInput) {
    return this.requests.decide(viewer, input);
  }

  @Mutation(() => Boolean, { description: "ends the caller's membership; the group's last LEAD cannot leave (CONFLICT)" })
  @RequirePermission('group.leave')
  leaveGroup(@CurrentViewer() viewer: Viewer, @Args('groupId', { type: () => ID }) groupId: string) {
    return this.requests.leave(viewer, groupId);
  }

  @Query(() => [GroupJoinRequestModel], {
    description: 'Extension: the PENDING group join requests the caller may decide, across all groups they manage, oldest first',
  })
  @RequirePermission('signed-in')
  pendingGroupJoinRequests(@CurrentViewer() viewer: Viewer) {
    return this.requests.pendingFor(viewer);
  }

  @ResolveField(() => GroupModel)
  group(request: GroupJoinRequestModel, _args: unknown, ctx: GqlContext) {
    return this.groups.load(ctx.loaders, request.groupId);
  }

  @ResolveField(() => PersonModel)
  person(request: GroupJoinRequestModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, request.personId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(request: GroupJoinRequestModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, request.organizationId);
  }

  @ResolveField(() => PersonModel, { nullable: true })
  decidedBy(request: GroupJoinRequestModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, request.decidedById);
  }
}

/** Group.joinRequests: for the group's managers only; everyone else gets []. */
@Resolver(() => GroupModel)
export class GroupJoinRequestsFieldResolver {
  constructor(
    private readonly requests: GroupJoinRequestsService,
    private readonly groups: GroupsService,
  ) {}

  @ResolveField(() => [GroupJoinRequestModel], { description: 'managers only (group LEAD/MODERATOR, network ADMIN/MODERATOR, hub admins); others []' })
  async joinRequests(
    @Parent() group: GroupEntity,
    @Context() ctx: GqlContext,
    @Args('status', { type: () => JoinRequestStatus, nullable: true }) status?: JoinRequestStatus,
  ) {
    if ((await this.groups.view(ctx.req.viewer!, group)) !== 'manage') return [];
    const all = await this.requests.forGroup(ctx.loaders, group.id);
    return status ? all.filter((r) => r.status === status) : all;
  }

  @ResolveField(() => GroupJoinRequestModel, {
    nullable: true,
    description: "Extension: the caller's own latest request to join this group (to show a pending request after a reload), or null",
  })
  myJoinRequest(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer ? this.requests.latestOf(ctx.loaders, ctx.req.viewer, group.id) : null;
  }
}
