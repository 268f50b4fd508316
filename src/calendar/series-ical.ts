import type { ICalCalendar, ICalEvent, ICalEventData } from 'ical-generator';
import { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { feedZone, seriesUid } from './ical-common.js';
import { localToInstant } from '../../libs/recurrence/index.js';
import { eventTimes, localTimeIsUnique } from './ical-times.js';

/**
 * A meeting series as ONE recurring VEVENT (RFC 5545): UID = seriesUid, DTSTART at the rule's first
 * date at the series' start time with TZID (its VTIMEZONE comes from the calendar's generator),
 * RRULE as stored (UNTIL rewritten in UTC, as a TZID DTSTART requires), EXDATE for the rule's dates
 * the hub has no meeting for (holidays skipped, cancelled, removed), RDATE for meetings the current
 * rule does not give (made by an earlier definition before the series was changed from a date
 * on, or kept past the end), and one override VEVENT (same UID, RECURRENCE-ID) for each meeting
 * that differs from what the rule says (moved alone, moved by a holiday, edited).
 *
 * The RECURRENCE-ID of an occurrence is its occurrence date at the series' start time in its zone:
 * with TZID for a rule date, in UTC for an RDATE. RDATEs are written in UTC because libical (3.0)
 * reads an RDATE's TZID as UTC; ical.js matches an override with the instance by the same text, so
 * an RDATE's override names it in UTC too. A rule date whose wall time the clocks show twice or
 * never (02:30 on the autumn and the spring night) gets an override in UTC, named by the rule's
 * wall time (wallTimeIsClean).
 *
 * Pure: the caller passes the rule's dates and the hub's occurrences over `covered`; outside it the
 * rule stands as written (the feed asks for its window, an invitation for all it knows).
 */
export interface SeriesForIcal {
  seriesId: string;
  /** The master's SEQUENCE (meeting_series.sequence, raised on every change of the definition). */
  sequence: number;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  timeZone: string;
  /** The stored rule, normalized (no RRULE: prefix). */
  rrule: string;
  startTime: string;
  durationMinutes: number;
  /** The series' last day (inclusive) or null. */
  until: string | null;
  created: Date;
  updated: Date;
}

export interface OccurrenceForIcal {
  occurrenceDate: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** Meeting.sequence: an override's SEQUENCE is the series' plus this. */
  sequence: number;
  summary: string;
  location: string | null;
}

export interface SeriesInstances {
  /** The rule's first date counted from its anchor (DTSTART); null when the rule has none. */
  firstRuleDate: string | null;
  /** The dates the current rule gives (from the anchor, up to until) within `covered`. */
  ruleDates: string[];
  /** The hub's occurrences whose occurrence date lies within `covered`. */
  occurrences: OccurrenceForIcal[];
  /** Local dates [from, to] over which the event must expand to exactly the occurrences. */
  covered: { from: string; to: string };
}

export interface SeriesIcalParts {
  master: ICalEventData;
  overrides: ICalEventData[];
}

const compact = (d: DateTime) => d.toFormat("yyyyMMdd'T'HHmmss");
const utcText = (d: Date) => `${compact(DateTime.fromJSDate(d, { zone: 'utc' }))}Z`;

/**
 * The rule's start of an occurrence: its date at the series' start time in its zone, the instant
 * the hub gives it (the first of a repeated wall time, a skipped one moved forward).
 */
export function occurrenceStart(occurrenceDate: string, startTime: string, zone: string): DateTime {
  return DateTime.fromJSDate(localToInstant(occurrenceDate, startTime, zone), { zone });
}

/**
 * True when every reader puts the rule's instance on this date where the hub does: its wall time
 * exists once. On the autumn night 02:30 occurs twice (RFC 5545 says the first, most readers take
 * the second) and on the spring night not at all; such a date is excluded by its wall time (each
 * reader matches the EXDATE with its own reading of the instance) and added in UTC as an RDATE.
 */
export function wallTimeIsClean(occurrenceDate: string, startTime: string, zone: string): boolean {
  const start = occurrenceStart(occurrenceDate, startTime, zone);
  return start.toFormat('HH:mm') === startTime && localTimeIsUnique(start.toJSDate(), zone);
}

/**
 * DTSTART as the series' wall time on a date where that wall time is not one instant (Luxon cannot
 * hold 02:30 on the spring night, and writes 03:30): the rule's other instances take their wall
 * time from DTSTART, so it must say 02:30 (RFC 5545 3.3.5 reads a skipped time with the offset
 * before the gap, the hub's instant). ical-generator formats a Luxon value with setZone and
 * toFormat; this value answers those two with the wall time and is a Luxon value otherwise.
 */
function wallTime(date: string, time: string, instant: DateTime): DateTime {
  const text = { yyyyLLdd: date.replaceAll('-', ''), HHmmss: `${time.replace(':', '')}00` } as Record<string, string>;
  return Object.assign(Object.create(instant) as DateTime, {
    setZone: function (this: DateTime) {
      return this;
    },
    toFormat: (format: string) => text[format] ?? instant.toFormat(format),
  });
}

/** The wall time of the rule's instance on a date, as an RRULE reader writes it (TZID form). */
const wallText = (occurrenceDate: string, startTime: string) => `${occurrenceDate.replaceAll('-', '')}T${startTime.replace(':', '')}00`;

/** The RRULE line: the stored rule with UNTIL as the end of the series' last day in UTC. */
export function rruleLine(rrule: string, until: string | null, zone: string): string {
  const parts = rrule.split(';').filter((p) => p && !p.startsWith('UNTIL='));
  const ruleUntil = rrule.split(';').find((p) => p.startsWith('UNTIL='))?.slice(6);
  const ruleLast = ruleUntil ? `${ruleUntil.slice(0, 4)}-${ruleUntil.slice(4, 6)}-${ruleUntil.slice(6, 8)}` : null;
  const last = [until, ruleLast].filter((d): d is string => !!d).sort()[0] ?? null;
  // COUNT and UNTIL exclude each other (RFC 5545 3.3.10): with COUNT the EXDATEs end it.
  if (last && !parts.some((p) => p.startsWith('COUNT='))) {
    parts.push(`UNTIL=${utcText(DateTime.fromISO(`${last}T23:59:59`, { zone }).toJSDate())}`);
  }
  return `RRULE:${parts.join(';')}`;
}

/** The VEVENTs of a series: the master and its overrides, as ical-generator takes them. */
export function seriesIcalParts(s: SeriesForIcal, x: SeriesInstances, publicBaseUrl: string): SeriesIcalParts | null {
  const zone = feedZone(s.timeZone);
  const rule = new Set(x.ruleDates);
  const inCover = (d: string) => d >= x.covered.from && d <= x.covered.to;
  const live = x.occurrences.filter((o) => !o.cancelled && inCover(o.occurrenceDate));
  const liveDates = new Set(live.map((o) => o.occurrenceDate));
  const first = x.firstRuleDate ?? live.map((o) => o.occurrenceDate).sort()[0];
  if (!first) return null;
  const uid = seriesUid(s.seriesId, publicBaseUrl);
  const clean = (d: string) => wallTimeIsClean(d, s.startTime, zone);
  const start = occurrenceStart(first, s.startTime, zone);
  const dtstart = clean(first) ? start : wallTime(first, s.startTime, start);
  // Without a date of the current rule, DTSTART alone (ical.js skips a DTSTART that only RDATEs follow).
  const lines: string[] = [x.firstRuleDate ? rruleLine(s.rrule, s.until, zone) : 'RRULE:FREQ=DAILY;COUNT=1'];
  // Rule dates without a meeting are excluded by their wall time: each reader matches the EXDATE
  // with its own reading of the instance, even where the clocks show that wall time twice or never.
  const exdates = x.ruleDates.filter((d) => inCover(d) && !liveDates.has(d)).map((d) => wallText(d, s.startTime));
  const isRuleInstance = (d: string) => (x.firstRuleDate ? rule.has(d) || d === first : d === first);
  const rdates = live.filter((o) => !isRuleInstance(o.occurrenceDate)).map((o) => utcText(occurrenceStart(o.occurrenceDate, s.startTime, zone).toJSDate()));
  if (rdates.length) lines.push(`RDATE:${rdates.join(',')}`);
  if (exdates.length) lines.push(`EXDATE;TZID=${zone}:${exdates.join(',')}`);
  const end = start.plus({ minutes: s.durationMinutes });
  // DTEND as usual; DURATION when a reader could read the first start or end as another instant
  // (ical-generator writes no DTEND for a null end, and the recurrence lines as they are).
  const endIsClean = clean(first) && localTimeIsUnique(end.toJSDate(), zone);
  if (!endIsClean) lines.push(`DURATION:PT${s.durationMinutes}M`);
  const common = { id: uid, stamp: s.updated, created: s.created, lastModified: s.updated, description: s.description, url: s.url ?? undefined };
  const master: ICalEventData = {
    ...common,
    sequence: s.sequence,
    start: dtstart,
    end: endIsClean ? end : null,
    timezone: zone,
    // Written as given: the first line is always an RRULE (ical-generator puts "RRULE:" before a lone other line).
    repeating: lines.join('\r\n'),
    summary: s.summary,
    location: s.location ?? undefined,
    status: ICalEventStatus.CONFIRMED,
  };
  const overrides = live
    // A rule date whose wall time readers read differently gets an override in UTC all the same.
    .filter((o) => differs(o, s, zone) || (isRuleInstance(o.occurrenceDate) && !clean(o.occurrenceDate)))
    .map((o): ICalEventData => ({ ...common, ...occurrenceOverride(s, o, isRuleInstance(o.occurrenceDate), zone) }));
  return { master, overrides };
}

/** True when the meeting is not what the rule says: another time, length, title or place. */
function differs(o: OccurrenceForIcal, s: SeriesForIcal, zone: string): boolean {
  const ruled = occurrenceStart(o.occurrenceDate, s.startTime, zone).toJSDate();
  return o.startsAt.getTime() !== ruled.getTime() || o.endsAt.getTime() - o.startsAt.getTime() !== s.durationMinutes * 60_000
    || o.summary !== s.summary || (o.location ?? null) !== (s.location ?? null);
}

/**
 * One occurrence as an override VEVENT (without UID and the series' common fields): RECURRENCE-ID
 * with TZID for a rule date, in UTC for an RDATE (or when the meeting's own times must be UTC:
 * ical-generator writes RECURRENCE-ID in the event's zone). Used by the feeds and by the mail of a
 * moved or cancelled occurrence.
 */
export function occurrenceOverride(s: Pick<SeriesForIcal, 'sequence' | 'startTime'>, o: OccurrenceForIcal, ruleInstance: boolean, zone: string): ICalEventData {
  const times = eventTimes(o.startsAt, o.endsAt, zone);
  const utc = { start: DateTime.fromJSDate(o.startsAt, { zone: 'utc' }), end: DateTime.fromJSDate(o.endsAt, { zone: 'utc' }), timezone: null };
  const recurrence = occurrenceStart(o.occurrenceDate, s.startTime, zone);
  const base = { sequence: s.sequence + o.sequence, summary: o.summary, location: o.location ?? undefined, status: o.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED };
  if (ruleInstance && !wallTimeIsClean(o.occurrenceDate, s.startTime, zone)) {
    // The instance's wall time is not one instant: the RECURRENCE-ID names it by the same text as
    // the rule does (each reader matches it with its own reading), the times are UTC. ical-generator
    // writes RECURRENCE-ID in the event's zone (here none), but writes the recurrence text as given;
    // the second line keeps it from being taken for an RRULE.
    return { ...base, ...utc, repeating: `RECURRENCE-ID;TZID=${zone}:${wallText(o.occurrenceDate, s.startTime)}\r\nX-INTERKOM-OCCURRENCE-DATE:${o.occurrenceDate}` };
  }
  const local = ruleInstance && times.timezone !== null;
  return { ...base, ...(local ? times : utc), recurrenceId: local ? recurrence : recurrence.toUTC() };
}

/** Adds the series' VEVENTs to a calendar; returns them (the mail adds ORGANIZER and ATTENDEE). */
export function addSeries(cal: ICalCalendar, parts: SeriesIcalParts): ICalEvent[] {
  return [cal.createEvent(parts.master), ...parts.overrides.map((o) => cal.createEvent(o))];
}
