import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionType, pageOf } from '../common/pagination.js';
import type { MeetingEntity } from './entities/meeting.entity.js';
import type { GqlContext } from '../common/request-loaders.js';
import type { GroupEntity } from '../groups/group.entity.js';
import { GroupModel } from '../groups/group.model.js';
import { GroupsService } from '../groups/groups.service.js';
import { MeetingAccessService, toMeetingModel } from './meeting-access.service.js';
import { MeetingModel } from './meeting.model.js';
import { MeetingsService } from './meetings.service.js';

const MeetingConnection = ConnectionType(MeetingModel, 'Meeting');

/** Group.meetings lives here so that groups need not know about meetings. */
@Resolver(() => GroupModel)
export class GroupMeetingsResolver {
  constructor(
    private readonly meetingService: MeetingsService,
    private readonly meetingAccess: MeetingAccessService,
    private readonly groups: GroupsService,
  ) {}

  @ResolveField(() => [MeetingModel], { description: "ordered by startsAt; role holders outside the group see each meeting's public part" })
  async meetings(
    @Parent() group: GroupEntity,
    @Context() ctx: GqlContext,
    @Args('from', { type: () => Date, nullable: true }) from?: Date,
    @Args('to', { type: () => Date, nullable: true }) to?: Date,
  ) {
    // Role holders outside the group see the public part of its meetings ('network' access).
    if (!(await this.groups.visible(ctx.req.viewer!, [group])).length) return [];
    const meetings = await this.meetingService.forGroup(ctx.loaders, group.id, from, to);
    return this.models(ctx, meetings);
  }

  @ResolveField(() => MeetingConnection, {
    description: 'extension: meetings as a cursor connection, ordered by startsAt (first: default 20, at most 100)',
  })
  async meetingsConnection(
    @Parent() group: GroupEntity,
    @Context() ctx: GqlContext,
    @Args('from', { type: () => Date, nullable: true }) from?: Date,
    @Args('to', { type: () => Date, nullable: true }) to?: Date,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const visible = (await this.groups.visible(ctx.req.viewer!, [group])).length > 0;
    const meetings = visible ? await this.meetingService.forGroup(ctx.loaders, group.id, from, to) : [];
    const connection = pageOf(meetings, first, after, 20);
    const models = await this.models(ctx, connection.edges.map((e) => e.node));
    return { ...connection, edges: connection.edges.map((e, i) => ({ cursor: e.cursor, node: models[i] })) };
  }

  private models(ctx: GqlContext, meetings: MeetingEntity[]) {
    return Promise.all(meetings.map(async (m) => toMeetingModel(m, (await this.meetingAccess.accessTo(ctx.req.viewer!, ctx.loaders, m)) ?? 'network')));
  }
}
