import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { DatePollsService } from './date-polls.service.js';
import { DatePollsResolver, GroupSeriesResolver, MeetingSeriesFieldResolver, SeriesResolver } from './scheduling.resolver.js';
import { SeriesService } from './series.service.js';
import { DatePollOptionResolver, GroupPollsResolver } from './group-polls.resolver.js';

@Module({
  imports: [GroupsModule, MeetingsModule],
  providers: [SeriesService, DatePollsService, SeriesResolver, GroupSeriesResolver, MeetingSeriesFieldResolver, DatePollsResolver, GroupPollsResolver, DatePollOptionResolver],
})
export class SchedulingModule {}
