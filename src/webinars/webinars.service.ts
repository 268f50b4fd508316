import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { ProfilesService } from '../knowledge/profiles.service.js';
import { visibleSql } from '../knowledge/visibility.js';
import { MeetingStatus } from '../meetings/meeting.enums.js';
import { checkSchedule, DEFAULT_TIME_ZONE } from '../meetings/meeting-rules.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { EventSeriesEntity } from './entities/event-series.entity.js';
import { WebinarEntity, WebinarProfileEntity, WebinarSpeakerEntity } from './entities/webinar.entity.js';
import { EventSeriesService } from './event-series.service.js';
import { webinarAnnounced } from './webinar-events.js';
import type { ScheduleWebinarInput } from './webinar.inputs.js';

/** SCHEDULED until it ends, then HELD; CANCELLED once cancelled. */
export function webinarStatus(w: { cancelled: boolean; endsAt: Date }, now = new Date()): MeetingStatus {
  if (w.cancelled) return MeetingStatus.CANCELLED;
  return w.endsAt.getTime() < now.getTime() ? MeetingStatus.HELD : MeetingStatus.SCHEDULED;
}

@Injectable()
export class WebinarsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly series: EventSeriesService,
    private readonly profiles: ProfilesService,
  ) {}

  /** The webinar with its series, if the caller may see the series. */
  async byId(viewer: Viewer | undefined, id: string, loaders?: RequestLoaders): Promise<{ webinar: WebinarEntity; series: EventSeriesEntity } | null> {
    const webinar = !isUuid(id) ? null : loaders ? await this.load(loaders, id) : await this.db.getRepository(WebinarEntity).findOneBy({ id });
    if (!webinar) return null;
    const series = await this.series.byId(viewer, webinar.seriesId);
    return series ? { webinar, series } : null;
  }

  async require(viewer: Viewer | undefined, id: string): Promise<{ webinar: WebinarEntity; series: EventSeriesEntity }> {
    const found = await this.byId(viewer, id);
    if (!found) throw notFound('Webinar');
    return found;
  }

  async schedule(viewer: Viewer, input: ScheduleWebinarInput): Promise<WebinarEntity> {
    const series = await this.series.byId(viewer, input.seriesId);
    if (!series) throw notFound('Reihe');
    if (!(await this.series.isOrganizer(viewer, series))) throw new DomainError('FORBIDDEN', 'Nur wer die Reihe veranstaltet, darf Webinare ansetzen.');
    checkSchedule(input.startsAt, input.endsAt, input.timeZone);
    if (input.startsAt.getTime() <= Date.now()) throw badInput('startsAt', 'muss in der Zukunft liegen');
    const speakers = input.speakers ?? [];
    const orgIds = [...new Set(speakers.map((s) => s.organizationId).filter((id): id is string => !!id))];
    if (orgIds.length && (await this.db.getRepository(OrganizationEntity).countBy({ id: In(orgIds) })) !== orgIds.length) throw badInput('speakers.organizationId', 'unbekannte Organisation');
    const personIds = [...new Set(speakers.map((s) => s.personId).filter((id): id is string => !!id))];
    if (personIds.length && (await this.db.getRepository(PersonEntity).countBy({ id: In(personIds) })) !== personIds.length) throw badInput('speakers.personId', 'unbekannte Person');
    const profileIds = [...new Set(input.projectProfileIds ?? [])];
    for (const id of profileIds) if (!(await this.profiles.byId(viewer, id))) throw badInput('projectProfileIds', `unbekannter Steckbrief ${id}`);
    return this.db.transaction(async (tx) => {
      const webinar = await tx.getRepository(WebinarEntity).save({
        seriesId: series.id, title: input.title.trim(), description: input.description ?? null, startsAt: input.startsAt, endsAt: input.endsAt,
        timeZone: input.timeZone ?? DEFAULT_TIME_ZONE, capacity: input.capacity ?? null, onlineUrl: input.onlineUrl ?? null, recordingUrl: null,
        cancelled: false, cancelReason: null, sequence: 0, createdById: viewer.personId,
      });
      if (speakers.length) {
        await tx.getRepository(WebinarSpeakerEntity).insert(
          speakers.map((s, position) => ({ webinarId: webinar.id, position, name: s.name.trim(), role: s.role ?? null, organizationId: s.organizationId ?? null, personId: s.personId ?? null })),
        );
      }
      if (profileIds.length) await tx.getRepository(WebinarProfileEntity).insert(profileIds.map((profileId, position) => ({ webinarId: webinar.id, profileId, position })));
      await webinarAnnounced(tx, 'WebinarScheduled', series, webinar, speakers.map((s) => s.name.trim()));
      await recordAudit(tx, {
        actor: viewer, action: 'webinar.schedule', subjectType: 'Webinar', subjectId: webinar.id, networkId: series.networkId,
        summary: `Webinar „${webinar.title}“ in der Reihe „${series.title}“ angesetzt${webinar.capacity ? ` (${webinar.capacity} Plätze)` : ''}.`,
      });
      return webinar;
    });
  }

  /** Cancelling twice returns the cancelled webinar; a webinar that has ended is CONFLICT. */
  async cancel(viewer: Viewer, webinarId: string, reason: string | null): Promise<WebinarEntity> {
    const { webinar, series } = await this.require(viewer, webinarId);
    if (!(await this.series.isOrganizer(viewer, series))) throw new DomainError('FORBIDDEN', 'Nur wer die Reihe veranstaltet, darf Webinare absagen.');
    return this.db.transaction(async (tx) => {
      const current = await tx.getRepository(WebinarEntity).findOne({ where: { id: webinar.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Webinar');
      if (current.cancelled) return current;
      if (current.endsAt.getTime() < Date.now()) throw new DomainError('CONFLICT', 'Das Webinar hat bereits stattgefunden.');
      await tx.query('UPDATE webinar SET cancelled = true, cancel_reason = $2, sequence = sequence + 1, updated_at = now() WHERE id = $1', [webinar.id, reason]);
      const cancelled = await tx.getRepository(WebinarEntity).findOneByOrFail({ id: webinar.id });
      const speakers = await tx.getRepository(WebinarSpeakerEntity).find({ where: { webinarId: webinar.id }, order: { position: 'ASC' } });
      await webinarAnnounced(tx, 'WebinarCancelled', series, cancelled, speakers.map((s) => s.name));
      await recordAudit(tx, {
        actor: viewer, action: 'webinar.cancel', subjectType: 'Webinar', subjectId: webinar.id, networkId: series.networkId,
        summary: `Webinar „${cancelled.title}“ abgesagt.`,
      });
      return cancelled;
    });
  }

  /** Every webinar the caller may see that has not ended before `from` (default now), by start; at most 500. */
  async upcoming(viewer: Viewer | undefined, from: Date | null | undefined, to: Date | null | undefined): Promise<WebinarEntity[]> {
    const params: unknown[] = [];
    const visible = await visibleSql(viewer, 's', params);
    params.push(from ?? new Date());
    let sql = `SELECT w.id FROM webinar w JOIN event_series s ON s.id = w.series_id WHERE ${visible} AND w.ends_at >= $${params.length}`;
    if (to) {
      params.push(to);
      sql += ` AND w.starts_at < $${params.length}`;
    }
    const rows = await this.db.query<{ id: string }[]>(`${sql} ORDER BY w.starts_at, w.id LIMIT 500`, params);
    const webinars = rows.length ? await this.db.getRepository(WebinarEntity).findBy({ id: In(rows.map((r) => r.id)) }) : [];
    const byId = new Map(webinars.map((w) => [w.id, w]));
    return rows.map((r) => byId.get(r.id)!);
  }

  load(loaders: RequestLoaders, id: string): Promise<WebinarEntity | null> {
    return loaders.get('webinar.byId', () => oneByKey((ids) => this.db.getRepository(WebinarEntity).findBy({ id: In(ids) }), (w) => w.id)).load(id);
  }

  ofSeries(loaders: RequestLoaders, seriesId: string): Promise<WebinarEntity[]> {
    return loaders
      .get('webinar.bySeries', () =>
        manyByKey((ids) => this.db.getRepository(WebinarEntity).find({ where: { seriesId: In(ids) }, order: { startsAt: 'ASC', id: 'ASC' } }), (w) => w.seriesId),
      )
      .load(seriesId);
  }

  speakers(loaders: RequestLoaders, webinarId: string): Promise<WebinarSpeakerEntity[]> {
    return loaders
      .get('webinar.speakers', () =>
        manyByKey((ids) => this.db.getRepository(WebinarSpeakerEntity).find({ where: { webinarId: In(ids) }, order: { position: 'ASC' } }), (s) => s.webinarId),
      )
      .load(webinarId);
  }

  profileIds(loaders: RequestLoaders, webinarId: string): Promise<WebinarProfileEntity[]> {
    return loaders
      .get('webinar.profiles', () =>
        manyByKey((ids) => this.db.getRepository(WebinarProfileEntity).find({ where: { webinarId: In(ids) }, order: { position: 'ASC' } }), (p) => p.webinarId),
      )
      .load(webinarId);
  }
}
