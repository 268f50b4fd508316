// A second check of the meeting page's baselines (MeetingPage, MeetingRsvp) on data the demo does
// not have: the demo enriched by SQL (attendance, external people, proposals, a carried-over item,
// corrections, comments and objections, approvals, joint groups, a series with answers, ended and
// guest memberships), the protocol in review with named approvers and as a draft (rendered
// markdown), and the caller as manager, member, guest, lead, network member and outsider. Run:
//   node --import @swc-node/register/esm-register test/bench/baseline/meeting-check.ts
// (VERBOSE=1 prints every comparison). Exits 1 on a difference.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startBenchServer, stopBenchServers, benchDatabase, comparePages, BENCH_BASE_URL } from '../compare-pages.js';

const dataDir = mkdtempSync(join(tmpdir(), 'interkom-meeting-check-'));
const url = await benchDatabase(`interkom_meeting_check_${process.pid}`);
const env = { DATABASE_URL: url, DATA_DIR: dataDir, PUBLIC_BASE_URL: BENCH_BASE_URL };
const hub = await startBenchServer('hub-server.ts', { ...env, BENCH_DATA: 'demo' });
const limit = await startBenchServer('limit-server.ts', env);
const db = new pg.Client({ connectionString: url });
await db.connect();
const f = hub.info.fixtures;
const baseMeeting = f.meetingId;
// The fixture's meeting and the group's first ones (past and coming), then two coming occurrences of its series.
const meetings = (await db.query(`SELECT m.id FROM meeting m WHERE m.group_id = $1 ORDER BY m.starts_at LIMIT 4`, [f.groupId])).rows.map((r) => r.id);
let failures = 0;
async function check(label: string) {
  for (const id of [baseMeeting, ...meetings]) {
    hub.info.fixtures.meetingId = id;
    const { equal, lines } = await comparePages(hub, limit, ['MeetingPage', 'MeetingRsvp']);
    if (!equal) failures++;
    for (const l of lines) if (!equal || process.env.VERBOSE) console.log(`[${label} ${id.slice(0, 8)}] ${l.slice(0, 2500)}`);
  }
  console.log(`${label}: done (${failures} failures so far)`);
}
const sql = async (text: string) => { await db.query(text); };
const P = (name: string) => `(SELECT id FROM person WHERE display_name LIKE '${name}%' LIMIT 1)`;
const O = (name: string) => `(SELECT id FROM organization WHERE name = '${name}' LIMIT 1)`;
const M = `'${baseMeeting}'::uuid`;
const PR = `(SELECT id FROM protocol WHERE meeting_id = ${M})`;
const G = `'${f.groupId}'::uuid`;
try {
  await check('demo');
  await sql(`
    INSERT INTO attendance (meeting_id, person_id, organization_id, status, role) VALUES
      (${M}, ${P('Alice')}, ${O('Stadt Ettlingen')}, 'PRESENT', 'MEMBER'), (${M}, ${P('Ben')}, ${O('Stadt Rheinstetten')}, 'EXCUSED', 'MEMBER'),
      (${M}, ${P('Ida')}, NULL, 'PRESENT', 'GUEST'), (${M}, ${P('Nina')}, ${O('Stadt Bruchsal')}, 'PRESENT', 'DEPUTY');
    INSERT INTO external_attendee (meeting_id, name, organization_name, role, status, consent_to_publish) VALUES
      (${M}, 'Zora Extern', 'Landratsamt', 'EXTERNAL', 'PRESENT', true), (${M}, 'Anton Gast', NULL, 'SPEAKER', 'EXCUSED', false), (${M}, 'Anton Gast', 'X', 'SPEAKER', 'EXCUSED', false);
    INSERT INTO agenda_item (meeting_id, position, title, description, duration_minutes, presenter_id, presenter_organization_id, public, status, proposed_by_id) VALUES
      (${M}, 4, 'Vorschlag von Ben', 'Beschreibung', 15, ${P('Ben')}, ${O('Stadt Rheinstetten')}, false, 'PROPOSED', ${P('Ben')}),
      (${M}, 5, 'Nichtöffentlich', NULL, 30, NULL, NULL, false, 'ACCEPTED', ${P('Mara')});
    UPDATE agenda_item SET carried_over_from_id = (SELECT id FROM action_item WHERE protocol_id = ${PR} ORDER BY created_at LIMIT 1) WHERE meeting_id = ${M} AND position = 5;
    INSERT INTO decision (protocol_id, agenda_item_id, text, votes_for) VALUES (${PR}, NULL, 'Allgemeiner Beschluss', 3);
    INSERT INTO action_item (group_id, title, status, protocol_id, public, closed_at, closed_by_id, created_by_id, due_on) VALUES
      (${G}, 'Erledigte Aufgabe', 'DONE', ${PR}, false, '2026-11-30 10:11:12.345678+00', ${P('Alice')}, ${P('Mara')}, NULL);
    INSERT INTO protocol_feedback (protocol_id, author_id, kind, text, protocol_version, answer, answered_by_id, answered_at, agenda_item_id, created_at) VALUES
      (${PR}, ${P('Ben')}, 'COMMENT', 'Ein Kommentar', 3, 'Antwort', ${P('Mara')}, '2026-11-02 08:00:00.123456+00', (SELECT id FROM agenda_item WHERE meeting_id = ${M} AND position = 1), '2026-11-01 08:00:00.987654+00'),
      (${PR}, ${P('Ida')}, 'OBJECTION', 'Ein Einwand', 4, NULL, NULL, NULL, NULL, '2026-11-01 09:00:00+00'),
      (${PR}, ${P('Alice')}, 'OBJECTION', 'Zurückgezogen', 4, NULL, NULL, NULL, NULL, '2026-11-01 09:30:00+00');
    UPDATE protocol_feedback SET resolution = 'WITHDRAWN', resolved_by_id = author_id, resolved_at = now() WHERE text = 'Zurückgezogen';
    INSERT INTO protocol_approval (protocol_id, person_id, approved_at) VALUES (${PR}, ${P('Ben')}, '2026-11-05 12:00:00.5+00'), (${PR}, ${P('Mara')}, '2026-11-04 12:00:00+00');
    INSERT INTO protocol_correction (protocol_id, sequence, text, author_id, at, previous_hash, hash) VALUES
      (${PR}, 2, 'Zweite Berichtigung', ${P('Alice')}, '2026-12-01 10:00:00.000001+00', repeat('b', 64), repeat('c', 64)),
      (${PR}, 1, 'Erste Berichtigung', ${P('Mara')}, '2026-11-30 10:00:00.999999+00', repeat('a', 64), repeat('b', 64));
    INSERT INTO meeting_group (meeting_id, group_id) VALUES (${M}, (SELECT id FROM work_group WHERE name LIKE 'Plenum%' LIMIT 1));
    INSERT INTO group_member (group_id, person_id, organization_id, role, since, until) VALUES
      (${G}, ${P('Nina')}, ${O('Stadt Bruchsal')}, 'GUEST', '2025-01-01', '2025-06-30'),
      (${G}, ${P('Ida')}, NULL, 'GUEST', '2025-01-01', NULL),
      -- Deputy candidates for Alice (Stadt Ettlingen): Nina by a membership elsewhere in the network, Ida by her network role.
      ((SELECT id FROM work_group WHERE name LIKE 'Projektgruppe%' LIMIT 1), ${P('Nina')}, ${O('Stadt Ettlingen')}, 'MEMBER', '2025-01-01', NULL);
    UPDATE network_role SET organization_id = ${O('Stadt Ettlingen')} WHERE person_id = ${P('Ida')};
    UPDATE meeting SET series_id = (SELECT id FROM meeting_series LIMIT 1), sequence = 2 WHERE id = ${M};
    INSERT INTO rsvp_answer (meeting_id, person_id, answer, sequence, source, answered_at, comment) VALUES
      (${M}, ${P('Alice')}, 'TENTATIVE', 2, 'CLIENT', '2026-10-01 10:00:00+00', 'vielleicht'),
      (${M}, ${P('Ben')}, 'ACCEPTED', 1, 'MAIL', '2026-10-01 10:00:00+00', NULL);
    INSERT INTO rsvp_series_answer (series_id, person_id, answer, deputy_person_id, sequence, source, answered_at, deputy_name, deputy_email)
      SELECT id, ${P('Mara')}, 'DEPUTY', ${P('Nina')}, 1, 'CLIENT', '2026-09-01 10:00:00+00', NULL, NULL FROM meeting_series LIMIT 1;
    INSERT INTO rsvp_series_answer (series_id, person_id, answer, sequence, source, answered_at, deputy_name, deputy_email)
      SELECT id, ${P('Ida')}, 'DECLINED', 0, 'MAIL', '2026-09-01 10:00:00+00', 'Vera', 'vera@example.org' FROM meeting_series LIMIT 1;
    INSERT INTO rsvp_invitation (person_id, token, uid, series_id, sequence) SELECT ${P('Mara')}, 't1', 'u1', id, 2 FROM meeting_series LIMIT 1;
  `);
  await check('enriched');
  // Future series meetings: answers for the series.
  await sql(`INSERT INTO rsvp_series_answer (series_id, person_id, answer, sequence, source, answered_at)
               SELECT id, ${P('Alice')}, 'ACCEPTED', 0, 'CLIENT', now() FROM meeting_series LIMIT 1;`);
  meetings.push(...(await db.query(`SELECT m.id FROM meeting m WHERE m.group_id = $1 AND m.starts_at > now() ORDER BY m.starts_at LIMIT 2`, [f.groupId])).rows.map((r) => r.id));
  await check('series answers');
  // The protocol unpublished: rendered markdown, named approvers, approval meeting.
  await sql(`UPDATE protocol SET status = 'IN_REVIEW', approval_mode = 'NAMED_APPROVERS', approval_meeting_id = '${meetings[meetings.length - 1]}' WHERE id = ${PR};
             INSERT INTO group_protocol_approver (group_id, person_id) VALUES (${G}, ${P('Alice')}), (${G}, ${P('Ben')});`);
  await check('in review');
  await sql(`DELETE FROM protocol_approval WHERE person_id = ${P('Alice')}; UPDATE protocol SET status = 'DRAFT' WHERE id = ${PR}`);
  await check('draft');
  await sql(`UPDATE protocol SET status = 'IN_REVIEW' WHERE id = ${PR}`);
  // Alice: network MEMBER, group MEMBER → read.
  await sql(`UPDATE network_role SET role = 'MEMBER' WHERE person_id = ${P('Alice')}`);
  await check('read');
  await sql(`UPDATE group_member SET role = 'GUEST' WHERE person_id = ${P('Alice')} AND group_id = ${G}`);
  await check('guest');
  await sql(`UPDATE group_member SET role = 'LEAD' WHERE person_id = ${P('Alice')} AND group_id = ${G}`);
  await check('lead');
  await sql(`UPDATE protocol SET status = 'PUBLISHED' WHERE id = ${PR}; UPDATE group_member SET until = '2026-01-01' WHERE person_id = ${P('Alice')} AND group_id = ${G}`);
  await check('network');
  await sql(`DELETE FROM network_role WHERE person_id = ${P('Alice')}`);
  await check('outsider');
} finally {
  await db.end();
  await stopBenchServers([hub, limit]);
  rmSync(dataDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: new URL('/postgres', url).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}
console.log(failures ? `FAILURES: ${failures}` : 'ALL EQUAL');
process.exitCode = failures ? 1 : 0;
