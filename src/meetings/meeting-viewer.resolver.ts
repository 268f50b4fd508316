import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { MeetingAccessService } from './meeting-access.service.js';
import { MeetingModel } from './meeting.model.js';

/** What the caller may do with a meeting (extension for clients; the services still check every change). */
@Resolver(() => MeetingModel)
export class MeetingViewerResolver {
  constructor(private readonly meetingAccess: MeetingAccessService) {}

  @ResolveField(() => Boolean, { description: 'agenda, attendance and protocol are the caller\'s to manage (extension)' })
  viewerCanManage(meeting: MeetingModel) {
    return meeting.access === 'manage';
  }

  @ResolveField(() => Boolean, { description: 'the caller may add agenda items (managers) or propose them (members; not guests) (extension)' })
  async viewerCanPropose(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer ? this.meetingAccess.mayPropose(ctx.req.viewer, ctx.loaders, meeting) : false;
  }
}
