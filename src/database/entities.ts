import { RsvpAnswerEntity, RsvpSeriesAnswerEntity } from '../rsvp/entities/rsvp-answer.entity.js';
import { RsvpInvitationEntity, RsvpInvitationOccurrenceEntity, RsvpMailReplyEntity } from '../rsvp/entities/rsvp-invitation.entity.js';
import { ActionItemEntity } from '../action-items/action-item.entity.js';
import { AgendaItemEntity } from '../meetings/entities/agenda-item.entity.js';
import { AttendanceEntity } from '../meetings/entities/attendance.entity.js';
import { ExternalAttendeeEntity } from '../meetings/entities/external-attendee.entity.js';
import { MeetingChangeEntity } from '../meetings/entities/meeting-change.entity.js';
import { MeetingGroupEntity } from '../meetings/entities/meeting-group.entity.js';
import { MeetingEntity } from '../meetings/entities/meeting.entity.js';
import { OutboxEventEntity } from '../outbox/outbox-event.entity.js';
import { DecisionEntity } from '../protocols/entities/decision.entity.js';
import { ProtocolCorrectionEntity } from '../protocols/entities/protocol-correction.entity.js';
import { ProtocolEntryEntity } from '../protocols/entities/protocol-entry.entity.js';
import { ProtocolRevisionEntity } from '../protocols/entities/protocol-revision.entity.js';
import { ProtocolEntity } from '../protocols/entities/protocol.entity.js';
import { ProtocolApprovalEntity } from '../protocols/review/protocol-approval.entity.js';
import { ProtocolFeedbackEntity } from '../protocols/review/protocol-feedback.entity.js';
import { GroupProtocolApproverEntity } from '../groups/approval/protocol-approver.entity.js';
import { DatePollEntity, DatePollOptionEntity, DatePollVoteEntity } from '../scheduling/date-poll.entity.js';
import { MeetingSeriesEntity, MeetingSeriesSkipEntity } from '../scheduling/meeting-series.entity.js';
import { MatrixTransactionEntity } from '../matrix/matrix-transaction.entity.js';
import { MeetingReminderEntity } from '../meetings/entities/meeting-reminder.entity.js';
import { GroupMemberEntity } from '../groups/group-member.entity.js';
import { GroupEntity } from '../groups/group.entity.js';
import { JoinRequestEntity } from '../networks/entities/join-request.entity.js';
import { NetworkMembershipEntity } from '../networks/entities/network-membership.entity.js';
import { NetworkRoleEntity } from '../networks/entities/network-role.entity.js';
import { NetworkEntity } from '../networks/entities/network.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { GroupJoinRequestEntity } from '../groups/joining/group-join-request.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { FieldOfActionEntity } from '../knowledge/field-of-action.entity.js';
import { ProjectProfileEntity, ProjectProfileFieldEntity, ProjectProfileOrganizationEntity, SearchLexemeEntity } from '../knowledge/project-profile.entity.js';
import { EventSeriesEntity } from '../webinars/entities/event-series.entity.js';
import { WebinarRegistrationEntity } from '../webinars/entities/webinar-registration.entity.js';
import { WebinarEntity, WebinarProfileEntity, WebinarSpeakerEntity } from '../webinars/entities/webinar.entity.js';
import { IdeaStepEntity, IdeaVoteEntity, WorkshopIdeaEntity } from '../workshops/entities/workshop-idea.entity.js';
import { FieldSelectionEntity, WorkshopEntity, WorkshopFieldEntity, WorkshopMunicipalityEntity, WorkshopParticipantEntity } from '../workshops/entities/workshop.entity.js';
import { HubSecretEntity } from '../video/hub-secret.entity.js';
import { MailDeliveryEntity } from '../mail/mail-delivery.entity.js';
import { NetworkPublicationEntity } from '../oparl/publication/network-publication.entity.js';
import { OparlChangeEntity } from '../oparl/view/oparl-change.entity.js';
import { OparlObjectEntity } from '../oparl/view/oparl-object.entity.js';

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
  GroupProtocolApproverEntity,
  ProtocolApprovalEntity,
  ProtocolFeedbackEntity,
  MeetingEntity,
  MeetingGroupEntity,
  MeetingChangeEntity,
  AgendaItemEntity,
  AttendanceEntity,
  ExternalAttendeeEntity,
  ActionItemEntity,
  ProtocolEntity,
  ProtocolEntryEntity,
  DecisionEntity,
  ProtocolRevisionEntity,
  ProtocolCorrectionEntity,
  OutboxEventEntity,
  MeetingSeriesEntity,
  MeetingSeriesSkipEntity,
  DatePollEntity,
  DatePollOptionEntity,
  DatePollVoteEntity,
  MatrixTransactionEntity,
  MeetingReminderEntity,
  GroupJoinRequestEntity,
  AuditEntryEntity,
  FieldOfActionEntity,
  ProjectProfileEntity,
  ProjectProfileOrganizationEntity,
  ProjectProfileFieldEntity,
  SearchLexemeEntity,
  EventSeriesEntity,
  WebinarEntity,
  WebinarSpeakerEntity,
  WebinarProfileEntity,
  WebinarRegistrationEntity,
  WorkshopEntity,
  WorkshopMunicipalityEntity,
  WorkshopFieldEntity,
  WorkshopParticipantEntity,
  FieldSelectionEntity,
  WorkshopIdeaEntity,
  IdeaVoteEntity,
  IdeaStepEntity,
  HubSecretEntity,
  MailDeliveryEntity,
  NetworkPublicationEntity,
  OparlObjectEntity,
  OparlChangeEntity,
  RsvpAnswerEntity,
  RsvpSeriesAnswerEntity,
  RsvpInvitationEntity,
  RsvpInvitationOccurrenceEntity,
  RsvpMailReplyEntity,
];
