import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { GroupRole } from './group.enums.js';
import type { GroupEntity } from './group.entity.js';
import { GroupModel } from './group.model.js';
import { GroupsService } from './groups.service.js';

/**
 * The public face of a group beyond its name: what every role holder of the network sees so that
 * member cities can find a group and decide to join it. None of it names a person.
 */
@Resolver(() => GroupModel)
export class GroupFieldsResolver {
  constructor(private readonly groups: GroupsService) {}

  @ResolveField(() => [OrganizationModel], { description: 'the organizations its active members act for (not personal data)' })
  organizations(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    return this.groups.organizations(ctx.loaders, group.id);
  }

  @ResolveField(() => Int)
  memberCount(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    return this.groups.memberCount(ctx.loaders, group.id);
  }

  @ResolveField(() => GroupRole, { nullable: true, description: "the caller's active role in this group, or null" })
  myRole(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer ? ctx.req.viewer.groupRole(group.id) : null;
  }
}
