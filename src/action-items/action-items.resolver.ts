import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { GroupModel } from '../groups/group.model.js';
import { GroupsService } from '../groups/groups.service.js';
import { MeetingAccessService, toMeetingModel } from '../meetings/meeting-access.service.js';
import { AgendaItemModel, MeetingModel } from '../meetings/meeting.model.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { ActionItemStatus } from './action-item.enums.js';
import { AddActionItemInput, SetActionItemStatusInput } from './action-item.inputs.js';
import { ActionItemModel } from './action-item.model.js';
import { ActionItemsService } from './action-items.service.js';

@Resolver(() => ActionItemModel)
export class ActionItemsResolver {
  constructor(
    private readonly actionItemService: ActionItemsService,
    private readonly groups: GroupsService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    private readonly meetingAccess: MeetingAccessService,
  ) {}

  @Query(() => [ActionItemModel], { description: 'the caller\'s own items plus those of organizations they act for' })
  @RequirePermission('signed-in')
  myActionItems(@CurrentViewer() viewer: Viewer, @Args('status', { type: () => ActionItemStatus, nullable: true }) status?: ActionItemStatus) {
    return this.actionItemService.mine(viewer, status);
  }

  @Mutation(() => ActionItemModel)
  @RequirePermission('action-item.manage')
  addActionItem(@CurrentViewer() viewer: Viewer, @Args('input') input: AddActionItemInput) {
    return this.actionItemService.add(viewer, input);
  }

  @Mutation(() => ActionItemModel)
  @RequirePermission('action-item.status')
  setActionItemStatus(@CurrentViewer() viewer: Viewer, @Args('input') input: SetActionItemStatusInput) {
    return this.actionItemService.setStatus(viewer, input);
  }

  @ResolveField(() => GroupModel)
  group(item: ActionItemModel, _args: unknown, ctx: GqlContext) {
    return this.groups.load(ctx.loaders, item.groupId);
  }

  @ResolveField(() => PersonModel, { nullable: true })
  assignee(item: ActionItemModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, item.assigneeId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  assigneeOrganization(item: ActionItemModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, item.assigneeOrganizationId);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'who set it to DONE or DROPPED; null while open' })
  closedBy(item: ActionItemModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, item.closedById);
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async originMeeting(item: ActionItemModel, _args: unknown, ctx: GqlContext) {
    const meeting = item.originMeetingId ? await this.meetingAccess.load(ctx.loaders, item.originMeetingId) : null;
    const access = meeting && (await this.meetingAccess.accessTo(ctx.req.viewer!, ctx.loaders, meeting));
    return meeting && access ? toMeetingModel(meeting, access) : null;
  }
}

/** AgendaItem.carriedOverFrom lives here so that meetings need not know about action items. */
@Resolver(() => AgendaItemModel)
export class AgendaItemOriginResolver {
  constructor(private readonly actionItemService: ActionItemsService) {}

  @ResolveField(() => ActionItemModel, { nullable: true, description: "open action items reappear on the next meeting's agenda" })
  carriedOverFrom(item: AgendaItemModel, _args: unknown, ctx: GqlContext) {
    return this.actionItemService.load(ctx.loaders, item.carriedOverFromId);
  }
}

@Resolver(() => GroupModel)
export class GroupActionItemsResolver {
  constructor(
    private readonly actionItemService: ActionItemsService,
    private readonly groups: GroupsService,
  ) {}

  @ResolveField(() => [ActionItemModel])
  async openActionItems(group: GroupModel, _args: unknown, ctx: GqlContext) {
    if (!(await this.groups.readable(ctx.req.viewer!, [group as never])).length) return [];
    return this.actionItemService.openForGroup(ctx.loaders, group.id);
  }

  @ResolveField(() => [ActionItemModel], { description: 'the group\'s action items in a status (all when omitted): open ones by due date, closed ones newest first' })
  async actionItems(
    @Parent() group: GroupModel,
    @Args('status', { type: () => ActionItemStatus, nullable: true }) status: ActionItemStatus | null | undefined,
    @Context() ctx: GqlContext,
  ) {
    if (!(await this.groups.readable(ctx.req.viewer!, [group as never])).length) return [];
    return this.actionItemService.forGroup(ctx.loaders, group.id, status ?? null);
  }
}
