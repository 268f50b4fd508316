// Bench data: the demo networks, meetings with agendas for re@di's groups, and `factor - 1`
// copies of re@di's organizations, people, groups and meetings inside re@di itself, so that the
// deep network query grows with the factor (×100: ~1,000 organizations, ~500 groups).
import type { DataSource, EntityManager } from 'typeorm';
import { seedDemo } from '../../src/database/seed/demo-seed.js';

const DAY = 86_400_000;

/** Seeds demo data ×factor; returns the id of a fachgruppe meeting for the detail query. */
export async function seedBenchData(db: DataSource, factor: number): Promise<{ meetingId: string }> {
  await seedDemo(db);
  return db.transaction(async (tx) => {
    const [{ id: readi }] = await tx.query<{ id: string }[]>(`SELECT id FROM network WHERE slug = 'readi'`);
    await seedMeetings(tx, readi);
    await tx.query(`CREATE TEMP TABLE bench_orig (kind text, id uuid) ON COMMIT DROP`);
    await tx.query(`CREATE TEMP TABLE bench_map (kind text, old uuid, new uuid, copy int) ON COMMIT DROP`);
    await tx.query(
      `INSERT INTO bench_orig
         SELECT 'org', organization_id FROM network_membership WHERE network_id = $1
         UNION ALL SELECT DISTINCT 'person', person_id FROM network_role WHERE network_id = $1
         UNION ALL SELECT 'group', id FROM work_group WHERE network_id = $1
         UNION ALL SELECT 'meeting', m.id FROM meeting m JOIN work_group g ON g.id = m.group_id WHERE g.network_id = $1`,
      [readi],
    );
    for (let copy = 2; copy <= factor; copy++) await copyReadi(tx, readi, copy);
    const [meeting] = await tx.query<{ id: string }[]>(
      `SELECT m.id FROM meeting m JOIN work_group g ON g.id = m.group_id
        WHERE g.network_id = $1 AND g.name = 'Fachgruppe Digitalisierung' ORDER BY m.starts_at LIMIT 1`,
      [readi],
    );
    return { meetingId: meeting.id };
  });
}

/** Three upcoming meetings per re@di group, four agenda items each (presenters from the group), attendance. */
async function seedMeetings(tx: EntityManager, readi: string): Promise<void> {
  const [{ n }] = await tx.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM meeting m JOIN work_group g ON g.id = m.group_id WHERE g.network_id = $1`,
    [readi],
  );
  if (n > 0) return;
  const groups = await tx.query<{ id: string; name: string }[]>(`SELECT id, name FROM work_group WHERE network_id = $1 ORDER BY name`, [readi]);
  const [alice] = await tx.query<{ id: string }[]>(`SELECT id FROM person WHERE display_name LIKE 'Alice%' LIMIT 1`);
  const base = Math.ceil(Date.now() / DAY) * DAY + 8 * 3_600_000;
  for (const [gi, group] of groups.entries()) {
    const members = await tx.query<{ person_id: string; organization_id: string | null }[]>(
      'SELECT person_id, organization_id FROM group_member WHERE group_id = $1 ORDER BY person_id',
      [group.id],
    );
    for (let k = 0; k < 3; k++) {
      const startsAt = new Date(base + (7 * (k + 1) + gi) * DAY);
      const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
      const [meeting] = await tx.query<{ id: string }[]>(
        `INSERT INTO meeting (group_id, title, starts_at, ends_at, time_zone, location) VALUES ($1, $2, $3, $4, 'Europe/Berlin', 'Rathaus Ettlingen') RETURNING id`,
        [group.id, `${group.name}: Sitzung ${k + 1}`, startsAt, endsAt],
      );
      await tx.query(`INSERT INTO meeting_change (meeting_id, kind, starts_at, ends_at, changed_by_id) VALUES ($1, 'SCHEDULED', $2, $3, $4)`, [
        meeting.id, startsAt, endsAt, alice.id,
      ]);
      for (let position = 1; position <= 4; position++) {
        const presenter = members.length ? members[(position + k) % members.length] : null;
        await tx.query(
          `INSERT INTO agenda_item (meeting_id, position, title, duration_minutes, presenter_id, presenter_organization_id, status)
           VALUES ($1, $2, $3, 20, $4, $5, 'ACCEPTED')`,
          [meeting.id, position, `TOP ${position}: Bericht ${group.name}`, presenter?.person_id ?? null, presenter?.organization_id ?? null],
        );
      }
      for (const m of members) {
        await tx.query(`INSERT INTO attendance (meeting_id, person_id, organization_id, status) VALUES ($1, $2, $3, 'PRESENT')`, [
          meeting.id, m.person_id, m.organization_id,
        ]);
      }
    }
  }
}

/** One copy of re@di's organizations, people, groups and meetings, with ids remapped. */
async function copyReadi(tx: EntityManager, readi: string, copy: number): Promise<void> {
  await tx.query(`INSERT INTO bench_map SELECT kind, id, gen_random_uuid(), $1 FROM bench_orig`, [copy]);
  const map = (kind: string, alias: string, column: string) =>
    `LEFT JOIN bench_map ${alias} ON ${alias}.kind = '${kind}' AND ${alias}.copy = ${copy} AND ${alias}.old = ${column}`;
  const suffix = ` #${copy}`;
  await tx.query(
    `INSERT INTO organization (id, name, kind, federal_state, website)
     SELECT m.new, o.name || $1, o.kind, o.federal_state, o.website FROM organization o JOIN bench_map m ON m.kind = 'org' AND m.copy = $2 AND m.old = o.id`,
    [suffix, copy],
  );
  await tx.query(
    `INSERT INTO network_membership (network_id, organization_id, status, since)
     SELECT nm.network_id, mo.new, nm.status, nm.since FROM network_membership nm ${map('org', 'mo', 'nm.organization_id')}
      WHERE nm.network_id = $1 AND mo.new IS NOT NULL`,
    [readi],
  );
  await tx.query(
    `INSERT INTO person (id, issuer, subject, display_name, email)
     SELECT m.new, p.issuer, p.subject || $1, p.display_name || $1, 'bench' || $2 || '.' || p.email
       FROM person p JOIN bench_map m ON m.kind = 'person' AND m.copy = $2 AND m.old = p.id`,
    [suffix, copy],
  );
  await tx.query(
    `INSERT INTO network_role (network_id, person_id, role, organization_id)
     SELECT r.network_id, mp.new, r.role, coalesce(mo.new, r.organization_id) FROM network_role r
       ${map('person', 'mp', 'r.person_id')} ${map('org', 'mo', 'r.organization_id')}
      WHERE r.network_id = $1 AND mp.new IS NOT NULL`,
    [readi],
  );
  await tx.query(
    `INSERT INTO work_group (id, network_id, level, name, description, parent_id, lead_organization_id)
     SELECT mg.new, g.network_id, g.level, g.name || $2, g.description, mpar.new, coalesce(mo.new, g.lead_organization_id) FROM work_group g
       ${map('group', 'mg', 'g.id')} ${map('group', 'mpar', 'g.parent_id')} ${map('org', 'mo', 'g.lead_organization_id')}
      WHERE g.network_id = $1 AND mg.new IS NOT NULL`,
    [readi, suffix],
  );
  await tx.query(
    `INSERT INTO group_member (group_id, person_id, organization_id, role, since)
     SELECT mg.new, coalesce(mp.new, gm.person_id), coalesce(mo.new, gm.organization_id), gm.role, gm.since FROM group_member gm
       ${map('group', 'mg', 'gm.group_id')} ${map('person', 'mp', 'gm.person_id')} ${map('org', 'mo', 'gm.organization_id')}
      WHERE mg.new IS NOT NULL`,
  );
  await tx.query(
    `INSERT INTO meeting (id, group_id, title, starts_at, ends_at, time_zone, location)
     SELECT mm.new, mg.new, m.title || $1, m.starts_at, m.ends_at, m.time_zone, m.location FROM meeting m
       ${map('meeting', 'mm', 'm.id')} ${map('group', 'mg', 'm.group_id')} WHERE mm.new IS NOT NULL`,
    [suffix],
  );
  await tx.query(
    `INSERT INTO meeting_change (meeting_id, kind, starts_at, ends_at, changed_by_id)
     SELECT mm.new, c.kind, c.starts_at, c.ends_at, c.changed_by_id FROM meeting_change c ${map('meeting', 'mm', 'c.meeting_id')} WHERE mm.new IS NOT NULL`,
  );
  await tx.query(
    `INSERT INTO agenda_item (meeting_id, position, title, duration_minutes, presenter_id, presenter_organization_id, status)
     SELECT mm.new, a.position, a.title, a.duration_minutes, coalesce(mp.new, a.presenter_id), coalesce(mo.new, a.presenter_organization_id), a.status
       FROM agenda_item a ${map('meeting', 'mm', 'a.meeting_id')} ${map('person', 'mp', 'a.presenter_id')} ${map('org', 'mo', 'a.presenter_organization_id')}
      WHERE mm.new IS NOT NULL`,
  );
  await tx.query(
    `INSERT INTO attendance (meeting_id, person_id, organization_id, status)
     SELECT mm.new, coalesce(mp.new, a.person_id), coalesce(mo.new, a.organization_id), a.status
       FROM attendance a ${map('meeting', 'mm', 'a.meeting_id')} ${map('person', 'mp', 'a.person_id')} ${map('org', 'mo', 'a.organization_id')}
      WHERE mm.new IS NOT NULL`,
  );
}
