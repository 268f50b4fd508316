import { ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService } from '../auth/access.service.js';
import type { GqlContext } from '../common/request-loaders.js';
import type { GroupEntity } from './group.entity.js';
import { GroupModel } from './group.model.js';

/** What the caller may do in a group (extension for clients; the services still check every change). */
@Resolver(() => GroupModel)
export class GroupViewerResolver {
  constructor(private readonly access: AccessService) {}

  @ResolveField(() => Boolean, {
    description: 'true when the caller manages the group: its LEAD/MODERATOR, a network ADMIN/MODERATOR or a hub admin (extension)',
  })
  async viewerCanManage(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer ? (await this.access.groupAccess(ctx.req.viewer, group)) === 'manage' : false;
  }
}
