import { paragraphs, type Decision, type ProtocolPdfInput } from '../../pdf/pdf-inputs.js';
import { ACTION_STATUS, ATTENDANCE, attendeeText, germanDate, oneLine, STATUS, votesText, zoneNote, type ProtocolDocument } from '../protocol-markdown.js';

/**
 * The PDF's content from the same data the Markdown export assembles (loadProtocolDocument), with
 * the same rules: MEMBERS is the full text for the meeting's groups; PUBLIC is what anyone may read
 * (the OParl File): public items only, no place or online link, no attendance except externals who
 * agreed to be named, a person named only with publicProfile. Pure.
 */
export type RenderingAudience = 'MEMBERS' | 'PUBLIC';

function decision(d: ProtocolDocument['decisions'][number]): Decision {
  return { text: oneLine(d.text), votes: votesText(d) };
}

export function protocolPdfView(doc: ProtocolDocument, audience: RenderingAudience): ProtocolPdfInput {
  const pub = audience === 'PUBLIC';
  const tz = doc.timeZone;
  const date = new Intl.DateTimeFormat('de-DE', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('de-DE', { timeZone: tz, hour: '2-digit', minute: '2-digit' });
  const facts: [string, string][] = [
    ['Gremium', doc.groups.join(', ') || '–'],
    ['Datum', date.format(doc.startsAt)],
    ['Zeit', `${time.format(doc.startsAt)}–${time.format(doc.endsAt)} Uhr${zoneNote(tz)}`],
  ];
  if (doc.location && !pub) facts.push(['Ort', oneLine(doc.location)]);
  if (doc.onlineUrl && !pub) facts.push(['Online', doc.onlineUrl]);
  facts.push(['Stand', `${STATUS[doc.status]}, Fassung ${doc.version}`]);
  if (doc.approvedAt) facts.push(['Genehmigt am', date.format(doc.approvedAt)]);
  if (doc.publishedAt) facts.push(['Veröffentlicht am', date.format(doc.publishedAt)]);

  const attendance = doc.attendance && !pub
    ? ATTENDANCE.map(([status, label]) => ({ label, names: doc.attendance!.filter((a) => a.status === status).map(attendeeText) })).filter((g) => g.names.length)
    : null;
  const guests = pub
    ? (doc.attendance ?? []).filter((a) => a.publicName && a.status === 'PRESENT').map((a) => oneLine(a.organization ? `${a.name} (${a.organization})` : a.name))
    : [];
  // The public sees only public items: not even that a non-public one was discussed.
  const shown = pub ? doc.items.filter((i) => i.public) : doc.items;
  const items = shown.map((item) => ({
    number: String(item.position),
    title: oneLine(item.title),
    redacted: false,
    notes: paragraphs(item.notes),
    decisions: doc.decisions.filter((d) => d.agendaItemId === item.id).map(decision),
  }));
  const general = doc.decisions.filter((d) => (pub ? !d.agendaItemId : !d.agendaItemId || !doc.items.some((i) => i.id === d.agendaItemId))).map(decision);
  const actions = doc.actionItems
    .filter((a) => !pub || a.public)
    .map((a, i) => {
      const assignee = pub && !a.assigneePublic ? null : a.assignee;
      const who = [assignee, a.organization && (assignee ? `(${a.organization})` : a.organization)].filter(Boolean).join(' ');
      return { number: String(i + 1), title: oneLine(a.title), who: who ? oneLine(who) : '–', due: a.dueOn ? germanDate(a.dueOn) : '–', status: ACTION_STATUS[a.status] };
    });
  return { edition: pub ? 'Öffentliche Fassung' : 'Fassung für die Mitglieder der Gremien', facts, attendance, guests, items, general, actions };
}

