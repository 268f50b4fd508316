import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import { EXPORT_SECTIONS } from './export-queries.js';

export const EXPORT_FORMAT = 'interkom-privacy-export/1';

/**
 * Art. 15/20 GDPR: everything the hub holds about a person, as one JSON document. The structure
 * is documented in the README ("Export"); the sections are in export-queries.ts.
 */
@Injectable()
export class ExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async export(viewer: Viewer): Promise<Record<string, unknown>> {
    const personId = viewer.personId;
    // One snapshot: every section sees the same state, even while others change things.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [person] = await tx.query<Record<string, unknown>[]>(
        `SELECT id, display_name AS "displayName", email, matrix_user_id AS "matrixUserId", public_profile AS "publicProfile",
                notify_by_email AS "notifyByEmail", hub_admin AS "hubAdmin", issuer, subject, calendar_token IS NOT NULL AS "calendarFeedActive",
                created_at AS "createdAt", updated_at AS "updatedAt"
           FROM person WHERE id = $1`,
        [personId],
      );
      const sections: Record<string, unknown> = {};
      for (const [name, sql] of Object.entries(EXPORT_SECTIONS)) sections[name] = await tx.query(sql, [personId]);
      const { matrixRooms, ...rest } = sections;
      // Who took a copy of everything about a person, and when, is itself on record (issue 19): in
      // the same transaction, after the snapshot was read (so the document does not list itself).
      await recordAudit(tx, {
        actor: viewer, action: 'person.export', subjectType: 'Person', subjectId: personId, networkId: null, aboutPersonId: personId,
        summary: 'Datenauskunft (Art. 15/20 DSGVO) als Datei abgerufen.',
      });
      return {
        format: EXPORT_FORMAT,
        exportedAt: new Date().toISOString(),
        person,
        ...rest,
        matrix: { matrixUserId: person.matrixUserId ?? null, rooms: matrixRooms },
      };
    });
  }
}
