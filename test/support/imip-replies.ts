// iMIP replies (RFC 6047, METHOD:REPLY of RFC 5546) shaped as the three mail programs German
// offices use send them, each a whole RFC 5322 message: the iCalendar object is built with ical.js
// (not with the hub's generator), the MIME structure with nodemailer's MailComposer.
//
// - Outlook: multipart/alternative (text/plain, text/html, text/calendar; method=REPLY inline), a
//   Windows time zone name with its VTIMEZONE, `MAILTO:` and the attendee's address in capitals,
//   the reply address in capitals in To (Exchange does that with "display as typed").
// - Thunderbird: multipart/mixed of multipart/alternative (text/plain + text/calendar) and the same
//   object again as the attachment invite.ics (application/ics); delegation as PARTSTAT=DELEGATED
//   with DELEGATED-TO plus the delegate's own ATTENDEE line with DELEGATED-FROM.
// - Apple Mail (Calendar.app): text/plain body and the object only as the attachment invite.ics
//   (text/calendar; method=REPLY; name=invite.ics), IANA TZID without VTIMEZONE.
import ICAL from 'ical.js';
import MailComposer from 'nodemailer/lib/mail-composer';

export type ReplyShape = 'outlook' | 'thunderbird' | 'apple';
export type Partstat = 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED';

export interface ReplyParams {
  /** The address the reply goes to (the invitation's ORGANIZER: interkom+token@…). */
  to: string;
  uid: string;
  sequence: number;
  attendee: { email: string; name: string };
  partstat: Partstat;
  /** DELEGATED: whom to. */
  delegatedTo?: { email: string; name: string };
  /** One occurrence of a series: its start as an instant (written in Europe/Berlin local time). */
  recurrenceId?: Date;
  summary?: string;
  /** The invitation's DTSTART/DTEND (echoed as mail programs do); defaults to a fixed hour. */
  start?: Date;
  end?: Date;
  messageId?: string;
}

const WINDOWS_BERLIN = 'W. Europe Standard Time';

/** What a reply needs from an invitation's iCalendar object (as the hub sent it). */
export function invitationFacts(ics: string): { uid: string; sequence: number; organizer: string; summary: string; start: Date; end: Date } {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
    organizer: String(vevent.getFirstPropertyValue('organizer')).replace(/^mailto:/i, ''),
    summary: event.summary,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
  };
}

/** The iCalendar object of a reply, as the given program writes it. */
export function replyIcs(shape: ReplyShape, p: ReplyParams): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', {
    outlook: 'Microsoft Exchange Server 2010',
    thunderbird: '-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN',
    apple: '-//Apple Inc.//macOS 15.1//EN',
  }[shape]);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('method', 'REPLY');
  if (shape === 'outlook') cal.addSubcomponent(windowsBerlin());
  const event = new ICAL.Component('vevent');
  const start = p.start ?? new Date('2027-03-04T09:00:00Z');
  const end = p.end ?? new Date(start.getTime() + 2 * 3600_000);
  event.addPropertyWithValue('uid', p.uid);
  if (shape !== 'apple' || p.sequence > 0) event.addPropertyWithValue('sequence', p.sequence);
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(), true));
  event.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(start, true));
  event.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(end, true));
  event.addPropertyWithValue('summary', p.summary ?? 'Sitzung');
  const organizer = event.addPropertyWithValue('organizer', shape === 'outlook' ? `MAILTO:${p.to.toUpperCase()}` : `mailto:${p.to}`);
  organizer.setParameter('cn', 'Interkom');
  const attendee = event.addPropertyWithValue('attendee', shape === 'outlook' ? `MAILTO:${p.attendee.email.toUpperCase()}` : `mailto:${p.attendee.email}`);
  attendee.setParameter('cn', p.attendee.name);
  attendee.setParameter('partstat', p.partstat);
  if (shape === 'outlook') attendee.setParameter('rsvp', 'TRUE');
  if (p.partstat === 'DELEGATED' && p.delegatedTo) {
    attendee.setParameter('delegated-to', [`mailto:${p.delegatedTo.email}`]);
    const delegate = event.addPropertyWithValue('attendee', `mailto:${p.delegatedTo.email}`);
    delegate.setParameter('cn', p.delegatedTo.name);
    delegate.setParameter('partstat', 'NEEDS-ACTION');
    delegate.setParameter('delegated-from', [`mailto:${p.attendee.email}`]);
    delegate.setParameter('rsvp', 'TRUE');
  }
  if (p.recurrenceId) {
    const local = berlinLocal(p.recurrenceId);
    const recurrence = event.addPropertyWithValue('recurrence-id', ICAL.Time.fromData(local));
    recurrence.setParameter('tzid', shape === 'outlook' ? WINDOWS_BERLIN : 'Europe/Berlin');
  }
  if (shape === 'apple') event.addPropertyWithValue('transp', 'OPAQUE');
  cal.addSubcomponent(event);
  return cal.toString();
}

/** The whole message (RFC 5322), as the program sends it. */
export async function replyMessage(shape: ReplyShape, p: ReplyParams): Promise<Buffer> {
  const ics = replyIcs(shape, p);
  const verb = { ACCEPTED: 'Angenommen', DECLINED: 'Abgelehnt', TENTATIVE: 'Mit Vorbehalt angenommen', DELEGATED: 'Delegiert' }[p.partstat];
  const subject = `${verb}: ${p.summary ?? 'Sitzung'}`;
  const base = {
    from: { name: p.attendee.name, address: shape === 'outlook' ? p.attendee.email.toUpperCase() : p.attendee.email },
    to: shape === 'outlook' ? p.to.toUpperCase() : p.to,
    subject,
    messageId: p.messageId ?? `<${Math.random().toString(36).slice(2)}.${shape}@mail.example.org>`,
    date: new Date(),
  };
  const text = `${p.attendee.name} hat die Einladung beantwortet: ${verb}.`;
  switch (shape) {
    case 'outlook':
      return build({ ...base, text, html: `<p>${text}</p>`, icalEvent: { method: 'REPLY', content: ics } });
    case 'thunderbird':
      return build({
        ...base,
        text,
        icalEvent: { method: 'REPLY', content: ics },
        attachments: [{ filename: 'invite.ics', content: ics, contentType: 'application/ics; name=invite.ics' }],
      });
    case 'apple':
      return build({
        ...base,
        text,
        attachments: [{ filename: 'invite.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=REPLY; name=invite.ics', contentDisposition: 'attachment' }],
      });
  }
}

/** Any other message (junk, an out-of-office note, a bounce carrying the invitation back). */
export function plainMessage(opts: { to: string; subject: string; text?: string; calendar?: { method: string; content: string }; headers?: Record<string, string> }): Promise<Buffer> {
  return build({
    from: 'someone@elsewhere.example',
    to: opts.to,
    subject: opts.subject,
    text: opts.text ?? 'Hallo',
    messageId: `<${Math.random().toString(36).slice(2)}@elsewhere.example>`,
    headers: opts.headers,
    ...(opts.calendar ? { icalEvent: opts.calendar } : {}),
  });
}

function build(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

/** An instant's wall-clock time in Europe/Berlin (for RECURRENCE-ID;TZID=…). */
function berlinLocal(instant: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((x) => [x.type, Number(x.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second, isDate: false };
}

/** Outlook's VTIMEZONE for Berlin (Windows zone name, rules as RRULEs). */
function windowsBerlin(): ICAL.Component {
  return new ICAL.Component(
    ICAL.parse(
      [
        'BEGIN:VTIMEZONE',
        `TZID:${WINDOWS_BERLIN}`,
        'BEGIN:STANDARD',
        'DTSTART:16010101T030000',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:16010101T020000',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
      ].join('\r\n'),
    ) as unknown[],
  );
}
