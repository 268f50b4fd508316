import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectionOf } from '../common/selection.js';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { NetworkModel } from '../networks/network.model.js';
import { NetworksService, toModel } from '../networks/networks.service.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AddGroupMemberInput, CreateGroupInput, RemoveGroupMemberInput } from './dto/group.inputs.js';
import { GroupJoinPolicy, GroupLevel } from './group.enums.js';
import type { GroupEntity } from './group.entity.js';
import { GroupMemberModel, GroupModel } from './group.model.js';
import { GroupsService, type GroupWithRelatives } from './groups.service.js';

@Resolver(() => GroupModel)
export class GroupsResolver {
  constructor(
    private readonly groups: GroupsService,
    private readonly networks: NetworksService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => GroupModel, { nullable: true, description: 'every role holder of its network sees the public face; members and managers see more' })
  @RequirePermission('group.view')
  group(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.groups.byId(viewer, id);
  }

  @Mutation(() => GroupModel)
  @RequirePermission('group.create')
  createGroup(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateGroupInput) {
    return this.groups.create(viewer, input);
  }

  @Mutation(() => GroupMemberModel, { description: 'the person must hold a role in the network' })
  @RequirePermission('group.manage')
  addGroupMember(@CurrentViewer() viewer: Viewer, @Args('input') input: AddGroupMemberInput) {
    return this.groups.addMember(viewer, input);
  }

  @Mutation(() => Boolean)
  @RequirePermission('group.manage')
  removeGroupMember(@CurrentViewer() viewer: Viewer, @Args('input') input: RemoveGroupMemberInput) {
    return this.groups.removeMember(viewer, input);
  }

  @Mutation(() => GroupModel, { description: 'group managers' })
  @RequirePermission('group.manage')
  setGroupJoinPolicy(
    @CurrentViewer() viewer: Viewer,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('joinPolicy', { type: () => GroupJoinPolicy }) joinPolicy: GroupJoinPolicy,
  ) {
    return this.groups.setJoinPolicy(viewer, groupId, joinPolicy);
  }

  @ResolveField(() => NetworkModel)
  async network(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    const network = await this.networks.load(ctx.loaders, group.networkId);
    return (await this.networks.view(ctx.req.viewer!, network!)) ?? toModel(network!, 'public');
  }

  @ResolveField(() => GroupModel, { nullable: true })
  parent(group: GroupWithRelatives, _args: unknown, ctx: GqlContext) {
    // Read with the network's groups and the roles at hand: answered without a promise.
    const parent = group.relatives?.parent;
    const now = parent === undefined ? undefined : parent === null ? [] : this.groups.visibleNow(ctx.req.viewer!, [parent]);
    return now ? (now[0] ?? null) : this.loadParent(group, ctx);
  }

  private async loadParent(group: GroupEntity, ctx: GqlContext) {
    const parent = await this.groups.load(ctx.loaders, group.parentId);
    return parent ? ((await this.groups.visible(ctx.req.viewer!, [parent]))[0] ?? null) : null;
  }

  @ResolveField(() => [GroupModel])
  children(group: GroupWithRelatives, _args: unknown, ctx: GqlContext) {
    const now = group.relatives && this.groups.visibleNow(ctx.req.viewer!, group.relatives.children);
    return now ?? this.loadChildren(group, ctx);
  }

  private async loadChildren(group: GroupEntity, ctx: GqlContext) {
    return this.groups.visible(ctx.req.viewer!, await this.groups.children(ctx.loaders, group.id));
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'the "federführende Stadt" of a project group' })
  leadOrganization(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    return group.leadOrganization ?? this.organizations.load(ctx.loaders, group.leadOrganizationId);
  }

  @ResolveField(() => [GroupMemberModel], { description: "the group's members, network ADMINs/MODERATORs and hub admins; others []" })
  async members(group: GroupEntity, _args: unknown, ctx: GqlContext, info: GraphQLResolveInfo) {
    // The member list is personal data: other role holders of the network see only memberCount.
    const readable = this.groups.readableNow(ctx.req.viewer!, [group]) ?? (await this.groups.readable(ctx.req.viewer!, [group]));
    if (!readable.length) return [];
    return this.groups.members(ctx.loaders, group.id, selectionOf(info));
  }

  @ResolveField(() => String, { nullable: true, description: 'set once the bridge has created the room; members and managers only' })
  async matrixRoomId(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    return (await this.groups.readable(ctx.req.viewer!, [group])).length ? group.matrixRoomId : null;
  }
}

/** Network.groups lives here so that networks need not know about groups. */
@Resolver(() => NetworkModel)
export class NetworkGroupsResolver {
  constructor(private readonly groupService: GroupsService) {}

  @ResolveField(() => [GroupModel], { description: "all the network's groups, for its role holders and hub admins; others []" })
  async groups(
    @Parent() network: NetworkModel,
    @Context() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
    @Args('level', { type: () => GroupLevel, nullable: true }) level?: GroupLevel,
  ) {
    if (network.access !== 'full') return [];
    const all = await this.groupService.inNetwork(ctx.loaders, network.id, selectionOf(info));
    // Member cities must find the groups they may join: every role holder sees all of them.
    return level ? all.filter((g) => g.level === level) : all;
  }
}
