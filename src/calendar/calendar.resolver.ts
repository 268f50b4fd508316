import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { CalendarService } from './calendar.service.js';

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Query(() => String, { description: "the caller's personal ICS feed URL (secret token inside)" })
  @RequirePermission('calendar.self')
  calendarFeedUrl(@CurrentViewer() viewer: Viewer) {
    return this.calendar.feedUrl(viewer);
  }

  @Mutation(() => String, { description: 'returns the new feed URL; the old one stops working' })
  @RequirePermission('calendar.self')
  async rotateCalendarFeedToken(@CurrentViewer() viewer: Viewer) {
    return this.calendar.url(await this.calendar.rotate(viewer));
  }
}
