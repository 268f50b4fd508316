import type { ICalEventData } from 'ical-generator';
import type { SeriesIcalParts } from '../calendar/series-ical.js';
import { describeRule } from '../../libs/recurrence/index.js';
import { footer, germanDate, germanTimeRange, MailBody, shortGermanDateTime, type MailContent } from './mail-body.js';
import { seriesIcs } from './series-imip.js';

export interface SeriesForMail {
  id: string;
  title: string;
  groupId: string;
  groupName: string;
  rrule: string;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  startsOn: string;
  until: string | null;
  location: string | null;
  onlineUrl: string | null;
}

interface Common {
  series: SeriesForMail;
  recipient: { name: string; email: string };
  /** The ORGANIZER address (today the hub's sender address). */
  organizerEmail: string;
  fromName: string;
  publicBaseUrl: string;
}

/** The whole series: an invitation (scheduled) or an update (changed from a date on, or ended). */
export function seriesInvitationMail(c: Common & { kind: 'scheduled' | 'changed'; parts: SeriesIcalParts }): MailContent {
  const s = c.series;
  const name = `${s.groupName}: ${s.title}`;
  const page = `${c.publicBaseUrl}/gruppen/${s.groupId}`;
  const ended = s.until !== null;
  const subject = `${c.kind === 'scheduled' ? 'Einladung zur Terminserie' : ended ? 'Terminserie geändert oder beendet' : 'Terminserie geändert'}: ${name}`;
  const body = new MailBody().paragraph(`Guten Tag ${c.recipient.name},`);
  body.paragraph(
    c.kind === 'scheduled'
      ? `die Gruppe „${s.groupName}“ lädt Sie zur Terminserie „${s.title}“ ein. Eine Zusage gilt für die ganze Serie.`
      : `die Terminserie „${s.title}“ der Gruppe „${s.groupName}“ wurde geändert. Der Kalendereintrag wird aktualisiert.`,
  );
  body.fields([
    ['Regel', `${describeRule(s.rrule)}, ${s.startTime} Uhr, ${s.durationMinutes} Minuten (${s.timeZone})`],
    ['Ab', germanDate(s.startsOn)],
    ['Bis', s.until ? germanDate(s.until) : null],
    ['Ort', s.location],
    ['Online', s.onlineUrl],
  ]);
  body.link('Gruppe in Interkom', page);
  body.paragraph('Die Serie liegt als ein Kalendereintrag bei; verschobene oder abgesagte Einzeltermine kommen als Änderung dieses Eintrags.');
  const calendar = seriesIcs({ whole: c.parts }, parties(c));
  return { ...body.build(subject, footer(c.publicBaseUrl)), calendar };
}

/** One occurrence moved (REQUEST with RECURRENCE-ID) or cancelled (CANCEL with RECURRENCE-ID). */
export function seriesOccurrenceMail(c: Common & {
  meetingId: string; startsAt: Date; endsAt: Date; cancelled: boolean; cancelReason: string | null;
  previous: { startsAt: Date; endsAt: Date } | null; occurrence: ICalEventData;
}): MailContent {
  const s = c.series;
  const zone = s.timeZone;
  const name = `${s.groupName}: ${s.title}`;
  const when = germanTimeRange(c.startsAt, c.endsAt, zone);
  const body = new MailBody().paragraph(`Guten Tag ${c.recipient.name},`);
  let subject: string;
  if (c.cancelled) {
    subject = `Abgesagt: ${name} (${shortGermanDateTime(c.startsAt, zone)})`;
    body.paragraph(`der Termin der Serie „${s.title}“ am ${when} wurde abgesagt. Die übrigen Termine der Serie bleiben.`);
    body.fields([['Grund', c.cancelReason]]);
  } else {
    subject = `Verschoben: ${name} (${shortGermanDateTime(c.startsAt, zone)})`;
    body.paragraph(`ein Termin der Serie „${s.title}“ wurde verschoben. Die übrigen Termine der Serie bleiben.`);
    body.fields([
      ['Wann', `${when} (${zone})`],
      ['Vorher', c.previous ? germanTimeRange(c.previous.startsAt, c.previous.endsAt, zone) : null],
    ]);
  }
  body.link('Sitzung in Interkom', `${c.publicBaseUrl}/sitzungen/${c.meetingId}`);
  const calendar = seriesIcs({ occurrence: c.occurrence, cancelled: c.cancelled }, parties(c));
  return { ...body.build(subject, footer(c.publicBaseUrl)), calendar };
}

const parties = (c: Common) => ({ organizerName: `${c.fromName} (${c.series.groupName})`, organizerEmail: c.organizerEmail, attendee: c.recipient });
