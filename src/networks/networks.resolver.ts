import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ConnectionType, pageOf } from '../common/pagination.js';
import { selectionOf } from '../common/selection.js';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AddNetworkMemberInput, CreateNetworkInput, RemoveNetworkMemberInput, SetNetworkRoleInput } from './dto/network.inputs.js';
import { JoinRequestStatus, NetworkRole } from './network.enums.js';
import { JoinRequestModel, NetworkMemberModel, NetworkModel, NetworkPersonModel } from './network.model.js';
import { JoinRequestsService } from './join-requests.service.js';
import { NetworksService } from './networks.service.js';

const NetworkPersonConnection = ConnectionType(NetworkPersonModel, 'NetworkPerson');

@Resolver(() => NetworkModel)
export class NetworksResolver {
  constructor(
    private readonly networkService: NetworksService,
    private readonly joinRequestService: JoinRequestsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => [NetworkModel])
  @RequirePermission('network.read')
  networks(@CurrentViewer() viewer: Viewer) {
    return this.networkService.list(viewer);
  }

  @Query(() => NetworkModel, { nullable: true })
  @RequirePermission('network.read')
  network(@CurrentViewer() viewer: Viewer, @Args('slug') slug: string) {
    return this.networkService.bySlug(viewer, slug);
  }

  @Mutation(() => NetworkModel, { description: 'hub-admin; the caller becomes network ADMIN' })
  @RequirePermission('hub.admin')
  createNetwork(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateNetworkInput) {
    return this.networkService.create(viewer, input);
  }

  @Mutation(() => NetworkMemberModel, { description: 'network ADMIN' })
  @RequirePermission('network.admin')
  addNetworkMember(@CurrentViewer() viewer: Viewer, @Args('input') input: AddNetworkMemberInput) {
    return this.networkService.addMember(viewer, input);
  }

  @Mutation(() => NetworkMemberModel, { description: 'network ADMIN; ends the membership and keeps its history' })
  @RequirePermission('network.admin')
  removeNetworkMember(@CurrentViewer() viewer: Viewer, @Args('input') input: RemoveNetworkMemberInput) {
    return this.networkService.removeMember(viewer, input);
  }

  @Mutation(() => NetworkPersonModel, { description: 'network ADMIN' })
  @RequirePermission('network.admin')
  setNetworkRole(@CurrentViewer() viewer: Viewer, @Args('input') input: SetNetworkRoleInput) {
    return this.networkService.setRole(viewer, input);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  moderatorOrganization(network: NetworkModel, _args: unknown, ctx: GqlContext) {
    return network.access === 'full' ? this.organizations.load(ctx.loaders, network.moderatorOrganizationId) : null;
  }

  @ResolveField(() => [NetworkMemberModel])
  members(network: NetworkModel, _args: unknown, ctx: GqlContext, info: GraphQLResolveInfo) {
    return network.access === 'full' ? this.networkService.members(ctx.loaders, network.id, selectionOf(info)) : [];
  }

  @ResolveField(() => [NetworkPersonModel])
  people(network: NetworkModel, _args: unknown, ctx: GqlContext, info: GraphQLResolveInfo) {
    return network.access === 'full' ? this.networkService.people(ctx.loaders, network.id, selectionOf(info)) : [];
  }

  @ResolveField(() => NetworkPersonConnection, { description: 'extension: people as a cursor connection, by name (first: default 50, at most 100)' })
  async peopleConnection(
    @Parent() network: NetworkModel,
    @Context() ctx: GqlContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const all = network.access === 'full' ? await this.networkService.people(ctx.loaders, network.id) : [];
    return pageOf(all, first, after, 50);
  }

  @ResolveField(() => [JoinRequestModel], { description: 'network ADMINs only; others get []' })
  async joinRequests(
    @Parent() network: NetworkModel,
    @Context() ctx: GqlContext,
    @Args('status', { type: () => JoinRequestStatus, nullable: true }) status?: JoinRequestStatus,
  ) {
    const viewer = ctx.req.viewer!;
    if (!viewer.hubAdmin && (await viewer.networkRole(network.id)) !== NetworkRole.ADMIN) return [];
    const all = await this.joinRequestService.forNetwork(ctx.loaders, network.id);
    return status ? all.filter((j) => j.status === status) : all;
  }

  @ResolveField(() => String, { nullable: true })
  matrixSpaceId(network: NetworkModel) {
    return network.access === 'full' ? network.matrixSpaceId : null;
  }
}
