// Independent readers of the hub's iCalendar text (feeds and iMIP mails): Mozilla's ical.js and
// node-ical, neither of them the generator. Strict clients disagree where the text is loose
// (a TZID time that occurs twice, a floating DTSTAMP), so the tests ask both and compare instants.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import nodeIcal, { type DateWithTimeZone, type ParameterValue, type VEvent } from 'node-ical';

export interface ReadEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  sequence: number;
  status: string;
}

/** The VEVENTs as ical.js reads them, with the file's VTIMEZONEs registered. */
export function readWithIcalJs(text: string): ReadEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid, summary: e.summary, start: e.startDate.toJSDate(), end: e.endDate.toJSDate(),
      sequence: Number(v.getFirstPropertyValue('sequence')), status: String(v.getFirstPropertyValue('status')),
    };
  });
}

/**
 * The VEVENTs as node-ical reads them (its own parser and zone handling, on Temporal), with
 * DTSTAMP, CREATED and LAST-MODIFIED as instants: a floating one comes out shifted by the zone.
 */
export function readWithNodeIcal(text: string): (ReadEvent & { stamps: Date[] })[] {
  const events = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as VEvent[];
  const plain = (v: ParameterValue | undefined) => (typeof v === 'object' && v ? v.val : String(v));
  return events.map((v) => ({
    uid: v.uid, summary: plain(v.summary), start: new Date(v.start), end: new Date(v.end!),
    sequence: Number(v.sequence), status: String(v.status),
    stamps: [v.dtstamp, v.created, v.lastmodified].filter((d): d is DateWithTimeZone => !!d).map((d) => new Date(d)),
  }));
}

/**
 * Both readers' view of one event, found by its title (the summary, or the part after
 * "<Gruppe>: "); throws unless each reader finds it exactly once.
 */
export function bothRead(text: string, title: string): { icaljs: ReadEvent; nodeIcal: ReadEvent & { stamps: Date[] } } {
  const one = <E extends ReadEvent>(events: E[], reader: string): E => {
    const found = events.filter((e) => e.summary === title || e.summary.endsWith(`: ${title}`));
    if (found.length !== 1) throw new Error(`${reader} found ${found.length} events "${title}"`);
    return found[0]!;
  };
  return { icaljs: one(readWithIcalJs(text), 'ical.js'), nodeIcal: one(readWithNodeIcal(text), 'node-ical') };
}

/** The content lines, unfolded (RFC 5545 3.1). */
export const unfolded = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);

/** The DTSTAMP, CREATED and LAST-MODIFIED lines that are not UTC (`…Z`), as RFC 5545 3.8.7 requires. */
export const nonUtcStamps = (text: string): string[] =>
  unfolded(text).filter((l) => /^(DTSTAMP|CREATED|LAST-MODIFIED)[;:]/.test(l) && !/^(DTSTAMP|CREATED|LAST-MODIFIED):\d{8}T\d{6}Z$/.test(l));

/** The properties RFC 5545, RFC 5546 and RFC 7986 define (what libical knows besides X- names). */
const STANDARD = new Set([
  'calscale', 'method', 'prodid', 'version', 'attach', 'categories', 'class', 'comment', 'description', 'geo', 'location',
  'percent-complete', 'priority', 'resources', 'status', 'summary', 'completed', 'dtend', 'due', 'dtstart', 'duration',
  'freebusy', 'transp', 'tzid', 'tzname', 'tzoffsetfrom', 'tzoffsetto', 'tzurl', 'attendee', 'contact', 'organizer',
  'recurrence-id', 'related-to', 'url', 'uid', 'exdate', 'rdate', 'rrule', 'action', 'repeat', 'trigger', 'created',
  'dtstamp', 'last-modified', 'sequence', 'request-status', 'name', 'refresh-interval', 'source', 'color', 'image', 'conference',
]);

/**
 * Property names neither standard nor X- (libical reports each as a parse error, e.g. the
 * TIMEZONE-ID ical-generator writes for a calendar-wide zone).
 */
export function nonStandardProperties(text: string): string[] {
  const names = new Set<string>();
  const walk = (c: ICAL.Component) => {
    for (const p of c.getAllProperties()) if (!STANDARD.has(p.name) && !p.name.startsWith('x-')) names.add(p.name.toUpperCase());
    for (const s of c.getAllSubcomponents()) walk(s);
  };
  walk(new ICAL.Component(ICAL.parse(text)));
  return [...names];
}

/**
 * The first date at least `aheadDays` after `from` on which the clocks of `zone` go back
 * (`autumn`) or forward (`spring`): in Europe/Berlin the last Sunday of October or March
 * (2027-10-31 and 2027-03-28 as of December 2026). Computed, not written down, so that the tests
 * keep working once those nights have passed (the feeds and mails only carry future meetings).
 */
export function nextClockChange(kind: 'autumn' | 'spring', from: Date, zone = 'Europe/Berlin', aheadDays = 14): string {
  let day = DateTime.fromJSDate(from, { zone }).startOf('day').plus({ days: aheadDays });
  for (let i = 0; i < 400; i++, day = day.plus({ days: 1 })) {
    const before = day.offset;
    const after = day.endOf('day').offset;
    if (kind === 'autumn' ? after < before : after > before) return day.toISODate()!;
  }
  throw new Error(`no ${kind} clock change in ${zone} within 400 days`);
}

/** Every instant at which the clocks of `zone` show `time` on `date`: two in the repeated hour, none in the gap. */
export function instantsOfLocalTime(date: string, time: string, zone = 'Europe/Berlin'): Date[] {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const offsets = new Set([-1, 0, 1].map((d) => DateTime.fromMillis(wall + d * 86_400_000, { zone }).offset));
  return [...offsets]
    .map((o) => wall - o * 60_000)
    .filter((t) => DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") === `${date}T${time}`)
    .sort((a, b) => a - b)
    .map((t) => new Date(t));
}

/** One expanded instance of a recurring event: start and end as ISO instants (UTC). */
export type Instance = { start: string; end: string };
const iso = (d: Date) => d.toISOString();
const byStart = (a: Instance, b: Instance) => a.start.localeCompare(b.start);

/**
 * The instances of the events with this UID in [from, to) as Mozilla's ical.js expands them: the
 * master's RRULE, RDATE and EXDATE, its RECURRENCE-ID overrides applied, cancelled ones left out.
 */
export function expandWithIcalJs(text: string, uid: string, from: Date, to: Date): Instance[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  const mine = cal.getAllSubcomponents('vevent').filter((v) => v.getFirstPropertyValue('uid') === uid);
  const master = mine.find((v) => !v.hasProperty('recurrence-id'));
  if (!master) throw new Error(`ical.js: no master VEVENT ${uid}`);
  const event = new ICAL.Event(master);
  for (const o of mine.filter((v) => v.hasProperty('recurrence-id'))) event.relateException(new ICAL.Event(o));
  const out: Instance[] = [];
  const it = event.iterator();
  for (let t = it.next(), n = 0; t && n < 5000; t = it.next(), n++) {
    const d = event.getOccurrenceDetails(t);
    if (d.startDate.toJSDate() >= to && d.recurrenceId.toJSDate() >= to) break;
    if (String(d.item.component.getFirstPropertyValue('status')) === 'CANCELLED') continue;
    const start = d.startDate.toJSDate();
    if (start >= from && start < to) out.push({ start: iso(start), end: iso(d.endDate.toJSDate()) });
  }
  return out.sort(byStart);
}

let libicalBinary: string | null = null;
/** The libical reader (test/support/libical/expand.c), compiled once per process with gcc against libical. */
function libical(): string {
  if (libicalBinary) return libicalBinary;
  const dir = mkdtempSync(join(tmpdir(), 'libical-'));
  const out = join(dir, 'expand');
  const flags = execFileSync('pkg-config', ['--cflags', '--libs', 'libical'], { encoding: 'utf8' }).trim().split(/\s+/);
  execFileSync('gcc', ['-O1', '-o', out, fileURLToPath(new URL('./libical/expand.c', import.meta.url)), ...flags]);
  return (libicalBinary = out);
}

/** The instances as libical (icalcomponent_foreach_recurrence, the C library of Evolution and others) expands them. */
export function expandWithLibical(text: string, uid: string, from: Date, to: Date): Instance[] {
  const lines = execFileSync(libical(), [String(Math.floor(from.getTime() / 1000)), String(Math.ceil(to.getTime() / 1000))], { input: text, encoding: 'utf8' });
  return lines.split('\n').filter(Boolean).map((l) => l.split('\t')).filter(([u]) => u === uid)
    .map(([, s, e]) => ({ start: iso(new Date(Number(s) * 1000)), end: iso(new Date(Number(e) * 1000)) }))
    .filter((i) => i.start >= iso(from) && i.start < iso(to)).sort(byStart);
}

const PYTHON = `
import sys, json, datetime, icalendar, recurring_ical_events
uid, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
f = lambda s: datetime.datetime.fromisoformat(s)
out = []
for e in recurring_ical_events.of(cal).between(f(a), f(b)):
    if str(e.get('UID')) != uid or str(e.get('STATUS', '')) == 'CANCELLED': continue
    out.append([e['DTSTART'].dt.astimezone(datetime.timezone.utc).isoformat(), e['DTEND'].dt.astimezone(datetime.timezone.utc).isoformat()])
print(json.dumps(out))
`;

/** The instances as Python's icalendar with recurring_ical_events expands them (Debian's python3 packages). */
export function expandWithPython(text: string, uid: string, from: Date, to: Date): Instance[] {
  // Debian's interpreter (a pyenv python3 first on PATH lacks Debian's modules); ICAL_PYTHON overrides it.
  const out = execFileSync(process.env.ICAL_PYTHON ?? '/usr/bin/python3', ['-c', PYTHON, uid, iso(from), iso(to)], { input: text, encoding: 'utf8' });
  return (JSON.parse(out) as [string, string][]).map(([s, e]) => ({ start: iso(new Date(s)), end: iso(new Date(e)) }))
    .filter((i) => i.start >= iso(from) && i.start < iso(to)).sort(byStart);
}

/** All three readers' expansions, by name. */
export const expandedByAll = (text: string, uid: string, from: Date, to: Date) => ({
  icaljs: expandWithIcalJs(text, uid, from, to),
  libical: expandWithLibical(text, uid, from, to),
  python: expandWithPython(text, uid, from, to),
});
