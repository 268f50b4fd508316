import type { ICalCalendar, ICalEvent, ICalEventData } from 'ical-generator';
import { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { feedZone, seriesUid } from './ical-common.js';
import { eventTimes } from './ical-times.js';

/**
 * A meeting series as ONE recurring VEVENT (RFC 5545): UID = seriesUid, DTSTART at the rule's first
 * date at the series' start time with TZID (its VTIMEZONE comes from the calendar's generator),
 * RRULE as stored (UNTIL rewritten in UTC, as a TZID DTSTART requires), EXDATE for the rule's dates
 * the hub has no meeting for (holidays skipped, cancelled, removed), RDATE for meetings the current
 * rule does not give (made by an earlier definition before the series was changed from a date
 * on, or kept past the end), and one override VEVENT (same UID, RECURRENCE-ID) for each meeting
 * that differs from what the rule says (moved alone, moved by a holiday, edited).
 *
 * The RECURRENCE-ID of an occurrence is its occurrence date at the series' start time in its zone
 * (occurrenceRecurrenceId): with TZID for a rule date, in UTC for an RDATE. RDATEs are written in
 * UTC because libical (3.0) reads an RDATE's TZID as UTC; a reader matches an override with the
 * instance by the same text, so an RDATE's override names it in UTC too.
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

/** The rule's start of an occurrence: its date at the series' start time in its zone. */
export function occurrenceStart(occurrenceDate: string, startTime: string, zone: string): DateTime {
  return DateTime.fromISO(`${occurrenceDate}T${startTime}`, { zone });
}

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
  const start = occurrenceStart(first, s.startTime, zone);
  const lines = [x.firstRuleDate ? rruleLine(s.rrule, s.until, zone) : null];
  const exdates = x.ruleDates.filter((d) => inCover(d) && !liveDates.has(d)).map((d) => compact(occurrenceStart(d, s.startTime, zone)));
  // Without a rule date (never here: the anchor's first date) the DTSTART itself is the first
  // RDATE-like instance; a DTSTART no occurrence has is excluded like any rule date.
  if (!x.firstRuleDate && !liveDates.has(first)) exdates.push(compact(start));
  const isRuleInstance = (d: string) => (x.firstRuleDate ? rule.has(d) || d === first : d === first);
  const rdates = live.filter((o) => !isRuleInstance(o.occurrenceDate)).map((o) => utcText(occurrenceStart(o.occurrenceDate, s.startTime, zone).toJSDate()));
  if (rdates.length) lines.push(`RDATE:${rdates.join(',')}`);
  if (exdates.length) lines.push(`EXDATE;TZID=${zone}:${exdates.join(',')}`);
  const common = { id: uid, stamp: s.updated, created: s.created, lastModified: s.updated, description: s.description, url: s.url ?? undefined };
  const master: ICalEventData = {
    ...common,
    sequence: s.sequence,
    start,
    end: start.plus({ minutes: s.durationMinutes }),
    timezone: zone,
    repeating: lines.filter(Boolean).join('\r\n'),
    summary: s.summary,
    location: s.location ?? undefined,
    status: ICalEventStatus.CONFIRMED,
  };
  const overrides = live
    .filter((o) => differs(o, s, zone))
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
  const local = ruleInstance && times.timezone !== null;
  const utc = { start: DateTime.fromJSDate(o.startsAt, { zone: 'utc' }), end: DateTime.fromJSDate(o.endsAt, { zone: 'utc' }), timezone: null };
  const recurrence = occurrenceStart(o.occurrenceDate, s.startTime, zone);
  return {
    ...(local ? times : utc),
    recurrenceId: local ? recurrence : recurrence.toUTC(),
    sequence: s.sequence + o.sequence,
    summary: o.summary,
    location: o.location ?? undefined,
    status: o.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

/** Adds the series' VEVENTs to a calendar; returns them (the mail adds ORGANIZER and ATTENDEE). */
export function addSeries(cal: ICalCalendar, parts: SeriesIcalParts): ICalEvent[] {
  return [cal.createEvent(parts.master), ...parts.overrides.map((o) => cal.createEvent(o))];
}
