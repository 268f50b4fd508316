import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { MeetingModel } from '../meetings/meeting.model.js';
import { VideoRoomService } from './video-rooms.service.js';

@Resolver(() => MeetingModel)
export class MeetingVideoResolver {
  constructor(private readonly video: VideoRoomService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: "the caller's personal join link (members of the meeting's groups and its managers); onlineUrl set by hand wins; null without access or when no video service is configured",
  })
  videoRoomUrl(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    const viewer = ctx.req.viewer;
    if (!viewer || (meeting.access !== 'read' && meeting.access !== 'manage')) return null;
    if (meeting.onlineUrl) return meeting.onlineUrl;
    return this.video.joinUrl({
      kind: 'meeting', id: meeting.id, person: viewer.person, moderator: meeting.access === 'manage', startsAt: meeting.startsAt, endsAt: meeting.endsAt,
    });
  }
}
