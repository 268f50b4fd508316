/**
 * The contract between the inbound mail channel (IMAP / SMTP, src/mail/inbound) and the RSVP
 * domain (src/rsvp): what one parsed iMIP reply (RFC 6047, METHOD:REPLY of RFC 5546) says, and
 * what became of it. The transport parses and hands over; only the domain decides whether the
 * reply is genuine (token, UID and SEQUENCE of a current invitation of that person).
 */
export type ReplyPartstat = 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED' | 'NEEDS-ACTION';

export interface ImipReply {
  /** The per-invitee token taken from the address the reply was sent to (local+TOKEN@domain); null when none. */
  token: string | null;
  /** The VEVENT's UID as the mail program sent it back. */
  uid: string;
  /** SEQUENCE as sent back (mail programs echo the invitation's); 0 when absent. */
  sequence: number;
  /** RECURRENCE-ID as an instant: the answer concerns one occurrence of a recurring event; null = the whole event. */
  recurrenceId: Date | null;
  /** The ATTENDEE lines, address lower-cased without `mailto:`, PARTSTAT upper-cased. */
  attendees: { email: string; partstat: ReplyPartstat; delegatedTo: string[]; name: string | null }[];
  /** The message's From address (never trusted for identity; logged only). */
  from: string | null;
  /** Message-ID, for the log and for not applying one message twice. */
  messageId: string | null;
}

/** Why a reply changed nothing: each is logged and counted (`interkom_imip_replies_total{outcome}`), never an error. */
export type ReplyIgnored = 'malformed' | 'not-a-reply' | 'unknown-token' | 'wrong-uid' | 'stale-sequence' | 'not-attendee' | 'meeting-over' | 'duplicate';

export type ReplyOutcome = { applied: true } | { applied: false; reason: ReplyIgnored };

/**
 * Implemented by the RSVP domain; the inbound channel calls it once per reply. A bad reply is an
 * outcome, never an exception; it rejects only when it could not decide (the database is away),
 * and the channel then keeps the message for a later try.
 */
export interface ImipReplySink {
  apply(reply: ImipReply): Promise<ReplyOutcome>;
}

export const IMIP_REPLY_SINK = Symbol('IMIP_REPLY_SINK');
