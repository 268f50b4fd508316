// Baseline of the meeting page's main document (MeetingPage): the meeting with its group (its
// members, organizations and the network's lists the task form offers), agenda, attendance and
// protocol (entries, decisions, action items, corrections, review, revisions). Four statements:
// the caller, the head (meeting-head.ts), then the group's lists and the meeting's parts at once.
import { renderProtocol, type ProtocolDocument } from '../../../src/protocols/protocol-markdown.js';
import { byName, sendData, variablesOf, type Baseline, type RegisterRoutes } from './common.js';
import { isoOf, meetingHead, statusOf, type Access, type MeetingHead } from './meeting-head.js';
import { GROUP_LISTS_SQL, PARTS_SQL } from './meeting-sql.js';

type Json = any;

interface Parts {
  agenda: Json[];
  attendance: Json[];
  external_attendance: Json[];
  entries: Json[];
  decisions: Json[];
  action_items: Json[];
  corrections: Json[];
  approvals: Json[];
  feedback: Json[];
  revisions: Json[];
  published_by: Json | null;
  my_approval_pending: boolean | null;
  approval_meeting: Json | null;
  doc: { groups: string[]; attendance: Json[]; items: Json[]; decisions: Json[]; actionItems: Json[] } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Which protocol states each kind of reader sees (VISIBLE in src/protocols/protocols.service.ts). */
const VISIBLE: Record<Access, string[]> = {
  manage: ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'],
  read: ['IN_REVIEW', 'APPROVED', 'PUBLISHED'],
  network: ['PUBLISHED'],
};

export const registerMeeting: RegisterRoutes = (app, base) => {
  app.post('/page/MeetingPage', async (req, reply) => {
    const viewer = await base.viewer(req.headers.authorization);
    const meeting = await meetingPage(base, variablesOf<{ id?: unknown }>(req.body).id, viewer.id);
    return sendData(reply, { meeting, me: { id: viewer.id } });
  });
};

async function meetingPage(base: Baseline, id: unknown, viewerId: string): Promise<Json | null> {
  const head = await meetingHead(base, id, viewerId);
  if (!head) return null;
  const { m, access } = head;
  const insider = access !== 'network';
  const protocolVisible = m.p_id !== null && VISIBLE[access].includes(m.p_status!);
  const pid = protocolVisible ? m.p_id : null;
  const [[lists], [parts]] = await Promise.all([
    base.q(GROUP_LISTS_SQL, [m.group_readable, m.in_network, [m.group_id], [m.network_id]]),
    base.q<Parts>(PARTS_SQL, [
      m.id, viewerId, access, pid, pid !== null && m.p_status === 'PUBLISHED', pid !== null && m.p_status !== 'PUBLISHED', m.group_id,
      pid !== null && m.p_status === 'IN_REVIEW' && m.p_approval_mode === 'NAMED_APPROVERS', pid !== null ? m.p_approval_meeting_id : null, [m.id],
    ]),
  ]);
  const onlineUrl = insider ? m.online_url : null;
  return {
    id: m.id,
    title: m.title,
    startsAt: m.starts_at.toISOString(),
    endsAt: m.ends_at.toISOString(),
    timeZone: m.time_zone,
    status: statusOf(m),
    location: insider ? m.location : null,
    onlineUrl,
    // The hub's join link: a link set by hand; generated rooms need JITSI_URL, which the bench does not set.
    videoRoomUrl: insider ? onlineUrl : null,
    cancelReason: insider ? m.cancel_reason : null,
    viewerCanManage: access === 'manage',
    viewerCanPropose: access === 'manage' || m.plain_member,
    series: insider && m.series_id && m.series_title !== null ? { id: m.series_id, title: m.series_title } : null,
    group: {
      id: m.group_id,
      name: m.group_name,
      network: { id: m.network_id, slug: m.slug, name: m.network_name, members: lists.network_members, people: lists.network_people },
      organizations: (lists.organizations as { id: string; name: string }[]).sort(byName),
      members: lists.members,
    },
    agenda: parts.agenda,
    attendance: parts.attendance,
    externalAttendance: parts.external_attendance,
    protocol: pid ? protocol(m, access, parts) : null,
  };
}

function protocol(m: MeetingHead, access: Access, parts: Parts): Json {
  const insider = access !== 'network';
  return {
    id: m.p_id,
    status: m.p_status,
    version: m.p_version,
    markdown: markdown(m, access, parts),
    contentHash: m.p_content_hash,
    approvedAt: iso(m.p_approved_at),
    publishedAt: iso(m.p_published_at),
    publishedBy: parts.published_by ?? null,
    entries: parts.entries,
    decisions: parts.decisions,
    actionItems: parts.action_items.map((a) => ({ ...a, closedAt: isoOf(a.closedAt) })),
    corrections: parts.corrections.map((c) => ({ ...c, at: isoOf(c.at) })),
    approvalMode: m.p_approval_mode,
    approvalDueAt: iso(m.p_approval_due_at),
    openObjectionCount: insider ? parts.feedback.filter((f) => f.kind === 'OBJECTION' && !f.resolution).length : 0,
    myApprovalPending: parts.my_approval_pending === true,
    approvalMeeting: parts.approval_meeting ? { ...parts.approval_meeting, startsAt: isoOf(parts.approval_meeting.startsAt) } : null,
    approvals: parts.approvals.map((a) => ({ approvedAt: isoOf(a.approvedAt), person: a.person })),
    feedback: parts.feedback.map((f) => ({ ...f, createdAt: isoOf(f.createdAt), answeredAt: isoOf(f.answeredAt) })),
    revisions: parts.revisions.map((r) => ({ ...r, at: isoOf(r.at) })),
  };
}

/** Frozen once published (redacted for readers outside the groups); rendered from the document before. */
function markdown(m: MeetingHead, access: Access, parts: Parts): string {
  if (m.p_status === 'PUBLISHED') return (access === 'network' ? m.p_published_markdown_redacted : m.p_published_markdown) ?? '';
  const doc = parts.doc!;
  const document: ProtocolDocument = {
    title: m.title,
    groups: doc.groups,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    timeZone: m.time_zone,
    location: m.location,
    onlineUrl: m.online_url,
    status: m.p_status!,
    version: m.p_version!,
    approvedAt: m.p_approved_at,
    publishedAt: m.p_published_at,
    attendance: doc.attendance,
    items: doc.items,
    decisions: doc.decisions,
    actionItems: doc.actionItems,
  };
  return renderProtocol(document, { redact: access === 'network' });
}
