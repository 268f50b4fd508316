import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { ImipReply } from '../../rsvp/imip-reply.js';
import { readImipCalendar } from './imip-calendar.js';

/** Why a message carried no reply for the domain: each is counted (`interkom_imip_replies_total{outcome}`). */
export type MessageIgnored = 'no-calendar' | 'not-a-reply' | 'malformed' | 'too-large';

export type MessageReading =
  | { kind: 'replies'; replies: ImipReply[]; messageId: string | null; from: string | null }
  | { kind: 'ignored'; reason: MessageIgnored; detail: string; messageId: string | null; from: string | null };

/** The hub's reply address (MAIL_FROM): replies come to `local+TOKEN@domain`. */
export interface ReplyMailbox {
  readonly local: string;
  readonly domain: string;
}

/** From MAIL_FROM; a +tag in it is not part of the reply address (replyAddress() in src/rsvp replaces it by the token). */
export function replyMailbox(fromAddress: string): ReplyMailbox {
  const at = fromAddress.lastIndexOf('@');
  return { local: fromAddress.slice(0, at).replace(/\+.*$/, '').toLowerCase(), domain: fromAddress.slice(at + 1).toLowerCase() };
}

/**
 * The token in one address, when it is the hub's reply address: `local+TOKEN@domain` (local part
 * and domain compared without case, as Outlook may change it). Returns '' for the bare address
 * (ours, no token) and null for any other address.
 */
export function tokenOf(address: string, mailbox: ReplyMailbox): string | null {
  const text = address.trim().replace(/^<|>$/g, '').toLowerCase();
  const at = text.lastIndexOf('@');
  if (at < 1 || text.slice(at + 1) !== mailbox.domain) return null;
  const local = text.slice(0, at);
  if (local === mailbox.local) return '';
  if (!local.startsWith(`${mailbox.local}+`)) return null;
  const token = local.slice(mailbox.local.length + 1);
  return /^[a-z0-9_-]{1,200}$/.test(token) ? token : null;
}

/**
 * The per-invitee token of a message: from the SMTP envelope (RCPT TO) first, then the headers a
 * delivering server adds (Delivered-To, X-Original-To), then To and Cc. The first address of ours
 * that carries a token wins; null when none does (From is never looked at).
 */
export function tokenFromAddresses(envelope: readonly string[], parsed: Pick<ParsedMail, 'headers' | 'to' | 'cc'>, mailbox: ReplyMailbox): string | null {
  const candidates = [...envelope, ...headerAddresses(parsed.headers.get('delivered-to')), ...headerAddresses(parsed.headers.get('x-original-to')), ...objectAddresses(parsed.to), ...objectAddresses(parsed.cc)];
  for (const address of candidates) {
    const token = tokenOf(address, mailbox);
    if (token) return token;
  }
  return null;
}

/** Calendar parts: text/calendar inline or attached, application/ics, or any part named *.ics. */
function calendarParts(parsed: ParsedMail): string[] {
  const texts = parsed.attachments
    .filter((a) => /^(text\/calendar|application\/ics|text\/x-vcalendar)$/i.test(a.contentType) || /\.ics$/i.test(a.filename ?? ''))
    .map((a) => a.content.toString('utf8'));
  return [...new Set(texts)];
}

/**
 * Reads one raw message (RFC 5322) with mailparser and the iCalendar parts in it with ical.js.
 * A message counts as replies when one calendar part is METHOD:REPLY; otherwise the reason it is
 * ignored. Never throws for what a sender wrote.
 */
export async function readInboundMessage(raw: Buffer, envelope: readonly string[], mailbox: ReplyMailbox): Promise<MessageReading> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  } catch (error) {
    return { kind: 'ignored', reason: 'malformed', detail: `not a mail message: ${(error as Error).message}`.slice(0, 200), messageId: null, from: null };
  }
  const messageId = parsed.messageId?.trim() || null;
  const from = parsed.from?.value[0]?.address?.toLowerCase() ?? null;
  const parts = calendarParts(parsed);
  if (parts.length === 0) return { kind: 'ignored', reason: 'no-calendar', detail: 'no text/calendar part', messageId, from };
  const readings = parts.map(readImipCalendar);
  const replies = readings.flatMap((r) => (r.kind === 'replies' ? r.replies : []));
  if (replies.length === 0) {
    const malformed = readings.find((r) => r.kind === 'malformed');
    if (malformed) return { kind: 'ignored', reason: 'malformed', detail: malformed.detail, messageId, from };
    const methods = readings.map((r) => (r.kind === 'not-a-reply' ? (r.method ?? 'none') : '')).join(', ');
    return { kind: 'ignored', reason: 'not-a-reply', detail: `METHOD ${methods}`, messageId, from };
  }
  const token = tokenFromAddresses(envelope, parsed, mailbox);
  // The same VEVENT sent inline and as an attachment (Outlook does both) is handed over once.
  const seen = new Set<string>();
  const unique = replies.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A series answered with its moved dates carries several VEVENTs in one message: each is its own
  // reply, so from the second on the Message-ID gets a stable suffix (the domain takes a Message-ID once).
  const ids = unique.map((_, i) => (messageId && i > 0 ? `${messageId}#${i}` : messageId));
  return { kind: 'replies', replies: unique.map((r, i) => ({ ...r, token, from, messageId: ids[i]! })), messageId, from };
}

function headerAddresses(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(headerAddresses);
  if (typeof value === 'object' && 'value' in (value as object)) return objectAddresses(value as AddressObject);
  return String(value).split(',').map((a) => a.trim().replace(/^.*<([^>]+)>.*$/, '$1'));
}

function objectAddresses(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  const flat = (entries: AddressObject['value']): string[] => entries.flatMap((e) => [...(e.address ? [e.address] : []), ...(e.group ? flat(e.group) : [])]);
  return list.flatMap((o) => flat(o.value));
}
