import type { EntityManager } from 'typeorm';
import { expandDates, firstDate } from '../../../libs/recurrence/index.js';
import type { OccurrenceForIcal, SeriesForIcal, SeriesInstances } from '../../calendar/series-ical.js';
import { MeetingSeriesEntity } from '../meeting-series.entity.js';
import { addDays, expandWindow } from './series-materializer.js';

/** A series as its calendar entry needs it, with the group's name. */
export type SeriesRow = MeetingSeriesEntity & { groupName: string };

/**
 * The series of some groups (or one series) with the group's name: the scheduling module's answer
 * for the feeds and the mail (no other module reads meeting_series directly).
 */
export async function seriesRows(db: EntityManager, where: { groupIds?: string[]; seriesId?: string }): Promise<SeriesRow[]> {
  const qb = db.getRepository(MeetingSeriesEntity).createQueryBuilder('s')
    .innerJoin('work_group', 'g', 'g.id = s.group_id').addSelect('g.name', 'group_name');
  if (where.groupIds) qb.where('s.group_id = ANY(:ids)', { ids: where.groupIds });
  if (where.seriesId) qb.where('s.id = :id', { id: where.seriesId });
  const { entities, raw } = await qb.orderBy('s.created_at').getRawAndEntities<{ group_name: string }>();
  return entities.map((e, i) => Object.assign(e, { groupName: raw[i]!.group_name }));
}

export function seriesForIcal(s: SeriesRow, summary: string, description: string, url: string | null): SeriesForIcal {
  return {
    seriesId: s.id, sequence: s.sequence, summary, description, location: s.location, url, timeZone: s.timeZone, rrule: s.rrule,
    startTime: s.startTime, durationMinutes: s.durationMinutes, until: s.until, created: s.createdAt, updated: s.updatedAt,
  };
}

/**
 * What the series' one VEVENT must say over [from, to] (local dates): the rule's dates, and the
 * hub's occurrences there: its meetings, and past the materialized horizon the dates the
 * definition will give (holidays applied) as the meetings they will become.
 */
export async function seriesInstances(db: EntityManager, s: MeetingSeriesEntity, from: string, to: string, summary: (title: string) => string): Promise<SeriesInstances> {
  const last = s.until && s.until < to ? s.until : to;
  const start = from > s.anchorOn ? from : s.anchorOn;
  const [firstRuleDate, ruleDates] = await Promise.all([
    firstDate({ rule: s.rrule, anchorOn: s.anchorOn, from: s.anchorOn, to: firstDateBound(s) }),
    start <= last ? expandDates({ rule: s.rrule, anchorOn: s.anchorOn, from: start, to: last }) : Promise.resolve([]),
  ]);
  const rows = await db.query<{ occurrence_date: string; starts_at: Date; ends_at: Date; cancelled: boolean; sequence: number; title: string; location: string | null }[]>(
    `SELECT to_char(occurrence_date, 'YYYY-MM-DD') AS occurrence_date, starts_at, ends_at, cancelled, sequence, title, location
       FROM meeting WHERE series_id = $1 AND occurrence_date BETWEEN $2 AND $3 ORDER BY occurrence_date`,
    [s.id, from, to],
  );
  const occurrences: OccurrenceForIcal[] = rows.map((r) => ({
    occurrenceDate: r.occurrence_date, startsAt: r.starts_at, endsAt: r.ends_at, cancelled: r.cancelled, sequence: r.sequence,
    summary: summary(r.title), location: r.location,
  }));
  const ahead = addDays(s.materializedUntil, 1);
  if (ahead <= to && (!s.until || s.until >= ahead)) {
    const present = new Set(occurrences.map((o) => o.occurrenceDate));
    const later = await expandWindow(s, ahead > from ? ahead : from, to);
    for (const o of later.occurrences) {
      if (present.has(o.occurrenceDate)) continue;
      occurrences.push({ occurrenceDate: o.occurrenceDate, startsAt: o.startsAt, endsAt: o.endsAt, cancelled: false, sequence: 0, summary: summary(s.title), location: s.location });
    }
  }
  return { firstRuleDate, ruleDates, occurrences, covered: { from, to } };
}

/** True when the series' current rule gives this date (its RECURRENCE-ID is then written with TZID, else in UTC). */
export async function isRuleDate(s: MeetingSeriesEntity, date: string): Promise<boolean> {
  if (date < s.anchorOn || (s.until && date > s.until)) return false;
  const [hit] = await expandDates({ rule: s.rrule, anchorOn: s.anchorOn, from: date, to: date });
  if (hit === date) return true;
  // DTSTART is an instance even where the rule would not give it (never here: it is the rule's first date).
  return (await firstDate({ rule: s.rrule, anchorOn: s.anchorOn, from: s.anchorOn, to: firstDateBound(s) })) === date;
}

/** How far the rule's first date is looked for: five years, and never past the series' end (DTSTART past UNTIL would still count). */
const firstDateBound = (s: MeetingSeriesEntity) => {
  const probe = addDays(s.anchorOn, 5 * 366);
  return s.until && s.until < probe ? s.until : probe;
};
