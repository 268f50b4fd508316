import { ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { manyByKey, oneByKey, type GqlContext } from '../common/request-loaders.js';
import type { GroupEntity } from '../groups/group.entity.js';
import { GroupModel } from '../groups/group.model.js';
import { GroupsService } from '../groups/groups.service.js';
import { DatePollEntity } from './date-poll.entity.js';
import { PollAnswer } from './scheduling.enums.js';
import { DatePollModel, DatePollOptionModel } from './scheduling.model.js';

/** Group.datePolls and DatePollOption.myAnswer: what a group page needs to list and answer polls (extensions). */
@Resolver(() => GroupModel)
export class GroupPollsResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly groups: GroupsService,
  ) {}

  @ResolveField(() => [DatePollModel], { description: 'the group\'s date polls, open ones first, newest first; for those who may read the group (extension)' })
  async datePolls(group: GroupEntity, _args: unknown, ctx: GqlContext) {
    if (!(await this.groups.readable(ctx.req.viewer!, [group])).length) return [];
    return ctx.loaders
      .get('group.datePolls', () =>
        manyByKey(
          (ids) => this.db.getRepository(DatePollEntity).find({ where: { groupId: In(ids) }, order: { closed: 'ASC', createdAt: 'DESC' } }),
          (p) => p.groupId,
        ),
      )
      .load(group.id);
  }
}

@Resolver(() => DatePollOptionModel)
export class DatePollOptionResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @ResolveField(() => PollAnswer, { nullable: true, description: "the caller's own answer to this option, or null (extension)" })
  myAnswer(option: DatePollOptionModel, _args: unknown, ctx: GqlContext) {
    const viewer = ctx.req.viewer;
    if (!viewer) return null;
    return ctx.loaders
      .get('poll.myAnswer', () =>
        oneByKey(
          (ids) =>
            this.db.query<{ option_id: string; answer: PollAnswer }[]>(
              'SELECT option_id, answer FROM date_poll_vote WHERE person_id = $1 AND option_id = ANY($2)',
              [viewer.personId, ids],
            ),
          (v) => v.option_id,
        ),
      )
      .load(option.id)
      .then((v) => v?.answer ?? null);
  }
}
