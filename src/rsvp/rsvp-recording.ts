import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { RsvpAnswerEntity, RsvpSeriesAnswerEntity } from './entities/rsvp-answer.entity.js';
import { RsvpAnswer, RsvpSource } from './rsvp.enums.js';

/** An answer to record; `at` becomes answeredAt. */
export interface AnswerData extends Pick<RsvpAnswerEntity, 'personId' | 'answer' | 'deputyPersonId' | 'deputyName' | 'deputyEmail' | 'comment' | 'source'> {
  /** The SEQUENCE the answer refers to. */
  sequence: number;
  at: Date;
}

const SAID: Record<RsvpAnswer, string> = {
  [RsvpAnswer.ACCEPTED]: 'Zusage',
  [RsvpAnswer.DECLINED]: 'Absage',
  [RsvpAnswer.TENTATIVE]: 'Vielleicht',
  [RsvpAnswer.DEPUTY]: 'Vertretung benannt',
};
const via = (s: RsvpSource) => (s === RsvpSource.MAIL ? 'aus dem Mailprogramm' : 'in Interkom');

const row = (a: AnswerData) => ({
  personId: a.personId, answer: a.answer, deputyPersonId: a.deputyPersonId, deputyName: a.deputyName, deputyEmail: a.deputyEmail,
  comment: a.comment, sequence: a.sequence, source: a.source, answeredAt: a.at,
});

/** One person's answer for one meeting (replacing their earlier one), with its audit entry; call inside a transaction. */
export async function saveMeetingAnswer(tx: EntityManager, meetingId: string, networkId: string, a: AnswerData): Promise<void> {
  await tx.getRepository(RsvpAnswerEntity).upsert({ meetingId, ...row(a) }, ['meetingId', 'personId']);
  await recordAudit(tx, {
    actor: a.personId, action: 'meeting.rsvp.answer', subjectType: 'Meeting', subjectId: meetingId, networkId, aboutPersonId: a.personId,
    summary: `Teilnahme beantwortet (${SAID[a.answer]}, ${via(a.source)}).`,
  });
}

/** One person's answer for a whole series, with its audit entry; call inside a transaction. */
export async function saveSeriesAnswer(tx: EntityManager, seriesId: string, networkId: string, a: AnswerData): Promise<void> {
  await tx.getRepository(RsvpSeriesAnswerEntity).upsert({ seriesId, ...row(a) }, ['seriesId', 'personId']);
  await recordAudit(tx, {
    actor: a.personId, action: 'meeting.rsvp.answerSeries', subjectType: 'MeetingSeries', subjectId: seriesId, networkId, aboutPersonId: a.personId,
    summary: `Teilnahme für die ganze Sitzungsreihe beantwortet (${SAID[a.answer]}, ${via(a.source)}).`,
  });
}
