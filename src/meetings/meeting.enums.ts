import { registerEnumType } from '@nestjs/graphql';

/** HELD is never stored: a meeting counts as held once it has ended and has attendance or a protocol. */
export enum MeetingStatus { SCHEDULED = 'SCHEDULED', CANCELLED = 'CANCELLED', HELD = 'HELD' }
export enum AgendaItemStatus { PROPOSED = 'PROPOSED', ACCEPTED = 'ACCEPTED' }
export enum AttendanceStatus { PRESENT = 'PRESENT', EXCUSED = 'EXCUSED', ABSENT = 'ABSENT' }
/**
 * In what capacity someone attends: a member of the meeting's groups, a guest or speaker from the
 * network, a deputy attending for an organization (Vertretung), or an external person without an
 * account (Externe, by name only).
 */
export enum AttendanceRole { MEMBER = 'MEMBER', GUEST = 'GUEST', SPEAKER = 'SPEAKER', DEPUTY = 'DEPUTY', EXTERNAL = 'EXTERNAL' }
export enum MeetingChangeKind { SCHEDULED = 'SCHEDULED', RESCHEDULED = 'RESCHEDULED', CANCELLED = 'CANCELLED' }

registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
registerEnumType(AgendaItemStatus, { name: 'AgendaItemStatus' });
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });
registerEnumType(AttendanceRole, { name: 'AttendanceRole' });
registerEnumType(MeetingChangeKind, { name: 'MeetingChangeKind' });
