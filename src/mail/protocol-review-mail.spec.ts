import { describe, expect, it } from '@jest/globals';
import { protocolReviewMail } from './notification-mail.js';

const base = {
  recipientName: 'Erika Muster', publicBaseUrl: 'https://hub.example.org', meetingId: 'm1', title: 'Jour fixe', groupName: 'Breitband',
  startsAt: new Date('2026-12-10T09:00:00Z'), timeZone: 'Europe/Berlin', approvalDueAt: new Date('2026-12-24T09:00:00Z'),
};

describe('protocol review mails', () => {
  it('says that the hub approved after the objection period', () => {
    const mail = protocolReviewMail({ ...base, kind: 'automatic' });
    expect(mail.subject).toBe('Protokoll genehmigt: Breitband: Jour fixe (10.12.2026)');
    expect(mail.text).toContain('Widerspruchsfrist ist abgelaufen');
    expect(mail.text).toContain('https://hub.example.org/sitzungen/m1');
  });

  it('asks to read a revision and names the new end of the period', () => {
    const mail = protocolReviewMail({ ...base, kind: 'revised' });
    expect(mail.subject).toMatch(/^Protokoll überarbeitet: /);
    expect(mail.text).toContain('Widerspruchsfrist bis');
    expect(mail.text).toContain('24.12.2026');
  });
});
