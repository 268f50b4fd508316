import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module.js';
import { AgendaResolver, AttendanceResolver } from './agenda.resolver.js';
import { AgendaService } from './agenda.service.js';
import { GroupMeetingsResolver } from './group-meetings.resolver.js';
import { MeetingAccessService } from './meeting-access.service.js';
import { MeetingsResolver } from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  imports: [GroupsModule],
  providers: [MeetingAccessService, MeetingsService, AgendaService, MeetingsResolver, AgendaResolver, AttendanceResolver, GroupMeetingsResolver],
  exports: [MeetingAccessService, MeetingsService, AgendaService],
})
export class MeetingsModule {}
