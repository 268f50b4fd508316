import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput } from '../common/domain-error.js';
import type { GqlContext } from '../common/request-loaders.js';
import { de } from '../common/validators.js';
import { NetworkModel } from '../networks/network.model.js';
import { NetworksService } from '../networks/networks.service.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { clientKey } from '../rate-limits/http-limits.js';
import { rateLimited, RateLimitService } from '../rate-limits/rate-limits.service.js';
import { FieldsOfActionService } from './fields-of-action.service.js';
import { ProjectStatus } from './knowledge.enums.js';
import { FieldOfActionModel, ProjectProfileHitModel, ProjectProfileModel, ProjectProfileSearchModel } from './knowledge.models.js';
import { ConnectionType, decodeCursor, page, pageSize } from '../common/pagination.js';
import { CreateProjectProfileInput, UpdateProjectProfileInput } from './profile.inputs.js';
import { ProfilesService } from './profiles.service.js';
import { MAX_SEARCH_OFFSET, ProfileSearchService } from './search/profile-search.service.js';
import { personForViewer } from './visibility.js';

const ProjectProfileHitConnection = ConnectionType(ProjectProfileHitModel, 'ProjectProfileHit');

@Resolver(() => ProjectProfileModel)
export class ProfilesResolver {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly searchService: ProfileSearchService,
    private readonly fields: FieldsOfActionService,
    private readonly networks: NetworksService,
    private readonly people: PeopleService,
    private readonly limits: RateLimitService,
  ) {}

  @Query(() => [FieldOfActionModel], { name: 'fieldsOfAction' })
  @Public()
  allFieldsOfAction() {
    return this.fields.list();
  }

  @Query(() => ProjectProfileModel, { nullable: true, description: 'PUBLIC profiles also without sign-in' })
  @Public()
  projectProfile(@CurrentViewer() viewer: Viewer | undefined, @Args('id', { type: () => ID }) id: string) {
    return this.profiles.byId(viewer, id);
  }

  @Query(() => ProjectProfileSearchModel, {
    description: 'German full-text search (stemming, umlaut folding, parts of compounds); filters combine with AND; only what the caller may see is ranked and counted',
  })
  @Public()
  async searchProjectProfiles(
    @CurrentViewer() viewer: Viewer | undefined,
    @Context() ctx: GqlContext,
    @Args('query', { type: () => String, nullable: true }) query?: string | null,
    @Args('fieldOfActionKeys', { type: () => [String], nullable: true }) fieldOfActionKeys?: string[] | null,
    @Args('federalState', { type: () => String, nullable: true }) federalState?: string | null,
    @Args('status', { type: () => ProjectStatus, nullable: true }) status?: ProjectStatus | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset?: number | null,
  ) {
    await this.limitSearch(viewer, ctx);
    return this.searchService.search(viewer, { query, fieldOfActionKeys, federalState, status, limit, offset });
  }

  @Query(() => ProjectProfileHitConnection, {
    description: 'extension: searchProjectProfiles as a cursor connection, by rank (first: default 20, at most 100)',
  })
  @Public()
  async searchProjectProfilesConnection(
    @CurrentViewer() viewer: Viewer | undefined,
    @Context() ctx: GqlContext,
    @Args('query', { type: () => String, nullable: true }) query?: string | null,
    @Args('fieldOfActionKeys', { type: () => [String], nullable: true }) fieldOfActionKeys?: string[] | null,
    @Args('federalState', { type: () => String, nullable: true }) federalState?: string | null,
    @Args('status', { type: () => ProjectStatus, nullable: true }) status?: ProjectStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const limit = pageSize(first, 20);
    const offset = decodeCursor(after) + 1;
    if (offset > MAX_SEARCH_OFFSET) {
      throw badInput('after', `reicht zu weit: Die Suche blättert höchstens ${de(MAX_SEARCH_OFFSET)} Treffer weit; bitte die Suche eingrenzen`);
    }
    await this.limitSearch(viewer, ctx);
    const { total, hits } = await this.searchService.search(viewer, { query, fieldOfActionKeys, federalState, status, limit, offset });
    return page(hits, offset, total);
  }

  /** Searches rank every match: limited per person (without sign-in, per client address). */
  private async limitSearch(viewer: Viewer | undefined, ctx: GqlContext): Promise<void> {
    const hit = await this.limits.take('search', viewer ? viewer.personId : `client:${clientKey(ctx.req)}`);
    if (hit) throw rateLimited(hit);
  }

  @Mutation(() => ProjectProfileModel, { description: 'a role holder, for an organization they act for; PUBLIC needs a network ADMIN/MODERATOR or hub admin' })
  @RequirePermission('profile.create')
  createProjectProfile(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateProjectProfileInput) {
    return this.profiles.create(viewer, input);
  }

  @Mutation(() => ProjectProfileModel, { description: 'stale expectedVersion: CONFLICT with extensions.currentVersion' })
  @RequirePermission('profile.manage')
  updateProjectProfile(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateProjectProfileInput) {
    return this.profiles.update(viewer, input);
  }

  @Mutation(() => Boolean)
  @RequirePermission('profile.delete')
  deleteProjectProfile(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.profiles.delete(viewer, id);
  }

  @ResolveField(() => [OrganizationModel], { description: 'at least one' })
  organizations(profile: ProjectProfileModel, _args: unknown, ctx: GqlContext) {
    return this.profiles.organizations(ctx.loaders, profile.id);
  }

  @ResolveField(() => [FieldOfActionModel])
  fieldsOfAction(profile: ProjectProfileModel, _args: unknown, ctx: GqlContext) {
    return this.profiles.fieldsOf(ctx.loaders, profile.id);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'without sign-in only with the person\'s consent (publicProfile)' })
  async contact(profile: ProjectProfileModel, _args: unknown, ctx: GqlContext) {
    return personForViewer(ctx.req.viewer, await this.people.load(ctx.loaders, profile.contactId));
  }

  @ResolveField(() => PersonModel, { description: 'without sign-in named only with the person\'s consent (publicProfile)' })
  async createdBy(profile: ProjectProfileModel, _args: unknown, ctx: GqlContext) {
    return personForViewer(ctx.req.viewer, await this.people.load(ctx.loaders, profile.createdById), true);
  }

  @ResolveField(() => NetworkModel, { nullable: true, description: 'required for NETWORK visibility; null for callers who may not see the network' })
  async network(profile: ProjectProfileModel, _args: unknown, ctx: GqlContext) {
    const viewer = ctx.req.viewer;
    if (!viewer || !profile.networkId) return null;
    const network = await this.networks.load(ctx.loaders, profile.networkId);
    return network ? this.networks.view(viewer, network) : null;
  }
}
