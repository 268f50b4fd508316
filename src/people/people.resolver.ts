import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { LinkMatrixAccountInput } from './link-matrix-account.input.js';
import { NetworkRole } from '../networks/network.enums.js';
import { distinctOrganizations, PeopleService, type PersonOrganization } from './people.service.js';
import { PersonModel } from './person.model.js';

@Resolver(() => PersonModel)
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @Query(() => PersonModel)
  @RequirePermission('signed-in')
  me(@CurrentViewer() viewer: Viewer) {
    return viewer.person;
  }

  @Query(() => PersonModel, { nullable: true, description: 'network ADMINs and hub admins: the person with exactly this e-mail, to give them a role' })
  @RequirePermission('person.lookup')
  personByEmail(@CurrentViewer() viewer: Viewer, @Args('email') email: string) {
    return this.people.findByEmail(viewer, email);
  }

  @Mutation(() => PersonModel)
  @RequirePermission('person.self')
  linkMatrixAccount(@CurrentViewer() viewer: Viewer, @Args('input') input: LinkMatrixAccountInput) {
    return this.people.linkMatrixAccount(viewer, input.matrixUserId);
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to the person, hub admins and admins of networks they belong to' })
  async email(person: PersonModel, _args: unknown, ctx: GqlContext) {
    const viewer = ctx.req.viewer;
    if (!viewer || !(await this.people.emailVisible(ctx.loaders, viewer, person.id))) return null;
    return person.email;
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to whom the e-mail is: the person, hub admins and admins of networks they belong to' })
  async matrixUserId(person: PersonModel, _args: unknown, ctx: GqlContext) {
    // A Matrix ID reaches a person as directly as an address (issue 19: profiles and webinar
    // speakers showed it hub-wide), so the same rule applies; group members meet it in their room.
    const viewer = ctx.req.viewer;
    if (!person.matrixUserId || !viewer || !(await this.people.emailVisible(ctx.loaders, viewer, person.id))) return null;
    return person.matrixUserId;
  }

  @ResolveField(() => [OrganizationModel], {
    description: 'Those the person acts on behalf of (from network roles and group memberships); for personByEmail only those of networks the caller administers',
  })
  organizations(person: PersonModel & { organizationRows?: PersonOrganization[] }, _args: unknown, ctx: GqlContext) {
    // Read with the person (a network's people): no loader round, no promise.
    if (person.organizationRows && !person.lookup) return distinctOrganizations(person.organizationRows);
    return this.loadOrganizations(person, ctx);
  }

  private async loadOrganizations(person: PersonModel, ctx: GqlContext) {
    const rows = await this.people.organizationsOf(ctx.loaders, person.id);
    const viewer = ctx.req.viewer;
    if (!person.lookup || viewer?.hubAdmin || viewer?.personId === person.id) return distinctOrganizations(rows);
    const administered = await Promise.all(rows.map(async (r) => !!viewer && (await viewer.networkRole(r.networkId)) === NetworkRole.ADMIN));
    return distinctOrganizations(rows.filter((_, i) => administered[i]));
  }
}
