import { registerEnumType } from '@nestjs/graphql';

/** HELD is never stored: a meeting counts as held once it has ended and has attendance or a protocol. */
export enum MeetingStatus { SCHEDULED = 'SCHEDULED', CANCELLED = 'CANCELLED', HELD = 'HELD' }
export enum AgendaItemStatus { PROPOSED = 'PROPOSED', ACCEPTED = 'ACCEPTED' }
export enum AttendanceStatus { PRESENT = 'PRESENT', EXCUSED = 'EXCUSED', ABSENT = 'ABSENT' }
export enum MeetingChangeKind { SCHEDULED = 'SCHEDULED', RESCHEDULED = 'RESCHEDULED', CANCELLED = 'CANCELLED' }

registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
registerEnumType(AgendaItemStatus, { name: 'AgendaItemStatus' });
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });
registerEnumType(MeetingChangeKind, { name: 'MeetingChangeKind' });
