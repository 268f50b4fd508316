import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module.js';
import { AgendaResolver } from './agenda.resolver.js';
import { AttendanceResolver, AttendanceSuggestionResolver, MeetingAttendanceResolver } from './attendance/attendance.resolver.js';
import { AttendanceService } from './attendance/attendance.service.js';
import { AgendaService } from './agenda.service.js';
import { GroupMeetingsResolver } from './group-meetings.resolver.js';
import { MeetingAccessService } from './meeting-access.service.js';
import { MeetingRemindersService } from './meeting-reminders.service.js';
import { MeetingsResolver } from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingViewerResolver } from './meeting-viewer.resolver.js';

@Module({
  imports: [GroupsModule],
  providers: [MeetingRemindersService, MeetingAccessService, MeetingsService, AgendaService, AttendanceService, MeetingsResolver, AgendaResolver, AttendanceResolver, AttendanceSuggestionResolver, MeetingAttendanceResolver, GroupMeetingsResolver, MeetingViewerResolver],
  exports: [MeetingRemindersService, MeetingAccessService, MeetingsService, AgendaService],
})
export class MeetingsModule {}
