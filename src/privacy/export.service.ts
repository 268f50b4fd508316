import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EXPORT_SECTIONS } from './export-queries.js';

export const EXPORT_FORMAT = 'interkom-privacy-export/1';

/**
 * Art. 15/20 GDPR: everything the hub holds about a person, as one JSON document. The structure
 * is documented in the README ("Export"); the sections are in export-queries.ts.
 */
@Injectable()
export class ExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    // One snapshot: every section sees the same state, even while others change things.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [person] = await tx.query<Record<string, unknown>[]>(
        `SELECT id, display_name AS "displayName", email, matrix_user_id AS "matrixUserId", public_profile AS "publicProfile",
                notify_by_email AS "notifyByEmail", issuer, subject, calendar_token IS NOT NULL AS "calendarFeedActive",
                created_at AS "createdAt", updated_at AS "updatedAt"
           FROM person WHERE id = $1`,
        [personId],
      );
      const sections: Record<string, unknown> = {};
      for (const [name, sql] of Object.entries(EXPORT_SECTIONS)) sections[name] = await tx.query(sql, [personId]);
      const { matrixRooms, ...rest } = sections;
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
