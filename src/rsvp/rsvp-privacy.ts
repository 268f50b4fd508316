import type { EntityManager } from 'typeorm';

/**
 * The person's answers in their export (GET /privacy/export), in the style of
 * src/privacy/export-queries.ts: a deputy by id and by the name/address the person gave.
 * The tokens of their invitation addresses are not data about them and stay out.
 */
export const RSVP_EXPORT_SECTIONS: Record<string, string> = {
  meetingAnswers: `SELECT json_build_object('id', m.id, 'title', m.title, 'startsAt', m.starts_at) AS meeting, a.answer, a.deputy_person_id AS "deputyPersonId",
           a.deputy_name AS "deputyName", a.deputy_email AS "deputyEmail", a.comment, a.sequence, a.source, a.answered_at AS "answeredAt"
      FROM rsvp_answer a JOIN meeting m ON m.id = a.meeting_id WHERE a.person_id = $1 ORDER BY m.starts_at`,
  seriesAnswers: `SELECT a.series_id AS "seriesId", a.answer, a.deputy_person_id AS "deputyPersonId", a.deputy_name AS "deputyName", a.deputy_email AS "deputyEmail",
           a.comment, a.source, a.answered_at AS "answeredAt"
      FROM rsvp_series_answer a WHERE a.person_id = $1 ORDER BY a.answered_at`,
};

/**
 * Erasure (Art. 17 GDPR): the person's invitation tokens go (a reply to an old invitation no longer
 * counts), and so does what they wrote by hand (comments, a deputy named only by name and address);
 * the answers themselves stay as numbers, like attendance.
 */
export async function forgetRsvp(tx: EntityManager, personId: string): Promise<void> {
  await tx.query('DELETE FROM rsvp_invitation WHERE person_id = $1', [personId]);
  for (const table of ['rsvp_answer', 'rsvp_series_answer']) {
    await tx.query(`UPDATE ${table} SET comment = NULL, deputy_name = NULL, deputy_email = NULL WHERE person_id = $1`, [personId]);
  }
}
