import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, type ICalEventData } from 'ical-generator';
import { addSeries, type SeriesIcalParts } from '../calendar/series-ical.js';

export interface SeriesParties {
  /** The ORGANIZER: a plain input (the hub's sender address, or a per-invitee reply address). */
  organizerName: string;
  organizerEmail: string;
  /** The one recipient of this message, asked for a reply (RSVP=TRUE). */
  attendee: { name: string; email: string };
}

/**
 * The iCalendar object of a series' iMIP message (RFC 5546): METHOD:REQUEST with the whole series
 * (master with RRULE, EXDATE, RDATE, and its overrides) when it is scheduled or changed, or with
 * one occurrence only (RECURRENCE-ID) when it moved; METHOD:CANCEL with RECURRENCE-ID when one
 * occurrence is cancelled. Every VEVENT names the organizer and the recipient.
 */
export function seriesIcs(
  content: { whole: SeriesIcalParts } | { occurrence: ICalEventData; cancelled: boolean },
  parties: SeriesParties,
): { method: 'REQUEST' | 'CANCEL'; ics: string } {
  const method = 'occurrence' in content && content.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const cal = ical({
    prodId: { company: 'Interkom', product: 'Interkom', language: 'DE' },
    method,
    // No calendar-wide zone (see imip.ts); each event's zone gets its VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const events = 'whole' in content ? addSeries(cal, content.whole) : [cal.createEvent(content.occurrence)];
  for (const event of events) {
    event.organizer({ name: parties.organizerName, email: parties.organizerEmail });
    event.createAttendee({
      name: parties.attendee.name, email: parties.attendee.email, role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION, rsvp: method === ICalCalendarMethod.REQUEST,
    });
    event.stamp(new Date());
  }
  return { method, ics: cal.toString() };
}
