import { footer, germanTimeRange, MailBody, shortGermanDateTime, type MailContent } from './mail-body.js';
import { invitationIcs } from './imip.js';

/** A meeting as the invitation shows it, read when the mail is sent (always its current state). */
export interface MeetingForMail {
  id: string;
  title: string;
  groupName: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  cancelled: boolean;
  cancelReason: string | null;
  sequence: number;
  updatedAt: Date;
}

export interface InvitationContext {
  kind: 'MeetingScheduled' | 'MeetingRescheduled' | 'MeetingCancelled';
  meeting: MeetingForMail;
  /** The recipient's own link: the meeting's, or their personal video room link. */
  onlineUrl: string | null;
  /** Where the meeting was before, for a moved meeting. */
  previous: { startsAt: Date; endsAt: Date } | null;
  recipient: { name: string; email: string };
  from: { name: string; address: string };
  /** The ORGANIZER address of this recipient's invitation (MAIL_FROM with their token); replies go there. */
  replyTo: string;
  publicBaseUrl: string;
}

/**
 * An invitation, update or cancellation: German text and HTML plus the iMIP calendar part
 * (METHOD:REQUEST, or METHOD:CANCEL once the meeting is cancelled), with the meeting's current
 * time, place and SEQUENCE.
 */
export function meetingMail(c: InvitationContext): MailContent {
  const m = c.meeting;
  const zone = m.timeZone;
  const when = germanTimeRange(m.startsAt, m.endsAt, zone);
  const page = `${c.publicBaseUrl}/sitzungen/${m.id}`;
  const name = `${m.groupName}: ${m.title}`;
  const body = new MailBody().paragraph(`Guten Tag ${c.recipient.name},`);
  let subject: string;
  if (m.cancelled) {
    subject = `Abgesagt: ${name} (${shortGermanDateTime(m.startsAt, zone)})`;
    body.paragraph(`die Sitzung „${m.title}“ der Gruppe „${m.groupName}“ am ${when} wurde abgesagt.`);
    body.fields([['Grund', m.cancelReason]]);
  } else {
    const moved = c.kind === 'MeetingRescheduled';
    subject = `${moved ? 'Verschoben' : 'Einladung'}: ${name} (${shortGermanDateTime(m.startsAt, zone)})`;
    body.paragraph(
      moved
        ? `die Sitzung „${m.title}“ der Gruppe „${m.groupName}“ wurde verschoben.`
        : `die Gruppe „${m.groupName}“ lädt Sie zur Sitzung „${m.title}“ ein.`,
    );
    body.fields([
      ['Wann', `${when} (${zone})`],
      ['Vorher', moved && c.previous ? germanTimeRange(c.previous.startsAt, c.previous.endsAt, zone) : null],
      ['Ort', m.location],
      ['Online', c.onlineUrl],
    ]);
  }
  body.link('Sitzung in Interkom', page);
  body.paragraph(
    m.cancelled
      ? 'Ihr Kalender entfernt den Termin, wenn Sie die Absage übernehmen.'
      : 'Der Termin liegt als Kalendereintrag bei; Änderungen und Absagen kommen auf demselben Weg und aktualisieren diesen Eintrag. ' +
          'Zusagen/Absagen aus dem Kalender kommen in Interkom an: Sagen Sie in Ihrem Kalender zu, ab oder „Vielleicht“, oder antworten Sie in Interkom.',
  );
  if (!m.cancelled) body.link('Zusagen, absagen oder eine Vertretung benennen', `${page}#teilnahme`);
  const description = [`Gruppe: ${m.groupName}`, c.onlineUrl && !m.cancelled ? `Online: ${c.onlineUrl}` : null, `Interkom: ${page}`, m.cancelled ? `Abgesagt${m.cancelReason ? `: ${m.cancelReason}` : ''}` : null]
    .filter(Boolean)
    .join('\n');
  const calendar = invitationIcs(
    {
      meetingId: m.id, sequence: m.sequence, summary: name, description, startsAt: m.startsAt, endsAt: m.endsAt, timeZone: zone,
      location: m.location, url: m.cancelled ? null : (c.onlineUrl ?? page), cancelled: m.cancelled, updatedAt: m.updatedAt,
    },
    { organizer: { name: `${c.from.name} (${m.groupName})`, email: c.replyTo }, attendee: c.recipient, publicBaseUrl: c.publicBaseUrl },
  );
  return { ...body.build(subject, footer(c.publicBaseUrl)), calendar };
}
