import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { NetworkPersonModel } from './network.model.js';

@Resolver(() => NetworkPersonModel)
export class NetworkPersonResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => PersonModel)
  person(np: NetworkPersonModel, _args: unknown, ctx: GqlContext) {
    return np.person ?? this.people.load(ctx.loaders, np.personId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(np: NetworkPersonModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, np.organizationId);
  }
}
