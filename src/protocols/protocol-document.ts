import type { EntityManager } from "typeorm";
import { attendanceForProtocols } from "../meetings/attendance/attendance-record.js";
import type { ProtocolDocument } from "./protocol-markdown.js";

/** Gathers everything the markdown shows, in a handful of set-based queries. */
export async function loadProtocolDocument(
  db: EntityManager,
  protocolId: string,
): Promise<ProtocolDocument> {
  const doc = (await loadProtocolDocuments(db, [protocolId])).get(protocolId);
  if (!doc) throw new Error(`protocol ${protocolId} not found`);
  return doc;
}

const groupBy = <T extends { key: string }>(
  rows: T[],
): Map<string, Omit<T, "key">[]> => {
  const out = new Map<string, Omit<T, "key">[]>();
  for (const { key, ...rest } of rows)
    (out.get(key) ?? out.set(key, []).get(key)!).push(rest);
  return out;
};

/**
 * The documents of many protocols in the same six statements as one (the OParl view renders every
 * published protocol of a network at once: one by one, a Land-sized network's first list took 50 s).
 */
export async function loadProtocolDocuments(
  db: EntityManager,
  protocolIds: string[],
): Promise<Map<string, ProtocolDocument>> {
  const protocols = await db.query(
    `SELECT p.id, p.status, p.version, p.approved_at, p.published_at, m.id AS meeting_id, m.title, m.starts_at, m.ends_at,
            m.time_zone, m.location, m.online_url, m.group_id
       FROM protocol p JOIN meeting m ON m.id = p.meeting_id WHERE p.id = ANY($1::uuid[])`,
    [protocolIds],
  );
  const meetingIds = protocols.map((p: { meeting_id: string }) => p.meeting_id);
  const readGroups = () =>
    db.query<{ key: string; name: string }[]>(
      `SELECT key, name FROM (
         SELECT m.id AS key, 0 AS part, g.name FROM meeting m JOIN work_group g ON g.id = m.group_id WHERE m.id = ANY($1::uuid[])
         UNION ALL SELECT mg.meeting_id, 1, g.name FROM meeting_group mg JOIN work_group g ON g.id = mg.group_id WHERE mg.meeting_id = ANY($1::uuid[])
       ) g ORDER BY key, part`,
      [meetingIds],
    );
  const readAttendance = () => attendanceForProtocols(db, meetingIds);
  const readItems = () =>
    db.query<{ key: string }[]>(
      `SELECT p.id AS key, ai.id, ai.position, ai.title, ai.public, e.notes FROM protocol p
         JOIN agenda_item ai ON ai.meeting_id = p.meeting_id
         LEFT JOIN protocol_entry e ON e.agenda_item_id = ai.id AND e.protocol_id = p.id
        WHERE p.id = ANY($1::uuid[]) AND ai.status = 'ACCEPTED' ORDER BY p.id, ai.position`,
      [protocolIds],
    );
  const readDecisions = () =>
    db.query<{ key: string }[]>(
      `SELECT protocol_id AS key, agenda_item_id AS "agendaItemId", text, votes_for AS "votesFor", votes_against AS "votesAgainst", abstentions
         FROM decision WHERE protocol_id = ANY($1::uuid[]) ORDER BY protocol_id, created_at, id`,
      [protocolIds],
    );
  const readActionItems = () =>
    db.query<{ key: string }[]>(
      `SELECT a.protocol_id AS key, a.title, pe.display_name AS assignee, coalesce(pe.public_profile AND pe.erased_at IS NULL, false) AS "assigneePublic", o.name AS organization, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status, a.public
         FROM action_item a LEFT JOIN person pe ON pe.id = a.assignee_id LEFT JOIN organization o ON o.id = a.assignee_organization_id
        WHERE a.protocol_id = ANY($1::uuid[]) ORDER BY a.protocol_id, a.created_at, a.id`,
      [protocolIds],
    );
  // Side by side outside a transaction, so that the read batching sends the five as one statement
  // (the meeting page renders an unpublished protocol from them); one after the other inside one,
  // whose single connection takes a statement at a time.
  const [groups, attendance, items, decisions, actionItems] = db.queryRunner
    ?.isTransactionActive
    ? [
        await readGroups(),
        await readAttendance(),
        await readItems(),
        await readDecisions(),
        await readActionItems(),
      ]
    : await Promise.all([
        readGroups(),
        readAttendance(),
        readItems(),
        readDecisions(),
        readActionItems(),
      ]);
  const groupsOf = groupBy(groups);
  const itemsOf = groupBy(items);
  const decisionsOf = groupBy(decisions);
  const actionItemsOf = groupBy(actionItems);
  const out = new Map<string, ProtocolDocument>();
  for (const p of protocols) {
    out.set(p.id, {
      title: p.title,
      groups: (groupsOf.get(p.meeting_id) ?? []).map(
        (g) => (g as { name: string }).name,
      ),
      startsAt: new Date(p.starts_at),
      endsAt: new Date(p.ends_at),
      timeZone: p.time_zone,
      location: p.location,
      onlineUrl: p.online_url,
      status: p.status,
      version: p.version,
      approvedAt: p.approved_at ? new Date(p.approved_at) : null,
      publishedAt: p.published_at ? new Date(p.published_at) : null,
      attendance: attendance.get(p.meeting_id) ?? [],
      items: (itemsOf.get(p.id) ?? []) as ProtocolDocument["items"],
      decisions: (decisionsOf.get(p.id) ?? []) as ProtocolDocument["decisions"],
      actionItems: (actionItemsOf.get(p.id) ??
        []) as ProtocolDocument["actionItems"],
    });
  }
  return out;
}
