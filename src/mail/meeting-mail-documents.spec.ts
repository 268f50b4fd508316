import { describe, expect, it } from '@jest/globals';
import { meetingMail, type InvitationContext } from './meeting-mail.js';

const context = (cancelled: boolean): InvitationContext => ({
  kind: cancelled ? 'MeetingCancelled' : 'MeetingScheduled',
  meeting: {
    id: 'm1', title: 'Jour fixe', groupName: 'Breitband', startsAt: new Date('2026-12-10T09:00:00Z'), endsAt: new Date('2026-12-10T10:00:00Z'),
    timeZone: 'Europe/Berlin', location: null, cancelled, cancelReason: null, sequence: 0, updatedAt: new Date('2026-12-01T09:00:00Z'),
  },
  onlineUrl: null,
  previous: null,
  recipient: { name: 'Erika Muster', email: 'erika@example.org' },
  from: { name: 'Interkom', address: 'interkom@example.org' },
  replyTo: 'interkom+0123456789abcdef0123456789abcdef@example.org',
  publicBaseUrl: 'https://hub.example.org',
});

describe('invitations and the meeting documents (issue 23)', () => {
  it('link to the documents on the meeting page, never attach them', () => {
    const mail = meetingMail(context(false));
    expect(mail.text).toContain('https://hub.example.org/sitzungen/m1#unterlagen');
    expect(mail.html).toContain('href="https://hub.example.org/sitzungen/m1#unterlagen"');
    expect(mail.text).toContain('Sitzungsunterlagen');
  });

  it('a cancellation does not', () => {
    expect(meetingMail(context(true)).text).not.toContain('#unterlagen');
  });
});
