import type { EntityManager } from 'typeorm';

/** An outbox event as the mail channel reads it. */
export interface MailEvent {
  id: string;
  seq: string;
  type: string;
  aggregate_id: string;
  group_id: string | null;
  payload: Record<string, unknown>;
}

/** Who may be mailed at all: wants e-mail, has an address, is not erased. */
const REACHABLE = 'p.notify_by_email AND p.email IS NOT NULL AND p.erased_at IS NULL';
/** A membership that is current (a guest's ends after `until`, a date in Europe/Berlin). */
const ACTIVE = `(gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;
/** The meeting's groups (its own and joint ones); $1 is the meeting. */
const MEETING_GROUPS = 'SELECT group_id FROM meeting WHERE id = $1 UNION SELECT group_id FROM meeting_group WHERE meeting_id = $1';
const MEETING_EVENTS = `('MeetingScheduled', 'MeetingRescheduled', 'MeetingCancelled')`;

/**
 * The people an event concerns by mail, as person ids: only those allowed to know of it and who
 * want e-mail. With `only`, the answer is [only] or [] (the check again right before sending,
 * since memberships and consent may have changed since the fan-out).
 */
export async function mailRecipients(db: EntityManager, e: MailEvent, only?: string): Promise<string[]> {
  // `{only}` in a statement becomes the filter on the one person, as the statement's last parameter.
  const query = async (sql: string, params: unknown[]) => {
    const bound = sql.replaceAll('{only}', only ? `AND p.id = $${params.length + 1}` : '');
    const rows = await db.query<{ id: string }[]>(bound, only ? [...params, only] : params);
    return [...new Set(rows.map((r) => r.id))];
  };
  const p = e.payload;
  switch (e.type) {
    case 'MeetingScheduled':
    case 'MeetingRescheduled':
      return query(membersOfMeeting, [e.aggregate_id]);
    case 'MeetingCancelled':
      // Whoever was invited by mail hears of the cancellation, member or not any more, so that no
      // calendar keeps an entry that will not take place; nobody else (the feeds show it anyway).
      // A person's mails go out in order, so when the cancellation is sent their invitation has
      // been sent or given up: right before sending, only a sent invitation counts.
      // An occurrence of a series was announced by the series, not by a mail of its own (that
      // would be some 26 a year): its cancellation goes to the meeting's members as well.
      return query(
        `SELECT p.id FROM mail_delivery d JOIN outbox_event o ON o.id = d.event_id JOIN person p ON p.id = d.person_id
          WHERE o.aggregate_id = $1 AND o.type IN ${MEETING_EVENTS} AND o.seq < $2::bigint AND d.dead_at IS NULL
            AND ${only ? 'd.delivered_at IS NOT NULL AND' : ''} (d.delivered_at IS NULL OR d.remote_id NOT LIKE 'skipped:%')
            AND ${REACHABLE} {only}
         ${typeof p.seriesId === 'string' ? `UNION ${membersOfMeeting}` : ''}`,
        [e.aggregate_id, e.seq],
      );
    case 'MeetingSeriesScheduled':
    case 'MeetingSeriesChanged':
      // The series' one invitation: the group's current members.
      return e.group_id
        ? query(`SELECT p.id FROM group_member gm JOIN person p ON p.id = gm.person_id WHERE gm.group_id = $1 AND ${ACTIVE} AND ${REACHABLE} {only}`, [e.group_id])
        : [];
    case 'ProtocolPublished':
    case 'ProtocolCorrected':
    case 'ProtocolApproved':
    case 'ProtocolRevised':
      return typeof p.meetingId === 'string' ? query(membersOfMeeting, [p.meetingId]) : [];
    case 'ActionItemAssigned':
      if (typeof p.assigneeId === 'string') return query(`SELECT p.id FROM person p WHERE p.id = $1 AND ${REACHABLE} {only}`, [p.assigneeId]);
      // Assigned to an organization: the group's members who act for it, and the people acting for
      // it in the group's network (an organization outside the group can be given the task too).
      if (typeof p.assigneeOrganizationId !== 'string' || !e.group_id) return [];
      return query(
        `SELECT p.id FROM group_member gm JOIN person p ON p.id = gm.person_id
          WHERE gm.group_id = $1 AND gm.organization_id = $2 AND ${ACTIVE} AND ${REACHABLE} {only}
         UNION
         SELECT p.id FROM network_role r JOIN work_group g ON g.network_id = r.network_id JOIN person p ON p.id = r.person_id
          WHERE g.id = $1 AND r.organization_id = $2 AND ${REACHABLE} {only}`,
        [e.group_id, p.assigneeOrganizationId],
      );
    case 'GroupJoinRequestDecided':
    case 'WebinarRegistrationConfirmed':
      return typeof p.personId === 'string' ? query(`SELECT p.id FROM person p WHERE p.id = $1 AND ${REACHABLE} {only}`, [p.personId]) : [];
    default:
      return [];
  }
}

const membersOfMeeting = `SELECT p.id FROM group_member gm JOIN person p ON p.id = gm.person_id
  WHERE gm.group_id IN (${MEETING_GROUPS}) AND ${ACTIVE} AND ${REACHABLE} {only}`;
