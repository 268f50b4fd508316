import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ActionItemsResolver, AgendaItemOriginResolver, GroupActionItemsResolver } from './action-items.resolver.js';
import { ActionItemsService } from './action-items.service.js';

@Module({
  imports: [GroupsModule, MeetingsModule],
  providers: [ActionItemsService, ActionItemsResolver, AgendaItemOriginResolver, GroupActionItemsResolver],
  exports: [ActionItemsService],
})
export class ActionItemsModule {}
