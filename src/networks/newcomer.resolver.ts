import { ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { GqlContext } from '../common/request-loaders.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { joinableOrganizationIds } from './network-memberships.js';
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
    const { own, members } = await joinableOrganizationIds(this.db, network.id, viewer.personId);
    return (await this.organizations.list()).filter((o) => own.has(o.id) || !members.has(o.id));
  }
}
