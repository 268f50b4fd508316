import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { membershipChanged } from '../groups/group-membership.js';
import { forgetMatrixUserInEvents } from '../outbox/outbox.js';
import { forgetRsvp } from '../rsvp/rsvp-privacy.js';
import { releaseAllOf } from '../webinars/seats.js';

/** What an erased person is called everywhere from then on. */
export const ERASED_NAME = 'Gelöschte Person';
/** Issuer of erased rows: no token carries it, so no sign-in ever finds such a row again. */
export const ERASED_ISSUER = 'urn:interkom:erased';

/**
 * Art. 17 GDPR. The person row stays, anonymised, so that what others wrote and decided keeps its
 * references (revisions, decisions, attendance, votes keep their numbers); name, e-mail, Matrix ID
 * and the calendar token go; roles and memberships end; places in webinars still ahead are freed;
 * their name as a webinar speaker (stored as text, also in the webinars' outbox events) goes;
 * free texts the person wrote into requests go. Published protocols stay as they are (public records). The next sign-in with the same
 * account creates a new, empty person.
 */
@Injectable()
export class ErasureService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async erase(viewer: Viewer, personId: string): Promise<boolean> {
    await this.authorize(viewer, personId);
    await this.db.transaction(async (tx) => {
      const [person] = await tx.query<{ erased_at: Date | null }[]>('SELECT erased_at FROM person WHERE id = $1 FOR UPDATE', [personId]);
      if (person.erased_at) throw new DomainError('CONFLICT', 'Die Person wurde bereits gelöscht.');
      const networks = (await tx.query<{ network_id: string }[]>('SELECT network_id FROM network_role WHERE person_id = $1', [personId])).map((r) => r.network_id);
      const groups = (await tx.query<{ group_id: string }[]>('SELECT group_id FROM group_member WHERE person_id = $1', [personId])).map((r) => r.group_id);
      // Places in webinars still ahead are freed (the waitlist moves up); past ones stay as records.
      await releaseAllOf(tx, personId);
      await anonymise(tx, personId);
      await forgetRsvp(tx, personId);
      // The bridge removes the person from every room: their Matrix ID is gone, so no room wants them.
      for (const groupId of groups) await membershipChanged(tx, groupId, personId);
      const summary = 'Person gelöscht: Name, E-Mail-Adresse, Matrix-ID und Kalender-Abo entfernt, Rollen und Mitgliedschaften beendet.';
      for (const networkId of networks.length ? networks : [null]) {
        await recordAudit(tx, { actor: viewer, action: 'person.erase', subjectType: 'Person', subjectId: personId, networkId, aboutPersonId: personId, summary });
      }
    });
    viewer.invalidate();
    return true;
  }

  /** The person themselves or a hub admin; anyone sharing a network with them sees them (FORBIDDEN), others not. */
  private async authorize(viewer: Viewer, personId: string): Promise<void> {
    const [target] = isUuid(personId) ? await this.db.query<{ id: string }[]>('SELECT id FROM person WHERE id = $1', [personId]) : [];
    if (!target) throw notFound('Person');
    if (viewer.hubAdmin || viewer.personId === personId) return;
    const [shared] = await this.db.query(
      'SELECT 1 FROM network_role a JOIN network_role b ON b.network_id = a.network_id WHERE a.person_id = $1 AND b.person_id = $2',
      [viewer.personId, personId],
    );
    if (!shared) throw notFound('Person');
    throw new DomainError('FORBIDDEN', 'Nur die Person selbst oder die Plattform-Administration darf eine Person löschen.');
  }
}

async function anonymise(tx: EntityManager, personId: string): Promise<void> {
  const [{ matrix_user_id: matrixUserId }] = await tx.query<{ matrix_user_id: string | null }[]>('SELECT matrix_user_id FROM person WHERE id = $1', [personId]);
  await tx.query(
    `UPDATE person SET display_name = $2, email = NULL, matrix_user_id = NULL, calendar_token = NULL, public_profile = false,
            notify_by_email = false, hub_admin = false, issuer = $3, subject = id::text, erased_at = now(), updated_at = now()
      WHERE id = $1`,
    [personId, ERASED_NAME, ERASED_ISSUER],
  );
  await tx.query('DELETE FROM network_role WHERE person_id = $1', [personId]);
  await tx.query('DELETE FROM group_member WHERE person_id = $1', [personId]);
  // Requests stay as the record of others' decisions, without the person's own words.
  for (const [table, column] of [['group_join_request', 'person_id'], ['join_request', 'requested_by_id']] as const) {
    await tx.query(
      `UPDATE ${table} SET message = NULL,
              status = CASE WHEN status = 'PENDING' THEN 'REJECTED'::join_request_status ELSE status END,
              reason = CASE WHEN status = 'PENDING' THEN 'Person gelöscht' ELSE reason END,
              decided_at = CASE WHEN status = 'PENDING' THEN now() ELSE decided_at END
        WHERE ${column} = $1`,
      [personId],
    );
  }
  await anonymiseSpeaker(tx, personId);
  // The outbox keeps delivered events; some carried the Matrix ID itself.
  await forgetMatrixUserInEvents(tx, personId, matrixUserId);
}

/**
 * Webinars store their speakers' names as text (as announced), beside the link to the person: the
 * linked entries are renamed, and so are those names in the webinars' outbox events (their payloads
 * list the speakers). Role and organization stay: they describe the talk, not the person.
 */
async function anonymiseSpeaker(tx: EntityManager, personId: string): Promise<void> {
  // An UPDATE … RETURNING answers [rows, count] through TypeORM.
  const [spoken] = await tx.query<[{ webinar_id: string; name: string }[], number]>(
    'UPDATE webinar_speaker s SET name = $2 FROM webinar_speaker old WHERE old.id = s.id AND s.person_id = $1 RETURNING s.webinar_id, old.name',
    [personId, ERASED_NAME],
  );
  if (!spoken.length) return;
  await tx.query(
    `UPDATE outbox_event SET payload = jsonb_set(payload, '{speakers}',
            (SELECT coalesce(jsonb_agg(CASE WHEN sp #>> '{}' = ANY($2::text[]) THEN to_jsonb($3::text) ELSE sp END ORDER BY n), '[]'::jsonb)
               FROM jsonb_array_elements(payload->'speakers') WITH ORDINALITY AS x(sp, n)))
      WHERE aggregate_id = ANY($1::uuid[]) AND jsonb_typeof(payload->'speakers') = 'array'`,
    [[...new Set(spoken.map((s) => s.webinar_id))], [...new Set(spoken.map((s) => s.name))], ERASED_NAME],
  );
}
