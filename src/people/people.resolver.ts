import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { LinkMatrixAccountInput } from './link-matrix-account.input.js';
import { PeopleService } from './people.service.js';
import type { PersonEntity } from './person.entity.js';
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
  async email(@Parent() person: PersonEntity, @Context() ctx: GqlContext) {
    const viewer = ctx.req.viewer;
    if (!viewer || !(await this.people.emailVisible(ctx.loaders, viewer, person.id))) return null;
    return person.email;
  }

  @ResolveField(() => [OrganizationModel], { description: 'Those the person acts on behalf of (from network roles and group memberships)' })
  organizations(@Parent() person: PersonEntity, @Context() ctx: GqlContext) {
    return this.people.organizationsOf(ctx.loaders, person.id);
  }
}
