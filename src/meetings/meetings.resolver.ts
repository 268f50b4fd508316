import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { GroupModel } from '../groups/group.model.js';
import { GroupsService } from '../groups/groups.service.js';
import { AgendaService } from './agenda.service.js';
import { CancelMeetingInput, CreateMeetingInput, RescheduleMeetingInput } from './dto/meeting.inputs.js';
import { MeetingAccessService, toMeetingModel } from './meeting-access.service.js';
import { AgendaItemModel, MeetingChangeModel, MeetingModel } from './meeting.model.js';
import { MeetingsService } from './meetings.service.js';

@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly meetingService: MeetingsService,
    private readonly meetingAccess: MeetingAccessService,
    private readonly agendaService: AgendaService,
    private readonly groups: GroupsService,
  ) {}

  @Query(() => MeetingModel, { nullable: true })
  @RequirePermission('meeting.read')
  async meeting(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    const meeting = await this.meetingAccess.load(ctx.loaders, id);
    const access = meeting && (await this.meetingAccess.accessTo(viewer, ctx.loaders, meeting));
    return meeting && access ? toMeetingModel(meeting, access) : null;
  }

  @Query(() => [MeetingModel], { description: "the caller's, across all their groups; from defaults to now" })
  @RequirePermission('signed-in')
  upcomingMeetings(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => Date, nullable: true }) from?: Date,
    @Args('to', { type: () => Date, nullable: true }) to?: Date,
    @Context() ctx?: GqlContext,
  ) {
    return this.meetingService.upcoming(viewer, from, to, ctx?.loaders);
  }

  @Mutation(() => MeetingModel)
  @RequirePermission('meeting.manage')
  createMeeting(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateMeetingInput) {
    return this.meetingService.create(viewer, input);
  }

  @Mutation(() => MeetingModel)
  @RequirePermission('meeting.manage')
  rescheduleMeeting(@CurrentViewer() viewer: Viewer, @Args('input') input: RescheduleMeetingInput) {
    return this.meetingService.reschedule(viewer, input);
  }

  @Mutation(() => MeetingModel)
  @RequirePermission('meeting.manage')
  cancelMeeting(@CurrentViewer() viewer: Viewer, @Args('input') input: CancelMeetingInput) {
    return this.meetingService.cancel(viewer, input);
  }

  @ResolveField(() => GroupModel)
  group(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return this.groups.load(ctx.loaders, meeting.groupId);
  }

  @ResolveField(() => [GroupModel], { description: 'joint meetings of several groups' })
  async additionalGroups(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    const ids = await this.meetingAccess.additionalGroupIds(ctx.loaders, meeting.id);
    return (await Promise.all(ids.map((id) => this.groups.load(ctx.loaders, id)))).filter((g) => g !== null);
  }

  @ResolveField(() => [AgendaItemModel], { description: 'by position; PROPOSED items only for moderators and the proposer' })
  agenda(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return this.agendaService.forMeeting(ctx.req.viewer!, ctx.loaders, meeting);
  }

  @ResolveField(() => [MeetingChangeModel], { description: 'scheduled, rescheduled, cancelled: who, when, why' })
  history(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return meeting.access === 'network' ? [] : this.meetingService.history(ctx.loaders, meeting.id);
  }
}
