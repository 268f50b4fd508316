import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { ImipReply, ReplyPartstat } from '../../rsvp/imip-reply.js';

/** What one iCalendar object of a mail says: its replies, or why it is none. */
export type CalendarReading =
  | { kind: 'replies'; replies: Omit<ImipReply, 'token' | 'from' | 'messageId'>[] }
  | { kind: 'not-a-reply'; method: string | null }
  | { kind: 'malformed'; detail: string };

const PARTSTATS: ReadonlySet<string> = new Set<ReplyPartstat>(['ACCEPTED', 'DECLINED', 'TENTATIVE', 'DELEGATED', 'NEEDS-ACTION']);

/**
 * Reads an iMIP object (RFC 6047) with ical.js: METHOD must be REPLY (RFC 5546 §3.2.3); each
 * VEVENT becomes one reply with its UID, SEQUENCE, RECURRENCE-ID (as an instant: through the
 * object's own VTIMEZONE, else an IANA TZID, else UTC) and ATTENDEE lines. Mail programs differ in
 * spelling: `MAILTO:`/`mailto:`, upper-case addresses, PARTSTAT case, quoted DELEGATED-TO lists;
 * all are normalised here. Never throws.
 */
export function readImipCalendar(text: string): CalendarReading {
  // ical.js reads a SEQUENCE that is no number as 0, which would make a garbled reply look current.
  const badSequence = /^SEQUENCE(?:;[^:\r\n]*)?:(?!\s*\d+\s*$)(.*)$/im.exec(text.replace(/\r?\n[ \t]/g, ''));
  if (badSequence) return { kind: 'malformed', detail: `SEQUENCE "${badSequence[1]!.slice(0, 40)}" is not a whole number` };
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, '')) as unknown[]);
  } catch (error) {
    return { kind: 'malformed', detail: `not iCalendar: ${(error as Error).message}`.slice(0, 200) };
  }
  // ICAL.parse returns several roots for concatenated objects; only the first is read, as mail programs send one.
  if (root.name !== 'vcalendar') return { kind: 'malformed', detail: `expected VCALENDAR, got ${root.name}` };
  const method = String(root.getFirstPropertyValue('method') ?? '').trim().toUpperCase() || null;
  if (method !== 'REPLY') return { kind: 'not-a-reply', method };
  const zones = new Map<string, ICAL.Timezone>();
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    try {
      const zone = new ICAL.Timezone(vtimezone);
      if (zone.tzid) zones.set(zone.tzid, zone);
    } catch {
      // A broken VTIMEZONE only matters for a RECURRENCE-ID that names it (reported there).
    }
  }
  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0) return { kind: 'malformed', detail: 'REPLY without VEVENT' };
  const replies: Extract<CalendarReading, { kind: 'replies' }>['replies'] = [];
  for (const event of events) {
    const uid = String(event.getFirstPropertyValue('uid') ?? '').trim();
    if (!uid) return { kind: 'malformed', detail: 'VEVENT without UID' };
    const rawSequence = event.getFirstPropertyValue('sequence');
    const sequence = rawSequence === null || rawSequence === undefined || rawSequence === '' ? 0 : Number(rawSequence);
    if (!Number.isInteger(sequence) || sequence < 0) return { kind: 'malformed', detail: `SEQUENCE "${String(rawSequence)}" is not a whole number` };
    const recurrence = event.getFirstProperty('recurrence-id');
    let recurrenceId: Date | null = null;
    if (recurrence) {
      const instant = toInstant(recurrence, zones);
      if (!instant) return { kind: 'malformed', detail: `RECURRENCE-ID "${String(recurrence.getFirstValue())}" names no known time` };
      recurrenceId = instant;
    }
    const attendees = event.getAllProperties('attendee').map(readAttendee).filter((a) => a !== null);
    if (attendees.length === 0) return { kind: 'malformed', detail: 'REPLY without an ATTENDEE address' };
    replies.push({ uid, sequence, recurrenceId, attendees });
  }
  return { kind: 'replies', replies };
}

/** `mailto:` (any case) stripped, lower-cased, a bare address; null when there is none. */
export function calendarAddress(value: unknown): string | null {
  const text = String(value ?? '').trim().replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^\s@<>",]+@[^\s@<>",]+$/.test(text) ? text : null;
}

function readAttendee(property: ICAL.Property): ImipReply['attendees'][number] | null {
  const email = calendarAddress(property.getFirstValue());
  if (!email) return null;
  const rawPartstat = String(property.getParameter('partstat') ?? 'NEEDS-ACTION').trim().toUpperCase();
  // RFC 5545 §3.2.12: an unknown value is treated as NEEDS-ACTION.
  const partstat = (PARTSTATS.has(rawPartstat) ? rawPartstat : 'NEEDS-ACTION') as ReplyPartstat;
  const delegatedTo = listParameter(property.getParameter('delegated-to')).map(calendarAddress).filter((a): a is string => a !== null);
  const cn = property.getParameter('cn');
  const name = typeof cn === 'string' && cn.trim() ? cn.trim() : null;
  return { email, partstat, delegatedTo: [...new Set(delegatedTo)], name };
}

/** A multi-valued parameter as ical.js hands it over: a string, a comma list, or an array. */
function listParameter(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  return items.flatMap((item) => item.split(',')).map((item) => item.trim().replace(/^"|"$/g, '')).filter(Boolean);
}

/** A DATE-TIME property as an instant. */
function toInstant(property: ICAL.Property, zones: Map<string, ICAL.Timezone>): Date | null {
  const value = property.getFirstValue() as ICAL.Time | null;
  if (!value || typeof value !== 'object' || !('year' in value)) return null;
  const fields = { year: value.year, month: value.month, day: value.day, hour: value.isDate ? 0 : value.hour, minute: value.isDate ? 0 : value.minute, second: value.isDate ? 0 : value.second };
  const tzid = property.getParameter('tzid');
  if (typeof tzid === 'string' && tzid) {
    const zone = zones.get(tzid);
    if (zone) return ICAL.Time.fromData({ ...fields, isDate: false }, zone).toJSDate();
    const local = DateTime.fromObject(fields, { zone: tzid });
    return local.isValid ? local.toJSDate() : null;
  }
  // UTC (…Z), or a floating/date value: read as UTC, the only reading that needs no guess about the sender.
  return DateTime.fromObject(fields, { zone: 'utc' }).toJSDate();
}
