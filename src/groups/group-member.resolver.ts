import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { GroupMemberModel } from './group.model.js';

@Resolver(() => GroupMemberModel)
export class GroupMemberResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => PersonModel)
  person(member: GroupMemberModel, _args: unknown, ctx: GqlContext) {
    return member.person ?? this.people.load(ctx.loaders, member.personId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(member: GroupMemberModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, member.organizationId);
  }
}
