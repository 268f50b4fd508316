import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import type { GroupEntity } from '../groups/group.entity.js';
import { GroupModel } from '../groups/group.model.js';
import { GroupsService } from '../groups/groups.service.js';
import { MeetingAccessService, toMeetingModel } from '../meetings/meeting-access.service.js';
import { MeetingModel } from '../meetings/meeting.model.js';
import { DatePollsService } from './date-polls.service.js';
import { CloseDatePollInput, CreateDatePollInput, EndMeetingSeriesInput, PreviewMeetingSeriesInput, ScheduleMeetingSeriesInput, UpdateMeetingSeriesInput, VoteDatePollInput } from './dto/scheduling.inputs.js';
import type { MeetingSeriesEntity } from './meeting-series.entity.js';
import { DatePollModel, DatePollOptionModel, MeetingSeriesModel, MeetingSeriesPreviewModel, SkippedOccurrenceModel } from './scheduling.model.js';
import { SeriesService } from './series.service.js';

@Resolver(() => MeetingSeriesModel)
export class SeriesResolver {
  constructor(
    private readonly seriesService: SeriesService,
    private readonly groups: GroupsService,
    private readonly meetingAccess: MeetingAccessService,
  ) {}

  @Query(() => MeetingSeriesPreviewModel, { description: 'the next dates a series would have, with skipped holidays; saves nothing (group managers; extension)' })
  @RequirePermission('meeting.manage')
  previewMeetingSeries(@CurrentViewer() viewer: Viewer, @Args('input') input: PreviewMeetingSeriesInput) {
    return this.seriesService.preview(viewer, input);
  }

  @Mutation(() => MeetingSeriesModel)
  @RequirePermission('meeting.manage')
  scheduleMeetingSeries(@CurrentViewer() viewer: Viewer, @Args('input') input: ScheduleMeetingSeriesInput) {
    return this.seriesService.schedule(viewer, input);
  }

  @Mutation(() => MeetingSeriesModel, { description: 'from effectiveFrom on; HELD meetings and those with a protocol untouched' })
  @RequirePermission('meeting.manage')
  updateMeetingSeries(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateMeetingSeriesInput) {
    return this.seriesService.update(viewer, input);
  }

  @Mutation(() => MeetingSeriesModel)
  @RequirePermission('meeting.manage')
  endMeetingSeries(@CurrentViewer() viewer: Viewer, @Args('input') input: EndMeetingSeriesInput) {
    return this.seriesService.end(viewer, input);
  }

  @ResolveField(() => GroupModel)
  group(series: MeetingSeriesEntity, _args: unknown, ctx: GqlContext) {
    return this.groups.load(ctx.loaders, series.groupId);
  }

  @ResolveField(() => [MeetingModel])
  async occurrences(
    @Parent() series: MeetingSeriesEntity,
    @Context() ctx: GqlContext,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ) {
    const meetings = await this.seriesService.occurrences(series, from, to);
    return Promise.all(meetings.map(async (m) => toMeetingModel(m, (await this.meetingAccess.accessTo(ctx.req.viewer!, ctx.loaders, m)) ?? 'network')));
  }

  @ResolveField(() => [SkippedOccurrenceModel])
  skippedDates(series: MeetingSeriesEntity, _args: unknown, ctx: GqlContext) {
    return this.seriesService.skipped(ctx.loaders, series.id);
  }
}

/** Group.series and Meeting.series live here so that groups and meetings need not know about series. */
@Resolver(() => GroupModel)
export class GroupSeriesResolver {
  constructor(
    private readonly seriesService: SeriesService,
    private readonly groups: GroupsService,
  ) {}

  @ResolveField(() => [MeetingSeriesModel])
  async series(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    if (!(await this.groups.readable(ctx.req.viewer!, [group])).length) return [];
    return this.seriesService.forGroup(ctx.loaders, group.id);
  }
}

@Resolver(() => MeetingModel)
export class MeetingSeriesFieldResolver {
  constructor(private readonly seriesService: SeriesService) {}

  @ResolveField(() => MeetingSeriesModel, { nullable: true })
  series(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return meeting.access === 'network' ? null : this.seriesService.load(ctx.loaders, meeting.seriesId);
  }
}

@Resolver(() => DatePollModel)
export class DatePollsResolver {
  constructor(
    private readonly polls: DatePollsService,
    private readonly groups: GroupsService,
    private readonly meetingAccess: MeetingAccessService,
  ) {}

  @Query(() => DatePollModel, { nullable: true })
  @RequirePermission('group.read')
  datePoll(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.polls.byId(viewer, id);
  }

  @Mutation(() => DatePollModel)
  @RequirePermission('meeting.manage')
  createDatePoll(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateDatePollInput) {
    return this.polls.create(viewer, input);
  }

  @Mutation(() => DatePollModel, { description: "a person's later vote replaces their earlier one" })
  @RequirePermission('poll.vote')
  voteDatePoll(@CurrentViewer() viewer: Viewer, @Args('input') input: VoteDatePollInput) {
    return this.polls.vote(viewer, input);
  }

  @Mutation(() => DatePollModel, { description: 'creates the meeting from the chosen option' })
  @RequirePermission('meeting.manage')
  closeDatePoll(@CurrentViewer() viewer: Viewer, @Args('input') input: CloseDatePollInput) {
    return this.polls.close(viewer, input);
  }

  @ResolveField(() => GroupModel)
  group(poll: DatePollModel, _args: unknown, ctx: GqlContext) {
    return this.groups.load(ctx.loaders, poll.groupId);
  }

  @ResolveField(() => [DatePollOptionModel])
  options(poll: DatePollModel, _args: unknown, ctx: GqlContext) {
    return this.polls.options(ctx.loaders, poll.id);
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async meeting(poll: DatePollModel, _args: unknown, ctx: GqlContext) {
    const meeting = poll.meetingId ? await this.meetingAccess.load(ctx.loaders, poll.meetingId) : null;
    const access = meeting && (await this.meetingAccess.accessTo(ctx.req.viewer!, ctx.loaders, meeting));
    return meeting && access ? toMeetingModel(meeting, access) : null;
  }
}
