import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { GroupEntity } from '../groups/group.entity.js';
import { MeetingEntity } from '../meetings/entities/meeting.entity.js';
import { meetingInvitees } from '../meetings/meeting-invitees.js';
import { personIdByEmail } from '../people/person-by-email.js';
import { PersonEntity } from '../people/person.entity.js';
import { occurrenceByRecurrenceId, seriesGroup, upcomingOccurrences } from '../scheduling/occurrence-lookup.js';
import { RsvpInvitationEntity, RsvpInvitationOccurrenceEntity } from './entities/rsvp-invitation.entity.js';
import type { ImipReply, ImipReplySink, ReplyIgnored, ReplyOutcome } from './imip-reply.js';
import { normalizeToken } from './reply-address.js';
import { saveMeetingAnswer, saveSeriesAnswer, type AnswerData } from './rsvp-recording.js';
import { RsvpAnswer, RsvpSource } from './rsvp.enums.js';

const ANSWERS: Partial<Record<string, RsvpAnswer>> = {
  ACCEPTED: RsvpAnswer.ACCEPTED,
  DECLINED: RsvpAnswer.DECLINED,
  TENTATIVE: RsvpAnswer.TENTATIVE,
  DELEGATED: RsvpAnswer.DEPUTY,
};

class Ignored extends Error {
  constructor(readonly reason: ReplyIgnored, readonly detail: string) {
    super(reason);
  }
}

/**
 * The RSVP domain's side of an iMIP REPLY (RFC 6047 / RFC 5546): it counts only when the token of
 * the address it was sent to, its UID and its SEQUENCE match a current invitation of that person.
 * The token identifies the person: an ATTENDEE address other than theirs (a forwarding address, an
 * alias) is accepted and logged; a reply naming several attendees must name theirs. Every other
 * reply changes nothing, is logged with its reason and reported back; only a failure that is not
 * the reply's (the database) is thrown, for the transport to try again.
 */
@Injectable()
export class RsvpReplySink implements ImipReplySink {
  private readonly log = new Logger('RsvpReplySink');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async apply(reply: ImipReply): Promise<ReplyOutcome> {
    try {
      const detail = await this.db.transaction((tx) => this.applyIn(tx, reply));
      this.log.log(`iMIP reply applied: ${detail} (Message-ID ${reply.messageId ?? '–'})`);
      return { applied: true };
    } catch (e) {
      if (e instanceof Ignored) {
        this.log.warn(`iMIP reply ignored (${e.reason}): ${e.detail}; UID ${reply.uid}, Message-ID ${reply.messageId ?? '–'}, From ${reply.from ?? '–'}`);
        if (reply.messageId && e.reason !== 'duplicate') await this.remember(reply.messageId, e.reason, null).catch(() => undefined);
        return { applied: false, reason: e.reason };
      }
      // Not the reply's fault (the database is away, a bug): thrown, so that the transport keeps
      // the message and tries again with backoff (IMAP leaves it unread, SMTP answers 451).
      this.log.error(`iMIP reply could not be applied, left to the transport to try again: ${(e as Error).stack ?? e}`);
      throw e;
    }
  }

  private remember(messageId: string, outcome: string, invitationId: string | null, tx: EntityManager = this.db.manager) {
    return tx.query(
      'INSERT INTO rsvp_mail_reply (message_id, outcome, invitation_id, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (message_id) DO NOTHING RETURNING message_id',
      [messageId.slice(0, 998), outcome, invitationId, this.clock.now()],
    );
  }

  /** Takes the Message-ID for this transaction: the same message handed over twice at once applies once. */
  private async claim(tx: EntityManager, reply: ImipReply, invitationId: string) {
    if (!reply.messageId) return;
    const rows = await this.remember(reply.messageId, 'applied', invitationId, tx);
    if (!rows.length) throw new Ignored('duplicate', 'this Message-ID was handed over before');
  }

  private async applyIn(tx: EntityManager, reply: ImipReply): Promise<string> {
    if (reply.messageId) {
      const seen = await tx.query('SELECT 1 FROM rsvp_mail_reply WHERE message_id = $1', [reply.messageId.slice(0, 998)]);
      if (seen.length) throw new Ignored('duplicate', 'this Message-ID was handed over before');
    }
    const token = normalizeToken(reply.token);
    if (!token) throw new Ignored('unknown-token', reply.token ? 'token of the wrong shape' : 'no token in the address');
    const invitation = await tx.getRepository(RsvpInvitationEntity).findOneBy({ token });
    if (!invitation) throw new Ignored('unknown-token', 'no invitation has this token');
    if (reply.uid !== invitation.uid) throw new Ignored('wrong-uid', `the token was issued for ${invitation.uid}`);
    const person = await tx.getRepository(PersonEntity).findOneBy({ id: invitation.personId });
    if (!person || person.erasedAt) throw new Ignored('unknown-token', 'the person no longer exists');
    if (!reply.attendees.length) throw new Ignored('malformed', 'no ATTENDEE');
    const own = person.email?.toLowerCase() ?? null;
    const attendee = reply.attendees.length === 1 ? reply.attendees[0] : reply.attendees.find((a) => a.email === own);
    if (!attendee) throw new Ignored('not-attendee', 'several ATTENDEE lines, none of them the invited person');
    const answer = ANSWERS[attendee.partstat];
    if (!answer) throw new Ignored('malformed', `PARTSTAT ${attendee.partstat}`);
    let lastSent = invitation.sequence;
    if (reply.recurrenceId) {
      const occ = await tx.getRepository(RsvpInvitationOccurrenceEntity).findOneBy({ invitationId: invitation.id, recurrenceId: reply.recurrenceId });
      if (occ) lastSent = occ.sequence;
    }
    if (reply.sequence < lastSent) throw new Ignored('stale-sequence', `SEQUENCE ${reply.sequence} < ${lastSent} last sent`);

    const deputy = answer === RsvpAnswer.DEPUTY ? await this.deputy(tx, reply, attendee.delegatedTo) : { deputyPersonId: null, deputyName: null, deputyEmail: null };
    const data: AnswerData = { personId: person.id, answer, ...deputy, comment: null, sequence: reply.sequence, source: RsvpSource.MAIL, at: this.clock.now() };
    const aside = attendee.email !== own ? ` (ATTENDEE ${attendee.email} is not the person's address; the token identifies them)` : '';

    // A single meeting, or one occurrence of a series (RECURRENCE-ID): the answer for that meeting.
    let meetingId = invitation.meetingId;
    if (invitation.seriesId && reply.recurrenceId) {
      meetingId = await occurrenceByRecurrenceId(tx, invitation.seriesId, reply.recurrenceId);
      if (!meetingId) throw new Ignored('wrong-uid', `the series has no occurrence at ${reply.recurrenceId.toISOString()}`);
    }
    if (meetingId) {
      const meeting = await tx.getRepository(MeetingEntity).findOneBy({ id: meetingId });
      if (!meeting) throw new Ignored('wrong-uid', 'the meeting no longer exists');
      if (meeting.cancelled || meeting.endsAt.getTime() <= data.at.getTime()) throw new Ignored('meeting-over', 'the meeting is over or cancelled');
      if (!(await meetingInvitees(tx, [meeting.id], person.id)).length) throw new Ignored('not-attendee', 'the person is no longer invited');
      const group = await tx.getRepository(GroupEntity).findOneByOrFail({ id: meeting.groupId });
      await this.claim(tx, reply, invitation.id);
      await saveMeetingAnswer(tx, meeting.id, group.networkId, data);
      return `${answer} for meeting ${meeting.id}${aside}`;
    }
    if (!invitation.seriesId) throw new Ignored('wrong-uid', 'the invitation names neither a meeting nor a series');
    // The whole series: every coming occurrence the person has not answered on its own.
    const groupId = await seriesGroup(tx, invitation.seriesId);
    if (!groupId) throw new Ignored('wrong-uid', 'the series no longer exists');
    const upcoming = await upcomingOccurrences(tx, invitation.seriesId, data.at);
    if (!upcoming.length) throw new Ignored('meeting-over', 'the series has no coming occurrence');
    if (!(await meetingInvitees(tx, [upcoming[0]], person.id)).length) throw new Ignored('not-attendee', 'the person is no longer invited');
    const group = await tx.getRepository(GroupEntity).findOneByOrFail({ id: groupId });
    await this.claim(tx, reply, invitation.id);
    await saveSeriesAnswer(tx, invitation.seriesId, group.networkId, data);
    return `${answer} for series ${invitation.seriesId}${aside}`;
  }

  /** DELEGATED-TO: a person of the hub with that address, else the address (and name) as an external deputy. */
  private async deputy(tx: EntityManager, reply: ImipReply, delegatedTo: string[]) {
    const email = delegatedTo.map((d) => d.replace(/^mailto:/i, '').trim().toLowerCase()).find(Boolean);
    if (!email) throw new Ignored('malformed', 'DELEGATED without DELEGATED-TO');
    const name = reply.attendees.find((a) => a.email === email)?.name?.trim() || null;
    return { deputyPersonId: await personIdByEmail(tx, email), deputyName: name, deputyEmail: email };
  }
}
