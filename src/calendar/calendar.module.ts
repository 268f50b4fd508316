import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { VideoModule } from '../video/video.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarResolver } from './calendar.resolver.js';
import { CalendarService } from './calendar.service.js';
import { GroupCalendarResolver } from './group-calendar.resolver.js';
import { PublicHolidaysResolver } from './public-holidays.resolver.js';

@Module({ imports: [VideoModule, PeopleModule], controllers: [CalendarController], providers: [CalendarService, CalendarResolver, GroupCalendarResolver, PublicHolidaysResolver] })
export class CalendarModule {}
