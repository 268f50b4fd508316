// Baseline of the meeting page's answer panel (MeetingRsvp): the caller's answer and deputy
// candidates, and the expected attendance per organization (people for the moderation). Three
// statements: the caller, the head (meeting-head.ts), then the invitees with the answers that
// hold for them (inviteeAnswers in src/rsvp/rsvp-answers.ts) and the caller's deputy candidates.
import { sendData, variablesOf, type Baseline, type RegisterRoutes } from './common.js';
import { ACTIVE, dateOf, meetingHead, statusOf, type MeetingHead } from './meeting-head.js';

type Json = any;

const person = (a: string) => `CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object('id', ${a}.id, 'displayName', ${a}.display_name) END`;
const answer = (a: string, deputy: string) =>
  `CASE WHEN ${a}.person_id IS NULL THEN NULL ELSE json_build_object('answer', ${a}.answer, 'sequence', ${a}.sequence, 'source', ${a}.source, 'comment', ${a}.comment,
     'deputyName', ${a}.deputy_name, 'deputyEmail', ${a}.deputy_email, 'deputy', ${person(deputy)}, 'answeredAt', ${a}.answered_at::text) END`;

/**
 * $1 meeting, $2 series (or null), $3 network, $4 viewer. The invitees as meetingInvitees
 * (src/meetings/meeting-invitees.ts) reads them, in its order; each with their own answer, their
 * series answer if it was given before the meeting ended, and the SEQUENCE their series
 * invitation was last sent with.
 */
const INVITEES_SQL = `
  WITH inv AS (
    SELECT DISTINCT ON (mg.meeting_id, gm.person_id) mg.meeting_id, gm.person_id,
           coalesce(gm.organization_id, (SELECT r.organization_id FROM network_role r
                                          WHERE r.person_id = gm.person_id AND r.network_id = g.network_id AND r.organization_id IS NOT NULL
                                          ORDER BY r.created_at LIMIT 1)) AS organization_id
      FROM (SELECT m.id AS meeting_id, m.group_id FROM meeting m WHERE m.id = $1
            UNION SELECT x.meeting_id, x.group_id FROM meeting_group x WHERE x.meeting_id = $1) mg
      JOIN work_group g ON g.id = mg.group_id
      JOIN group_member gm ON gm.group_id = mg.group_id AND ${ACTIVE}
      JOIN person p ON p.id = gm.person_id AND p.erased_at IS NULL
     ORDER BY mg.meeting_id, gm.person_id, gm.organization_id NULLS LAST)
  SELECT coalesce((SELECT json_agg(json_build_object('personId', inv.person_id, 'organizationId', inv.organization_id,
                                                     'person', ${person('p')}, 'organization', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END,
                                                     'own', ${answer('a', 'ad')}, 'series', ${answer('s', 'sd')},
                                                     'sent', (SELECT si.sequence FROM rsvp_invitation si
                                                               WHERE si.series_id = $2 AND si.person_id = inv.person_id AND si.meeting_id IS NULL LIMIT 1))
                                     ORDER BY inv.person_id)
                     FROM inv JOIN person p ON p.id = inv.person_id LEFT JOIN organization o ON o.id = inv.organization_id
                     LEFT JOIN rsvp_answer a ON a.meeting_id = $1 AND a.person_id = inv.person_id LEFT JOIN person ad ON ad.id = a.deputy_person_id
                     LEFT JOIN rsvp_series_answer s ON s.series_id = $2 AND s.person_id = inv.person_id LEFT JOIN person sd ON sd.id = s.deputy_person_id),
                  '[]'::json) AS invitees,
         -- peopleActingFor (src/networks/people-acting-for.ts) for the caller's organization at this meeting, without the caller.
         coalesce((SELECT json_agg(json_build_object('id', p.id, 'displayName', p.display_name) ORDER BY p.display_name, p.id)
                     FROM person p
                    WHERE p.erased_at IS NULL AND p.id <> $4 AND p.id IN (
                      SELECT r.person_id FROM network_role r
                       WHERE r.network_id = $3 AND r.organization_id = (SELECT organization_id FROM inv WHERE inv.person_id = $4)
                      UNION
                      SELECT gm.person_id FROM group_member gm JOIN work_group g ON g.id = gm.group_id
                       WHERE g.network_id = $3 AND gm.organization_id = (SELECT organization_id FROM inv WHERE inv.person_id = $4) AND ${ACTIVE})),
                  '[]'::json) AS deputy_candidates`;

interface Invitee {
  personId: string;
  organizationId: string | null;
  person: Json;
  organization: Json | null;
  own: Json | null;
  series: Json | null;
  sent: number | null;
}

interface Effective {
  a: Json;
  forSeries: boolean;
  current: boolean;
}

export const registerRsvp: RegisterRoutes = (app, base) => {
  app.post('/page/MeetingRsvp', async (req, reply) => {
    const viewer = await base.viewer(req.headers.authorization);
    const meeting = await meetingRsvp(base, variablesOf<{ id?: unknown }>(req.body).id, viewer.id);
    return sendData(reply, { meeting });
  });
};

async function meetingRsvp(base: Baseline, id: unknown, viewerId: string): Promise<Json | null> {
  const head = await meetingHead(base, id, viewerId);
  if (!head) return null;
  const { m, access } = head;
  const insider = access !== 'network';
  const [row] = insider ? await base.q<{ invitees: Invitee[]; deputy_candidates: Json[] }>(INVITEES_SQL, [m.id, m.series_id, m.network_id, viewerId]) : [];
  const invitees = row?.invitees ?? [];
  const mine = invitees.find((i) => i.personId === viewerId);
  const myAnswer = mine && effective(m, mine);
  const now = Date.now();
  return {
    id: m.id,
    viewerCanManage: access === 'manage',
    mayAnswer: insider && statusOf(m) === 'SCHEDULED' && m.ends_at.getTime() > now && !!mine,
    series: insider && m.series_id && m.series_title !== null ? { id: m.series_id, title: m.series_title } : null,
    myAnswer: myAnswer
      ? {
          answer: myAnswer.a.answer, current: myAnswer.current, forSeries: myAnswer.forSeries, comment: myAnswer.a.comment,
          deputyName: myAnswer.a.deputyName, deputyEmail: myAnswer.a.deputyEmail, deputy: myAnswer.a.deputy,
        }
      : null,
    // Only for a caller acting for an organization (deputyCandidates in src/rsvp/rsvp.service.ts).
    deputyCandidates: mine?.organizationId ? row.deputy_candidates : [],
    expectedAttendance: insider ? expected(m, invitees, access === 'manage') : [],
  };
}

/** The answer that holds: their own (current unless the meeting changed since), else the series answer given before the meeting ended. */
function effective(m: MeetingHead, i: Invitee): Effective | null {
  if (i.own) return { a: i.own, forSeries: false, current: i.own.sequence >= m.sequence };
  const s = i.series;
  if (s && m.series_id && m.ends_at.getTime() > dateOf(s.answeredAt).getTime()) {
    return { a: s, forSeries: true, current: !m.detached && s.sequence >= (i.sent ?? 0) };
  }
  return null;
}

/** Per organization in the order first met, then those with most acceptances first and people without an organization last. */
function expected(m: MeetingHead, invitees: Invitee[], withPeople: boolean): Json[] {
  const byOrg = new Map<string | null, Json>();
  const orgOf = new Map<Json, string | null>();
  for (const i of invitees) {
    let e = byOrg.get(i.organizationId);
    if (!e) {
      e = { organization: i.organization, invited: 0, accepted: 0, tentative: 0, declined: 0, deputies: 0, noAnswer: 0, outdated: 0, people: [] };
      byOrg.set(i.organizationId, e);
      orgOf.set(e, i.organizationId);
    }
    e.invited++;
    const a = effective(m, i);
    if (!a?.current) {
      e.noAnswer++;
      if (a) e.outdated++;
    } else if (a.a.answer === 'ACCEPTED') e.accepted++;
    else if (a.a.answer === 'TENTATIVE') e.tentative++;
    else if (a.a.answer === 'DECLINED') e.declined++;
    else e.deputies++;
    if (withPeople) {
      e.people.push({
        person: i.person,
        answer: a
          ? { answer: a.a.answer, current: a.current, source: a.a.source, comment: a.a.comment, deputyName: a.a.deputyName, deputyEmail: a.a.deputyEmail, deputy: a.a.deputy }
          : null,
      });
    }
  }
  return [...byOrg.values()].sort((x, y) => (orgOf.get(x) === null ? 1 : 0) - (orgOf.get(y) === null ? 1 : 0) || y.accepted - x.accepted);
}
