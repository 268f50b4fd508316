/**
 * Pure recurrence maths for meeting series: RFC 5545 rules expanded in local wall-clock time,
 * German public holidays per federal state, and the holiday policies. No I/O, no app imports.
 *
 * Dates are local calendar dates (YYYY-MM-DD) in the series' zone; times become instants only at
 * the end, so a 10:00 jour fixe stays at 10:00 across daylight-saving changes. Rules are checked
 * completely (rrule-syntax.ts) before anything is built from them, and expanded in a worker thread
 * within hard limits (expansion.ts).
 */
import { DateTime } from 'luxon';
import { expandDates, ExpansionLimitError, firstDate } from './expansion.js';
import { holidayName } from './holidays.js';
import { obviouslyEmpty, RuleSyntaxError, validateRuleSyntax, type RuleParts } from './rrule-syntax.js';
import { isTimeZone } from './time-zones.js';

export { isTimeZone };

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

/** A refused series definition: `field` names the input field, the message (German) says why. */
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
const SUB_DAILY = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
/** How far ahead a rule must produce a date to be accepted. */
export const PROBE_YEARS = 5;
export const NO_DATES = 'die Regel ergibt keine Termine';
const MORE_THAN_DAILY = 'die Regel ergäbe mehr als einen Termin am Tag';
/** Occurrences turned into instants between two yields to the event loop. */
const CHUNK = 100;

/**
 * Checks an RRULE completely (RFC 5545 grammar, value ranges and combinations, then the hub's
 * policy: at most one occurrence a day) and returns its normalized text and parts. Throws
 * RecurrenceError naming the field.
 */
export function parseRule(rrule: string): { text: string; parts: RuleParts } {
  let parsed: { text: string; parts: RuleParts };
  try {
    parsed = validateRuleSyntax(rrule);
  } catch (error) {
    if (error instanceof RuleSyntaxError) throw new RecurrenceError('rrule', `keine gültige Regel nach RFC 5545 – ${error.message}`);
    throw error;
  }
  const { parts } = parsed;
  if (SUB_DAILY.has(parts.freq)) throw new RecurrenceError('rrule', MORE_THAN_DAILY);
  for (const list of [parts.byhour, parts.byminute, parts.bysecond]) {
    if (list && list.length > 1) throw new RecurrenceError('rrule', MORE_THAN_DAILY);
  }
  return parsed;
}

export function checkStartTime(startTime: string): void {
  if (!TIME_RE.test(startTime)) throw new RecurrenceError('startTime', 'muss eine Uhrzeit im Format HH:MM sein, z. B. 10:00');
}

export function checkTimeZone(zone: string): void {
  if (!isTimeZone(zone)) throw new RecurrenceError('timeZone', `„${zone}“ ist keine IANA-Zeitzone wie Europe/Berlin`);
}

/**
 * Refuses a rule that gives no date in the PROBE_YEARS years from `from` (or before `until`),
 * whether it can never occur (30 February), has run out (COUNT) or lies too far ahead. Throws
 * RecurrenceError('rrule', NO_DATES).
 */
export async function requireDates(def: { rrule: string; anchorOn: string; until: string | null }, from: string): Promise<void> {
  const { text, parts } = parseRule(def.rrule);
  const start = from > def.anchorOn ? from : def.anchorOn;
  const horizon = addYears(start, PROBE_YEARS);
  const end = def.until && def.until < horizon ? def.until : horizon;
  const none = () => new RecurrenceError('rrule', `${NO_DATES} (keine zwischen ${start} und ${end})`);
  if (obviouslyEmpty(parts) || start > end) throw none();
  try {
    if ((await firstDate({ rule: text, anchorOn: def.anchorOn, from: start, to: end })) === null) throw none();
  } catch (error) {
    // A rule that finds no date within the time limit never matches (rrule searches to year 9999).
    // A busy pool says nothing about the rule: that refusal goes to the caller as it is.
    if (error instanceof ExpansionLimitError && error.reason === 'time') throw none();
    throw error;
  }
}

/**
 * The instant of a local wall-clock time. A time inside a spring-forward gap moves forward; a time
 * that occurs twice at fall-back is the first occurrence (as RFC 5545, 3.3.5 says).
 */
export function localToInstant(date: string, time: string, zone: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) throw new RecurrenceError('startTime', `${date} ${time} gibt es in der Zeitzone ${zone} nicht`);
  const earlier = dt.minus({ hours: 1 });
  const wall = (d: DateTime) => d.toFormat('yyyy-MM-dd HH:mm');
  return (wall(earlier) === wall(dt) ? earlier : dt).toJSDate();
}

const toUtcDate = (date: string) => new Date(`${date}T00:00:00Z`);
const addYears = (date: string, n: number) => `${String(Number(date.slice(0, 4)) + n).padStart(4, '0')}${date.slice(4, 10) === '-02-29' ? '-02-28' : date.slice(4, 10)}`;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** A local calendar date n days later (or earlier). */
export const addDays = (date: string, n: number) => isoDate(new Date(toUtcDate(date).getTime() + n * 86_400_000));
const isWeekend = (date: string) => [0, 6].includes(toUtcDate(date).getUTCDay());

/**
 * The occurrences whose rule date lies in [from, to] (local dates, inclusive), with holidays
 * applied: SKIP drops them and reports the holiday, NEXT_WORKING_DAY moves them to the next day
 * that is neither a weekend nor a holiday, IGNORE keeps them.
 */
export async function expandSeries(
  def: SeriesDefinition,
  from: string,
  to: string,
): Promise<{ occurrences: Occurrence[]; skipped: SkippedOccurrence[] }> {
  const { text } = parseRule(def.rrule);
  checkStartTime(def.startTime);
  checkTimeZone(def.timeZone);
  const last = def.until && def.until < to ? def.until : to;
  const first = from > def.anchorOn ? from : def.anchorOn;
  if (first > last) return { occurrences: [], skipped: [] };
  // Expanded as floating dates (UTC midnight stands for the local day), off the main thread and
  // within limits; times are added afterwards, a chunk at a time.
  const dates = await expandDates({ rule: text, anchorOn: def.anchorOn, from: first, to: last });
  const occurrences: Occurrence[] = [];
  const skipped: SkippedOccurrence[] = [];
  const taken = new Set(dates);
  for (const [i, occurrenceDate] of dates.entries()) {
    if (i > 0 && i % CHUNK === 0) await yieldToEventLoop();
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
