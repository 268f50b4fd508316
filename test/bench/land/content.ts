// What the meetings hold, derived in SQL from the meetings themselves: schedule records, agendas
// with presenters, attendance, protocols with entries, decisions, revisions and tasks. Every
// choice is a hash of the row's key (md5), so the same meetings give the same rows, ids included.
import type { EntityManager } from 'typeorm';
import { AGENDA_TOPICS, DECISION_TEXTS, NOTE_TEXTS, TASK_TEXTS } from './names.js';

/** A number in [0, 1) from a text: the SQL generator's dice. */
export const h = (expr: string) => `(('x' || substr(md5(${expr}), 1, 8))::bit(32)::bigint / 4294967296.0::float8)`;
/** The element of a text array parameter chosen by a hash. */
const pick = (param: string, expr: string) => `(${param}::text[])[1 + floor(${h(expr)} * cardinality(${param}::text[]))::int]`;
const ITEMS = (m: string) => `(5 + (${h(`${m}.id || ':n'`)} < 0.5)::int)`;

/**
 * Temp tables of this transaction: the Land's meetings (`past` = before today in Berlin, `n` = its
 * group's size) and its group members numbered per group, so a hash can choose "the k-th member".
 */
export async function prepareContent(tx: EntityManager, networkIds: string[], today: string): Promise<void> {
  await tx.query(
    `CREATE TEMP TABLE land_meeting ON COMMIT DROP AS
     SELECT m.id, m.group_id, m.title, m.starts_at, m.ends_at, m.cancelled, m.starts_at < ($2::date)::timestamp AT TIME ZONE 'Europe/Berlin' AS past,
            (($2::date)::timestamp AT TIME ZONE 'Europe/Berlin') - m.starts_at AS age,
            (SELECT count(*) FROM group_member gm WHERE gm.group_id = m.group_id)::int AS n
       FROM meeting m JOIN work_group g ON g.id = m.group_id WHERE g.network_id = ANY($1)`,
    [networkIds, today],
  );
  await tx.query(
    `CREATE TEMP TABLE land_gm ON COMMIT DROP AS
     SELECT gm.group_id, gm.person_id, gm.organization_id, gm.role, (row_number() OVER (PARTITION BY gm.group_id ORDER BY gm.person_id) - 1)::int AS idx,
            count(*) OVER (PARTITION BY gm.group_id)::int AS n,
            first_value(gm.person_id) OVER (PARTITION BY gm.group_id ORDER BY gm.role <> 'LEAD', gm.role <> 'MODERATOR', gm.person_id) AS chair
       FROM group_member gm JOIN work_group g ON g.id = gm.group_id WHERE g.network_id = ANY($1)`,
    [networkIds],
  );
  await tx.query(`CREATE INDEX ON land_gm (group_id, idx)`);
  await tx.query(`ANALYZE land_meeting; ANALYZE land_gm`);
}

export async function writeAgendas(tx: EntityManager): Promise<void> {
  await tx.query(`INSERT INTO meeting_change (id, meeting_id, kind, starts_at, ends_at, at)
                  SELECT md5('land:change:' || m.id)::uuid, m.id, 'SCHEDULED', m.starts_at, m.ends_at, m.starts_at - interval '40 days' FROM land_meeting m`);
  // 5 or 6 items: the welcome, topics with a presenter from the group, "Verschiedenes". Now and then
  // an upcoming meeting has a member's proposal waiting for the moderation.
  await tx.query(
    `INSERT INTO agenda_item (id, meeting_id, position, title, description, duration_minutes, presenter_id, presenter_organization_id, status, proposed_by_id)
     SELECT md5('land:item:' || m.id || ':' || p)::uuid, m.id, p,
            CASE WHEN p = 1 THEN 'Begrüßung und Genehmigung der Tagesordnung' WHEN p = c.items THEN 'Verschiedenes' ELSE ${pick('$1', `m.id || ':t:' || p`)} END,
            CASE WHEN p > 1 AND p < c.items AND ${h(`m.id || ':d:' || p`)} < 0.3 THEN 'Die Unterlagen werden mit der Einladung verschickt.' END,
            CASE WHEN p = 1 OR p = c.items THEN 10 ELSE 15 + 5 * floor(${h(`m.id || ':m:' || p`)} * 6)::int END,
            gm.person_id, gm.organization_id, CASE WHEN c.proposal AND p = c.items - 1 THEN 'PROPOSED' ELSE 'ACCEPTED' END::agenda_item_status,
            CASE WHEN c.proposal AND p = c.items - 1 THEN gm.person_id END
       FROM land_meeting m
       CROSS JOIN LATERAL (SELECT ${ITEMS('m')} AS items, NOT m.past AND ${h(`m.id || ':p'`)} < 0.15 AS proposal) c
       CROSS JOIN LATERAL generate_series(1, c.items) p
       LEFT JOIN land_gm gm ON p > 1 AND p < c.items AND gm.group_id = m.group_id AND gm.idx = floor(${h(`m.id || ':r:' || p`)} * m.n)::int`,
    [AGENDA_TOPICS],
  );
  await tx.query(
    `INSERT INTO attendance (meeting_id, person_id, organization_id, status, role)
     SELECT m.id, gm.person_id, gm.organization_id,
            CASE WHEN x.r < 0.8 THEN 'PRESENT' WHEN x.r < 0.95 THEN 'EXCUSED' ELSE 'ABSENT' END::attendance_status,
            CASE WHEN gm.role = 'GUEST' THEN 'GUEST' ELSE 'MEMBER' END::attendance_role
       FROM land_meeting m JOIN land_gm gm ON gm.group_id = m.group_id
       CROSS JOIN LATERAL (SELECT ${h(`m.id || ':a:' || gm.person_id`)} AS r) x
      WHERE m.past AND NOT m.cancelled`,
  );
}

/**
 * Two thirds of the held meetings have a protocol; its state follows its age: drafts and reviews
 * of the last weeks (their objection period still running), approved ones, and published ones
 * (with their markdown and hash) from six weeks back.
 */
export async function writeProtocols(tx: EntityManager): Promise<void> {
  await tx.query(
    `INSERT INTO protocol (id, meeting_id, status, version, approval_mode, approval_due_at, approved_at, published_at, published_by_id, created_at, updated_at)
     SELECT md5('land:protocol:' || m.id)::uuid, m.id, s.status::protocol_status, ${ITEMS('m')} + 1,
            CASE WHEN s.status <> 'DRAFT' THEN 'OBJECTION_PERIOD'::protocol_approval_mode END,
            CASE WHEN s.status = 'IN_REVIEW' THEN m.starts_at + m.age + interval '1 day' * (1 + floor(${h(`m.id || ':due'`)} * 13)) WHEN s.status <> 'DRAFT' THEN m.ends_at + interval '15 days' END,
            CASE WHEN s.status IN ('APPROVED', 'PUBLISHED') THEN m.ends_at + interval '15 days' END,
            CASE WHEN s.status = 'PUBLISHED' THEN m.ends_at + interval '16 days' END,
            CASE WHEN s.status = 'PUBLISHED' THEN (SELECT chair FROM land_gm WHERE group_id = m.group_id LIMIT 1) END,
            m.ends_at, m.ends_at + interval '16 days'
       FROM land_meeting m
       CROSS JOIN LATERAL (SELECT ${h(`m.id || ':s'`)} AS r) x
       CROSS JOIN LATERAL (SELECT CASE
              WHEN m.age > interval '45 days' THEN CASE WHEN x.r < 0.55 THEN 'PUBLISHED' ELSE 'APPROVED' END
              WHEN m.age > interval '14 days' THEN CASE WHEN x.r < 0.5 THEN 'APPROVED' ELSE 'IN_REVIEW' END
              ELSE CASE WHEN x.r < 0.4 THEN 'IN_REVIEW' ELSE 'DRAFT' END END AS status) s
      WHERE m.past AND NOT m.cancelled AND ${h(`m.id || ':pr'`)} < 0.66`,
  );
  await tx.query(`CREATE TEMP TABLE land_protocol ON COMMIT DROP AS
                  SELECT p.id, p.meeting_id, p.status, m.group_id, m.title, m.starts_at, m.ends_at, m.starts_at + m.age AS today, (SELECT chair FROM land_gm WHERE group_id = m.group_id LIMIT 1) AS chair
                    FROM protocol p JOIN land_meeting m ON m.id = p.meeting_id`);
  await tx.query(
    `INSERT INTO protocol_entry (protocol_id, agenda_item_id, notes)
     SELECT p.id, a.id, CASE WHEN a.position = 1 THEN 'Die Tagesordnung wird ohne Änderungen angenommen.' ELSE ${pick('$1', `a.id::text`)} END
       FROM land_protocol p JOIN agenda_item a ON a.meeting_id = p.meeting_id`,
    [NOTE_TEXTS],
  );
  await tx.query(
    `INSERT INTO decision (id, protocol_id, agenda_item_id, text, votes_for, votes_against, abstentions, created_at)
     SELECT md5('land:decision:' || a.id)::uuid, p.id, a.id, ${pick('$1', `a.id || ':x'`)},
            4 + floor(${h(`a.id || ':f'`)} * 10)::int, floor(${h(`a.id || ':g'`)} * 2)::int, floor(${h(`a.id || ':i'`)} * 3)::int, p.ends_at + a.position * interval '1 minute'
       FROM land_protocol p JOIN agenda_item a ON a.meeting_id = p.meeting_id
      WHERE a.position > 1 AND a.title <> 'Verschiedenes'
        AND ((a.position = 2 AND ${h(`p.id || ':dd'`)} < 0.6) OR ${h(`a.id || ':dx'`)} < 0.2)`,
    [DECISION_TEXTS],
  );
  await tx.query(
    `INSERT INTO protocol_revision (id, protocol_id, version, author_id, summary, details, at)
     SELECT md5('land:revision:' || p.id || ':' || v.version)::uuid, p.id, v.version, p.chair, v.summary, '{}'::jsonb, p.ends_at + v.version * interval '5 minutes'
       FROM land_protocol p JOIN protocol q ON q.id = p.id
       CROSS JOIN LATERAL (VALUES (1, 'Protokoll begonnen'), (q.version, 'Einträge geschrieben')) v(version, summary)
      WHERE p.chair IS NOT NULL`,
  );
  await tx.query(
    `INSERT INTO action_item (id, group_id, title, assignee_id, assignee_organization_id, due_on, status, origin_meeting_id, protocol_id, agenda_item_id, created_by_id, created_at, closed_at, closed_by_id)
     SELECT md5('land:task:' || a.id)::uuid, p.group_id, ${pick('$1', `a.id || ':k'`)}, a.presenter_id, a.presenter_organization_id, t.due,
            CASE WHEN t.done THEN 'DONE' ELSE 'OPEN' END::action_item_status, p.meeting_id, p.id, a.id, p.chair, p.ends_at,
            CASE WHEN t.done THEN t.due::timestamp AT TIME ZONE 'Europe/Berlin' END, CASE WHEN t.done THEN a.presenter_id END
       FROM land_protocol p JOIN agenda_item a ON a.meeting_id = p.meeting_id
       CROSS JOIN LATERAL (SELECT (p.starts_at AT TIME ZONE 'Europe/Berlin')::date + 14 + floor(${h(`a.id || ':due'`)} * 28)::int AS due) d
       CROSS JOIN LATERAL (SELECT d.due, d.due < (p.today AT TIME ZONE 'Europe/Berlin')::date - 7 AND ${h(`a.id || ':done'`)} < 0.7 AS done) t
      WHERE a.presenter_id IS NOT NULL AND ${h(`a.id || ':task'`)} < 0.22`,
    [TASK_TEXTS],
  );
  await tx.query(
    `UPDATE protocol q SET published_markdown = r.md, published_markdown_redacted = r.md, content_hash = encode(sha256(convert_to(r.md, 'UTF8')), 'hex')
       FROM (SELECT p.id, '# ' || p.title || E'\\n\\n' || string_agg('## TOP ' || a.position || ': ' || a.title || E'\\n\\n' || e.notes, E'\\n\\n' ORDER BY a.position) AS md
               FROM land_protocol p JOIN protocol_entry e ON e.protocol_id = p.id JOIN agenda_item a ON a.id = e.agenda_item_id
              WHERE p.status = 'PUBLISHED' GROUP BY p.id, p.title) r
      WHERE q.id = r.id`,
  );
}
