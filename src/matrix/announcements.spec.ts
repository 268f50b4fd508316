import { describe, expect, it } from '@jest/globals';
import { announcement, escapeHtml } from './announcements.js';

describe('announcements', () => {
  it('writes German text with the time in Europe/Berlin and the online link', () => {
    const m = announcement('MeetingScheduled', { title: 'Jour fixe', startsAt: '2026-07-07T08:00:00Z', location: 'Rathaus', onlineUrl: 'https://meet.jit.si/x', timeZone: 'Europe/Berlin' })!;
    expect(m.body).toContain('Neuer Termin: Jour fixe');
    expect(m.body).toContain('Dienstag, 7. Juli 2026 um 10:00 Uhr');
    expect(m.html).toContain('<a href="https://meet.jit.si/x">');
  });

  it('escapes everything a user wrote', () => {
    const m = announcement('MeetingCancelled', { title: '<img src=x onerror=alert(1)>', startsAt: '2026-07-07T08:00:00Z', reason: '<script>alert(1)</script>' })!;
    expect(m.html).not.toMatch(/<img|<script/);
    expect(m.html).toContain('&lt;script&gt;');
    expect(m.body).toContain('<script>'); // the plain body is shown as text by clients
  });

  it('announces a Berichtigung with its number, the meeting, when and its hash, escaping the title', () => {
    const m = announcement('ProtocolCorrected', {
      title: 'Jour <b>fixe</b>', startsAt: '2026-07-07T08:00:00Z', at: '2026-07-20T12:30:00Z', sequence: 2, hash: 'ab'.repeat(32), timeZone: 'Europe/Berlin',
    })!;
    expect(m.body).toContain('Berichtigung Nr. 2 zum Protokoll: Jour <b>fixe</b>');
    expect(m.body).toContain('Sitzung vom: Dienstag, 7. Juli 2026 um 10:00 Uhr');
    expect(m.body).toContain('Eingetragen: Montag, 20. Juli 2026 um 14:30 Uhr');
    expect(m.body).toContain(`Prüfsumme (SHA-256): ${'ab'.repeat(32)}`);
    expect(m.html).toContain('Jour &lt;b&gt;fixe&lt;/b&gt;');
  });

  it('links only http(s) URLs', () => {
    const m = announcement('MeetingScheduled', { title: 'X', startsAt: '2026-07-07T08:00:00Z', onlineUrl: 'javascript:alert(1)' })!;
    expect(m.html).not.toContain('javascript:');
  });

  it('stays silent about proposals and non-public items', () => {
    expect(announcement('AgendaChanged', { change: 'proposed', title: 'X' })).toBeNull();
    expect(announcement('AgendaChanged', { change: 'added', title: 'X', public: false })).toBeNull();
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('announces webinars with their series, speakers and how to register, never a join link', () => {
    const m = announcement('WebinarScheduled', {
      title: 'Mängelmelder <live>', seriesTitle: 'Digital ins Wochenende', startsAt: '2026-07-10T09:30:00Z', timeZone: 'Europe/Berlin', speakers: ['Erika Muster'], capacity: 30,
    })!;
    expect(m.body).toContain('Neues Webinar: Mängelmelder <live>');
    expect(m.body).toContain('Freitag, 10. Juli 2026 um 11:30 Uhr');
    expect(m.body).toContain('Mit: Erika Muster');
    expect(m.body).toContain('(30 Plätze)');
    expect(m.html).toContain('Mängelmelder &lt;live&gt;');
    expect(m.html).not.toContain('<a ');
    expect(announcement('WebinarCancelled', { title: 'X', seriesTitle: 'R', startsAt: '2026-07-10T09:30:00Z', reason: 'krank' })!.body).toContain('Grund: krank');
  });

  it('links a meeting\'s generated video room, or points to the personal link', () => {
    const plain = announcement('MeetingScheduled', { title: 'X', startsAt: '2026-07-07T08:00:00Z', videoRoomUrl: 'https://meet.example.org/interkom-abc' })!;
    expect(plain.html).toContain('Videoraum: <a href="https://meet.example.org/interkom-abc">');
    const personal = announcement('MeetingReminder', { title: 'X', startsAt: '2026-07-07T08:00:00Z', videoPersonal: true })!;
    expect(personal.body).toContain('persönlicher Zugangslink');
    expect(announcement('MeetingScheduled', { title: 'X', startsAt: '2026-07-07T08:00:00Z' })!.body).not.toContain('Video');
  });

  it('announces an approval without the moderation and a revision in review, in German', () => {
    const auto = announcement('ProtocolApproved', { title: 'Jour fixe', startsAt: '2026-07-07T08:00:00Z', timeZone: 'Europe/Berlin', automatic: true })!;
    expect(auto.body).toContain('Protokoll genehmigt (Widerspruchsfrist abgelaufen, kein Einwand offen): Jour fixe');
    expect(announcement('ProtocolApproved', { title: 'X', startsAt: '2026-07-07T08:00:00Z', automatic: false })!.body).toContain('alle benannten Genehmigenden');
    const revised = announcement('ProtocolRevised', { title: 'X', startsAt: '2026-07-07T08:00:00Z', approvalDueAt: '2026-07-21T08:00:00Z', timeZone: 'Europe/Berlin' })!;
    expect(revised.body).toContain('überarbeitet');
    expect(revised.body).toContain('Widerspruchsfrist bis');
  });
});
