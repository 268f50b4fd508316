import { Args, Context, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { holidaysBetween, isHolidayRegion } from '../../libs/recurrence/index.js';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput } from '../common/domain-error.js';
import { DateScalar } from '../common/scalars.js';
import type { GqlContext } from '../common/request-loaders.js';
import { PeopleService } from '../people/people.service.js';

@ObjectType({ description: 'A public holiday (gesetzlicher Feiertag) in a German federal state' })
export class PublicHolidayModel {
  @Field(() => DateScalar) date: string;
  @Field({ description: 'its German name, e.g. "Fronleichnam"' }) name: string;
  @Field(() => [String], { description: 'the ISO 3166-2 codes of the states where it holds, among those asked for' }) regions: string[];
}

/** At most this many days of holidays in one request (a calendar shows at most about six weeks). */
const MAX_DAYS = 400;

@Resolver()
export class PublicHolidaysResolver {
  constructor(private readonly people: PeopleService) {}

  @Query(() => [PublicHolidayModel], {
    description: "public holidays between two dates in the federal states of the caller's organizations (nationwide ones when none has a state)",
  })
  @RequirePermission('calendar.self')
  async publicHolidays(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Context() ctx: GqlContext,
  ): Promise<PublicHolidayModel[]> {
    if (to < from) throw badInput('to', 'darf nicht vor dem Beginn liegen');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS) throw badInput('to', `darf höchstens ${MAX_DAYS} Tage nach dem Beginn liegen`);
    const organizations = await this.people.organizationsOf(ctx.loaders, viewer.personId);
    const states = [...new Set(organizations.map((o) => o.org.federalState).filter((s): s is string => !!s && isHolidayRegion(s)))].sort();
    return holidaysBetween(from, to, states.length ? states : ['DE']);
  }
}
