import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { GroupMemberModel } from './group.model.js';

@Resolver(() => GroupMemberModel)
export class GroupMemberResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(member: GroupMemberModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, member.organizationId);
  }
}
