// The HTTP reads' baselines (issue 24): the personal ICS feed (GET /calendar/<token>.ics) here, the
// OParl list in feeds-oparl.ts. The feed's text comes from the library the hub writes it with
// (ical-generator) and the hub's pure iCalendar helpers (a series as one recurring VEVENT,
// src/calendar/series-ical.ts; the rule's dates from libs/recurrence); the rows from plain SQL: the
// person, then their meetings, webinars, series and the series' meetings side by side.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { addDays, expandDates, expandSeries, ExpansionLimitError, firstDate, RecurrenceError, type HolidayPolicy } from '../../../libs/recurrence/index.js';
import { eventUid, feedZone } from '../../../src/calendar/ical-common.js';
import { eventTimes } from '../../../src/calendar/ical-times.js';
import { addSeries, seriesIcalParts, type OccurrenceForIcal, type SeriesInstances } from '../../../src/calendar/series-ical.js';
import { todayInBerlin } from '../../../src/common/scalars.js';
import type { Baseline, RegisterRoutes } from './common.js';
import { registerOparlList } from './feeds-oparl.js';
import { publicBaseUrl } from './small-pages.js';

interface FeedRow {
  id: string; title: string; starts_at: Date; ends_at: Date; time_zone: string; location: string | null; online_url: string | null;
  cancelled: boolean; cancel_reason: string | null; sequence: number; updated_at: Date; created_at: Date; group_name: string; kind: 'meeting' | 'webinar';
}

interface SeriesRow {
  id: string; group_id: string; group_name: string; title: string; rrule: string; time_zone: string; start_time: string; duration_minutes: number;
  holiday_policy: HolidayPolicy; holiday_regions: string[]; anchor_on: string; generate_from: string; until: string | null; location: string | null;
  online_url: string | null; materialized_until: string; sequence: number; created_at: Date; updated_at: Date;
}

interface SeriesMeetingRow {
  series_id: string; occurrence_date: string; starts_at: Date; ends_at: Date; cancelled: boolean; sequence: number; title: string; location: string | null;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{32}$/;
/** The feed window in days before and after today (meetings by start, a series' occurrences by date). */
const WINDOW = { pastDays: 90, aheadDays: 400 };

/** The groups person $1 belongs to now (a guest's membership ends after `until`). */
const ACTIVE_GROUPS = `SELECT gm.group_id FROM group_member gm WHERE gm.person_id = $1
  AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;

// The hub's own statements for the single meetings and the webinars, without the moderator flag
// (it only personalises generated video links, and the bench runs without JITSI_URL). Both order
// by start and id, so meetings at the same moment come in the same order on both sides.
const MEETINGS = `SELECT m.id, m.title, m.starts_at, m.ends_at, m.time_zone, m.location, m.online_url, m.cancelled, m.cancel_reason,
       m.sequence, m.updated_at, m.created_at, g.name AS group_name, 'meeting' AS kind
  FROM meeting m JOIN work_group g ON g.id = m.group_id
 WHERE m.starts_at >= now() - interval '90 days' AND m.starts_at < now() + interval '400 days'
   AND m.series_id IS NULL AND m.id IN (SELECT mm.id FROM meeting mm WHERE mm.group_id IN (${ACTIVE_GROUPS})
                                        UNION ALL SELECT mg.meeting_id FROM meeting_group mg WHERE mg.group_id IN (${ACTIVE_GROUPS}))
 ORDER BY m.starts_at, m.id`;

const WEBINARS = `SELECT w.id, w.title, w.starts_at, w.ends_at, w.time_zone, NULL AS location, w.online_url, w.cancelled, w.cancel_reason,
       w.sequence, w.updated_at, w.created_at, s.title AS group_name, 'webinar' AS kind
  FROM webinar w JOIN event_series s ON s.id = w.series_id
 WHERE w.starts_at >= now() - interval '90 days' AND w.starts_at < now() + interval '400 days'
   AND (EXISTS (SELECT 1 FROM webinar_registration r WHERE r.webinar_id = w.id AND r.person_id = $1 AND r.status = 'CONFIRMED')
        OR EXISTS (SELECT 1 FROM webinar_speaker sp WHERE sp.webinar_id = w.id AND sp.person_id = $1))
 ORDER BY w.starts_at, w.id`;

/** The series of the person's groups, oldest first, dates as text. */
const SERIES = `SELECT s.id, s.group_id, g.name AS group_name, s.title, s.rrule, s.time_zone, s.start_time, s.duration_minutes, s.holiday_policy,
       s.holiday_regions, s.anchor_on::text, s.generate_from::text, s.until::text, s.location, s.online_url, s.materialized_until::text,
       s.sequence, s.created_at, s.updated_at
  FROM meeting_series s JOIN work_group g ON g.id = s.group_id WHERE s.group_id = ANY(ARRAY(${ACTIVE_GROUPS})) ORDER BY s.created_at`;

/** Those series' meetings with occurrence dates in the window. */
const SERIES_MEETINGS = `SELECT m.series_id, to_char(m.occurrence_date, 'YYYY-MM-DD') AS occurrence_date, m.starts_at, m.ends_at, m.cancelled, m.sequence, m.title, m.location
  FROM meeting m WHERE m.series_id IN (SELECT s.id FROM meeting_series s WHERE s.group_id IN (${ACTIVE_GROUPS})) AND m.occurrence_date BETWEEN $2 AND $3
 ORDER BY m.series_id, m.occurrence_date`;

/** What the series' one VEVENT must say over [from, to]: as the hub's seriesInstances, from rows read already. */
async function instances(s: SeriesRow, meetings: SeriesMeetingRow[], from: string, to: string, summary: (title: string) => string): Promise<SeriesInstances> {
  const last = s.until && s.until < to ? s.until : to;
  const start = from > s.anchor_on ? from : s.anchor_on;
  const probe = addDays(s.anchor_on, 5 * 366);
  const [firstRuleDate, ruleDates] = await Promise.all([
    firstDate({ rule: s.rrule, anchorOn: s.anchor_on, from: s.anchor_on, to: s.until && s.until < probe ? s.until : probe }),
    start <= last ? expandDates({ rule: s.rrule, anchorOn: s.anchor_on, from: start, to: last }) : Promise.resolve([]),
  ]);
  const occurrences: OccurrenceForIcal[] = meetings.map((r) => ({
    occurrenceDate: r.occurrence_date, startsAt: r.starts_at, endsAt: r.ends_at, cancelled: r.cancelled, sequence: r.sequence, summary: summary(r.title), location: r.location,
  }));
  // Past the materialized horizon: the dates the definition will give, as the meetings they will become.
  const ahead = addDays(s.materialized_until, 1);
  if (ahead <= to && (!s.until || s.until >= ahead)) {
    const present = new Set(occurrences.map((o) => o.occurrenceDate));
    const windowFrom = ahead > from ? ahead : from;
    const { occurrences: later } = await expandSeries({
      rrule: s.rrule, anchorOn: s.anchor_on, startTime: s.start_time, durationMinutes: s.duration_minutes, timeZone: s.time_zone,
      until: s.until, holidayPolicy: s.holiday_policy, holidayRegions: s.holiday_regions,
    }, windowFrom > s.generate_from ? windowFrom : s.generate_from, to);
    for (const o of later) {
      if (present.has(o.occurrenceDate)) continue;
      occurrences.push({ occurrenceDate: o.occurrenceDate, startsAt: o.startsAt, endsAt: o.endsAt, cancelled: false, sequence: 0, summary: summary(s.title), location: s.location });
    }
  }
  return { firstRuleDate, ruleDates, occurrences, covered: { from, to } };
}

async function personalFeed(base: Baseline, token: string): Promise<string | null> {
  if (!TOKEN_RE.test(token)) return null;
  const [person] = await base.q<{ id: string; display_name: string }>('SELECT id, display_name FROM person WHERE calendar_token = $1', [token]);
  if (!person) return null;
  const today = todayInBerlin();
  const from = addDays(today, -WINDOW.pastDays);
  const to = addDays(today, WINDOW.aheadDays);
  const [meetings, webinars, series, seriesMeetings] = await Promise.all([
    base.q<FeedRow>(MEETINGS, [person.id]),
    base.q<FeedRow>(WEBINARS, [person.id]),
    base.q<SeriesRow>(SERIES, [person.id]),
    base.q<SeriesMeetingRow>(SERIES_MEETINGS, [person.id, from, to]),
  ]);
  const baseUrl = publicBaseUrl();
  const cal = ical({
    name: `Interkom: ${person.display_name}`,
    prodId: { company: 'Interkom', product: 'Interkom', language: 'DE' },
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: 3600,
  });
  cal.x('X-WR-TIMEZONE', 'Europe/Berlin');
  // Without JITSI_URL (the bench) a meeting's link is the one set by hand.
  for (const m of [...meetings, ...webinars].sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime())) {
    const link = m.online_url;
    const description = [`${m.kind === 'webinar' ? 'Webinar-Reihe' : 'Gruppe'}: ${m.group_name}`, link ? `Online: ${link}` : null, m.cancelled ? `Abgesagt${m.cancel_reason ? `: ${m.cancel_reason}` : ''}` : null]
      .filter(Boolean)
      .join('\n');
    cal.createEvent({
      id: eventUid(m.id, baseUrl),
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
  const meetingsOf = new Map<string, SeriesMeetingRow[]>();
  for (const r of seriesMeetings) (meetingsOf.get(r.series_id) ?? meetingsOf.set(r.series_id, []).get(r.series_id)!).push(r);
  for (const s of series) {
    const summary = (title: string) => `${s.group_name}: ${title}`;
    const description = [`Gruppe: ${s.group_name}`, s.online_url ? `Online: ${s.online_url}` : null, `Interkom: ${baseUrl}/gruppen/${s.group_id}`].filter(Boolean).join('\n');
    let found;
    try {
      found = await instances(s, meetingsOf.get(s.id) ?? [], from, to, summary);
    } catch (error) {
      // A rule that cannot be expanded costs that series' entry, not the feed (a busy pool fails it).
      if (!(error instanceof RecurrenceError || error instanceof ExpansionLimitError) || (error instanceof ExpansionLimitError && error.reason === 'busy')) throw error;
      continue;
    }
    const parts = seriesIcalParts({
      seriesId: s.id, sequence: s.sequence, summary: summary(s.title), description, location: s.location, url: s.online_url, timeZone: s.time_zone,
      rrule: s.rrule, startTime: s.start_time, durationMinutes: s.duration_minutes, until: s.until, created: s.created_at, updated: s.updated_at,
    }, found, baseUrl);
    if (parts) addSeries(cal, parts);
  }
  return cal.toString();
}

export const registerFeeds: RegisterRoutes = (app, base) => {
  app.get('/calendar/:file', async (req, reply) => {
    // Generated video rooms (JITSI_URL) put a link per person and meeting into the feed; not reproduced here.
    if (process.env.JITSI_URL?.trim()) return reply.status(501).send('Mit JITSI_URL enthält der Feed Video-Links, die diese Baseline nicht erzeugt.');
    const file = (req.params as { file: string }).file;
    const body = file.endsWith('.ics') ? await personalFeed(base, file.slice(0, -4)) : null;
    if (body === null) return reply.status(404).type('text/plain; charset=utf-8').send('Kalender nicht gefunden');
    return reply.status(200).type('text/calendar; charset=utf-8').send(body);
  });
  registerOparlList(app, base);
};
