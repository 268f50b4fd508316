import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GqlContext } from '../../common/request-loaders.js';
import { NetworkModel } from '../../networks/network.model.js';
import { Publication } from './publication.enum.js';
import { PublicationService } from './publication.service.js';

@Resolver(() => NetworkModel)
export class PublicationResolver {
  constructor(private readonly publications: PublicationService) {}

  @Mutation(() => NetworkModel, { description: "network ADMIN; PUBLIC opens the network's public face through OParl, PRIVATE closes it" })
  @RequirePermission('network.admin')
  setNetworkPublication(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('publication', { type: () => Publication }) publication: Publication,
  ) {
    return this.publications.set(viewer, networkId, publication);
  }

  @ResolveField(() => Publication)
  publication(network: NetworkModel, _args: unknown, ctx: GqlContext) {
    return this.publications.load(ctx.loaders, network.id);
  }

  @ResolveField(() => String, { nullable: true, description: "the network's OParl body URL while PUBLIC, else null" })
  async oparlBodyUrl(network: NetworkModel, _args: unknown, ctx: GqlContext) {
    return (await this.publications.load(ctx.loaders, network.id)) === Publication.PUBLIC ? this.publications.bodyUrl(network.id) : null;
  }
}
