/**
 * RFC 5545 (3.3.10) RRULE validation, done completely before any rrule object is built:
 * `RRule.parseString` accepts what `new RRule` later throws on (BYDAY=XX, BYSETPOS=0) and
 * RFC-invalid values (COUNT=-1, BYMONTHDAY=99). Pure; no library involved. The messages are German
 * (they reach the hub's users as the reason a rule is refused); the RFC's part names stay as written.
 */

export class RuleSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSyntaxError';
  }
}

export type Frequency = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
const FREQUENCIES = new Set<Frequency>(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const WEEKDAYS = new Set(['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']);

/** The rule's parts, checked against the RFC's grammar and value ranges. */
export interface RuleParts {
  freq: Frequency;
  until?: string;
  count?: number;
  interval?: number;
  bysecond?: number[];
  byminute?: number[];
  byhour?: number[];
  byday?: { ordinal: number | null; weekday: string }[];
  bymonthday?: number[];
  byyearday?: number[];
  byweekno?: number[];
  bymonth?: number[];
  bysetpos?: number[];
  wkst?: string;
}

/** Upper bounds beyond the RFC (which sets none), so no number overflows or runs away. */
export const RULE_LIMITS = { maxCount: 100_000, maxInterval: 10_000, maxListLength: 400, maxLength: 500 } as const;

/** A number the German way (100000 → "100.000"). */
const de = (n: number) => new Intl.NumberFormat('de-DE').format(n);

const UNSIGNED = (digits: number) => new RegExp(`^\\d{1,${digits}}$`);
const SIGNED = (digits: number) => new RegExp(`^[+-]?\\d{1,${digits}}$`);

function list(name: string, text: string, pattern: RegExp, min: number, max: number, signed: boolean): number[] {
  const items = text.split(',');
  if (items.length > RULE_LIMITS.maxListLength) throw new RuleSyntaxError(`${name} nennt mehr als ${de(RULE_LIMITS.maxListLength)} Werte`);
  return items.map((item) => {
    if (!pattern.test(item)) throw new RuleSyntaxError(`${name}-Wert „${item}“ ist keine Zahl in der Form von RFC 5545`);
    const n = Number(item);
    const magnitude = Math.abs(n);
    if (magnitude < min || magnitude > max || (signed && n === 0)) {
      throw new RuleSyntaxError(`${name}-Wert ${item} liegt außerhalb des erlaubten Bereichs (${signed ? `±${min}` : min} bis ${signed ? `±${max}` : max})`);
    }
    return n;
  });
}

function positive(name: string, text: string, max: number): number {
  if (!/^\d{1,9}$/.test(text)) throw new RuleSyntaxError(`${name} muss eine positive ganze Zahl sein`);
  const n = Number(text);
  if (n < 1) throw new RuleSyntaxError(`${name} muss mindestens 1 sein`);
  if (n > max) throw new RuleSyntaxError(`${name} darf höchstens ${de(max)} sein`);
  return n;
}

function untilValue(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text);
  if (!m) throw new RuleSyntaxError('UNTIL muss ein Datum JJJJMMTT oder ein Zeitpunkt JJJJMMTTThhmmss[Z] sein');
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d));
  if (+y < 1 || date.getUTCFullYear() !== +y || date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) {
    throw new RuleSyntaxError(`UNTIL ${text} ist kein Kalenderdatum`);
  }
  if (+h > 23 || +mi > 59 || +s > 60) throw new RuleSyntaxError(`UNTIL ${text} enthält keine gültige Uhrzeit`);
  return text;
}

function weekdayList(text: string): { ordinal: number | null; weekday: string }[] {
  const items = text.split(',');
  if (items.length > RULE_LIMITS.maxListLength) throw new RuleSyntaxError(`BYDAY nennt mehr als ${de(RULE_LIMITS.maxListLength)} Werte`);
  return items.map((item) => {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    if (!m || !WEEKDAYS.has(m[2])) throw new RuleSyntaxError(`BYDAY-Wert „${item}“ ist kein Wochentag wie MO oder 2TU`);
    const ordinal = m[1] === undefined ? null : Number(m[1]);
    if (ordinal !== null && (ordinal === 0 || Math.abs(ordinal) > 53)) throw new RuleSyntaxError(`BYDAY-Ordnungszahl in „${item}“ liegt außerhalb des erlaubten Bereichs (±1 bis ±53)`);
    return { ordinal, weekday: m[2] };
  });
}

type Setter = (parts: RuleParts, value: string) => void;
const PARTS: Record<string, Setter> = {
  FREQ: (p, v) => {
    if (!FREQUENCIES.has(v as Frequency)) throw new RuleSyntaxError(`FREQ „${v}“ ist keiner der Werte ${[...FREQUENCIES].join(', ')}`);
    p.freq = v as Frequency;
  },
  UNTIL: (p, v) => (p.until = untilValue(v)),
  COUNT: (p, v) => (p.count = positive('COUNT', v, RULE_LIMITS.maxCount)),
  INTERVAL: (p, v) => (p.interval = positive('INTERVAL', v, RULE_LIMITS.maxInterval)),
  BYSECOND: (p, v) => (p.bysecond = list('BYSECOND', v, UNSIGNED(2), 0, 60, false)),
  BYMINUTE: (p, v) => (p.byminute = list('BYMINUTE', v, UNSIGNED(2), 0, 59, false)),
  BYHOUR: (p, v) => (p.byhour = list('BYHOUR', v, UNSIGNED(2), 0, 23, false)),
  BYDAY: (p, v) => (p.byday = weekdayList(v)),
  BYMONTHDAY: (p, v) => (p.bymonthday = list('BYMONTHDAY', v, SIGNED(2), 1, 31, true)),
  BYYEARDAY: (p, v) => (p.byyearday = list('BYYEARDAY', v, SIGNED(3), 1, 366, true)),
  BYWEEKNO: (p, v) => (p.byweekno = list('BYWEEKNO', v, SIGNED(2), 1, 53, true)),
  BYMONTH: (p, v) => (p.bymonth = list('BYMONTH', v, UNSIGNED(2), 1, 12, false)),
  BYSETPOS: (p, v) => (p.bysetpos = list('BYSETPOS', v, SIGNED(3), 1, 366, true)),
  WKST: (p, v) => {
    if (!WEEKDAYS.has(v)) throw new RuleSyntaxError(`WKST „${v}“ ist kein Wochentag wie MO`);
    p.wkst = v;
  },
};

/**
 * Checks an RRULE value (an "RRULE:" prefix is allowed) against RFC 5545 and returns its parts and
 * its normalized text (upper case, no prefix). Throws RuleSyntaxError saying what is wrong.
 */
export function validateRuleSyntax(input: string): { text: string; parts: RuleParts } {
  const text = input.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (!text) throw new RuleSyntaxError('die Regel ist leer, bitte eine Regel wie FREQ=WEEKLY;INTERVAL=2;BYDAY=TU angeben');
  if (text.length > RULE_LIMITS.maxLength) throw new RuleSyntaxError(`die Regel darf höchstens ${RULE_LIMITS.maxLength} Zeichen lang sein`);
  if (!/^[A-Z0-9=;,+\-]+$/.test(text)) {
    throw new RuleSyntaxError('die Regel darf nur Regelteile NAME=WERT enthalten, getrennt durch „;“ (kein DTSTART, keine Leerzeichen oder Zeilenumbrüche)');
  }
  const parts = {} as RuleParts;
  const seen = new Set<string>();
  for (const part of text.split(';')) {
    const m = /^([A-Z-]+)=(.+)$/.exec(part);
    if (!m) throw new RuleSyntaxError(`„${part}“ ist kein Regelteil NAME=WERT`);
    const [, name, value] = m;
    const set = PARTS[name];
    if (!set) throw new RuleSyntaxError(`${name} ist kein Regelteil nach RFC 5545`);
    if (seen.has(name)) throw new RuleSyntaxError(`${name} darf nur einmal vorkommen`);
    seen.add(name);
    set(parts, value);
  }
  if (!parts.freq) throw new RuleSyntaxError('FREQ fehlt');
  checkCombinations(parts);
  return { text, parts };
}

/** The RFC's rules on which parts go together. */
function checkCombinations(p: RuleParts): void {
  if (p.until !== undefined && p.count !== undefined) throw new RuleSyntaxError('UNTIL und COUNT dürfen nicht zusammen vorkommen');
  if (p.byday?.some((d) => d.ordinal !== null)) {
    if (p.freq !== 'MONTHLY' && p.freq !== 'YEARLY') throw new RuleSyntaxError('BYDAY mit Ordnungszahl (z. B. 2TU) geht nur mit FREQ=MONTHLY oder FREQ=YEARLY');
    if (p.freq === 'YEARLY' && p.byweekno) throw new RuleSyntaxError('BYDAY mit Ordnungszahl geht nicht zusammen mit BYWEEKNO');
  }
  if (p.bymonthday && p.freq === 'WEEKLY') throw new RuleSyntaxError('BYMONTHDAY geht nicht mit FREQ=WEEKLY');
  if (p.byyearday && (p.freq === 'DAILY' || p.freq === 'WEEKLY' || p.freq === 'MONTHLY')) {
    throw new RuleSyntaxError('BYYEARDAY geht nicht mit FREQ=DAILY, WEEKLY oder MONTHLY');
  }
  if (p.byweekno && p.freq !== 'YEARLY') throw new RuleSyntaxError('BYWEEKNO geht nur mit FREQ=YEARLY');
  const otherBy = p.bysecond || p.byminute || p.byhour || p.byday || p.bymonthday || p.byyearday || p.byweekno || p.bymonth;
  if (p.bysetpos && !otherBy) throw new RuleSyntaxError('BYSETPOS braucht einen weiteren BYxxx-Regelteil');
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when the rule can never produce a date for a reason visible without expanding it: every
 * BYMONTHDAY lies beyond the end of every BYMONTH (30 February, 31 April). Expansion limits catch
 * the rest; this answers the common case at once.
 */
export function obviouslyEmpty(p: RuleParts): boolean {
  if (!p.bymonthday) return false;
  const months = p.bymonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return !months.some((m) => p.bymonthday!.some((d) => Math.abs(d) <= DAYS_IN_MONTH[m - 1]));
}
