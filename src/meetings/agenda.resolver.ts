import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { AgendaService } from './agenda.service.js';
import { AcceptAgendaItemInput, AddAgendaItemInput, MoveAgendaItemInput, RemoveAgendaItemInput } from './dto/meeting.inputs.js';
import { AgendaItemModel } from './meeting.model.js';

@Resolver(() => AgendaItemModel)
export class AgendaResolver {
  constructor(
    private readonly agenda: AgendaService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Mutation(() => AgendaItemModel, { description: 'moderators: ACCEPTED; members: PROPOSED' })
  @RequirePermission('agenda.propose')
  addAgendaItem(@CurrentViewer() viewer: Viewer, @Args('input') input: AddAgendaItemInput) {
    return this.agenda.add(viewer, input);
  }

  @Mutation(() => AgendaItemModel)
  @RequirePermission('meeting.manage')
  acceptAgendaItem(@CurrentViewer() viewer: Viewer, @Args('input') input: AcceptAgendaItemInput) {
    return this.agenda.accept(viewer, input);
  }

  @Mutation(() => [AgendaItemModel], { description: 'returns the whole agenda, renumbered 1..n' })
  @RequirePermission('meeting.manage')
  moveAgendaItem(@CurrentViewer() viewer: Viewer, @Args('input') input: MoveAgendaItemInput) {
    return this.agenda.move(viewer, input);
  }

  @Mutation(() => [AgendaItemModel], { description: 'removes an item or turns down a proposal; returns the agenda, renumbered 1..n' })
  @RequirePermission('meeting.manage')
  removeAgendaItem(@CurrentViewer() viewer: Viewer, @Args('input') input: RemoveAgendaItemInput) {
    return this.agenda.remove(viewer, input);
  }

  @ResolveField(() => PersonModel, { nullable: true })
  presenter(item: AgendaItemModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, item.presenterId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  presenterOrganization(item: AgendaItemModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, item.presenterOrganizationId);
  }

  @ResolveField(() => PersonModel, { nullable: true })
  proposedBy(item: AgendaItemModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, item.proposedById);
  }
}
