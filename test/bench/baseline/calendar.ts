// The calendar page's baselines (issue 24): the caller's meetings in the month grid and the public
// holidays of the states their organizations are in. The holidays are the same pure date maths the
// hub uses (libs/recurrence), the meetings one statement.
import { holidaysBetween, isHolidayRegion } from '../../../libs/recurrence/index.js';
import { meetingStatus } from '../../../src/meetings/meeting-rules.js';
import { type RegisterRoutes, sendData, variablesOf } from './common.js';

interface MeetingRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  cancelled: boolean;
  has_record: boolean;
  group_id: string;
  group_name: string;
}

/**
 * The meetings of the groups the caller is an active member of (a guest's membership ends after
 * `until`, a Berlin date), primary or joint, overlapping [from, to), by start, at most 500.
 */
const CALENDAR_MEETINGS = `
  WITH mine AS (
    SELECT group_id FROM group_member
     WHERE person_id = $1 AND (until IS NULL OR until >= (now() AT TIME ZONE 'Europe/Berlin')::date))
  SELECT m.id, m.title, m.starts_at, m.ends_at, m.cancelled, m.has_record, m.group_id, g.name AS group_name
    FROM (SELECT x.* FROM meeting x WHERE x.group_id IN (SELECT group_id FROM mine) AND x.ends_at >= $2 AND x.starts_at < $3
          UNION SELECT x.* FROM meeting_group mg JOIN meeting x ON x.id = mg.meeting_id
                 WHERE mg.group_id IN (SELECT group_id FROM mine) AND x.ends_at >= $2 AND x.starts_at < $3) m
    JOIN work_group g ON g.id = m.group_id
   ORDER BY m.starts_at, m.id LIMIT 500`;

/** The federal states of the organizations the person acts for (network roles, group memberships, ended ones too). */
const PERSON_STATES = `
  SELECT DISTINCT o.federal_state FROM organization o
   WHERE o.federal_state IS NOT NULL AND o.id IN (
     SELECT organization_id FROM network_role WHERE person_id = $1
     UNION SELECT organization_id FROM group_member WHERE person_id = $1)`;

export const registerCalendar: RegisterRoutes = (app, base) => {
  app.post('/page/CalendarMeetings', async (req, reply) => {
    const me = await base.viewer(req.headers.authorization);
    const { from, to } = variablesOf<{ from: string; to: string }>(req.body);
    const rows = await base.q<MeetingRow>(CALENDAR_MEETINGS, [me.id, new Date(from), new Date(to)]);
    const now = new Date();
    return sendData(reply, {
      upcomingMeetings: rows.map((m) => ({
        id: m.id,
        title: m.title,
        startsAt: m.starts_at.toISOString(),
        endsAt: m.ends_at.toISOString(),
        status: meetingStatus({ cancelled: m.cancelled, endsAt: m.ends_at, hasRecord: m.has_record }, now),
        group: { id: m.group_id, name: m.group_name },
      })),
    });
  });

  app.post('/page/CalendarHolidays', async (req, reply) => {
    const me = await base.viewer(req.headers.authorization);
    const { from, to } = variablesOf<{ from: string; to: string }>(req.body);
    const rows = await base.q<{ federal_state: string }>(PERSON_STATES, [me.id]);
    const states = rows.map((r) => r.federal_state).filter(isHolidayRegion).sort();
    const publicHolidays = holidaysBetween(from, to, states.length ? states : ['DE']).map((h) => ({ date: h.date, name: h.name }));
    return sendData(reply, { publicHolidays });
  });
};
