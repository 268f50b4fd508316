import { Args, Context, ID, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { GroupModel } from '../groups/group.model.js';
import { GroupsService } from '../groups/groups.service.js';
import { FieldsOfActionService } from '../knowledge/fields-of-action.service.js';
import { FieldOfActionModel, ProjectProfileModel } from '../knowledge/knowledge.models.js';
import { ProfilesService } from '../knowledge/profiles.service.js';
import { todayInBerlin } from '../common/scalars.js';
import { NetworkModel } from '../networks/network.model.js';
import { NetworksService } from '../networks/networks.service.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { IdeasService } from './ideas.service.js';
import { WorkshopStatus } from './workshop.enums.js';
import { DigitalStrategyModel, FieldSelectionModel, IdeaStepModel, WorkshopIdeaModel, WorkshopModel, WorkshopParticipantModel } from './workshop.models.js';
import { WorkshopsService } from './workshops.service.js';

/** The fields of a Workshop: everyone who sees the workshop (its facilitators, participants and municipalities) sees all of them. */
@Resolver(() => WorkshopModel)
export class WorkshopFieldsResolver {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly ideaService: IdeasService,
    private readonly organizations: OrganizationsService,
    private readonly networks: NetworksService,
  ) {}

  @ResolveField(() => WorkshopStatus, { description: 'from the date (Europe/Berlin): PLANNED before, RUNNING on, COMPLETED after it' })
  status(workshop: WorkshopModel) {
    const today = todayInBerlin();
    return workshop.date > today ? WorkshopStatus.PLANNED : workshop.date === today ? WorkshopStatus.RUNNING : WorkshopStatus.COMPLETED;
  }

  @ResolveField(() => NetworkModel, { nullable: true })
  async network(workshop: WorkshopModel, _args: unknown, ctx: GqlContext) {
    if (!workshop.networkId || !ctx.req.viewer) return null;
    const network = await this.networks.load(ctx.loaders, workshop.networkId);
    return network ? this.networks.view(ctx.req.viewer, network) : null;
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  facilitator(workshop: WorkshopModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, workshop.facilitatorId);
  }

  @ResolveField(() => [OrganizationModel], { description: '1 to 3' })
  municipalities(workshop: WorkshopModel, _args: unknown, ctx: GqlContext) {
    return this.workshops.municipalities(ctx.loaders, workshop.id);
  }

  @ResolveField(() => [WorkshopParticipantModel], { description: 'at most 30' })
  participants(workshop: WorkshopModel, _args: unknown, ctx: GqlContext) {
    return this.workshops.participants(ctx.loaders, workshop.id);
  }

  @ResolveField(() => [FieldOfActionModel], { description: 'those presented at the info stations' })
  fieldsOfAction(workshop: WorkshopModel, _args: unknown, ctx: GqlContext) {
    return this.workshops.fieldsOf(ctx.loaders, workshop.id);
  }

  @ResolveField(() => [FieldSelectionModel])
  selections(workshop: WorkshopModel, _args: unknown, ctx: GqlContext) {
    return this.workshops.selections(ctx.loaders, workshop.id);
  }

  @ResolveField(() => [WorkshopIdeaModel], { description: 'by votes, then creation' })
  ideas(workshop: WorkshopModel, _args: unknown, ctx: GqlContext) {
    return this.ideaService.ideas(ctx.loaders, workshop.id);
  }

  @ResolveField(() => DigitalStrategyModel, { description: "the municipality's first digital strategy (German markdown)" })
  async strategy(@Parent() workshop: WorkshopModel, @Context() ctx: GqlContext, @Args('organizationId', { type: () => ID }) organizationId: string) {
    const markdown = await this.ideaService.strategy(ctx.loaders, workshop as never, organizationId);
    return { organizationId, markdown };
  }
}

@Resolver(() => WorkshopIdeaModel)
export class WorkshopIdeaFieldsResolver {
  constructor(
    private readonly ideas: IdeasService,
    private readonly organizations: OrganizationsService,
    private readonly fields: FieldsOfActionService,
    private readonly groups: GroupsService,
    private readonly profiles: ProfilesService,
  ) {}

  @ResolveField(() => OrganizationModel)
  organization(idea: WorkshopIdeaModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, idea.organizationId);
  }

  @ResolveField(() => FieldOfActionModel)
  fieldOfAction(idea: WorkshopIdeaModel, _args: unknown, ctx: GqlContext) {
    return this.fields.load(ctx.loaders, idea.fieldOfActionId);
  }

  @ResolveField(() => Int)
  votes(idea: WorkshopIdeaModel, _args: unknown, ctx: GqlContext) {
    return this.ideas.votes(ctx.loaders, idea.id);
  }

  @ResolveField(() => Boolean)
  myVote(idea: WorkshopIdeaModel, _args: unknown, ctx: GqlContext) {
    return ctx.req.viewer ? this.ideas.myVote(ctx.loaders, ctx.req.viewer, idea.id) : false;
  }

  @ResolveField(() => [IdeaStepModel])
  steps(idea: WorkshopIdeaModel, _args: unknown, ctx: GqlContext) {
    return this.ideas.steps(ctx.loaders, idea.id);
  }

  @ResolveField(() => GroupModel, { nullable: true, description: 'set once promoted; null for callers who may not see the group' })
  async projectGroup(idea: WorkshopIdeaModel, _args: unknown, ctx: GqlContext) {
    const group = await this.groups.load(ctx.loaders, idea.projectGroupId);
    return group && ctx.req.viewer && (await this.groups.view(ctx.req.viewer, group)) ? group : null;
  }

  @ResolveField(() => ProjectProfileModel, { nullable: true, description: 'set once promoted; null for callers who may not see the profile' })
  projectProfile(idea: WorkshopIdeaModel, _args: unknown, ctx: GqlContext) {
    return idea.projectProfileId ? this.profiles.loadVisible(ctx.loaders, ctx.req.viewer, idea.projectProfileId) : null;
  }
}

@Resolver(() => WorkshopParticipantModel)
export class WorkshopParticipantFieldsResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => PersonModel)
  person(p: WorkshopParticipantModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, p.personId);
  }

  @ResolveField(() => OrganizationModel)
  organization(p: WorkshopParticipantModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, p.organizationId);
  }
}

@Resolver(() => FieldSelectionModel)
export class FieldSelectionFieldsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly fields: FieldsOfActionService,
  ) {}

  @ResolveField(() => OrganizationModel)
  organization(s: FieldSelectionModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, s.organizationId);
  }

  @ResolveField(() => FieldOfActionModel)
  fieldOfAction(s: FieldSelectionModel, _args: unknown, ctx: GqlContext) {
    return this.fields.load(ctx.loaders, s.fieldOfActionId);
  }
}

@Resolver(() => DigitalStrategyModel)
export class DigitalStrategyFieldsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => OrganizationModel)
  organization(s: DigitalStrategyModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, s.organizationId);
  }
}
