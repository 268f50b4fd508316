/**
 * Pure recurrence maths for meeting series: RFC 5545 rules expanded in local wall-clock time,
 * German public holidays per federal state, and the holiday policies. No I/O, no app imports.
 *
 * Dates are local calendar dates (YYYY-MM-DD) in the series' zone; times become instants only at
 * the end, so a 10:00 jour fixe stays at 10:00 across daylight-saving changes.
 */
import rrulePkg from 'rrule';
import { DateTime } from 'luxon';
import { holidayName } from './holidays.js';

const { RRule, Frequency } = rrulePkg;

export type HolidayPolicy = 'IGNORE' | 'SKIP' | 'NEXT_WORKING_DAY';

export interface SeriesDefinition {
  /** RRULE without DTSTART, e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU". */
  rrule: string;
  /** The rule's first day (its DTSTART), local. */
  anchorOn: string;
  /** Local wall-clock start "HH:MM". */
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  /** Last day with an occurrence, inclusive; null = open-ended. */
  until: string | null;
  holidayPolicy: HolidayPolicy;
  /** ISO 3166-2 codes, e.g. DE-BW. */
  holidayRegions: string[];
}

export interface Occurrence {
  /** The rule's date: the occurrence's identity, even when a holiday moved it. */
  occurrenceDate: string;
  /** The local date it takes place on. */
  date: string;
  startsAt: Date;
  endsAt: Date;
  /** Set when NEXT_WORKING_DAY moved it: the holiday's name. */
  movedBecause?: string;
}

export interface SkippedOccurrence {
  date: string;
  reason: string;
}

export class RecurrenceError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const SUB_DAILY = new Set<number>([Frequency.HOURLY, Frequency.MINUTELY, Frequency.SECONDLY]);

/** Parses and checks an RRULE; throws RecurrenceError naming the field. */
export function parseRule(rrule: string): rrulePkg.Options | Partial<rrulePkg.Options> {
  const text = rrule.trim().replace(/^RRULE:/i, '');
  if (!text || /DTSTART|\n/i.test(text)) throw new RecurrenceError('rrule', 'must be a single RRULE without DTSTART, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
  let options: Partial<rrulePkg.Options>;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    throw new RecurrenceError('rrule', `is not a valid RFC 5545 rule (${(error as Error).message})`);
  }
  if (options.freq === undefined || options.freq === null) throw new RecurrenceError('rrule', 'needs FREQ');
  if (SUB_DAILY.has(options.freq)) throw new RecurrenceError('rrule', 'would produce more than one occurrence a day');
  for (const key of ['byhour', 'byminute', 'bysecond'] as const) {
    const v = options[key];
    if (v !== undefined && v !== null && (Array.isArray(v) ? v.length > 1 : false)) {
      throw new RecurrenceError('rrule', 'would produce more than one occurrence a day');
    }
  }
  if (options.interval !== undefined && (!Number.isInteger(options.interval) || options.interval < 1)) {
    throw new RecurrenceError('rrule', 'INTERVAL must be a positive whole number');
  }
  return options;
}

export function checkStartTime(startTime: string): void {
  if (!TIME_RE.test(startTime)) throw new RecurrenceError('startTime', 'must be a local time HH:MM, e.g. 10:00');
}

/** True for an IANA zone name the runtime knows (Europe/Berlin, UTC, …). */
export function isTimeZone(zone: string): boolean {
  return !!zone && zone.length <= 64 && DateTime.local().setZone(zone).isValid;
}

export function checkTimeZone(zone: string): void {
  if (!isTimeZone(zone)) throw new RecurrenceError('timeZone', `"${zone}" is not an IANA time zone such as Europe/Berlin`);
}

/**
 * The instant of a local wall-clock time. A time inside a spring-forward gap moves forward; a time
 * that occurs twice at fall-back is the first occurrence (as RFC 5545, 3.3.5 says).
 */
export function localToInstant(date: string, time: string, zone: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) throw new RecurrenceError('startTime', `${date} ${time} does not exist in ${zone}`);
  const earlier = dt.minus({ hours: 1 });
  const wall = (d: DateTime) => d.toFormat('yyyy-MM-dd HH:mm');
  return (wall(earlier) === wall(dt) ? earlier : dt).toJSDate();
}

const toUtcDate = (date: string) => new Date(`${date}T00:00:00Z`);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** A local calendar date n days later (or earlier). */
export const addDays = (date: string, n: number) => isoDate(new Date(toUtcDate(date).getTime() + n * 86_400_000));
const isWeekend = (date: string) => [0, 6].includes(toUtcDate(date).getUTCDay());

/**
 * The occurrences whose rule date lies in [from, to] (local dates, inclusive), with holidays
 * applied: SKIP drops them and reports the holiday, NEXT_WORKING_DAY moves them to the next day
 * that is neither a weekend nor a holiday, IGNORE keeps them.
 */
export function expandSeries(def: SeriesDefinition, from: string, to: string): { occurrences: Occurrence[]; skipped: SkippedOccurrence[] } {
  const options = parseRule(def.rrule);
  checkStartTime(def.startTime);
  checkTimeZone(def.timeZone);
  const last = def.until && def.until < to ? def.until : to;
  const first = from > def.anchorOn ? from : def.anchorOn;
  if (first > last) return { occurrences: [], skipped: [] };
  // Expanded as floating dates (UTC midnight stands for the local day); times are added afterwards.
  const rule = new RRule({ ...options, dtstart: toUtcDate(def.anchorOn), tzid: undefined, byhour: undefined, byminute: undefined, bysecond: undefined });
  const dates = rule.between(toUtcDate(first), toUtcDate(last), true).map(isoDate);
  const occurrences: Occurrence[] = [];
  const skipped: SkippedOccurrence[] = [];
  const taken = new Set(dates);
  for (const occurrenceDate of dates) {
    const holiday = def.holidayPolicy === 'IGNORE' ? null : holidayName(occurrenceDate, def.holidayRegions);
    let date = occurrenceDate;
    let movedBecause: string | undefined;
    if (holiday && def.holidayPolicy === 'SKIP') {
      skipped.push({ date: occurrenceDate, reason: holiday });
      continue;
    }
    if (holiday) {
      date = nextWorkingDay(occurrenceDate, def.holidayRegions);
      movedBecause = holiday;
      if (taken.has(date) || (def.until && date > def.until)) {
        skipped.push({ date: occurrenceDate, reason: `${holiday}; der nächste Werktag ${date} ist schon belegt oder liegt nach dem Serienende` });
        continue;
      }
      taken.add(date);
    }
    const startsAt = localToInstant(date, def.startTime, def.timeZone);
    occurrences.push({ occurrenceDate, date, startsAt, endsAt: new Date(startsAt.getTime() + def.durationMinutes * 60_000), movedBecause });
  }
  return { occurrences, skipped };
}

/** The first day after `date` that is neither Saturday, Sunday nor a holiday in the regions. */
export function nextWorkingDay(date: string, regions: string[]): string {
  let d = addDays(date, 1);
  for (let i = 0; i < 14 && (isWeekend(d) || holidayName(d, regions)); i++) d = addDays(d, 1);
  return d;
}
