import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { ProjectProfileModel } from '../knowledge/knowledge.models.js';
import { ProfilesService } from '../knowledge/profiles.service.js';
import { personForViewer, UNNAMED } from '../knowledge/visibility.js';
import { MeetingStatus } from '../meetings/meeting.enums.js';
import { NetworkModel } from '../networks/network.model.js';
import { NetworksService } from '../networks/networks.service.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { VideoRoomService } from '../video/video-rooms.service.js';
import { EventSeriesService } from './event-series.service.js';
import { RegistrationsService } from './registrations.service.js';
import { RegistrationStatus } from './webinar.enums.js';
import { EventSeriesModel, SpeakerModel, WebinarModel, WebinarRegistrationModel } from './webinar.models.js';
import { webinarStatus, WebinarsService } from './webinars.service.js';

@Resolver(() => WebinarModel)
export class WebinarFieldsResolver {
  constructor(
    private readonly seriesService: EventSeriesService,
    private readonly webinars: WebinarsService,
    private readonly registrations: RegistrationsService,
    private readonly profiles: ProfilesService,
    private readonly video: VideoRoomService,
  ) {}

  @ResolveField(() => EventSeriesModel, { nullable: true })
  series(webinar: WebinarModel, _args: unknown, ctx: GqlContext) {
    return this.seriesService.load(ctx.loaders, webinar.seriesId);
  }

  @ResolveField(() => MeetingStatus)
  status(webinar: WebinarModel) {
    return webinarStatus(webinar);
  }

  @ResolveField(() => [SpeakerModel])
  speakers(webinar: WebinarModel, _args: unknown, ctx: GqlContext) {
    return this.webinars.speakers(ctx.loaders, webinar.id);
  }

  @ResolveField(() => [ProjectProfileModel], { description: 'the profiles presented (those the caller may see)' })
  async projectProfiles(webinar: WebinarModel, _args: unknown, ctx: GqlContext) {
    const links = await this.webinars.profileIds(ctx.loaders, webinar.id);
    // Through the request's loader: one statement for the profiles of all webinars in the answer.
    const profiles = await Promise.all(links.map((l) => this.profiles.loadVisible(ctx.loaders, ctx.req.viewer, l.profileId)));
    return profiles.filter((p) => p !== null);
  }

  @ResolveField(() => Int)
  async confirmedCount(webinar: WebinarModel, _args: unknown, ctx: GqlContext) {
    return (await this.registrations.counts(ctx.loaders, webinar.id)).confirmed;
  }

  @ResolveField(() => Int)
  async waitlistCount(webinar: WebinarModel, _args: unknown, ctx: GqlContext) {
    return (await this.registrations.counts(ctx.loaders, webinar.id)).waitlisted;
  }

  @ResolveField(() => WebinarRegistrationModel, { nullable: true })
  myRegistration(webinar: WebinarModel, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer ? this.registrations.mine(ctx.loaders, ctx.req.viewer, webinar.id) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'only for CONFIRMED participants, speakers and organizers ("access after registration"): the link set by hand, else the personal video room link; null otherwise',
  })
  async joinUrl(webinar: WebinarModel, _args: unknown, ctx: GqlContext) {
    const viewer = ctx.req.viewer;
    if (!viewer || webinar.cancelled) return null;
    const series = await this.seriesService.load(ctx.loaders, webinar.seriesId);
    const organizer = !!series && (await this.seriesService.isOrganizer(viewer, series));
    const allowed =
      organizer ||
      (await this.webinars.speakers(ctx.loaders, webinar.id)).some((s) => s.personId === viewer.personId) ||
      (await this.registrations.mine(ctx.loaders, viewer, webinar.id))?.status === RegistrationStatus.CONFIRMED;
    if (!allowed) return null;
    if (webinar.onlineUrl) return webinar.onlineUrl;
    return this.video.joinUrl({ kind: 'webinar', id: webinar.id, person: viewer.person, moderator: organizer, startsAt: webinar.startsAt, endsAt: webinar.endsAt });
  }
}

@Resolver(() => EventSeriesModel)
export class EventSeriesFieldsResolver {
  constructor(
    private readonly webinarService: WebinarsService,
    private readonly organizations: OrganizationsService,
    private readonly networks: NetworksService,
  ) {}

  @ResolveField(() => OrganizationModel)
  organizer(series: EventSeriesModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, series.organizerId);
  }

  @ResolveField(() => NetworkModel, { nullable: true, description: 'null for callers who may not see the network' })
  async network(series: EventSeriesModel, _args: unknown, ctx: GqlContext) {
    const viewer = ctx.req.viewer;
    if (!viewer || !series.networkId) return null;
    const network = await this.networks.load(ctx.loaders, series.networkId);
    return network ? this.networks.view(viewer, network) : null;
  }

  @ResolveField(() => [WebinarModel], { description: 'by startsAt' })
  webinars(series: EventSeriesModel, _args: unknown, ctx: GqlContext) {
    return this.webinarService.ofSeries(ctx.loaders, series.id);
  }
}

@Resolver(() => SpeakerModel)
export class SpeakerFieldsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly people: PeopleService,
  ) {}

  @ResolveField(() => String, {
    description: "as announced; without sign-in, a speaker who is a person of the hub is named only with their consent (publicProfile), else 'Nicht öffentlich genannt'",
  })
  async name(speaker: SpeakerModel, _args: unknown, ctx: GqlContext) {
    // The typed name of a linked person is that person's name (issue 19): the same consent rule as
    // `person` below. A speaker typed without a link is a guest the organizers announce themselves.
    if (ctx.req.viewer || !speaker.personId) return speaker.name;
    const person = await this.people.load(ctx.loaders, speaker.personId);
    return !person || person.publicProfile ? speaker.name : UNNAMED;
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(speaker: SpeakerModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, speaker.organizationId);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: "without sign-in only with the person's consent (publicProfile)" })
  async person(speaker: SpeakerModel, _args: unknown, ctx: GqlContext) {
    return personForViewer(ctx.req.viewer, await this.people.load(ctx.loaders, speaker.personId));
  }
}

@Resolver(() => WebinarRegistrationModel)
export class WebinarRegistrationFieldsResolver {
  constructor(
    private readonly webinars: WebinarsService,
    private readonly organizations: OrganizationsService,
    private readonly people: PeopleService,
  ) {}

  @ResolveField(() => WebinarModel)
  webinar(registration: WebinarRegistrationModel, _args: unknown, ctx: GqlContext) {
    return this.webinars.load(ctx.loaders, registration.webinarId);
  }

  @ResolveField(() => PersonModel)
  person(registration: WebinarRegistrationModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, registration.personId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(registration: WebinarRegistrationModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, registration.organizationId);
  }
}
