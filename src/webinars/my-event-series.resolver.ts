import { Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { EventSeriesEntity } from './entities/event-series.entity.js';
import { EventSeriesService } from './event-series.service.js';
import { EventSeriesModel } from './webinar.models.js';

/**
 * Query.myEventSeries and EventSeries.viewerCanManage: what the web client needs to let organizers
 * find the series they run and schedule or cancel their webinars (extensions; the contract only has
 * eventSeries(id)). Organizers are the rules of EventSeriesService.isOrganizer.
 */
@Resolver(() => EventSeriesModel)
export class MyEventSeriesResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly series: EventSeriesService,
  ) {}

  @Query(() => [EventSeriesModel], {
    description: 'the event series the caller organizes (created, or ADMIN/MODERATOR of its network; hub admins: all), by title (extension)',
  })
  @RequirePermission('signed-in')
  myEventSeries(@CurrentViewer() viewer: Viewer): Promise<EventSeriesEntity[]> {
    return this.db
      .getRepository(EventSeriesEntity)
      .createQueryBuilder('s')
      .where(':hubAdmin OR s.created_by_id = :person', { hubAdmin: viewer.hubAdmin, person: viewer.personId })
      .orWhere(`s.network_id IN (SELECT network_id FROM network_role WHERE person_id = :person AND role IN ('ADMIN', 'MODERATOR'))`)
      .orderBy('s.title')
      .limit(200)
      .getMany();
  }

  @ResolveField(() => Boolean, { description: 'whether the caller may schedule and cancel webinars of this series (extension)' })
  viewerCanManage(series: EventSeriesEntity, _args: unknown, ctx: GqlContext): Promise<boolean> {
    return this.series.isOrganizer(ctx.req.viewer, series);
  }
}
