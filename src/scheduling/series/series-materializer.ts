import type { EntityManager } from 'typeorm';
import { addDays, expandSeries, EXPANSION_LIMITS, ExpansionLimitError, RecurrenceError, type Occurrence, type SeriesDefinition, type SkippedOccurrence } from '../../../libs/recurrence/index.js';
import { badInput } from '../../common/domain-error.js';
import { de } from '../../common/validators.js';
import { syncCarryOver } from '../../meetings/carry-over.js';
import { meetingsWithProtocol } from '../../protocols/protocol-freeze.js';
import type { MeetingSeriesEntity } from '../meeting-series.entity.js';

/** How far ahead occurrences exist as meetings. */
export const HORIZON_DAYS = 366;

export { addDays };

/** True for a rule that cannot be expanded: invalid (stored before the checks) or over a limit. */
export const isExpansionProblem = (error: unknown): error is Error => error instanceof RecurrenceError || error instanceof ExpansionLimitError;

/** Why a rule over an expansion limit is refused, in German (the error's own message, for the log, is English). */
const OVER_LIMIT: Record<ExpansionLimitError['reason'], string> = {
  time: `die Regel ist zu aufwendig: Ihre Termine lassen sich nicht in ${de(EXPANSION_LIMITS.timeMs)} ms berechnen`,
  occurrences: `die Regel ergibt zu viele Termine (mehr als ${de(EXPANSION_LIMITS.maxOccurrences)} im Zeitraum)`,
  busy: 'zu viele Terminberechnungen gleichzeitig; bitte gleich noch einmal',
};

/** An expansion problem during a user's change is their input's fault: BAD_USER_INPUT naming the field. */
export function asInputError(error: unknown): unknown {
  if (error instanceof RecurrenceError) return badInput(error.field, error.message);
  if (error instanceof ExpansionLimitError) return badInput('rrule', OVER_LIMIT[error.reason]);
  return error;
}

/** What an expansion needs of a series (a series not saved yet has no id). */
export type SeriesShape = Pick<MeetingSeriesEntity, 'rrule' | 'anchorOn' | 'startTime' | 'durationMinutes' | 'timeZone' | 'until' | 'holidayPolicy' | 'holidayRegions' | 'generateFrom'>;

export function definitionOf(s: SeriesShape): SeriesDefinition {
  return {
    rrule: s.rrule, anchorOn: s.anchorOn, startTime: s.startTime, durationMinutes: s.durationMinutes, timeZone: s.timeZone,
    until: s.until, holidayPolicy: s.holidayPolicy, holidayRegions: s.holidayRegions,
  };
}

interface ExistingOccurrence {
  id: string;
  occurrence_date: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
  location: string | null;
  online_url: string | null;
  frozen: boolean;
  has_agenda: boolean;
}

/** A series' dates in a window, computed before the transaction that applies them. */
export interface SeriesExpansion {
  start: string;
  to: string;
  occurrences: Occurrence[];
  skipped: SkippedOccurrence[];
}

/**
 * Expands the series' dates in [from, to] (never before generateFrom). Call it BEFORE opening the
 * transaction that applies them: it waits for a worker thread (and may be refused when they are
 * busy), and a transaction would hold a database connection all that time.
 */
export async function expandWindow(series: SeriesShape, from: string, to: string): Promise<SeriesExpansion> {
  const start = from > series.generateFrom ? from : series.generateFrom;
  const { occurrences, skipped } = await expandSeries(definitionOf(series), start, to);
  return { start, to, occurrences, skipped };
}

/**
 * Brings the series' meetings with occurrence dates in the expansion's window in line with it.
 * Never touched: past meetings, held ones (attendance or protocol), cancelled ones, and
 * occurrences edited on their own. Untouched future ones are updated in place (keeping their
 * agenda), removed when the rule no longer has them (cancelled instead if they have an agenda),
 * and missing future ones are created. Skipped holiday dates are recorded.
 */
export async function reconcileSeries(tx: EntityManager, series: MeetingSeriesEntity, expansion: SeriesExpansion): Promise<void> {
  const { start, to, occurrences, skipped } = expansion;
  const desired = new Map(occurrences.map((o) => [o.occurrenceDate, o]));
  const existing = await tx.query<ExistingOccurrence[]>(
    `SELECT m.id, to_char(m.occurrence_date, 'YYYY-MM-DD') AS occurrence_date, m.starts_at, m.ends_at, m.title, m.location, m.online_url,
            (m.detached OR m.cancelled OR m.has_record OR m.starts_at <= now()) AS frozen,
            EXISTS (SELECT 1 FROM agenda_item ai WHERE ai.meeting_id = m.id AND ai.carried_over_from_id IS NULL) AS has_agenda
       FROM meeting m WHERE m.series_id = $1 AND m.occurrence_date BETWEEN $2 AND $3 FOR UPDATE OF m`,
    [series.id, start, to],
  );
  const present = new Set(existing.map((e) => e.occurrence_date));
  // An occurrence with a protocol is never moved or cancelled by a series edit: once the protocol
  // is approved or published the meeting is the record (protocol-freeze.ts), and a draft already
  // describes the meeting as it was held. The protocols module answers which ones have one.
  const recorded = await meetingsWithProtocol(tx, existing.map((e) => e.id));
  for (const e of existing) {
    if (e.frozen || recorded.has(e.id)) continue;
    const want = desired.get(e.occurrence_date);
    if (want) {
      const same = e.starts_at.getTime() === want.startsAt.getTime() && e.ends_at.getTime() === want.endsAt.getTime()
        && e.title === series.title && e.location === series.location && e.online_url === series.onlineUrl;
      if (!same) {
        await tx.query(
          `UPDATE meeting SET starts_at = $2, ends_at = $3, title = $4, location = $5, online_url = $6, time_zone = $7,
                  sequence = sequence + 1, updated_at = now() WHERE id = $1`,
          [e.id, want.startsAt, want.endsAt, series.title, series.location, series.onlineUrl, series.timeZone],
        );
      }
    } else if (e.has_agenda) {
      await tx.query(
        `UPDATE meeting SET cancelled = true, cancel_reason = 'Serie geändert', sequence = sequence + 1, updated_at = now() WHERE id = $1`,
        [e.id],
      );
    } else {
      await tx.query('DELETE FROM meeting WHERE id = $1', [e.id]);
    }
  }
  const now = Date.now();
  for (const o of occurrences) {
    if (present.has(o.occurrenceDate) || o.startsAt.getTime() <= now) continue;
    await tx.query(
      `INSERT INTO meeting (group_id, series_id, occurrence_date, title, starts_at, ends_at, time_zone, location, online_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (series_id, occurrence_date) WHERE series_id IS NOT NULL DO NOTHING`,
      [series.groupId, series.id, o.occurrenceDate, series.title, o.startsAt, o.endsAt, series.timeZone, series.location, series.onlineUrl],
    );
  }
  await tx.query('DELETE FROM meeting_series_skip WHERE series_id = $1 AND date BETWEEN $2 AND $3', [series.id, start, to]);
  for (const s of skipped) {
    await tx.query('INSERT INTO meeting_series_skip (series_id, date, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [series.id, s.date, s.reason]);
  }
  await tx.query('UPDATE meeting_series SET materialized_until = GREATEST(materialized_until, $2::date) WHERE id = $1', [series.id, to]);
  await syncCarryOver(tx, series.groupId);
}
