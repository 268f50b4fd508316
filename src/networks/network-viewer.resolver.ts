import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { NetworkRole } from './network.enums.js';
import { NetworkModel } from './network.model.js';

/** What the caller may do in a network, so that clients need not re-derive the role rules. */
@Resolver(() => NetworkModel)
export class NetworkViewerResolver {
  @ResolveField(() => NetworkRole, { nullable: true, description: "the caller's role in the network, or null (extension)" })
  myRole(network: NetworkModel, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer?.networkRole(network.id) ?? null;
  }
}
