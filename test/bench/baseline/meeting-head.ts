// The meeting both documents of the meeting page start from (MeetingPage, MeetingRsvp): one
// statement for the row, its primary group and network, series and protocol, and the caller's
// access as MeetingAccessService.accessTo decides it (the caller is not a hub admin: the bench's
// token carries no realm role).
import pg from 'pg';
import type { Baseline } from './common.js';

/** An active membership, as the hub's ACTIVE_MEMBER (src/groups/group-membership.ts). */
export const ACTIVE = `(gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;

export type Access = 'manage' | 'read' | 'network';

export interface MeetingHead {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  cancelled: boolean;
  has_record: boolean;
  cancel_reason: string | null;
  location: string | null;
  online_url: string | null;
  sequence: number;
  detached: boolean;
  group_id: string;
  series_id: string | null;
  series_title: string | null;
  group_name: string;
  network_id: string;
  slug: string;
  network_name: string;
  /** manage: a LEAD/MODERATOR of one of its groups or an ADMIN/MODERATOR of one of their networks. */
  manage: boolean;
  /** An active member of one of its groups. */
  member: boolean;
  /** An active MEMBER (not a guest) of one of its groups: may propose agenda items. */
  plain_member: boolean;
  /** Any role in the primary group's network (the network's view of the meeting, and its member lists). */
  in_network: boolean;
  /** Sees the primary group's members (groupAccess of that group). */
  group_readable: boolean;
  p_id: string | null;
  p_status: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED' | null;
  p_version: number | null;
  p_content_hash: string | null;
  p_approved_at: Date | null;
  p_published_at: Date | null;
  p_published_by_id: string | null;
  p_approval_mode: string | null;
  p_approval_due_at: Date | null;
  p_approval_meeting_id: string | null;
  p_published_markdown: string | null;
  p_published_markdown_redacted: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HEAD_SQL = `
  WITH mg AS (SELECT m.group_id AS id FROM meeting m WHERE m.id = $1 UNION SELECT x.group_id FROM meeting_group x WHERE x.meeting_id = $1),
       mine AS (SELECT gm.group_id, gm.role FROM group_member gm WHERE gm.person_id = $2 AND gm.group_id IN (SELECT id FROM mg) AND ${ACTIVE})
  SELECT m.id, m.title, m.starts_at, m.ends_at, m.time_zone, m.cancelled, m.has_record, m.cancel_reason, m.location, m.online_url, m.sequence, m.detached,
         m.group_id, m.series_id, s.title AS series_title, g.name AS group_name, n.id AS network_id, n.slug, n.name AS network_name,
         EXISTS (SELECT 1 FROM mg JOIN work_group xg ON xg.id = mg.id
                   JOIN network_role r ON r.network_id = xg.network_id AND r.person_id = $2 AND r.role IN ('ADMIN', 'MODERATOR'))
           OR EXISTS (SELECT 1 FROM mine WHERE mine.role IN ('LEAD', 'MODERATOR')) AS manage,
         EXISTS (SELECT 1 FROM mine) AS member,
         EXISTS (SELECT 1 FROM mine WHERE mine.role = 'MEMBER') AS plain_member,
         EXISTS (SELECT 1 FROM network_role r WHERE r.network_id = n.id AND r.person_id = $2) AS in_network,
         EXISTS (SELECT 1 FROM network_role r WHERE r.network_id = n.id AND r.person_id = $2 AND r.role IN ('ADMIN', 'MODERATOR'))
           OR EXISTS (SELECT 1 FROM mine WHERE mine.group_id = g.id) AS group_readable,
         p.id AS p_id, p.status AS p_status, p.version AS p_version, p.content_hash AS p_content_hash, p.approved_at AS p_approved_at,
         p.published_at AS p_published_at, p.published_by_id AS p_published_by_id, p.approval_mode AS p_approval_mode,
         p.approval_due_at AS p_approval_due_at, p.approval_meeting_id AS p_approval_meeting_id,
         p.published_markdown AS p_published_markdown, p.published_markdown_redacted AS p_published_markdown_redacted
    FROM meeting m JOIN work_group g ON g.id = m.group_id JOIN network n ON n.id = g.network_id
    LEFT JOIN meeting_series s ON s.id = m.series_id LEFT JOIN protocol p ON p.meeting_id = m.id
   WHERE m.id = $1`;

/** The meeting with the caller's access, or null when it does not exist or the caller may not see it. */
export async function meetingHead(base: Baseline, id: unknown, viewerId: string): Promise<{ m: MeetingHead; access: Access } | null> {
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const [m] = await base.q<MeetingHead>(HEAD_SQL, [id, viewerId]);
  if (!m) return null;
  const access: Access | null = m.manage ? 'manage' : m.member ? 'read' : m.in_network ? 'network' : null;
  return access ? { m, access } : null;
}

/** HELD is derived (meetingStatus in src/meetings/meeting-rules.ts). */
export function statusOf(m: MeetingHead, now = new Date()): 'SCHEDULED' | 'CANCELLED' | 'HELD' {
  if (m.cancelled) return 'CANCELLED';
  if (m.ends_at.getTime() < now.getTime() && m.has_record) return 'HELD';
  return 'SCHEDULED';
}

const parseTimestamptz = pg.types.getTypeParser(1184, 'text') as (text: string) => Date;

/** A timestamptz read as text inside JSON, printed as the hub prints a DateTime (the driver's parser, then toISOString). */
export const isoOf = (text: string | null): string | null => (text === null ? null : parseTimestamptz(text).toISOString());
export const dateOf = (text: string): Date => parseTimestamptz(text);

