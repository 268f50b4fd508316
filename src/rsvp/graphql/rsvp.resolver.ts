import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GqlContext } from '../../common/request-loaders.js';
import { MeetingModel } from '../../meetings/meeting.model.js';
import { OrganizationModel } from '../../organizations/organization.model.js';
import { OrganizationsService } from '../../organizations/organizations.service.js';
import { PeopleService } from '../../people/people.service.js';
import { PersonModel } from '../../people/person.model.js';
import { AnswerMeetingInput, AnswerSeriesInput } from './rsvp.inputs.js';
import { ExpectedAttendanceModel, MeetingAnswerModel, MeetingInviteeModel, SeriesAnswerModel } from './rsvp.models.js';
import { RsvpService } from '../rsvp.service.js';

@Resolver(() => MeetingModel)
export class MeetingRsvpResolver {
  constructor(
    private readonly rsvp: RsvpService,
    private readonly people: PeopleService,
  ) {}

  @Mutation(() => MeetingModel, { description: 'Zusage, Absage, Vielleicht or Vertretung; only invited people, until the meeting ends (extension)' })
  @RequirePermission('meeting.read')
  answerMeeting(@CurrentViewer() viewer: Viewer, @Args('input') input: AnswerMeetingInput) {
    return this.rsvp.answerMeeting(viewer, input);
  }

  @Mutation(() => SeriesAnswerModel, { description: 'one answer for every coming occurrence of a series not answered on its own (extension)' })
  @RequirePermission('meeting.read')
  answerSeries(@CurrentViewer() viewer: Viewer, @Args('input') input: AnswerSeriesInput) {
    return this.rsvp.answerSeries(viewer, input);
  }

  @ResolveField(() => MeetingAnswerModel, { nullable: true, description: "the caller's answer that holds for this meeting (extension)" })
  myAnswer(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer ? this.rsvp.myAnswer(ctx.req.viewer, ctx.loaders, meeting) : null;
  }

  @ResolveField(() => Boolean, { description: 'the caller is invited and the meeting is still to come (extension)' })
  mayAnswer(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer ? this.rsvp.mayAnswer(ctx.req.viewer, ctx.loaders, meeting) : false;
  }

  @ResolveField(() => [PersonModel], { description: 'who may go instead of the caller (same organization) (extension)' })
  async deputyCandidates(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    if (!ctx.req.viewer) return [];
    const ids = await this.rsvp.deputyCandidates(ctx.req.viewer, ctx.loaders, meeting);
    return (await Promise.all(ids.map((id) => this.people.load(ctx.loaders, id)))).filter(Boolean);
  }

  @ResolveField(() => [ExpectedAttendanceModel], { description: "per organization; counts for the meeting's groups, people for its moderation (extension)" })
  expectedAttendance(meeting: MeetingModel) {
    return this.rsvp.expectedAttendance(meeting);
  }

  @ResolveField(() => [MeetingAnswerModel], { description: "every answer given; only for the meeting's moderation (extension)" })
  answers(meeting: MeetingModel) {
    return this.rsvp.answers(meeting);
  }
}

@Resolver(() => MeetingAnswerModel)
export class MeetingAnswerResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => PersonModel)
  person(a: MeetingAnswerModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, a.personId);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'DEPUTY: who goes instead (an account)' })
  deputy(a: MeetingAnswerModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, a.deputyPersonId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'the organization the person answers for' })
  organization(a: MeetingAnswerModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, a.organizationId);
  }
}

@Resolver(() => ExpectedAttendanceModel)
export class ExpectedAttendanceResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'null: people acting for no organization' })
  organization(e: ExpectedAttendanceModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, e.organizationId);
  }
}

@Resolver(() => MeetingInviteeModel)
export class MeetingInviteeResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => PersonModel)
  person(i: MeetingInviteeModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, i.personId);
  }
}
