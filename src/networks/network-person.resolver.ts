import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { NetworkPersonModel } from './network.model.js';

@Resolver(() => NetworkPersonModel)
export class NetworkPersonResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(np: NetworkPersonModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, np.organizationId);
  }
}
