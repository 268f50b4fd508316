import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { NetworkModel } from '../networks/network.model.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { AuditEntryModel } from './audit-entry.model.js';
import { AuditService } from './audit.service.js';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly people: PeopleService,
  ) {}

  @Query(() => [AuditEntryModel], { description: 'entries where the caller is actor or subject, newest first' })
  @RequirePermission('signed-in')
  myAuditLog(@CurrentViewer() viewer: Viewer, @Args('limit', { type: () => Int, nullable: true, defaultValue: 100 }) limit: number | null) {
    return this.audit.mine(viewer, limit ?? 100);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'null for the hub itself (scheduler, bridge)' })
  actor(entry: AuditEntryModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, entry.actorId);
  }
}

/** Network.auditLog lives here so that networks need not know about the audit log. */
@Resolver(() => NetworkModel)
export class NetworkAuditResolver {
  constructor(private readonly audit: AuditService) {}

  @ResolveField(() => [AuditEntryModel], {
    description: 'newest first; the network and everything in it (groups, memberships, join requests, meetings, protocols, series); network ADMINs and hub admins, others []',
  })
  auditLog(
    @Parent() network: NetworkModel,
    @Context() ctx: GqlContext,
    @Args('before', { type: () => Date, nullable: true }) before?: Date | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 100 }) limit: number | null = 100,
  ) {
    return this.audit.forNetwork(ctx.req.viewer!, network.id, before, limit ?? 100);
  }
}
