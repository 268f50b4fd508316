import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import type { GroupEntity } from '../groups/group.entity.js';
import { GroupModel } from '../groups/group.model.js';
import { NetworkRole } from '../networks/network.enums.js';
import { CalendarService } from './calendar.service.js';

/** Group.calendarFeedUrl: the group's ICS feed for the caller, with their secret token (extension). */
@Resolver(() => GroupModel)
export class GroupCalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: "the group's ICS feed URL with the caller's secret calendar token; null for those the feed would refuse (extension)",
  })
  async calendarFeedUrl(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    const viewer = ctx.req.viewer;
    if (!viewer) return null;
    // The same rule as the feed itself: active members, the network's ADMINs and MODERATORs, hub admins.
    const networkRole = await viewer.networkRole(group.networkId);
    const manager = viewer.hubAdmin || networkRole === NetworkRole.ADMIN || networkRole === NetworkRole.MODERATOR;
    if (!manager && !(await viewer.groupRole(group.id))) return null;
    return this.calendar.groupFeedUrl(viewer, group.id);
  }
}
