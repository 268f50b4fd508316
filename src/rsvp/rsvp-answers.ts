import { In, type EntityManager } from 'typeorm';
import { MeetingEntity } from '../meetings/entities/meeting.entity.js';
import { meetingInvitees } from '../meetings/meeting-invitees.js';
import { RsvpAnswerEntity, RsvpSeriesAnswerEntity } from './entities/rsvp-answer.entity.js';
import { RsvpInvitationEntity } from './entities/rsvp-invitation.entity.js';
import type { RsvpAnswer } from './rsvp.enums.js';

/** The answer that holds for one person and one meeting: their own, else their series answer. */
export interface EffectiveAnswer
  extends Pick<RsvpAnswerEntity, 'meetingId' | 'personId' | 'answer' | 'deputyPersonId' | 'deputyName' | 'deputyEmail' | 'comment' | 'sequence' | 'source' | 'answeredAt'> {
  /** Given for the whole series, not for this meeting on its own. */
  forSeries: boolean;
  /**
   * False when the meeting changed after the answer (a higher SEQUENCE; for a series answer: the
   * occurrence was moved on its own, or the series was invited again with a higher SEQUENCE than
   * the answer's): shown as "vor der Änderung", it no longer counts.
   */
  current: boolean;
}

export interface InviteeAnswer {
  meetingId: string;
  personId: string;
  organizationId: string | null;
  answer: EffectiveAnswer | null;
}

/**
 * Every invited person of the meetings with the answer that holds for them (or none). A series
 * answer applies to the occurrences that had not ended when it was given and that the person has
 * not answered on their own.
 */
export async function inviteeAnswers(db: EntityManager, meetingIds: string[], personId?: string): Promise<InviteeAnswer[]> {
  if (!meetingIds.length) return [];
  const [invitees, meetings, own] = await Promise.all([
    meetingInvitees(db, meetingIds, personId),
    db.getRepository(MeetingEntity).findBy({ id: In(meetingIds) }),
    db.getRepository(RsvpAnswerEntity).findBy({ meetingId: In(meetingIds), ...(personId ? { personId } : {}) }),
  ]);
  const seriesIds = [...new Set(meetings.map((m) => m.seriesId).filter((s): s is string => !!s))];
  const series = seriesIds.length ? await db.getRepository(RsvpSeriesAnswerEntity).findBy({ seriesId: In(seriesIds), ...(personId ? { personId } : {}) }) : [];
  // The SEQUENCE of the series invitation each person was last sent: a series answer for a lower one is from before a change.
  const sent = series.length
    ? await db.getRepository(RsvpInvitationEntity).findBy({ seriesId: In(seriesIds), ...(personId ? { personId } : {}) })
    : [];
  const sentBy = new Map(sent.filter((i) => !i.meetingId).map((i) => [`${i.seriesId}/${i.personId}`, i.sequence]));
  const byMeeting = new Map(meetings.map((m) => [m.id, m]));
  const ownBy = new Map(own.map((a) => [`${a.meetingId}/${a.personId}`, a]));
  const seriesBy = new Map(series.map((a) => [`${a.seriesId}/${a.personId}`, a]));
  return invitees.map((i) => {
    const m = byMeeting.get(i.meetingId)!;
    const mine = ownBy.get(`${i.meetingId}/${i.personId}`);
    if (mine) return { ...i, answer: { ...fields(mine), meetingId: m.id, forSeries: false, current: mine.sequence >= m.sequence } };
    const s = m.seriesId ? seriesBy.get(`${m.seriesId}/${i.personId}`) : undefined;
    if (s && m.endsAt.getTime() > s.answeredAt.getTime()) {
      const current = !m.detached && s.sequence >= (sentBy.get(`${s.seriesId}/${s.personId}`) ?? 0);
      return { ...i, answer: { ...fields(s), meetingId: m.id, forSeries: true, current } };
    }
    return { ...i, answer: null };
  });
}

const fields = (a: RsvpAnswerEntity | RsvpSeriesAnswerEntity) => ({
  personId: a.personId, answer: a.answer, deputyPersonId: a.deputyPersonId, deputyName: a.deputyName, deputyEmail: a.deputyEmail,
  comment: a.comment, sequence: a.sequence, source: a.source, answeredAt: a.answeredAt,
});

/** One line the attendance form starts from (the moderation confirms; nothing is recorded by this). */
export interface AnswerForAttendance {
  /** Who answered, and for which organization. */
  personId: string;
  organizationId: string | null;
  answer: RsvpAnswer;
  /** For DEPUTY: who goes instead (an account), or only a name / address (no account). */
  deputyPersonId: string | null;
  deputyName: string | null;
  deputyEmail: string | null;
}

/**
 * The current answers of a meeting for its attendance list (answers given before the meeting's
 * last change do not count). The RSVP module owns the answers; the meetings module reads them here.
 */
export async function answersForAttendance(db: EntityManager, meetingId: string): Promise<AnswerForAttendance[]> {
  const rows = await inviteeAnswers(db, [meetingId]);
  return rows
    .filter((r) => r.answer?.current)
    .map((r) => ({
      personId: r.personId, organizationId: r.organizationId, answer: r.answer!.answer,
      deputyPersonId: r.answer!.deputyPersonId, deputyName: r.answer!.deputyName, deputyEmail: r.answer!.deputyEmail,
    }));
}
