import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { badInput } from '../common/domain-error.js';
import { atMostChars } from '../common/validators.js';
import { EventSeriesService } from './event-series.service.js';
import { RegistrationsService } from './registrations.service.js';
import { CreateEventSeriesInput, RegisterForWebinarInput, ScheduleWebinarInput } from './webinar.inputs.js';
import { EventSeriesModel, WebinarModel, WebinarRegistrationModel } from './webinar.models.js';
import { WebinarsService } from './webinars.service.js';


@Resolver()
export class WebinarsResolver {
  constructor(
    private readonly series: EventSeriesService,
    private readonly webinars: WebinarsService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Query(() => EventSeriesModel, { nullable: true, description: 'PUBLIC series also without sign-in' })
  @Public()
  eventSeries(@CurrentViewer() viewer: Viewer | undefined, @Args('id', { type: () => ID }) id: string) {
    return this.series.byId(viewer, id);
  }

  @Query(() => WebinarModel, { nullable: true, description: 'as visible as its series' })
  @Public()
  async webinar(@CurrentViewer() viewer: Viewer | undefined, @Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    return (await this.webinars.byId(viewer, id, ctx.loaders))?.webinar ?? null;
  }

  @Query(() => [WebinarModel], { description: 'all the caller may see that have not ended before `from` (default now), by start' })
  @Public()
  upcomingWebinars(
    @CurrentViewer() viewer: Viewer | undefined,
    @Args('from', { type: () => Date, nullable: true }) from?: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to?: Date | null,
  ) {
    return this.webinars.upcoming(viewer, from, to);
  }

  @Mutation(() => EventSeriesModel, { description: 'network ADMIN/MODERATOR of the network (hub admin when network is null)' })
  @RequirePermission('series.create')
  createEventSeries(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateEventSeriesInput) {
    return this.series.create(viewer, input);
  }

  @Mutation(() => WebinarModel, { description: "the series' organizers" })
  @RequirePermission('webinar.manage')
  scheduleWebinar(@CurrentViewer() viewer: Viewer, @Args('input') input: ScheduleWebinarInput) {
    return this.webinars.schedule(viewer, input);
  }

  @Mutation(() => WebinarModel, { description: "the series' organizers; registrations stay, the webinar shows CANCELLED" })
  @RequirePermission('webinar.manage')
  cancelWebinar(
    @CurrentViewer() viewer: Viewer,
    @Args('webinarId', { type: () => ID }) webinarId: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ) {
    if (reason && reason.length > 2000) throw badInput('reason', atMostChars(2000));
    // eslint-disable-next-line no-control-regex
    if (reason && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(reason)) throw badInput('reason', 'darf keine Steuerzeichen enthalten');
    return this.webinars.cancel(viewer, webinarId, reason ?? null);
  }

  @Mutation(() => WebinarRegistrationModel, { description: 'anyone who sees the webinar, until it starts; full: WAITLISTED; registering again returns the same registration' })
  @RequirePermission('webinar.register')
  registerForWebinar(@CurrentViewer() viewer: Viewer, @Args('input') input: RegisterForWebinarInput) {
    return this.registrations.register(viewer, input);
  }

  @Mutation(() => WebinarRegistrationModel, { description: 'frees the seat: the first on the waitlist becomes CONFIRMED and is notified' })
  @RequirePermission('webinar.register')
  cancelWebinarRegistration(@CurrentViewer() viewer: Viewer, @Args('webinarId', { type: () => ID }) webinarId: string) {
    return this.registrations.cancel(viewer, webinarId);
  }
}
