import { Field, ID, Int, ObjectType, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { NetworkModel } from '../networks/network.model.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { GroupJoinPolicy, GroupLevel } from './group.enums.js';
import { GroupsService } from './groups.service.js';

/**
 * A group as the network shows it to everyone who may see the network, newcomers included (issue 22):
 * what it is and does, who leads it and how many take part — the network's public information. No
 * members, meetings, protocols or room: those stay behind Network.groups and the group page.
 */
@ObjectType('GroupSummary', { description: "a network's group for everyone who sees the network: name, level, description, lead city, member count (extension)" })
export class GroupSummaryModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => GroupLevel) level: GroupLevel;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => GroupJoinPolicy) joinPolicy: GroupJoinPolicy;
  leadOrganizationId: string | null;
}

@Resolver(() => NetworkModel)
export class NetworkGroupOverviewResolver {
  constructor(private readonly groups: GroupsService) {}

  @ResolveField(() => [GroupSummaryModel], {
    description: "the network's groups as everyone who sees the network may (its public face included): plenum first, then expert and project groups, by name (extension)",
  })
  async groupOverview(network: NetworkModel, _args: unknown, ctx: GqlContext): Promise<GroupSummaryModel[]> {
    if (!ctx.req.viewer) return [];
    const rank: Record<GroupLevel, number> = { PLENUM: 0, EXPERT_GROUP: 1, PROJECT_GROUP: 2 };
    const all = await this.groups.inNetwork(ctx.loaders, network.id);
    return all
      .map((g) => ({ id: g.id, name: g.name, level: g.level, description: g.description, joinPolicy: g.joinPolicy, leadOrganizationId: g.leadOrganizationId }))
      .sort((a, b) => rank[a.level] - rank[b.level] || a.name.localeCompare(b.name, 'de'));
  }
}

@Resolver(() => GroupSummaryModel)
export class GroupSummaryFieldsResolver {
  constructor(
    private readonly groups: GroupsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => Int, { description: 'active members' })
  memberCount(group: GroupSummaryModel, _args: unknown, ctx: GqlContext) {
    return this.groups.memberCount(ctx.loaders, group.id);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'the lead city ("federführende Stadt")' })
  leadOrganization(group: GroupSummaryModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, group.leadOrganizationId);
  }
}
