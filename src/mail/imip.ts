import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { eventUid, feedZone } from '../calendar/ical-common.js';
import { eventTimes } from '../calendar/ical-times.js';

export interface InvitationEvent {
  meetingId: string;
  /** RFC 5545 SEQUENCE: Meeting.sequence. */
  sequence: number;
  summary: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  url: string | null;
  cancelled: boolean;
  updatedAt: Date;
}

export interface InvitationParties {
  /**
   * The hub's sender address with the recipient's own token (local+token@domain, see
   * src/rsvp/reply-address.ts): their mail program's accept/decline goes there and reaches Interkom.
   */
  organizer: { name: string; email: string };
  /** The one recipient of this message; other attendees' addresses are not theirs to see. */
  attendee: { name: string; email: string };
  publicBaseUrl: string;
}

/**
 * The iCalendar object of an iMIP message (RFC 6047, iTIP RFC 5546): one VEVENT with the same UID
 * as in the ICS feeds and SEQUENCE = Meeting.sequence, METHOD:REQUEST for a scheduled or moved
 * meeting and METHOD:CANCEL (STATUS:CANCELLED) for a cancelled one, local times with TZID and the
 * zone's VTIMEZONE (UTC when the clocks show the start or end twice), the hub as ORGANIZER and the
 * recipient as ATTENDEE (RSVP=TRUE: the reply goes to the organizer address, which carries the
 * recipient's token). Outlook and Thunderbird match the UID and apply a higher SEQUENCE as an
 * update instead of adding an entry.
 */
export function invitationIcs(event: InvitationEvent, parties: InvitationParties): { method: 'REQUEST' | 'CANCEL'; ics: string } {
  const zone = feedZone(event.timeZone);
  const method = event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const cal = ical({
    prodId: { company: 'Interkom', product: 'Interkom', language: 'DE' },
    method,
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP and LAST-MODIFIED as floating
    // times; the event's own zone still gets its VTIMEZONE from the generator.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  cal.createEvent({
    id: eventUid(event.meetingId, parties.publicBaseUrl),
    sequence: event.sequence,
    // Local with TZID, or UTC when the clocks show the start or end twice (as in the feeds).
    ...eventTimes(event.startsAt, event.endsAt, zone),
    stamp: new Date(),
    lastModified: event.updatedAt,
    summary: event.summary,
    description: event.description,
    location: event.location ?? undefined,
    url: event.url ?? undefined,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: parties.organizer.name, email: parties.organizer.email },
    attendees: [
      {
        name: parties.attendee.name,
        email: parties.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        // Zusagen/Absagen from the calendar come back to the tokenized organizer address (RSVP domain).
        rsvp: !event.cancelled,
      },
    ],
  });
  return { method, ics: cal.toString() };
}
