import { isTimeZone } from '../../libs/recurrence/index.js';
import { badInput } from '../common/domain-error.js';
import { MeetingStatus } from './meeting.enums.js';

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
const MAX_SPAN_MS = 24 * 3600 * 1000;

export { isTimeZone };

/** Checks a meeting's time: start before end, at most 24 h, a known zone. Throws BAD_USER_INPUT. */
export function checkSchedule(startsAt: Date, endsAt: Date, timeZone?: string | null): void {
  if (Number.isNaN(startsAt.getTime())) throw badInput('startsAt', 'ist kein gültiger Zeitpunkt');
  if (Number.isNaN(endsAt.getTime())) throw badInput('endsAt', 'ist kein gültiger Zeitpunkt');
  if (endsAt.getTime() <= startsAt.getTime()) throw badInput('endsAt', 'muss nach dem Beginn (startsAt) liegen');
  if (endsAt.getTime() - startsAt.getTime() > MAX_SPAN_MS) throw badInput('endsAt', 'eine Sitzung darf höchstens 24 Stunden dauern');
  if (timeZone != null && !isTimeZone(timeZone)) throw badInput('timeZone', `„${timeZone}“ ist keine IANA-Zeitzone wie Europe/Berlin`);
}

/** HELD is derived: ended, and attendance was recorded or a protocol started. */
export function meetingStatus(m: { cancelled: boolean; endsAt: Date; hasRecord: boolean }, now = new Date()): MeetingStatus {
  if (m.cancelled) return MeetingStatus.CANCELLED;
  if (m.endsAt.getTime() < now.getTime() && m.hasRecord) return MeetingStatus.HELD;
  return MeetingStatus.SCHEDULED;
}

/** "10.03.2026, 10:00 Uhr": a date and time in the meeting's zone, for German audit summaries. */
export function germanDateTime(at: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat('de-DE', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at)} Uhr`;
}
