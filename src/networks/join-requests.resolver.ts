import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { DecideJoinRequestInput, RequestNetworkMembershipInput } from './dto/network.inputs.js';
import { JoinRequestsService } from './join-requests.service.js';
import { JoinRequestModel, NetworkModel } from './network.model.js';
import { NetworksService, toModel } from './networks.service.js';

@Resolver(() => JoinRequestModel)
export class JoinRequestsResolver {
  constructor(
    private readonly joinRequests: JoinRequestsService,
    private readonly networks: NetworksService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Mutation(() => JoinRequestModel, { description: 'any signed-in person; not for INVITE_ONLY; OPEN joins at once (status APPROVED)' })
  @RequirePermission('network.join')
  requestNetworkMembership(@CurrentViewer() viewer: Viewer, @Args('input') input: RequestNetworkMembershipInput) {
    return this.joinRequests.request(viewer, input);
  }

  @Mutation(() => JoinRequestModel, { description: 'network ADMIN; approval adds the organization and the requester as MEMBER' })
  @RequirePermission('network.admin')
  decideJoinRequest(@CurrentViewer() viewer: Viewer, @Args('input') input: DecideJoinRequestInput) {
    return this.joinRequests.decide(viewer, input);
  }

  @ResolveField(() => NetworkModel)
  async network(request: JoinRequestModel, _args: unknown, ctx: GqlContext) {
    const network = await this.networks.load(ctx.loaders, request.networkId);
    // The requester and the network's admins see the request, so at least the public face.
    return (await this.networks.view(ctx.req.viewer!, network!)) ?? toModel(network!, 'public');
  }

  @ResolveField(() => OrganizationModel)
  organization(request: JoinRequestModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, request.organizationId);
  }

  @ResolveField(() => PersonModel)
  requestedBy(request: JoinRequestModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, request.requestedById);
  }

  @ResolveField(() => PersonModel, { nullable: true })
  decidedBy(request: JoinRequestModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, request.decidedById);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "the requester's e-mail address, so the network's ADMINs (who alone see pending requests) can reply and check who asks; the hub stores an address only when the sign-in token says email_verified: true (extension)",
  })
  async requesterEmail(request: JoinRequestModel, _args: unknown, ctx: GqlContext): Promise<string | null> {
    return (await this.people.load(ctx.loaders, request.requestedById))?.email ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'the domain of that verified address (e.g. rastatt.de), to compare with the organization\'s website; null without a verified address (extension)',
  })
  async requesterEmailDomain(request: JoinRequestModel, _args: unknown, ctx: GqlContext): Promise<string | null> {
    const email = (await this.people.load(ctx.loaders, request.requestedById))?.email;
    return email ? emailDomain(email) : null;
  }
}

/** "Anna.Muster@Rastatt.de" → "rastatt.de". */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : null;
}
