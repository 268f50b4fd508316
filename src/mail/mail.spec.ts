import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { bothRead, nonStandardProperties, nonUtcStamps, unfolded } from '../../test/support/ical-readers.js';
import { invitationIcs } from './imip.js';
import { classifySmtpFailure, MailCompositionError } from './mail-transport.js';
import { germanTimeRange, MailBody, oneLine } from './mail-body.js';

const event = {
  meetingId: '11111111-2222-3333-4444-555555555555', sequence: 3, summary: 'Gruppe: Sitzung', description: 'Gruppe: G',
  startsAt: new Date('2026-07-02T08:00:00Z'), endsAt: new Date('2026-07-02T09:30:00Z'), timeZone: 'Europe/Berlin',
  location: 'Rathaus', url: null, cancelled: false, updatedAt: new Date('2026-06-01T10:00:00Z'),
};
const parties = { organizer: { name: 'Interkom', email: 'hub@example.org' }, attendee: { name: 'Ida', email: 'ida@example.org' }, publicBaseUrl: 'https://hub.example.org' };

describe('invitationIcs (iMIP)', () => {
  it('writes one VEVENT with the feed UID, the SEQUENCE, local times with TZID and the VTIMEZONE, organizer and attendee', () => {
    const { method, ics } = invitationIcs(event, parties);
    expect(method).toBe('REQUEST');
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const [v, ...more] = cal.getAllSubcomponents('vevent');
    expect(more).toEqual([]);
    expect(v!.getFirstPropertyValue('uid')).toBe('11111111-2222-3333-4444-555555555555@hub.example.org');
    expect(v!.getFirstPropertyValue('sequence')).toBe(3);
    expect(v!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260702T100000'); // 08:00Z is 10:00 in Berlin summer time
    expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
    expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/); // UTC, as RFC 5545 requires
    expect(String(v!.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:hub@example.org');
    expect(String(v!.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:ida@example.org');
    expect(v!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // Replies are wanted: the organizer address carries the recipient's token (src/rsvp).
    expect(v!.getFirstProperty('attendee')!.getParameter('rsvp')).toBe('TRUE');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const { method, ics } = invitationIcs({ ...event, cancelled: true, sequence: 4 }, parties);
    expect(method).toBe('CANCEL');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:4');
    expect(ics).not.toContain('RSVP=TRUE');
  });

  it.each(['REQUEST', 'CANCEL'])('writes a %s on the autumn night in UTC: 02:30 CEST → 02:30 CET is one hour to ical.js and node-ical', (method) => {
    const night = { ...event, startsAt: new Date('2027-10-31T00:30:00Z'), endsAt: new Date('2027-10-31T01:30:00Z'), cancelled: method === 'CANCEL' };
    const { ics } = invitationIcs(night, parties);
    expect(unfolded(ics)).toEqual(expect.arrayContaining([`METHOD:${method}`, 'DTSTART:20271031T003000Z', 'DTEND:20271031T013000Z']));
    const read = bothRead(ics, event.summary);
    for (const e of [read.icaljs, read.nodeIcal]) {
      expect([e.start.toISOString(), e.end.toISOString()]).toEqual(['2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z']);
      expect(e.sequence).toBe(3);
    }
    expect(nonUtcStamps(ics)).toEqual([]);
    expect(nonStandardProperties(ics)).toEqual([]);
  });

  it('writes a zone it has no VTIMEZONE for in Europe/Berlin time (same instant)', () => {
    const { ics } = invitationIcs({ ...event, timeZone: 'Mars/Olympus' }, parties);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260702T100000');
  });
});

describe('MailBody', () => {
  it('escapes user text in HTML and keeps it as typed in the text part; links only from http(s)', () => {
    const mail = new MailBody()
      .paragraph('Titel <script>alert(1)</script> & "Co"')
      .fields([['Ort', '<b>Rathaus</b>'], ['Online', 'https://meet.example.org/a?b=1&c=2'], ['Leer', null]])
      .link('Böse', 'javascript:alert(1)')
      .build('Betreff\r\nBcc: x@example.org', 'Fuß');
    expect(mail.subject).toBe('Betreff Bcc: x@example.org');
    expect(mail.html).toContain('Titel &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;b&gt;Rathaus&lt;/b&gt;');
    expect(mail.html).toContain('<a href="https://meet.example.org/a?b=1&amp;c=2">');
    expect(mail.html).not.toContain('javascript:');
    expect(mail.text).toContain('Titel <script>alert(1)</script> & "Co"');
    expect(mail.text).not.toContain('Leer');
  });

  it('writes German dates in the meeting\'s zone', () => {
    expect(germanTimeRange(new Date('2026-03-12T09:00:00Z'), new Date('2026-03-12T10:30:00Z'), 'Europe/Berlin')).toBe('Donnerstag, 12. März 2026, 10:00–11:30 Uhr');
    expect(oneLine('a\n\tb')).toBe('a b');
    // The hour the clocks repeat: the same wall time twice, told apart by the zone's name.
    expect(germanTimeRange(new Date('2027-10-31T00:30:00Z'), new Date('2027-10-31T01:30:00Z'), 'Europe/Berlin')).toBe('Sonntag, 31. Oktober 2027, 02:30 Uhr MESZ bis 02:30 Uhr MEZ');
    expect(germanTimeRange(new Date('2027-10-30T22:00:00Z'), new Date('2027-10-31T00:30:00Z'), 'Europe/Berlin')).toBe('Sonntag, 31. Oktober 2027, 00:00 Uhr MESZ bis 02:30 Uhr MESZ');
  });
});

describe('classifySmtpFailure', () => {
  it('retries 4xx answers and failures without an answer, gives up on 5xx and on defects', () => {
    expect(classifySmtpFailure(Object.assign(new Error('greylisted'), { responseCode: 451, code: 'EENVELOPE' })).retryable).toBe(true);
    expect(classifySmtpFailure(Object.assign(new Error('refused'), { code: 'ECONNECTION' })).retryable).toBe(true);
    expect(classifySmtpFailure(Object.assign(new Error('unknown'), { responseCode: 550, code: 'EENVELOPE' })).retryable).toBe(false);
    expect(classifySmtpFailure(new MailCompositionError('bug')).retryable).toBe(false);
  });
});
