import { ActionItemEntity } from '../action-items/action-item.entity.js';
import { AgendaItemEntity } from '../meetings/agenda-item.entity.js';
import { AttendanceEntity } from '../meetings/attendance.entity.js';
import { MeetingChangeEntity } from '../meetings/meeting-change.entity.js';
import { MeetingGroupEntity } from '../meetings/meeting-group.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { OutboxEventEntity } from '../outbox/outbox-event.entity.js';
import { DecisionEntity } from '../protocols/decision.entity.js';
import { ProtocolEntryEntity } from '../protocols/protocol-entry.entity.js';
import { ProtocolRevisionEntity } from '../protocols/protocol-revision.entity.js';
import { ProtocolEntity } from '../protocols/protocol.entity.js';
import { DatePollEntity, DatePollOptionEntity, DatePollVoteEntity } from '../scheduling/date-poll.entity.js';
import { MeetingSeriesEntity, MeetingSeriesSkipEntity } from '../scheduling/meeting-series.entity.js';
import { MatrixTransactionEntity } from '../matrix/matrix-transaction.entity.js';
import { MeetingReminderEntity } from '../meetings/meeting-reminder.entity.js';
import { GroupMemberEntity } from '../groups/group-member.entity.js';
import { GroupEntity } from '../groups/group.entity.js';
import { JoinRequestEntity } from '../networks/join-request.entity.js';
import { NetworkMembershipEntity } from '../networks/network-membership.entity.js';
import { NetworkRoleEntity } from '../networks/network-role.entity.js';
import { NetworkEntity } from '../networks/network.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PersonEntity } from '../people/person.entity.js';

/** Every entity, listed explicitly (globs break between jest/ESM and the build). */
export const ENTITIES = [
  OrganizationEntity,
  PersonEntity,
  NetworkEntity,
  NetworkMembershipEntity,
  NetworkRoleEntity,
  JoinRequestEntity,
  GroupEntity,
  GroupMemberEntity,
  MeetingEntity,
  MeetingGroupEntity,
  MeetingChangeEntity,
  AgendaItemEntity,
  AttendanceEntity,
  ActionItemEntity,
  ProtocolEntity,
  ProtocolEntryEntity,
  DecisionEntity,
  ProtocolRevisionEntity,
  OutboxEventEntity,
  MeetingSeriesEntity,
  MeetingSeriesSkipEntity,
  DatePollEntity,
  DatePollOptionEntity,
  DatePollVoteEntity,
  MatrixTransactionEntity,
  MeetingReminderEntity,
];
