import { getVtimezoneComponent } from '@touch4it/ical-timezones';

/**
 * The UID of a meeting's or webinar's VEVENT: the same in every feed and in every invitation
 * mail, so calendars update one entry instead of adding a second.
 */
export function eventUid(id: string, publicBaseUrl: string): string {
  return `${id}@${new URL(publicBaseUrl).hostname}`;
}

/**
 * The zone a meeting is written in: its own when a VTIMEZONE exists for it, else Europe/Berlin
 * (same instant), so no TZID ever appears without its VTIMEZONE (zones stored before names were
 * checked, or the few the runtime knows under a name the VTIMEZONE set lacks).
 */
const zoneHasVtimezone = new Map<string, boolean>();
export function feedZone(zone: string): string {
  let known = zoneHasVtimezone.get(zone);
  if (known === undefined) {
    known = !!getVtimezoneComponent(zone);
    if (zoneHasVtimezone.size < 1000) zoneHasVtimezone.set(zone, known);
  }
  return known ? zone : 'Europe/Berlin';
}

/**
 * The UID of a meeting series' one recurring VEVENT (feeds and invitations): the series is
 * invited and published once; an occurrence is addressed by RECURRENCE-ID, the rule's start of
 * that occurrence (occurrence_date at the series' start time in its zone).
 */
export function seriesUid(seriesId: string, publicBaseUrl: string): string {
  return `series-${seriesId}@${new URL(publicBaseUrl).hostname}`;
}
