import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

/** The zone's UTC offset at an instant, in minutes (NaN for a zone the runtime does not know). */
const offsetAt = (ms: number, zone: string): number => DateTime.fromMillis(ms, { zone }).offset;

/**
 * True when the clocks of `zone` show the wall time of `instant` at this instant only. False in
 * the hour that repeats when the clocks go back (02:30 on the autumn night in Europe/Berlin is
 * 00:30Z and again 01:30Z) and for a wall time the clocks skip in spring, and for a zone the
 * runtime does not know. A wall time written with a TZID in such an hour is read differently by
 * different clients: RFC 5545 (3.3.5) says "the first", most readers take the second.
 *
 * Every offset the zone has within a day either side is tried: real zones change their offset
 * far less often than that.
 */
export function localTimeIsUnique(instant: Date, zone: string): boolean {
  const at = instant.getTime();
  const wall = at + offsetAt(at, zone) * 60_000;
  const offsets = new Set([at - DAY_MS, at, at + DAY_MS].map((t) => offsetAt(t, zone)));
  let instants = 0;
  for (const offset of offsets) if (offsetAt(wall - offset * 60_000, zone) === offset) instants++;
  return instants === 1;
}

/**
 * DTSTART and DTEND of one VEVENT as ical-generator takes them: Luxon values in the zone they are
 * written in (with a plain Date the generator writes UTC digits next to the TZID).
 */
export interface EventTimes {
  start: DateTime;
  end: DateTime;
  /** The TZID the times are written in; null writes both in UTC (`…Z`). */
  timezone: string | null;
}

/**
 * An event's start and end: local with its TZID (what people read in their calendar and what
 * keeps a meeting at 10:00 when it is moved across a clock change), or both in UTC when the local
 * start or end is not unique in the zone. Then the text names the instants and every reader
 * agrees; a calendar shows them in its own zone all the same. Both, not only the ambiguous one,
 * so that the event reads as one piece.
 */
export function eventTimes(startsAt: Date, endsAt: Date, zone: string): EventTimes {
  const local = localTimeIsUnique(startsAt, zone) && localTimeIsUnique(endsAt, zone);
  const written = local ? zone : 'utc';
  return {
    start: DateTime.fromJSDate(startsAt, { zone: written }),
    end: DateTime.fromJSDate(endsAt, { zone: written }),
    timezone: local ? zone : null,
  };
}
