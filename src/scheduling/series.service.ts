import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { checkStartTime, checkTimeZone, describeRule, expandSeries, isHolidayRegion, parseRule, RecurrenceError, requireDates } from '../../libs/recurrence/index.js';
import { AccessService } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { todayInBerlin } from '../common/scalars.js';
import { GroupEntity } from '../groups/group.entity.js';
import { MeetingEntity } from '../meetings/entities/meeting.entity.js';
import { recordEvent } from '../outbox/outbox.js';
import type { EndMeetingSeriesInput, PreviewMeetingSeriesInput, ScheduleMeetingSeriesInput, UpdateMeetingSeriesInput } from './dto/scheduling.inputs.js';
import type { MeetingSeriesPreviewModel } from './scheduling.model.js';
import { MeetingSeriesEntity, MeetingSeriesSkipEntity } from './meeting-series.entity.js';
import { HolidayPolicy } from './scheduling.enums.js';
import { auditSeries, recordSeriesChanged } from './series/series-records.js';
import { addDays, asInputError, expandWindow, HORIZON_DAYS, isExpansionProblem, reconcileSeries, type SeriesExpansion, type SeriesShape } from './series/series-materializer.js';

const EXTEND_EVERY_MS = 6 * 3600 * 1000;

@Injectable()
export class SeriesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SeriesService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  onApplicationBootstrap(): void {
    // The rolling horizon moves on by itself; the timer never keeps the process alive.
    this.timer = setInterval(() => void this.extendAll().catch((e: Error) => this.logger.error(`extending series failed: ${e.message}`)), EXTEND_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async schedule(viewer: Viewer, input: ScheduleMeetingSeriesInput): Promise<MeetingSeriesEntity> {
    const group = await this.requireGroup(viewer, input.groupId);
    const timeZone = input.timeZone ?? 'Europe/Berlin';
    const rrule = validate({ rrule: input.rrule, startTime: input.startTime, timeZone, regions: input.holidayRegions ?? [] });
    if (input.until && input.until < input.startsOn) throw badInput('until', 'darf nicht vor dem Beginn (startsOn) liegen');
    await probe({ rrule, anchorOn: input.startsOn, until: input.until ?? null }, todayInBerlin());
    const regions = input.holidayRegions ?? (await this.defaultRegions(group));
    const definition = {
      rrule, timeZone, startTime: input.startTime, durationMinutes: input.durationMinutes, holidayPolicy: input.holidayPolicy ?? HolidayPolicy.SKIP,
      holidayRegions: regions, anchorOn: input.startsOn, generateFrom: input.startsOn, until: input.until ?? null,
    };
    const expansion = await expandForUser(definition, input.startsOn, horizon());
    return this.db.transaction(async (tx) => {
      const series = await tx.getRepository(MeetingSeriesEntity).save({
        ...definition, groupId: group.id, title: input.title.trim(), startsOn: input.startsOn,
        location: input.location ?? null, onlineUrl: input.onlineUrl ?? null, materializedUntil: input.startsOn, createdById: viewer.personId,
      });
      await reconcileSeries(tx, series, expansion);
      await recordEvent(tx, {
        type: 'MeetingSeriesScheduled', aggregateType: 'MeetingSeries', aggregateId: series.id, groupId: group.id,
        payload: { seriesId: series.id, title: series.title, rrule: series.rrule, startTime: series.startTime, timeZone, startsOn: series.startsOn, onlineUrl: series.onlineUrl },
      });
      await auditSeries(tx, viewer, series, 'series.schedule', `Terminserie „${series.title}“ angelegt (${describeRule(series.rrule)}, ${series.startTime} Uhr, ab ${germanDate(series.startsOn)}).`);
      return series;
    });
  }

  /** Changes the series from effectiveFrom on; what was held, has a protocol, or lies in the past stays. */
  async update(viewer: Viewer, input: UpdateMeetingSeriesInput): Promise<MeetingSeriesEntity> {
    const series = await this.requireSeries(viewer, input.seriesId);
    const rrule = validate({ rrule: input.rrule ?? series.rrule, startTime: input.startTime ?? series.startTime, timeZone: series.timeZone, regions: [] });
    const effectiveFrom = input.effectiveFrom < series.startsOn ? series.startsOn : input.effectiveFrom;
    const ruleChanged = rrule !== series.rrule;
    const anchorOn = ruleChanged && effectiveFrom > series.startsOn ? effectiveFrom : series.anchorOn;
    if (ruleChanged) await probe({ rrule, anchorOn, until: series.until }, effectiveFrom > todayInBerlin() ? effectiveFrom : todayInBerlin());
    const changed: MeetingSeriesEntity = {
      ...series,
      rrule,
      startTime: input.startTime ?? series.startTime,
      durationMinutes: input.durationMinutes ?? series.durationMinutes,
      holidayPolicy: input.holidayPolicy ?? series.holidayPolicy,
      location: input.location !== undefined ? input.location : series.location,
      onlineUrl: input.onlineUrl !== undefined ? input.onlineUrl : series.onlineUrl,
      // A new rule counts from effectiveFrom; earlier occurrences keep the old rule.
      anchorOn,
      // The series' one VEVENT changes: calendars take it as an update only with a higher SEQUENCE.
      sequence: series.sequence + 1,
      generateFrom: effectiveFrom > series.generateFrom ? effectiveFrom : series.generateFrom,
    };
    const expansion = await expandForUser(changed, effectiveFrom, series.materializedUntil > horizon() ? series.materializedUntil : horizon());
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM meeting_series WHERE id = $1 FOR UPDATE', [series.id]);
      await tx.getRepository(MeetingSeriesEntity).save(changed);
      await reconcileSeries(tx, changed, expansion);
      await recordSeriesChanged(tx, changed, { effectiveFrom });
      await auditSeries(tx, viewer, changed, 'series.update', `Terminserie „${series.title}“ ab ${germanDate(effectiveFrom)} geändert (${describeRule(changed.rrule)}, ${changed.startTime} Uhr, ${changed.durationMinutes} Minuten).`);
      return tx.getRepository(MeetingSeriesEntity).findOneByOrFail({ id: series.id });
    });
  }

  /** Ends the series after lastDate: future untouched occurrences after it go away. */
  async end(viewer: Viewer, input: EndMeetingSeriesInput): Promise<MeetingSeriesEntity> {
    const series = await this.requireSeries(viewer, input.seriesId);
    if (input.lastDate < series.startsOn) throw badInput('lastDate', 'darf nicht vor dem Beginn der Serie liegen');
    const ended = { ...series, until: input.lastDate, sequence: series.sequence + 1 };
    const expansion = await expandForUser(ended, addDays(input.lastDate, 1), series.materializedUntil);
    return this.db.transaction(async (tx) => {
      await tx.query('UPDATE meeting_series SET until = $2, sequence = sequence + 1, updated_at = now() WHERE id = $1', [series.id, input.lastDate]);
      await reconcileSeries(tx, ended, expansion);
      await recordSeriesChanged(tx, ended, { lastDate: input.lastDate });
      await auditSeries(tx, viewer, ended, 'series.end', `Terminserie „${series.title}“ endet am ${germanDate(input.lastDate)}.`);
      return tx.getRepository(MeetingSeriesEntity).findOneByOrFail({ id: series.id });
    });
  }

  /** The series' meetings in a window; materialises further ahead on demand (up to two years). */
  async occurrences(series: MeetingSeriesEntity, from: Date, to: Date): Promise<MeetingEntity[]> {
    if (to.getTime() < from.getTime()) throw badInput('to', 'darf nicht vor dem Anfang des Zeitraums (from) liegen');
    const wanted = to.toISOString().slice(0, 10);
    const cap = addDays(todayInBerlin(), 2 * HORIZON_DAYS);
    const target = wanted < cap ? wanted : cap;
    if (target > series.materializedUntil && (!series.until || series.until > series.materializedUntil)) {
      await this.extend(series, target);
    }
    return this.db
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.series_id = :id', { id: series.id })
      .andWhere('m.ends_at >= :from AND m.starts_at < :to', { from, to })
      .orderBy('m.starts_at', 'ASC')
      .getMany();
  }

  skipped(loaders: RequestLoaders, seriesId: string): Promise<MeetingSeriesSkipEntity[]> {
    return loaders
      .get('series.skipped', () =>
        manyByKey((ids) => this.db.getRepository(MeetingSeriesSkipEntity).find({ where: { seriesId: In(ids) }, order: { date: 'ASC' } }), (s) => s.seriesId),
      )
      .load(seriesId);
  }

  forGroup(loaders: RequestLoaders, groupId: string): Promise<MeetingSeriesEntity[]> {
    return loaders
      .get('group.series', () =>
        manyByKey((ids) => this.db.getRepository(MeetingSeriesEntity).find({ where: { groupId: In(ids) }, order: { createdAt: 'ASC' } }), (s) => s.groupId),
      )
      .load(groupId);
  }

  load(loaders: RequestLoaders, id: string | null): Promise<MeetingSeriesEntity | null> {
    if (!id) return Promise.resolve(null);
    return loaders
      .get('series.byId', () => oneByKey((ids) => this.db.getRepository(MeetingSeriesEntity).findBy({ id: In(ids) }), (s) => s.id))
      .load(id);
  }

  /** The dates a series would produce, saving nothing: the planning page's preview before scheduling. */
  async preview(viewer: Viewer, input: PreviewMeetingSeriesInput): Promise<MeetingSeriesPreviewModel> {
    const group = await this.requireGroup(viewer, input.groupId);
    const timeZone = input.timeZone ?? 'Europe/Berlin';
    const rrule = validate({ rrule: input.rrule, startTime: input.startTime, timeZone, regions: input.holidayRegions ?? [] });
    if (input.until && input.until < input.startsOn) throw badInput('until', 'darf nicht vor dem Beginn (startsOn) liegen');
    await probe({ rrule, anchorOn: input.startsOn, until: input.until ?? null }, input.startsOn);
    const holidayRegions = input.holidayRegions ?? (await this.defaultRegions(group));
    const to = addDays(input.startsOn, HORIZON_DAYS);
    const count = input.count ?? 10;
    let expanded;
    try {
      // Off the main thread and within the expansion limits, like every expansion.
      expanded = await expandSeries(
        {
          rrule, anchorOn: input.startsOn, startTime: input.startTime, durationMinutes: input.durationMinutes, timeZone,
          until: input.until ?? null, holidayPolicy: input.holidayPolicy ?? HolidayPolicy.SKIP, holidayRegions,
        },
        input.startsOn,
        to,
      );
    } catch (error) {
      throw asInputError(error);
    }
    const shown = expanded.occurrences.slice(0, count);
    const lastShown = shown.length === count ? shown[shown.length - 1]!.occurrenceDate : to;
    return {
      holidayRegions,
      occurrences: shown.map((o) => ({ date: o.date, startsAt: o.startsAt, endsAt: o.endsAt, movedBecause: o.movedBecause ?? null })),
      skippedDates: expanded.skipped.filter((x) => x.date <= lastShown),
    };
  }

  /** Moves every open series' horizon on; run periodically. */
  async extendAll(): Promise<number> {
    const target = horizon();
    const due = await this.db
      .getRepository(MeetingSeriesEntity)
      .createQueryBuilder('s')
      .where('s.materialized_until < :target', { target })
      .andWhere('(s.until IS NULL OR s.until > s.materialized_until)')
      .getMany();
    for (const series of due) await this.extend(series, target);
    return due.length;
  }

  /**
   * Materializes up to `target`. A rule that cannot be expanded (stored before the checks existed,
   * or over a limit) keeps the meetings it has, and the problem is logged instead of failing reads.
   */
  private async extend(series: MeetingSeriesEntity, target: string): Promise<void> {
    try {
      const expansion = await expandWindow(series, addDays(series.materializedUntil, 1), target);
      await this.db.transaction((tx) => reconcileSeries(tx, series, expansion));
    } catch (error) {
      if (!isExpansionProblem(error)) throw error;
      this.logger.warn(`series ${series.id} not extended: ${error.message}`);
    }
  }

  private async requireGroup(viewer: Viewer, groupId: string): Promise<GroupEntity> {
    const group = isUuid(groupId) ? await this.db.getRepository(GroupEntity).findOneBy({ id: groupId }) : null;
    if (!group) throw notFound('Gruppe');
    await this.access.requireGroupManage(viewer, group);
    return group;
  }

  private async requireSeries(viewer: Viewer, id: string): Promise<MeetingSeriesEntity> {
    const series = isUuid(id) ? await this.db.getRepository(MeetingSeriesEntity).findOneBy({ id }) : null;
    if (!series) throw notFound('Serie');
    const group = await this.db.getRepository(GroupEntity).findOneByOrFail({ id: series.groupId });
    const access = await this.access.groupAccess(viewer, group);
    if (!access) throw notFound('Serie');
    await this.access.requireGroupManage(viewer, group);
    return series;
  }

  /** The federal states of the group's member organizations (and its lead), else of the network's members. */
  private async defaultRegions(group: GroupEntity): Promise<string[]> {
    const rows = await this.db.query<{ federal_state: string }[]>(
      `SELECT DISTINCT o.federal_state FROM organization o
        WHERE o.federal_state IS NOT NULL AND (
          o.id IN (SELECT organization_id FROM group_member WHERE group_id = $1) OR o.id = $2
          OR (NOT EXISTS (SELECT 1 FROM group_member gm JOIN organization o2 ON o2.id = gm.organization_id WHERE gm.group_id = $1 AND o2.federal_state IS NOT NULL)
              AND o.id IN (SELECT organization_id FROM network_membership WHERE network_id = $3 AND status = 'ACTIVE')))
        ORDER BY 1`,
      [group.id, group.leadOrganizationId, group.networkId],
    );
    return rows.map((r) => r.federal_state).filter(isHolidayRegion);
  }
}

const horizon = () => addDays(todayInBerlin(), HORIZON_DAYS);

/** 2026-04-15 → 15.04.2026 (audit entries are read by people). */
const germanDate = (iso: string) => iso.split('-').reverse().join('.');

/** Checks a series' definition; returns the normalized rule. Throws BAD_USER_INPUT naming the field. */
function validate(v: { rrule: string; startTime: string; timeZone: string; regions: string[] }): string {
  let rrule: string;
  try {
    rrule = parseRule(v.rrule).text;
    checkStartTime(v.startTime);
    checkTimeZone(v.timeZone);
  } catch (error) {
    if (error instanceof RecurrenceError) throw badInput(error.field, error.message);
    throw error;
  }
  const unknown = v.regions.filter((r) => !isHolidayRegion(r));
  if (unknown.length) throw badInput('holidayRegions', `${unknown.length > 1 ? 'unbekannte Regionen' : 'unbekannte Region'} ${unknown.join(', ')} (erlaubt sind ISO-3166-2-Codes deutscher Bundesländer wie DE-BW)`);
  return rrule;
}

/** Refuses a rule with no date in the coming years ("die Regel ergibt keine Termine"). */
async function probe(def: { rrule: string; anchorOn: string; until: string | null }, from: string): Promise<void> {
  try {
    await requireDates(def, from);
  } catch (error) {
    throw asInputError(error);
  }
}

/**
 * Expands a user's series before their transaction opens; a rule that cannot be expanded (or a
 * pool too busy to try) is answered as BAD_USER_INPUT naming the field.
 */
async function expandForUser(series: SeriesShape, from: string, to: string): Promise<SeriesExpansion> {
  try {
    return await expandWindow(series, from, to);
  } catch (error) {
    throw asInputError(error);
  }
}
