import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { ActionItemModel } from '../action-items/action-item.model.js';
import { ActionItemsService } from '../action-items/action-items.service.js';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { AgendaService } from '../meetings/agenda.service.js';
import { MeetingAccessService, toMeetingModel } from '../meetings/meeting-access.service.js';
import { MeetingModel } from '../meetings/meeting.model.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { AddDecisionInput, ProtocolTransitionInput, StartProtocolInput, UpdateProtocolEntryInput } from './dto/protocol.inputs.js';
import { DecisionModel, ProtocolEntryModel, ProtocolModel, ProtocolRevisionModel } from './protocol.model.js';
import { ProtocolsService } from './protocols.service.js';

@Resolver(() => ProtocolModel)
export class ProtocolsResolver {
  constructor(
    private readonly protocols: ProtocolsService,
    private readonly meetingAccess: MeetingAccessService,
    private readonly agenda: AgendaService,
    private readonly actionItemService: ActionItemsService,
    private readonly people: PeopleService,
  ) {}

  @Mutation(() => ProtocolModel)
  @RequirePermission('protocol.manage')
  startProtocol(@CurrentViewer() viewer: Viewer, @Args('input') input: StartProtocolInput) {
    return this.protocols.start(viewer, input);
  }

  @Mutation(() => ProtocolModel)
  @RequirePermission('protocol.manage')
  updateProtocolEntry(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateProtocolEntryInput) {
    return this.protocols.updateEntry(viewer, input);
  }

  @Mutation(() => ProtocolModel)
  @RequirePermission('protocol.manage')
  addDecision(@CurrentViewer() viewer: Viewer, @Args('input') input: AddDecisionInput) {
    return this.protocols.addDecision(viewer, input);
  }

  @Mutation(() => ProtocolModel, { description: 'DRAFT -> IN_REVIEW' })
  @RequirePermission('protocol.manage')
  submitProtocolForReview(@CurrentViewer() viewer: Viewer, @Args('input') input: ProtocolTransitionInput) {
    return this.protocols.transition(viewer, input, 'submit');
  }

  @Mutation(() => ProtocolModel, { description: 'IN_REVIEW -> APPROVED' })
  @RequirePermission('protocol.manage')
  approveProtocol(@CurrentViewer() viewer: Viewer, @Args('input') input: ProtocolTransitionInput) {
    return this.protocols.transition(viewer, input, 'approve');
  }

  @Mutation(() => ProtocolModel, { description: 'APPROVED -> PUBLISHED, immutable from then on' })
  @RequirePermission('protocol.manage')
  publishProtocol(@CurrentViewer() viewer: Viewer, @Args('input') input: ProtocolTransitionInput) {
    return this.protocols.transition(viewer, input, 'publish');
  }

  @ResolveField(() => MeetingModel)
  async meeting(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    return toMeetingModel((await this.meetingAccess.load(ctx.loaders, protocol.meetingId))!, protocol.access);
  }

  @ResolveField(() => [ProtocolEntryModel])
  async entries(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    const entries = await this.protocols.entries(ctx.loaders, protocol.id);
    const visible = await this.visibleItemIds(protocol, ctx);
    return entries.filter((e) => !visible || visible.has(e.agendaItemId));
  }

  @ResolveField(() => [DecisionModel])
  async decisions(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    const decisions = await this.protocols.decisions(ctx.loaders, protocol.id);
    const visible = await this.visibleItemIds(protocol, ctx);
    return decisions.filter((d) => !visible || !d.agendaItemId || visible.has(d.agendaItemId));
  }

  @ResolveField(() => [ActionItemModel])
  async actionItems(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    const items = await this.actionItemService.forProtocol(ctx.loaders, protocol.id);
    return protocol.access === 'network' ? items.filter((a) => a.public) : items;
  }

  @ResolveField(() => [ProtocolRevisionModel])
  revisions(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    return protocol.access === 'network' ? [] : this.protocols.revisions(ctx.loaders, protocol.id);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: "who published it; like the revisions' authors, only for the meeting's groups" })
  publishedBy(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    return protocol.access === 'network' ? null : this.people.load(ctx.loaders, protocol.publishedById);
  }

  @ResolveField(() => String, { description: "the rendered protocol; non-public items redacted for callers outside the meeting's groups" })
  markdown(protocol: ProtocolModel) {
    return this.protocols.markdown(protocol);
  }

  /** For readers outside the meeting's groups: the ids of the public items; null = no redaction. */
  private async visibleItemIds(protocol: ProtocolModel, ctx: GqlContext): Promise<Set<string> | null> {
    if (protocol.access !== 'network') return null;
    const meeting = await this.meeting(protocol, undefined, ctx);
    return new Set((await this.agenda.forMeeting(ctx.req.viewer!, ctx.loaders, meeting)).map((i) => i.id));
  }
}

@Resolver(() => MeetingModel)
export class MeetingProtocolResolver {
  constructor(private readonly protocols: ProtocolsService) {}

  @ResolveField(() => ProtocolModel, { nullable: true, description: 'drafts for moderators; in review and later for the groups; published for the network' })
  protocol(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return this.protocols.forMeeting(ctx.loaders, meeting);
  }
}
