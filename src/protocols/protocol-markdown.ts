/**
 * Renders a protocol as German markdown, the way a city would file it. Pure: the same document
 * always gives the same text, so the SHA-256 of a published protocol can be checked by anyone.
 */
export interface ProtocolDocument {
  title: string;
  groups: string[];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  onlineUrl: string | null;
  status: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED';
  version: number;
  approvedAt: Date | null;
  publishedAt: Date | null;
  /**
   * null: not shown (readers outside the meeting's groups never see who attended). `role` (default
   * MEMBER) says in what capacity; `publicName`: an external person who agreed to be named in public.
   */
  attendance:
    | {
        name: string;
        organization: string | null;
        status: 'PRESENT' | 'EXCUSED' | 'ABSENT';
        role?: 'MEMBER' | 'GUEST' | 'SPEAKER' | 'DEPUTY' | 'EXTERNAL';
        publicName?: boolean;
      }[]
    | null;
  items: { id: string; position: number; title: string; public: boolean; notes: string | null }[];
  decisions: { agendaItemId: string | null; text: string; votesFor: number | null; votesAgainst: number | null; abstentions: number | null }[];
  actionItems: {
    title: string;
    assignee: string | null;
    /** Whether the assignee chose publicProfile (and is not erased): only then named in the public rendering. */
    assigneePublic?: boolean;
    organization: string | null;
    dueOn: string | null;
    status: 'OPEN' | 'DONE' | 'DROPPED';
    public: boolean;
  }[];
}

/**
 * Who reads a rendering: `redact` hides non-public items and attendance (network members outside
 * the meeting's groups); `public` (the OParl File, readable by anyone) also leaves out non-public
 * items entirely, the place and the online link, and names a person only with publicProfile (an
 * external attendee only with their consent).
 */
export interface RenderOptions {
  redact: boolean;
  public?: boolean;
}

// The protocol's words, shared by the Markdown export and the PDF (renderings/protocol-pdf-view.ts).
export const STATUS: Record<ProtocolDocument['status'], string> = {
  DRAFT: 'Entwurf',
  IN_REVIEW: 'In Abstimmung',
  APPROVED: 'Genehmigt',
  PUBLISHED: 'Veröffentlicht',
};
export const ACTION_STATUS = { OPEN: 'offen', DONE: 'erledigt', DROPPED: 'entfallen' } as const;
export const ATTENDANCE = [
  ['PRESENT', 'Anwesend'],
  ['EXCUSED', 'Entschuldigt'],
  ['ABSENT', 'Abwesend'],
] as const;
/** How a role shows after the name: "(Stadt, Gast)"; a deputy reads "in Vertretung für Stadt". */
const ROLE_WORD: Record<string, string | null> = { MEMBER: null, GUEST: 'Gast', SPEAKER: 'Vortrag', DEPUTY: null, EXTERNAL: 'extern' };

/** Text on one line (whitespace collapsed). */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One attendee as plain text, on one line. */
export function attendeeText(a: NonNullable<ProtocolDocument['attendance']>[number]): string {
  if (a.role === 'DEPUTY' && a.organization) return oneLine(`${a.name} in Vertretung für ${a.organization}`);
  const details = [a.organization, ROLE_WORD[a.role ?? 'MEMBER']].filter(Boolean);
  return oneLine(details.length ? `${a.name} (${details.join(', ')})` : a.name);
}

/** "Abstimmung: 5 Ja, 1 Nein, 0 Enthaltungen", or null when no votes were counted. */
export function votesText(d: ProtocolDocument['decisions'][number]): string | null {
  if (d.votesFor === null && d.votesAgainst === null && d.abstentions === null) return null;
  const abst = d.abstentions ?? 0;
  return `Abstimmung: ${d.votesFor ?? 0} Ja, ${d.votesAgainst ?? 0} Nein, ${abst} ${abst === 1 ? 'Enthaltung' : 'Enthaltungen'}`;
}

const attendee = (a: NonNullable<ProtocolDocument['attendance']>[number]) => inline(attendeeText(a));
export const REDACTED_TITLE = 'Nichtöffentlicher Tagesordnungspunkt';

/** One line of user text: no line breaks, no leading markdown syntax. */
const inline = (text: string) => oneLine(text).replace(/^([#>*+-]|\d+\.)\s/, '\\$1 ');
/** A table cell: one line, pipes escaped. */
const cell = (text: string | null) => (text ? inline(text).replace(/\|/g, '\\|') : '–');

/**
 * The meeting's zone after its times only where readers would not assume it: German networks meet
 * in German time, so "Europe/Berlin" is left out; another zone reads "(Ortszeit New York)".
 */
export function zoneNote(timeZone: string): string {
  if (timeZone === 'Europe/Berlin') return '';
  return ` (Ortszeit ${(timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ')})`;
}

export function renderProtocol(doc: ProtocolDocument, options: RenderOptions): string {
  const opts = { redact: options.redact || !!options.public, public: !!options.public };
  const tz = doc.timeZone;
  const date = new Intl.DateTimeFormat('de-DE', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('de-DE', { timeZone: tz, hour: '2-digit', minute: '2-digit' });
  const out: string[] = [`# Protokoll: ${inline(doc.title)}`, ''];
  out.push('| | |', '|---|---|');
  out.push(`| Gremium | ${cell(doc.groups.join(', '))} |`);
  out.push(`| Datum | ${date.format(doc.startsAt)} |`);
  out.push(`| Zeit | ${time.format(doc.startsAt)}–${time.format(doc.endsAt)} Uhr${zoneNote(tz)} |`);
  // A meeting's place and video link are for its participants, never for the public.
  if (doc.location && !opts.public) out.push(`| Ort | ${cell(doc.location)} |`);
  if (doc.onlineUrl && !opts.public) out.push(`| Online | ${cell(doc.onlineUrl)} |`);
  out.push(`| Stand | ${STATUS[doc.status]}, Fassung ${doc.version} |`);
  if (doc.approvedAt) out.push(`| Genehmigt am | ${date.format(doc.approvedAt)} |`);
  if (doc.publishedAt) out.push(`| Veröffentlicht am | ${date.format(doc.publishedAt)} |`);
  out.push('');

  if (doc.attendance && !opts.redact) {
    out.push('## Anwesenheit', '');
    for (const [status, label] of ATTENDANCE) {
      const people = doc.attendance.filter((a) => a.status === status).map(attendee);
      if (people.length) out.push(`**${label}:** ${people.join(', ')}`, '');
    }
  }
  // In public, of all who attended only external people who agreed to be named (OParl).
  const named = opts.public ? (doc.attendance ?? []).filter((a) => a.publicName && a.status === 'PRESENT') : [];
  if (named.length) out.push('## Gäste und Sachverständige', '', named.map((a) => inline(a.organization ? `${a.name} (${a.organization})` : a.name)).join(', '), '');

  const hidden = (item: ProtocolDocument['items'][number]) => opts.redact && !item.public;
  // The public sees only public items: not even that a non-public one was discussed.
  const items = opts.public ? doc.items.filter((i) => i.public) : doc.items;
  out.push('## Tagesordnung', '');
  if (!items.length) out.push('Keine öffentlichen Tagesordnungspunkte.');
  for (const item of items) out.push(`${item.position}. ${hidden(item) ? REDACTED_TITLE : inline(item.title)}`);
  out.push('');

  for (const item of items) {
    out.push(`## TOP ${item.position}: ${hidden(item) ? REDACTED_TITLE : inline(item.title)}`, '');
    if (hidden(item)) {
      out.push('_Dieser Tagesordnungspunkt wurde nichtöffentlich beraten._', '');
      continue;
    }
    if (item.notes?.trim()) out.push(item.notes.trim(), '');
    for (const d of doc.decisions.filter((x) => x.agendaItemId === item.id)) out.push(...decision(d));
  }
  // In public only decisions of no item at all: one of a non-public (or withdrawn) item stays out.
  const general = doc.decisions.filter((d) => (opts.public ? !d.agendaItemId : !d.agendaItemId || !doc.items.some((i) => i.id === d.agendaItemId)));
  if (general.length) {
    out.push('## Weitere Beschlüsse', '');
    for (const d of general) out.push(...decision(d));
  }

  const actions = doc.actionItems.filter((a) => !opts.redact || a.public);
  out.push('## Aufgaben', '');
  if (!actions.length) out.push('Keine Aufgaben.', '');
  else {
    out.push('| Nr. | Aufgabe | Zuständig | Fällig | Status |', '|---|---|---|---|---|');
    actions.forEach((a, i) => {
      const assignee = opts.public && !a.assigneePublic ? null : a.assignee;
      const who = [assignee, a.organization && (assignee ? `(${a.organization})` : a.organization)].filter(Boolean).join(' ');
      out.push(`| ${i + 1} | ${cell(a.title)} | ${cell(who || null)} | ${a.dueOn ? germanDate(a.dueOn) : '–'} | ${ACTION_STATUS[a.status]} |`);
    });
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function decision(d: ProtocolDocument['decisions'][number]): string[] {
  const lines = [`**Beschluss:** ${inline(d.text)}`];
  const votes = votesText(d);
  if (votes) lines.push('', votes);
  return [...lines, ''];
}

/** 2026-04-15 → 15.04.2026 */
export function germanDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}
