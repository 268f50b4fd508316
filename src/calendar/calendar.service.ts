import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { isUuid } from '../common/ids.js';
import { PersonEntity } from '../people/person.entity.js';
import { VideoRoomService } from '../video/video-rooms.service.js';
import { ExpansionLimitError } from '../../libs/recurrence/index.js';
import { todayInBerlin } from '../common/scalars.js';
import { seriesForIcal, seriesInstances, seriesRows, type SeriesRow } from '../scheduling/series/series-instances.js';
import { addDays, isExpansionProblem } from '../scheduling/series/series-materializer.js';
import { eventUid, feedZone } from './ical-common.js';
import { eventTimes } from './ical-times.js';
import { addSeries, seriesIcalParts } from './series-ical.js';

interface FeedRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  location: string | null;
  online_url: string | null;
  cancelled: boolean;
  cancel_reason: string | null;
  sequence: number;
  updated_at: Date;
  created_at: Date;
  /** The group's name, for webinars the series' title. */
  group_name: string;
  kind: 'meeting' | 'webinar';
  /** The feed's person manages the meeting or organizes the webinar (moderator in the video room). */
  moderator: boolean;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{32}$/;
/** Meetings in the feed window; `person` is the parameter holding the feed's person (for the moderator flag). */
const feedSql = (person: string) => `SELECT m.id, m.title, m.starts_at, m.ends_at, m.time_zone, m.location, m.online_url, m.cancelled, m.cancel_reason,
       m.sequence, m.updated_at, m.created_at, g.name AS group_name, 'meeting' AS kind,
       (EXISTS (SELECT 1 FROM group_member gm WHERE gm.person_id = ${person} AND gm.role IN ('LEAD', 'MODERATOR')
                   AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)
                   AND (gm.group_id = m.group_id OR gm.group_id IN (SELECT mg.group_id FROM meeting_group mg WHERE mg.meeting_id = m.id)))
        OR EXISTS (SELECT 1 FROM network_role r WHERE r.person_id = ${person} AND r.network_id = g.network_id AND r.role IN ('ADMIN', 'MODERATOR'))) AS moderator
  FROM meeting m JOIN work_group g ON g.id = m.group_id
 WHERE m.starts_at >= now() - interval '90 days' AND m.starts_at < now() + interval '400 days'
   AND m.series_id IS NULL`;

/** The feed window in days before and after today (meetings by start, a series' occurrences by date). */
const WINDOW = { pastDays: 90, aheadDays: 400 };

/** The webinars person $1 holds a CONFIRMED seat in or speaks at, in the feed window. */
const WEBINAR_FEED_SQL = `SELECT w.id, w.title, w.starts_at, w.ends_at, w.time_zone, NULL AS location, w.online_url, w.cancelled, w.cancel_reason,
       w.sequence, w.updated_at, w.created_at, s.title AS group_name, 'webinar' AS kind,
       (s.created_by_id = $1 OR EXISTS (SELECT 1 FROM network_role r WHERE r.person_id = $1 AND r.network_id = s.network_id AND r.role IN ('ADMIN', 'MODERATOR'))) AS moderator
  FROM webinar w JOIN event_series s ON s.id = w.series_id
 WHERE w.starts_at >= now() - interval '90 days' AND w.starts_at < now() + interval '400 days'
   AND (EXISTS (SELECT 1 FROM webinar_registration r WHERE r.webinar_id = w.id AND r.person_id = $1 AND r.status = 'CONFIRMED')
        OR EXISTS (SELECT 1 FROM webinar_speaker sp WHERE sp.webinar_id = w.id AND sp.person_id = $1))
 ORDER BY w.starts_at, w.id`;

/** Personal ICS feeds: one secret URL per person, revocable by rotating its token. */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly video: VideoRoomService,
  ) {}

  async feedUrl(viewer: Viewer): Promise<string> {
    return this.url(await this.token(viewer));
  }

  /** One group's feed with the caller's token; the feed itself checks who may read the group. */
  async groupFeedUrl(viewer: Viewer, groupId: string): Promise<string> {
    return `${this.config.publicBaseUrl}/calendar/groups/${groupId}.ics?token=${await this.token(viewer)}`;
  }

  /** The caller's calendar token, created on first use. */
  private async token(viewer: Viewer): Promise<string> {
    const [row] = await this.db.query<{ calendar_token: string | null }[]>('SELECT calendar_token FROM person WHERE id = $1', [viewer.personId]);
    return row?.calendar_token ?? (await this.rotate(viewer, true));
  }

  /** A new token; the old URL answers 404 from now on. Rotating (not the first issue) is audited. */
  async rotate(viewer: Viewer, onlyIfMissing = false): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const rows = await this.db.transaction(async (tx) => {
      const [updated] = await tx.query<[{ calendar_token: string }[], number]>(
        `UPDATE person SET calendar_token = $2 WHERE id = $1 ${onlyIfMissing ? 'AND calendar_token IS NULL' : ''} RETURNING calendar_token`,
        [viewer.personId, token],
      );
      if (!onlyIfMissing) {
        await recordAudit(tx, {
          actor: viewer, action: 'calendar.token.rotate', subjectType: 'Person', subjectId: viewer.personId, networkId: null, aboutPersonId: viewer.personId,
          summary: 'Kalender-Abo-Adresse erneuert; die bisherige gilt nicht mehr.',
        });
      }
      return updated;
    });
    if (rows.length) return token;
    // Someone else created it meanwhile (two first requests at once): use theirs.
    return (await this.db.getRepository(PersonEntity).findOneByOrFail({ id: viewer.personId })).calendarToken!;
  }

  url(token: string): string {
    return `${this.config.publicBaseUrl}/calendar/${token}.ics`;
  }

  /** All meetings of the person's groups and the webinars they are confirmed for or speak at; null when the token is unknown. */
  async personalFeed(token: string): Promise<string | null> {
    const person = await this.personByToken(token);
    if (!person) return null;
    const meetings = await this.db.query<FeedRow[]>(
      // A union of ids, not an OR of two IN lists: the OR read every meeting (0.8 s at the size of a Land), the union two indexes (4 ms).
      `${feedSql('$1')} AND m.id IN (SELECT mm.id FROM meeting mm WHERE mm.group_id IN (${ACTIVE_GROUPS})
                                     UNION ALL SELECT mg.meeting_id FROM meeting_group mg WHERE mg.group_id IN (${ACTIVE_GROUPS}))
       ORDER BY m.starts_at, m.id`,
      [person.id],
    );
    const webinars = await this.db.query<FeedRow[]>(WEBINAR_FEED_SQL, [person.id]);
    const rows = [...meetings, ...webinars].sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
    const groups = await this.db.query<{ group_id: string }[]>(ACTIVE_GROUPS, [person.id]);
    const series = await seriesRows(this.db.manager, { groupIds: groups.map((g) => g.group_id) });
    return this.render(`Interkom: ${person.displayName}`, rows, person, series);
  }

  /** One group's meetings, for a person who may read the group; null otherwise. */
  async groupFeed(groupId: string, token: string): Promise<string | null> {
    const person = await this.personByToken(token);
    if (!person || !isUuid(groupId)) return null;
    // Hub admins see every group (part 2); a feed has no token to say so, so the role counts as the
    // person's last sign-in showed it (person.hub_admin).
    const [allowed] = await this.db.query<{ name: string }[]>(
      `SELECT g.name FROM work_group g WHERE g.id = $2 AND (
         (SELECT hub_admin FROM person WHERE id = $1)
         OR g.id IN (${ACTIVE_GROUPS})
         OR EXISTS (SELECT 1 FROM network_role r WHERE r.person_id = $1 AND r.network_id = g.network_id AND r.role IN ('ADMIN', 'MODERATOR')))`,
      [person.id, groupId],
    );
    if (!allowed) return null;
    const rows = await this.db.query<FeedRow[]>(
      `${feedSql('$2')} AND m.id IN (SELECT mm.id FROM meeting mm WHERE mm.group_id = $1 UNION ALL SELECT meeting_id FROM meeting_group WHERE group_id = $1) ORDER BY m.starts_at, m.id`,
      [groupId, person.id],
    );
    return this.render(`Interkom: ${allowed.name}`, rows, person, await seriesRows(this.db.manager, { groupIds: [groupId] }));
  }

  private async personByToken(token: string): Promise<PersonEntity | null> {
    if (!TOKEN_RE.test(token)) return null;
    return this.db.getRepository(PersonEntity).findOneBy({ calendarToken: token });
  }

  /**
   * Stable UIDs, SEQUENCE from the meeting (raised on every change), STATUS:CANCELLED, local
   * times with TZID and a VTIMEZONE per zone: what Outlook, Thunderbird and Apple Calendar need.
   * A meeting whose local start or end the clocks show twice (the autumn night) is written in
   * UTC instead (see eventTimes).
   */
  private async render(name: string, rows: FeedRow[], person: PersonEntity, series: SeriesRow[]): Promise<string> {
    const cal = ical({
      name,
      prodId: { company: 'Interkom', product: 'Interkom', language: 'DE' },
      // No calendar-wide zone: with one, ical-generator writes DTSTAMP, CREATED and LAST-MODIFIED
      // as floating times (RFC 5545 wants UTC) and adds TIMEZONE-ID, which is no property
      // (libical reports an error). Each event names its own zone and gets its VTIMEZONE.
      timezone: { name: null, generator: getVtimezoneComponent },
      ttl: 3600,
    });
    // The calendar's zone for clients that show a subscribed calendar in it (Apple, Google).
    cal.x('X-WR-TIMEZONE', 'Europe/Berlin');
    for (const m of rows) {
      // The link set by hand, else the person's own link to the generated video room (JITSI_URL).
      const link = m.online_url ?? (m.cancelled ? null : await this.video.joinUrl({
        kind: m.kind, id: m.id, person, moderator: m.moderator, startsAt: m.starts_at, endsAt: m.ends_at,
      }));
      const description = [`${m.kind === 'webinar' ? 'Webinar-Reihe' : 'Gruppe'}: ${m.group_name}`, link ? `Online: ${link}` : null, m.cancelled ? `Abgesagt${m.cancel_reason ? `: ${m.cancel_reason}` : ''}` : null]
        .filter(Boolean)
        .join('\n');
      cal.createEvent({
        id: eventUid(m.id, this.config.publicBaseUrl),
        sequence: m.sequence,
        ...eventTimes(m.starts_at, m.ends_at, feedZone(m.time_zone)),
        stamp: m.updated_at,
        created: m.created_at,
        lastModified: m.updated_at,
        summary: `${m.group_name}: ${m.title}`,
        description,
        location: m.location ?? undefined,
        url: link ?? undefined,
        status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    // A series is one recurring event (series-ical.ts), exactly its occurrences over the window.
    const today = todayInBerlin();
    const from = addDays(today, -WINDOW.pastDays);
    const to = addDays(today, WINDOW.aheadDays);
    for (const s of series) {
      const summary = (title: string) => `${s.groupName}: ${title}`;
      // The series' own link; without one, each meeting's page in Interkom leads to its video room.
      const description = [`Gruppe: ${s.groupName}`, s.onlineUrl ? `Online: ${s.onlineUrl}` : null, `Interkom: ${this.config.publicBaseUrl}/gruppen/${s.groupId}`]
        .filter(Boolean)
        .join('\n');
      let instances;
      try {
        instances = await seriesInstances(this.db.manager, s, from, to, summary);
      } catch (error) {
        // A rule stored before the checks (or over a limit) costs that series' entry, not the feed;
        // a busy pool fails the request (calendars fetch again) rather than drop a series unseen.
        if (!isExpansionProblem(error) || (error instanceof ExpansionLimitError && error.reason === 'busy')) throw error;
        this.logger.warn(`series ${s.id} left out of a feed: ${error.message}`);
        continue;
      }
      const parts = seriesIcalParts(seriesForIcal(s, summary(s.title), description, s.onlineUrl), instances, this.config.publicBaseUrl);
      if (parts) addSeries(cal, parts);
    }
    return cal.toString();
  }
}

/** The groups person $1 belongs to now (a guest's membership ends after `until`). */
const ACTIVE_GROUPS = `SELECT gm.group_id FROM group_member gm WHERE gm.person_id = $1
  AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;
