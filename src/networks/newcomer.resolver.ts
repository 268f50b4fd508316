import { ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { GqlContext } from '../common/request-loaders.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { joinableOrganizationIdsIn } from './network-memberships.js';
import { NetworkModel } from './network.model.js';

/** Network.joinableOrganizations: the choices of the "our organisation joins" dialogue (issue 22). */
@Resolver(() => NetworkModel)
export class NetworkNewcomerResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => [OrganizationModel], {
    description: "the organizations the caller may ask to join for: their own, and those not yet members; by name (extension)",
  })
  async joinableOrganizations(network: NetworkModel, _args: unknown, ctx: GqlContext): Promise<OrganizationEntity[]> {
    const viewer = ctx.req.viewer;
    if (!viewer) return [];
    // One batch per request: a list of networks costs three statements, not three per network.
    const loader = ctx.loaders.get('network.joinableOrganizations', () =>
      new DataLoader<string, OrganizationEntity[]>(async (networkIds) => {
        const [{ own, members }, all] = await Promise.all([joinableOrganizationIdsIn(this.db, networkIds, viewer.personId), this.organizations.list()]);
        return networkIds.map((id) => all.filter((o) => own.has(o.id) || !members.get(id)?.has(o.id)));
      }),
    );
    return loader.load(network.id);
  }
}
