import { Module } from '@nestjs/common';
import { VideoModule } from '../video/video.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarResolver } from './calendar.resolver.js';
import { CalendarService } from './calendar.service.js';
import { GroupCalendarResolver } from './group-calendar.resolver.js';

@Module({ imports: [VideoModule], controllers: [CalendarController], providers: [CalendarService, CalendarResolver, GroupCalendarResolver] })
export class CalendarModule {}
