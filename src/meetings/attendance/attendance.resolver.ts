import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GqlContext } from '../../common/request-loaders.js';
import { OrganizationModel } from '../../organizations/organization.model.js';
import { OrganizationsService } from '../../organizations/organizations.service.js';
import { PeopleService } from '../../people/people.service.js';
import { PersonModel } from '../../people/person.model.js';
import { MeetingModel } from '../meeting.model.js';
import {
  AddExternalAttendeeInput,
  RecordAttendanceInput,
  RemoveAttendanceInput,
  RemoveExternalAttendeeInput,
  UpdateExternalAttendeeInput,
} from './attendance.inputs.js';
import { AttendanceModel, AttendanceSuggestionModel, ExternalAttendeeModel } from './attendance.model.js';
import { AttendanceService } from './attendance.service.js';

@Resolver(() => AttendanceModel)
export class AttendanceResolver {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Mutation(() => AttendanceModel, { description: 'members, guests, speakers and deputies with an account in the network' })
  @RequirePermission('meeting.manage')
  recordAttendance(@CurrentViewer() viewer: Viewer, @Args('input') input: RecordAttendanceInput) {
    return this.attendance.record(viewer, input);
  }

  @Mutation(() => [AttendanceModel], { description: "takes a person off the list; returns the meeting's attendance" })
  @RequirePermission('meeting.manage')
  removeAttendance(@CurrentViewer() viewer: Viewer, @Args('input') input: RemoveAttendanceInput) {
    return this.attendance.remove(viewer, input);
  }

  @Mutation(() => ExternalAttendeeModel, { description: 'someone without an account, by name and organization' })
  @RequirePermission('meeting.manage')
  addExternalAttendee(@CurrentViewer() viewer: Viewer, @Args('input') input: AddExternalAttendeeInput) {
    return this.attendance.addExternal(viewer, input);
  }

  @Mutation(() => ExternalAttendeeModel)
  @RequirePermission('meeting.manage')
  updateExternalAttendee(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateExternalAttendeeInput) {
    return this.attendance.updateExternal(viewer, input);
  }

  @Mutation(() => [ExternalAttendeeModel], { description: "deletes the entry for good; returns the meeting's external attendees" })
  @RequirePermission('meeting.manage')
  removeExternalAttendee(@CurrentViewer() viewer: Viewer, @Args('input') input: RemoveExternalAttendeeInput) {
    return this.attendance.removeExternal(viewer, input);
  }

  @ResolveField(() => PersonModel)
  person(a: AttendanceModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, a.personId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'the organization the person attends for (a DEPUTY: in Vertretung)' })
  organization(a: AttendanceModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, a.organizationId);
  }
}

@Resolver(() => AttendanceSuggestionModel)
export class AttendanceSuggestionResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => PersonModel, { nullable: true, description: 'null for a deputy without an account (see name)' })
  person(s: AttendanceSuggestionModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, s.personId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'the city the person (or deputy) attends for' })
  organization(s: AttendanceSuggestionModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, s.organizationId);
  }
}

@Resolver(() => MeetingModel)
export class MeetingAttendanceResolver {
  constructor(private readonly attendanceService: AttendanceService) {}

  @ResolveField(() => [AttendanceModel], { description: "only for the meeting's groups" })
  attendance(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return this.attendanceService.attendance(ctx.loaders, meeting);
  }

  @ResolveField(() => [AttendanceSuggestionModel], { description: "the attendance form's starting point from the answers; only for the moderation (extension)" })
  attendanceSuggestions(meeting: MeetingModel) {
    return this.attendanceService.suggestions(meeting);
  }

  @ResolveField(() => [ExternalAttendeeModel], { description: "people without an account; only for the meeting's groups (extension)" })
  externalAttendance(meeting: MeetingModel, _args: unknown, ctx: GqlContext) {
    return this.attendanceService.externalAttendance(ctx.loaders, meeting);
  }
}
