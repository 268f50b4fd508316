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

  it('links only http(s) URLs', () => {
    const m = announcement('MeetingScheduled', { title: 'X', startsAt: '2026-07-07T08:00:00Z', onlineUrl: 'javascript:alert(1)' })!;
    expect(m.html).not.toContain('javascript:');
  });

  it('stays silent about proposals and non-public items', () => {
    expect(announcement('AgendaChanged', { change: 'proposed', title: 'X' })).toBeNull();
    expect(announcement('AgendaChanged', { change: 'added', title: 'X', public: false })).toBeNull();
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
