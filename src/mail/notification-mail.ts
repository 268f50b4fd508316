import { footer, germanDate, germanTimeRange, MailBody, shortGermanDateTime, type MailContent } from './mail-body.js';

interface Base {
  recipientName: string;
  publicBaseUrl: string;
}

export function protocolPublishedMail(c: Base & {
  meetingId: string; title: string; groupName: string; startsAt: Date; timeZone: string; contentHash: string | null; decisions: string[];
}): MailContent {
  const date = shortGermanDateTime(c.startsAt, c.timeZone).replace(/, .*$/, '');
  const body = new MailBody()
    .paragraph(`Guten Tag ${c.recipientName},`)
    .paragraph(`das Protokoll der Sitzung „${c.title}“ der Gruppe „${c.groupName}“ vom ${date} ist veröffentlicht.`);
  if (c.decisions.length) body.paragraph('Beschlüsse:').list(c.decisions);
  body.fields([['SHA-256 des Protokolls', c.contentHash]]).link('Protokoll in Interkom lesen', `${c.publicBaseUrl}/sitzungen/${c.meetingId}`);
  return body.build(`Protokoll veröffentlicht: ${c.groupName}: ${c.title} (${date})`, footer(c.publicBaseUrl));
}

export function protocolCorrectedMail(c: Base & {
  meetingId: string; title: string; groupName: string; startsAt: Date; timeZone: string; sequence: number; text: string; at: Date; hash: string;
}): MailContent {
  const date = shortGermanDateTime(c.startsAt, c.timeZone).replace(/, .*$/, '');
  const body = new MailBody()
    .paragraph(`Guten Tag ${c.recipientName},`)
    .paragraph(`zum veröffentlichten Protokoll der Sitzung „${c.title}“ der Gruppe „${c.groupName}“ vom ${date} wurde eine Berichtigung eingetragen (Nr. ${c.sequence}). Das veröffentlichte Protokoll selbst bleibt unverändert.`)
    .paragraph(c.text)
    .fields([
      ['Eingetragen am', shortGermanDateTime(c.at, c.timeZone)],
      ['SHA-256 der Berichtigung', c.hash],
    ])
    .link('Protokoll mit Berichtigungen in Interkom lesen', `${c.publicBaseUrl}/sitzungen/${c.meetingId}`);
  return body.build(`Berichtigung zum Protokoll: ${c.groupName}: ${c.title} (${date})`, footer(c.publicBaseUrl));
}

/** A protocol approved without the moderation's click, or revised while in review. */
export function protocolReviewMail(c: Base & {
  meetingId: string; title: string; groupName: string; startsAt: Date; timeZone: string; kind: 'automatic' | 'approvers' | 'revised'; approvalDueAt: Date | null;
}): MailContent {
  const date = shortGermanDateTime(c.startsAt, c.timeZone).replace(/, .*$/, '');
  const what = {
    automatic: 'gilt als genehmigt: die Widerspruchsfrist ist abgelaufen, ohne dass ein Einwand offen war. Interkom hat es genehmigt.',
    approvers: 'ist genehmigt: alle benannten Genehmigenden haben zugestimmt.',
    revised: 'wurde in der Abstimmung überarbeitet. Bitte lesen Sie die neue Fassung.',
  }[c.kind];
  const body = new MailBody()
    .paragraph(`Guten Tag ${c.recipientName},`)
    .paragraph(`das Protokoll der Sitzung „${c.title}“ der Gruppe „${c.groupName}“ vom ${date} ${what}`);
  if (c.kind === 'revised' && c.approvalDueAt) body.fields([['Widerspruchsfrist bis', shortGermanDateTime(c.approvalDueAt, c.timeZone)]]);
  body.link('Protokoll in Interkom lesen', `${c.publicBaseUrl}/sitzungen/${c.meetingId}`);
  return body.build(`Protokoll ${c.kind === 'revised' ? 'überarbeitet' : 'genehmigt'}: ${c.groupName}: ${c.title} (${date})`, footer(c.publicBaseUrl));
}

export function actionItemAssignedMail(c: Base & {
  title: string; groupId: string; groupName: string; dueOn: string | null; organizationName: string | null; personally: boolean;
}): MailContent {
  const body = new MailBody()
    .paragraph(`Guten Tag ${c.recipientName},`)
    .paragraph(
      c.personally
        ? `in der Gruppe „${c.groupName}“ wurde Ihnen eine Aufgabe zugewiesen.`
        : `in der Gruppe „${c.groupName}“ wurde ${c.organizationName ? `„${c.organizationName}“` : 'Ihrer Organisation'} eine Aufgabe zugewiesen.`,
    )
    .fields([
      ['Aufgabe', c.title],
      ['Fällig am', c.dueOn ? germanDate(c.dueOn) : 'ohne Termin'],
    ])
    .link('Gruppe in Interkom', `${c.publicBaseUrl}/gruppen/${c.groupId}`);
  return body.build(`Neue Aufgabe: ${c.title}${c.dueOn ? ` (fällig am ${germanDate(c.dueOn)})` : ''}`, footer(c.publicBaseUrl));
}

export function joinRequestDecidedMail(c: Base & { groupId: string; groupName: string; approved: boolean; reason: string | null }): MailContent {
  const body = new MailBody()
    .paragraph(`Guten Tag ${c.recipientName},`)
    .paragraph(
      c.approved
        ? `Ihr Antrag auf Mitarbeit in der Gruppe „${c.groupName}“ wurde angenommen. Sie sind jetzt Mitglied.`
        : `Ihr Antrag auf Mitarbeit in der Gruppe „${c.groupName}“ wurde abgelehnt.`,
    )
    .fields([['Begründung', c.reason]])
    .link('Gruppe in Interkom', `${c.publicBaseUrl}/gruppen/${c.groupId}`);
  return body.build(`Antrag auf Mitarbeit ${c.approved ? 'angenommen' : 'abgelehnt'}: ${c.groupName}`, footer(c.publicBaseUrl));
}

export function webinarConfirmedMail(c: Base & {
  title: string; seriesTitle: string; startsAt: Date; endsAt: Date; timeZone: string; joinUrl: string | null; movedUp: boolean;
}): MailContent {
  const body = new MailBody()
    .paragraph(`Guten Tag ${c.recipientName},`)
    .paragraph(
      c.movedUp
        ? `für das Webinar „${c.title}“ (${c.seriesTitle}) ist ein Platz frei geworden: Sie sind von der Warteliste nachgerückt und angemeldet.`
        : `Ihre Anmeldung zum Webinar „${c.title}“ (${c.seriesTitle}) ist bestätigt.`,
    )
    .fields([
      ['Wann', `${germanTimeRange(c.startsAt, c.endsAt, c.timeZone)} (${c.timeZone})`],
      ['Teilnehmen', c.joinUrl ?? 'Der Zugangslink steht vor Beginn in Interkom.'],
    ])
    .paragraph('Das Webinar steht auch in Ihrem Kalender-Abo aus Interkom. Den Zugangslink bitte nicht weitergeben: er gilt für Sie.');
  return body.build(`${c.movedUp ? 'Nachgerückt' : 'Anmeldung bestätigt'}: ${c.title} (${shortGermanDateTime(c.startsAt, c.timeZone)})`, footer(c.publicBaseUrl));
}
