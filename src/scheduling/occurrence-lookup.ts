import type { EntityManager } from 'typeorm';

/**
 * The occurrence (meeting id) of a series that a RECURRENCE-ID names: the rule's start of that
 * occurrence, i.e. occurrence_date at the series' start_time in the series' zone (also when the
 * occurrence itself was moved). Null when the series has no such occurrence.
 */
export async function occurrenceByRecurrenceId(db: EntityManager, seriesId: string, recurrenceId: Date): Promise<string | null> {
  const [row] = await db.query<{ id: string }[]>(
    `SELECT m.id FROM meeting m JOIN meeting_series s ON s.id = m.series_id
      WHERE m.series_id = $1 AND ((m.occurrence_date + s.start_time::time) AT TIME ZONE s.time_zone) = $2::timestamptz`,
    [seriesId, recurrenceId],
  );
  return row?.id ?? null;
}

/** The occurrences of a series that have not ended at `after`, in order (meeting ids). */
export async function upcomingOccurrences(db: EntityManager, seriesId: string, after: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    'SELECT id FROM meeting WHERE series_id = $1 AND ends_at > $2 AND NOT cancelled ORDER BY starts_at',
    [seriesId, after],
  );
  return rows.map((r) => r.id);
}

/** The group a series belongs to; null when there is no such series. */
export async function seriesGroup(db: EntityManager, seriesId: string): Promise<string | null> {
  const [row] = await db.query<{ group_id: string }[]>('SELECT group_id FROM meeting_series WHERE id = $1', [seriesId]);
  return row?.group_id ?? null;
}
