import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GqlContext } from '../../common/request-loaders.js';
import { PeopleService } from '../../people/people.service.js';
import { PersonModel } from '../../people/person.model.js';
import type { GroupEntity } from '../group.entity.js';
import { GroupModel } from '../group.model.js';
import { GroupsService } from '../groups.service.js';
import { SetProtocolApprovalRuleInput } from './approval-rule.inputs.js';
import { GroupApprovalService } from './group-approval.service.js';

/** How a group's protocols are approved (issue 21): the rule, and the people named to approve. */
@Resolver(() => GroupModel)
export class GroupApprovalResolver {
  constructor(
    private readonly approval: GroupApprovalService,
    private readonly groups: GroupsService,
    private readonly people: PeopleService,
  ) {}

  @Mutation(() => GroupModel, { description: 'group managers; protocols already in review keep the rule they started with' })
  @RequirePermission('group.manage')
  setProtocolApprovalRule(@CurrentViewer() viewer: Viewer, @Args('input') input: SetProtocolApprovalRuleInput) {
    return this.approval.setRule(viewer, input);
  }

  @ResolveField(() => [PersonModel], { description: "mode NAMED_APPROVERS: who must each approve; the group's members and managers only, others []" })
  async protocolApprovers(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    const readable = this.groups.readableNow(ctx.req.viewer!, [group]) ?? (await this.groups.readable(ctx.req.viewer!, [group]));
    if (!readable.length) return [];
    const rows = await this.approval.approverIds(ctx.loaders, group.id);
    return (await Promise.all(rows.map((r) => this.people.load(ctx.loaders, r.personId)))).filter((p) => p !== null);
  }
}
