import { Args, Int, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GqlContext } from '../../common/request-loaders.js';
import { approverIdsOf } from '../../groups/approval/approval-rule.js';
import { MeetingAccessService, toMeetingModel } from '../../meetings/meeting-access.service.js';
import { MeetingModel } from '../../meetings/meeting.model.js';
import { PeopleService } from '../../people/people.service.js';
import { PersonModel } from '../../people/person.model.js';
import { ProtocolTransitionInput } from '../dto/protocol.inputs.js';
import { ProtocolModel } from '../protocol.model.js';
import { ProtocolApprovalsService } from './protocol-approvals.service.js';
import { ProtocolReviewService } from './protocol-review.service.js';
import { ProtocolApprovalModel, ProtocolFeedbackModel } from './protocol-review.model.js';
import { AnswerProtocolFeedbackInput, CommentOnProtocolInput, DecideProtocolObjectionInput, RaiseProtocolObjectionInput, WithdrawProtocolObjectionInput } from './review.inputs.js';

/** The review of a protocol by its group (issue 21.1), and the approvals that are not the moderation's. */
@Resolver(() => ProtocolModel)
export class ProtocolReviewResolver {
  constructor(
    private readonly review: ProtocolReviewService,
    private readonly approvalService: ProtocolApprovalsService,
    private readonly meetingAccess: MeetingAccessService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Mutation(() => ProtocolFeedbackModel, { description: 'while IN_REVIEW: members of the meeting\'s groups and people recorded as present' })
  @RequirePermission('protocol.review')
  commentOnProtocol(@CurrentViewer() viewer: Viewer, @Args('input') input: CommentOnProtocolInput) {
    return this.review.comment(viewer, input);
  }

  @Mutation(() => ProtocolFeedbackModel, { description: 'an Einwand: blocks every approval until withdrawn or decided' })
  @RequirePermission('protocol.review')
  raiseProtocolObjection(@CurrentViewer() viewer: Viewer, @Args('input') input: RaiseProtocolObjectionInput) {
    return this.review.object(viewer, input);
  }

  @Mutation(() => ProtocolFeedbackModel, { description: 'its author only' })
  @RequirePermission('protocol.review')
  withdrawProtocolObjection(@CurrentViewer() viewer: Viewer, @Args('input') input: WithdrawProtocolObjectionInput) {
    return this.review.withdraw(viewer, input);
  }

  @Mutation(() => ProtocolFeedbackModel)
  @RequirePermission('protocol.manage')
  answerProtocolFeedback(@CurrentViewer() viewer: Viewer, @Args('input') input: AnswerProtocolFeedbackInput) {
    return this.review.answer(viewer, input);
  }

  @Mutation(() => ProtocolFeedbackModel)
  @RequirePermission('protocol.manage')
  decideProtocolObjection(@CurrentViewer() viewer: Viewer, @Args('input') input: DecideProtocolObjectionInput) {
    return this.review.decide(viewer, input);
  }

  @Mutation(() => ProtocolModel, { description: 'mode NAMED_APPROVERS: a named approver approves the current version; the last one approves the protocol' })
  @RequirePermission('protocol.approve')
  approveProtocolAsApprover(@CurrentViewer() viewer: Viewer, @Args('input') input: ProtocolTransitionInput) {
    return this.approvalService.approveAsApprover(viewer, input);
  }

  @ResolveField(() => [ProtocolFeedbackModel], { description: "comments and objections, oldest first; the meeting's groups only (others [])" })
  feedback(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    return protocol.access === 'network' ? [] : this.review.forProtocol(ctx.loaders, protocol.id);
  }

  @ResolveField(() => Int, { description: 'objections neither withdrawn nor decided: each blocks approval' })
  async openObjectionCount(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    if (protocol.access === 'network') return 0;
    return (await this.review.forProtocol(ctx.loaders, protocol.id)).filter((f) => f.kind === 'OBJECTION' && !f.resolution).length;
  }

  @ResolveField(() => [ProtocolApprovalModel], { description: "mode NAMED_APPROVERS: who approved the current version; the meeting's groups only" })
  approvals(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    return protocol.access === 'network' ? [] : this.approvalService.approvals(ctx.loaders, protocol.id);
  }

  @ResolveField(() => Boolean, { description: 'the caller is a named approver who has not approved the current version' })
  async myApprovalPending(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    if (protocol.access === 'network' || protocol.status !== 'IN_REVIEW' || protocol.approvalMode !== 'NAMED_APPROVERS' || !ctx.req.viewer) return false;
    const meeting = await this.meetingAccess.load(ctx.loaders, protocol.meetingId);
    const ids = (await approverIdsOf(this.db.manager, [meeting!.groupId])).get(meeting!.groupId) ?? [];
    const given = await this.approvalService.approvals(ctx.loaders, protocol.id);
    return ids.includes(ctx.req.viewer.personId) && !given.some((a) => a.personId === ctx.req.viewer!.personId);
  }

  @ResolveField(() => MeetingModel, { nullable: true, description: 'NEXT_MEETING: the meeting whose agenda carries its approval' })
  async approvalMeeting(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    if (!protocol.approvalMeetingId || !ctx.req.viewer) return null;
    const access = await this.meetingAccess.require(ctx.req.viewer, protocol.approvalMeetingId, 'network', ctx.loaders).catch(() => null);
    return access ? toMeetingModel((await this.meetingAccess.load(ctx.loaders, protocol.approvalMeetingId))!, access.access) : null;
  }
}

@Resolver(() => ProtocolFeedbackModel)
export class ProtocolFeedbackResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => PersonModel, { nullable: true })
  author(feedback: ProtocolFeedbackModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, feedback.authorId);
  }

  @ResolveField(() => PersonModel, { nullable: true })
  answeredBy(feedback: ProtocolFeedbackModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, feedback.answeredById);
  }

  @ResolveField(() => PersonModel, { nullable: true })
  resolvedBy(feedback: ProtocolFeedbackModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, feedback.resolvedById);
  }
}

@Resolver(() => ProtocolApprovalModel)
export class ProtocolApprovalResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => PersonModel, { nullable: true })
  person(approval: ProtocolApprovalModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, approval.personId);
  }
}
