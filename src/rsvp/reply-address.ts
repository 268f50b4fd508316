import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** What one invitation mail is about, for one recipient. */
export interface ReplyAddressRequest {
  personId: string;
  /** The VEVENT's UID: eventUid(meetingId) for a single meeting, seriesUid(seriesId) for a series. */
  uid: string;
  meetingId?: string | null;
  seriesId?: string | null;
  /** The SEQUENCE this mail carries (of the whole event, or of the one occurrence with recurrenceId). */
  sequence: number;
  /** For a RECURRENCE-ID override of a series: the occurrence's recurrence instant. */
  recurrenceId?: Date | null;
}

/** 128 bits from the CSPRNG as 32 lower-case hex digits: survives mail programs that change case. */
export const newToken = () => randomBytes(16).toString('hex');
const TOKEN = /^[0-9a-f]{32}$/;
export const normalizeToken = (token: string | null | undefined): string | null => {
  const t = token?.trim().toLowerCase() ?? '';
  return TOKEN.test(t) ? t : null;
};

/** `local+token@domain` of the sender address (an existing +tag is replaced). */
export function plusAddress(from: string, token: string): string {
  const at = from.lastIndexOf('@');
  const local = from.slice(0, at).replace(/\+.*$/, '');
  return `${local}+${token}${from.slice(at)}`;
}

/**
 * The ORGANIZER address of one person's invitation to one event: the sender's address with the
 * person's token for that UID (made once, kept ever after), and the SEQUENCE now being sent
 * recorded (never lowered). Idempotent; call it while composing the mail. Replies to the address
 * reach the RSVP domain through the inbound mail channel.
 */
export async function replyAddress(db: EntityManager, fromAddress: string, r: ReplyAddressRequest): Promise<string> {
  const [row] = await db.query<{ id: string; token: string }[]>(
    `INSERT INTO rsvp_invitation (person_id, token, uid, meeting_id, series_id, sequence) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (person_id, uid) DO UPDATE SET sequence = GREATEST(rsvp_invitation.sequence, EXCLUDED.sequence), updated_at = now()
     RETURNING id, token`,
    [r.personId, newToken(), r.uid, r.meetingId ?? null, r.seriesId ?? null, r.recurrenceId ? 0 : r.sequence],
  );
  if (r.recurrenceId) {
    await db.query(
      `INSERT INTO rsvp_invitation_occurrence (invitation_id, recurrence_id, sequence) VALUES ($1, $2, $3)
       ON CONFLICT (invitation_id, recurrence_id) DO UPDATE SET sequence = GREATEST(rsvp_invitation_occurrence.sequence, EXCLUDED.sequence)`,
      [row.id, r.recurrenceId, r.sequence],
    );
  }
  return plusAddress(fromAddress, row.token);
}
