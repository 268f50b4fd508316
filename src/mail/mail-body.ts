import { localTimeIsUnique } from '../calendar/ical-times.js';
import { escapeHtml } from '../matrix/announcements.js';

/** One notification: German plain text and the same as HTML, in which everything users wrote is escaped. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
  /** An iMIP part (RFC 6047): the iCalendar object and its METHOD. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
}

/** Why a notification is not sent after all (stored as the row's outcome). */
export interface Skip {
  skip: string;
}

export type Composed = MailContent | Skip;
export const isSkip = (c: Composed): c is Skip => 'skip' in c;

/**
 * Builds a mail's body twice, as plain text and as HTML. Every value passes through escapeHtml;
 * links are only ever made from http(s) URLs.
 */
export class MailBody {
  private readonly text: string[] = [];
  private readonly html: string[] = [];

  /** A paragraph of plain words (user text inside is escaped like everything else). */
  paragraph(plain: string): this {
    this.text.push(plain, '');
    this.html.push(`<p>${escapeHtml(plain).replace(/\n/g, '<br>')}</p>`);
    return this;
  }

  /** Label and value lines, e.g. "Wann: …". Empty values are left out. */
  fields(rows: [label: string, value: string | null | undefined][]): this {
    const present = rows.filter((r): r is [string, string] => !!r[1]);
    if (!present.length) return this;
    this.text.push(...present.map(([l, v]) => `${l}: ${v}`), '');
    this.html.push(`<table role="presentation">${present.map(([l, v]) => `<tr><th align="left" valign="top">${escapeHtml(l)}:</th><td>${linkify(v)}</td></tr>`).join('')}</table>`);
    return this;
  }

  /** A bullet list. */
  list(items: string[]): this {
    if (!items.length) return this;
    this.text.push(...items.map((i) => `- ${i.replace(/\s+/g, ' ')}`), '');
    this.html.push(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    return this;
  }

  /** "Label: URL" as text, a link as HTML; nothing for anything but an http(s) URL. */
  link(label: string, url: string | null | undefined): this {
    if (!url || !isHttpUrl(url)) return this;
    this.text.push(`${label}: ${url}`, '');
    this.html.push(`<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`);
    return this;
  }

  build(subject: string, footer: string): MailContent {
    const text = [...this.text, '-- ', footer].join('\n');
    const html =
      `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
      `<body>${this.html.join('\n')}<hr><p><small>${escapeHtml(footer).replace(/\n/g, '<br>')}</small></p></body></html>`;
    return { subject: oneLine(subject), text, html };
  }
}

const isHttpUrl = (value: string) => /^https?:\/\/[^\s<>"]+$/i.test(value);
/** A field value as HTML: an http(s) URL becomes a link, anything else is escaped text. */
const linkify = (value: string) => (isHttpUrl(value) ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>` : escapeHtml(value));
/** Subjects are one line: no header injection, whatever a title holds. */
export const oneLine = (text: string) => text.replace(/[\r\n\t\u0000-\u001f\u007f]+/g, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, 200);

/**
 * "Donnerstag, 12. März 2026, 10:00–11:30 Uhr" in the given zone. In the hour the clocks repeat
 * the times name their zone ("02:30 Uhr MESZ bis 02:30 Uhr MEZ"): "02:30–02:30 Uhr" says nothing.
 */
export function germanTimeRange(start: Date, end: Date, zone: string): string {
  const date = new Intl.DateTimeFormat('de-DE', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('de-DE', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const sameDay = date.format(start) === date.format(end);
  if (!localTimeIsUnique(start, zone) || !localTimeIsUnique(end, zone)) {
    const named = new Intl.DateTimeFormat('de-DE', { timeZone: zone, timeZoneName: 'short' });
    const clock = (at: Date) => `${time.format(at)} Uhr ${named.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone}`;
    return `${date.format(start)}, ${clock(start)} bis ${sameDay ? '' : `${date.format(end)}, `}${clock(end)}`;
  }
  return sameDay
    ? `${date.format(start)}, ${time.format(start)}–${time.format(end)} Uhr`
    : `${date.format(start)}, ${time.format(start)} Uhr bis ${date.format(end)}, ${time.format(end)} Uhr`;
}

/** "12.03.2026, 10:00 Uhr" for subjects. */
export function shortGermanDateTime(at: Date, zone: string): string {
  const f = new Intl.DateTimeFormat('de-DE', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${f.format(at)} Uhr`;
}

/** "2026-04-15" → "15.04.2026". */
export const germanDate = (iso: string) => iso.split('-').reverse().join('.');

/** The footer of every notification: where it comes from and how to turn it off. */
export const footer = (baseUrl: string) =>
  `Diese Nachricht kommt von Interkom (${baseUrl}).\nE-Mail-Benachrichtigungen schalten Sie unter „Meine Daten“ ab: ${baseUrl}/meine-daten`;
