import type { TFunction } from 'i18next';

/**
 * Where the German labels of each GraphQL enum live in de.json (`<prefix>.<VALUE>`). Every enum of
 * the schema has an entry and every value a label (enum-labels.test.ts reads schema.gql, the source
 * of the generated types, so a new enum or value without a German label fails the unit tests).
 */
export const ENUM_LABELS = {
  ActionItemStatus: 'actionItems.status',
  AgendaItemStatus: 'enums.AgendaItemStatus',
  AttendanceRole: 'attendance.roles',
  AttendanceStatus: 'attendance',
  GroupJoinPolicy: 'group.policy',
  GroupLevel: 'group.level',
  GroupRole: 'roles.group',
  HolidayPolicy: 'series.policy',
  JoinPolicy: 'network.policy',
  JoinRequestStatus: 'enums.JoinRequestStatus',
  MeetingChangeKind: 'enums.MeetingChangeKind',
  MeetingStatus: 'meeting.status',
  MembershipStatus: 'enums.MembershipStatus',
  NetworkRole: 'roles.network',
  ObjectionResolution: 'review.resolution',
  OrganizationKind: 'organization.kind',
  OutboxChannel: 'operations.channels',
  PollAnswer: 'polls.answer',
  ProjectStatus: 'profiles.statuses',
  ProtocolApprovalMode: 'approval.mode',
  ProtocolFeedbackKind: 'review.kind',
  ProtocolStatus: 'protocol.status',
  Publication: 'enums.Publication',
  RegistrationStatus: 'enums.RegistrationStatus',
  RsvpAnswer: 'rsvp.answers',
  RsvpSource: 'rsvp.sources',
  Visibility: 'profiles.visibilities',
  WorkshopStatus: 'workshops.status',
  WorkshopViewerRole: 'workshops.role',
} as const;

export type EnumName = keyof typeof ENUM_LABELS;

/** The German label of an enum value ("NETWORK" of Visibility → "nur im Netzwerk"). */
export const enumLabel = (t: TFunction, type: EnumName, value: string): string => t(`${ENUM_LABELS[type]}.${value}`);
