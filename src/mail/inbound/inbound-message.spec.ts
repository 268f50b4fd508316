import { describe, expect, it } from '@jest/globals';
import { plainMessage, replyIcs, replyMessage, type ReplyParams } from '../../../test/support/imip-replies.js';
import { readImipCalendar } from './imip-calendar.js';
import { readInboundMessage, replyMailbox, tokenOf } from './inbound-message.js';

const mailbox = replyMailbox('interkom@example.org');
const TOKEN = '0123456789abcdef0123456789abcdef';
const params: ReplyParams = {
  to: `interkom+${TOKEN}@example.org`,
  uid: 'meeting-1@interkom.example.org',
  sequence: 3,
  attendee: { email: 'Anna.Beispiel@Stadt.example', name: 'Anna Beispiel' },
  partstat: 'ACCEPTED',
};

async function read(raw: Buffer, envelope: string[] = []) {
  return readInboundMessage(raw, envelope, mailbox);
}

describe('reply address tokens', () => {
  it('takes the +token of the hub address only, without case', () => {
    expect(tokenOf(`interkom+${TOKEN}@example.org`, mailbox)).toBe(TOKEN);
    expect(tokenOf(`INTERKOM+${TOKEN.toUpperCase()}@EXAMPLE.ORG`, mailbox)).toBe(TOKEN);
    expect(tokenOf(`<interkom+${TOKEN}@example.org>`, mailbox)).toBe(TOKEN);
    expect(tokenOf('interkom@example.org', mailbox)).toBe('');
    expect(tokenOf(`interkom+${TOKEN}@example.com`, mailbox)).toBeNull();
    expect(tokenOf(`other+${TOKEN}@example.org`, mailbox)).toBeNull();
    expect(tokenOf(`interkomx+${TOKEN}@example.org`, mailbox)).toBeNull();
    expect(tokenOf('interkom+a b@example.org', mailbox)).toBeNull();
    // MAIL_FROM with a +tag of its own: the token replaces it.
    expect(tokenOf(`interkom+${TOKEN}@example.org`, replyMailbox('Interkom+Hub@Example.org'))).toBe(TOKEN);
  });
});

describe('reading replies as mail programs send them', () => {
  it('Outlook: inline text/calendar, MAILTO: in capitals, the reply address in capitals', async () => {
    const r = await read(await replyMessage('outlook', { ...params, messageId: '<o1@mail.example.org>' }));
    expect(r).toMatchObject({ kind: 'replies', messageId: '<o1@mail.example.org>', from: 'anna.beispiel@stadt.example' });
    if (r.kind !== 'replies') throw new Error('no replies');
    expect(r.replies).toEqual([
      {
        token: TOKEN, uid: params.uid, sequence: 3, recurrenceId: null,
        attendees: [{ email: 'anna.beispiel@stadt.example', partstat: 'ACCEPTED', delegatedTo: [], name: 'Anna Beispiel' }],
        from: 'anna.beispiel@stadt.example', messageId: '<o1@mail.example.org>',
      },
    ]);
  });

  it('Thunderbird: the same object inline and attached is one reply; DELEGATED-TO names the deputy', async () => {
    const r = await read(await replyMessage('thunderbird', { ...params, partstat: 'DELEGATED', delegatedTo: { email: 'Bernd@Stadt.example', name: 'Bernd Vertreter' } }));
    if (r.kind !== 'replies') throw new Error(`ignored: ${JSON.stringify(r)}`);
    expect(r.replies).toHaveLength(1);
    expect(r.replies[0]!.attendees).toEqual([
      { email: 'anna.beispiel@stadt.example', partstat: 'DELEGATED', delegatedTo: ['bernd@stadt.example'], name: 'Anna Beispiel' },
      { email: 'bernd@stadt.example', partstat: 'NEEDS-ACTION', delegatedTo: [], name: 'Bernd Vertreter' },
    ]);
  });

  it('Apple Mail: invite.ics as an attachment only', async () => {
    const r = await read(await replyMessage('apple', { ...params, partstat: 'TENTATIVE' }));
    if (r.kind !== 'replies') throw new Error(`ignored: ${JSON.stringify(r)}`);
    expect(r.replies[0]).toMatchObject({ token: TOKEN, uid: params.uid, sequence: 3, attendees: [{ partstat: 'TENTATIVE' }] });
  });

  it('RECURRENCE-ID through Outlook’s Windows zone, an IANA TZID, and UTC read as the same instant', async () => {
    const occurrence = new Date('2027-07-06T08:30:00Z'); // 10:30 in Berlin, summer time
    for (const shape of ['outlook', 'apple'] as const) {
      const r = await read(await replyMessage(shape, { ...params, recurrenceId: occurrence }));
      if (r.kind !== 'replies') throw new Error(`ignored: ${JSON.stringify(r)}`);
      expect(r.replies[0]!.recurrenceId?.toISOString()).toBe(occurrence.toISOString());
    }
    const winter = new Date('2027-01-05T09:30:00Z');
    const outlook = await read(await replyMessage('outlook', { ...params, recurrenceId: winter }));
    expect(outlook.kind === 'replies' && outlook.replies[0]!.recurrenceId?.toISOString()).toBe(winter.toISOString());
    const utc = readImipCalendar(replyIcs('apple', params).replace('TRANSP:OPAQUE', 'RECURRENCE-ID:20270106T093000Z\r\nTRANSP:OPAQUE'));
    expect(utc.kind === 'replies' && utc.replies[0]!.recurrenceId?.toISOString()).toBe('2027-01-06T09:30:00.000Z');
  });

  it('the token comes from the envelope first, then Delivered-To, then To; From never counts', async () => {
    const other = 'fedcba9876543210fedcba9876543210';
    const raw = await replyMessage('apple', params);
    const r = await read(raw, [`interkom+${other}@example.org`]);
    expect(r.kind === 'replies' && r.replies[0]!.token).toBe(other);
    const delivered = Buffer.concat([Buffer.from(`Delivered-To: interkom+${other}@example.org\r\n`), raw]);
    const d = await read(delivered);
    expect(d.kind === 'replies' && d.replies[0]!.token).toBe(other);
    // A bare Delivered-To (Postfix without the extension) does not hide X-Original-To's token.
    const original = Buffer.concat([Buffer.from(`Delivered-To: interkom@example.org\r\nX-Original-To: interkom+${other}@example.org\r\n`), raw]);
    const o = await read(original);
    expect(o.kind === 'replies' && o.replies[0]!.token).toBe(other);
    const forged = await read(await replyMessage('apple', { ...params, to: 'interkom@example.org', attendee: { email: `interkom+${TOKEN}@example.org`, name: 'X' } }));
    expect(forged.kind === 'replies' && forged.replies[0]!.token).toBeNull();
  });

  it('a series with a moved date answered in one message: one reply per VEVENT, each with its own Message-ID', async () => {
    const occurrence = new Date('2027-07-06T08:30:00Z');
    const master = replyIcs('apple', params);
    const override = replyIcs('apple', { ...params, partstat: 'DECLINED', recurrenceId: occurrence });
    const vevent = /BEGIN:VEVENT[\s\S]*END:VEVENT\r\n/.exec(override)![0];
    const both = master.replace('END:VCALENDAR', `${vevent}END:VCALENDAR`);
    const r = await read(await plainMessage({ to: params.to, subject: 'Angenommen', calendar: { method: 'REPLY', content: both } }));
    if (r.kind !== 'replies') throw new Error(`ignored: ${JSON.stringify(r)}`);
    expect(r.replies.map((x) => [x.recurrenceId?.toISOString() ?? null, x.attendees[0]!.partstat])).toEqual([[null, 'ACCEPTED'], [occurrence.toISOString(), 'DECLINED']]);
    expect(r.replies[1]!.messageId).toBe(`${r.messageId}#1`);
    expect(r.replies[0]!.messageId).toBe(r.messageId);
  });

  it('case in METHOD and PARTSTAT, unknown PARTSTAT as NEEDS-ACTION, missing SEQUENCE as 0', () => {
    const ics = replyIcs('apple', params).replace('METHOD:REPLY', 'METHOD:reply').replace('PARTSTAT=ACCEPTED', 'PARTSTAT=accepted');
    const r = readImipCalendar(ics);
    expect(r.kind === 'replies' && r.replies[0]!.attendees[0]!.partstat).toBe('ACCEPTED');
    const odd = readImipCalendar(replyIcs('apple', params).replace('PARTSTAT=ACCEPTED', 'PARTSTAT=X-MAYBE'));
    expect(odd.kind === 'replies' && odd.replies[0]!.attendees[0]!.partstat).toBe('NEEDS-ACTION');
    const noSeq = readImipCalendar(replyIcs('apple', { ...params, sequence: 0 }));
    expect(noSeq.kind === 'replies' && noSeq.replies[0]!.sequence).toBe(0);
  });
});

describe('what is not a reply', () => {
  it('junk without a calendar part', async () => {
    expect(await read(await plainMessage({ to: params.to, subject: 'Gewinnspiel' }))).toMatchObject({ kind: 'ignored', reason: 'no-calendar' });
  });

  it('an invitation sent back (METHOD:REQUEST) or a cancellation', async () => {
    const request = replyIcs('outlook', params).replace('METHOD:REPLY', 'METHOD:REQUEST');
    const r = await read(await plainMessage({ to: params.to, subject: 'WG: Sitzung', calendar: { method: 'REQUEST', content: request } }));
    expect(r).toMatchObject({ kind: 'ignored', reason: 'not-a-reply', detail: 'METHOD REQUEST' });
  });

  it('a broken calendar, a REPLY without UID or ATTENDEE, a SEQUENCE that is no number', async () => {
    const broken = await read(await plainMessage({ to: params.to, subject: 'x', calendar: { method: 'REPLY', content: 'BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x\r\n' } }));
    expect(broken).toMatchObject({ kind: 'ignored', reason: 'malformed' });
    const ics = replyIcs('apple', params);
    expect(readImipCalendar(ics.replace(/UID:[^\r\n]*\r\n/, ''))).toMatchObject({ kind: 'malformed', detail: 'VEVENT without UID' });
    expect(readImipCalendar(ics.replace(/ATTENDEE[^\r\n]*(\r\n [^\r\n]*)*\r\n/, ''))).toMatchObject({ kind: 'malformed' });
    expect(readImipCalendar(ics.replace('SEQUENCE:3', 'SEQUENCE:drei'))).toMatchObject({ kind: 'malformed' });
    expect(readImipCalendar(ics.replace('BEGIN:VEVENT', 'BEGIN:VTODO').replace('END:VEVENT', 'END:VTODO'))).toMatchObject({ kind: 'malformed', detail: 'REPLY without VEVENT' });
  });

  it('bytes that are no message at all', async () => {
    expect((await read(Buffer.from([0, 1, 2, 255, 254]))).kind).toBe('ignored');
  });
});
