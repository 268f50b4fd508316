// The hand-written baseline of the ratio table: Fastify + pg, no framework, no ORM. Verifies the
// same development token (jose, RS256) and answers the bench cases with the JSON the hub gives
// the same caller, from the same database, in as few statements as plain SQL needs. It covers
// only the caller's path the bench takes (a network ADMIN, a member of the meeting's group); the
// bench checks that both answers are equal before it measures.
import Fastify from 'fastify';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { loadOrCreateDevKey } from '../../src/auth/dev-keys.js';
import { DEV_ISSUER } from '../../src/config/config.js';
import { BASELINES } from './baseline/index.js';
import { baseline } from './baseline/common.js';
import { serveStatementCount } from './statement-counter.js';

// Its own application_name: the page bench tells its PostgreSQL sessions from the hub's ('interkom') by it.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5, application_name: 'interkom-bench-limit' });
const statementsPort = await serveStatementCount();
const key = await loadOrCreateDevKey(process.env.DATA_DIR!);
const clientId = process.env.KEYCLOAK_CLIENT_ID ?? 'interkom-api';
const app = Fastify({ logger: false });

const q = async <T = any>(sql: string, params: unknown[]): Promise<T[]> => (await pool.query(sql, params)).rows as T[];

async function viewer(authorization: string | undefined): Promise<{ id: string; display_name: string }> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const { payload } = await jwtVerify(token, key.publicKey, {
    issuer: DEV_ISSUER, audience: clientId, algorithms: ['RS256'], clockTolerance: 5, requiredClaims: ['exp', 'iat', 'sub'],
  });
  const [person] = await q('SELECT id, display_name FROM person WHERE issuer = $1 AND subject = $2', [DEV_ISSUER, payload.sub]);
  return person;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');

app.post('/me', async (req) => {
  const me = await viewer(req.headers.authorization);
  return { data: { me: { id: me.id, displayName: me.display_name } } };
});

app.post('/network', async (req) => {
  const me = await viewer(req.headers.authorization);
  const [network] = await q(
    `SELECT n.id, n.name, EXISTS (SELECT 1 FROM network_role r WHERE r.network_id = n.id AND r.person_id = $2) AS full
       FROM network n WHERE n.slug = $1`,
    ['readi', me.id],
  );
  if (!network?.full) return { data: { network: null } };
  const [members, people, groups] = await Promise.all([
    q(`SELECT o.name FROM network_membership m JOIN organization o ON o.id = m.organization_id
        WHERE m.network_id = $1 AND m.status <> 'ENDED' ORDER BY o.name`, [network.id]),
    q(`SELECT r.role, p.id, p.display_name FROM network_role r JOIN person p ON p.id = r.person_id
        WHERE r.network_id = $1 ORDER BY p.display_name`, [network.id]),
    q(`SELECT g.id, g.name, g.parent_id, lo.name AS lead FROM work_group g LEFT JOIN organization lo ON lo.id = g.lead_organization_id
        WHERE g.network_id = $1 ORDER BY g.level, g.name`, [network.id]),
  ]);
  const [orgs, groupMembers] = await Promise.all([
    q(`SELECT DISTINCT t.person_id, o.id, o.name FROM (
         SELECT person_id, organization_id FROM network_role WHERE person_id = ANY($1) AND organization_id IS NOT NULL
         UNION SELECT person_id, organization_id FROM group_member WHERE person_id = ANY($1) AND organization_id IS NOT NULL) t
       JOIN organization o ON o.id = t.organization_id`, [people.map((p) => p.id)]),
    q(`SELECT m.group_id, m.role, p.display_name FROM group_member m JOIN person p ON p.id = m.person_id
        WHERE m.group_id = ANY($1) ORDER BY m.role, p.display_name`, [groups.map((g) => g.id)]),
  ]);
  const orgsOf = new Map<string, { name: string }[]>();
  for (const o of orgs) (orgsOf.get(o.person_id) ?? orgsOf.set(o.person_id, []).get(o.person_id)!).push({ name: o.name });
  const byId = new Map(groups.map((g) => [g.id, g]));
  const children = new Map<string, { name: string }[]>();
  const membersOf = new Map<string, unknown[]>();
  for (const g of groups) if (g.parent_id) (children.get(g.parent_id) ?? children.set(g.parent_id, []).get(g.parent_id)!).push({ name: g.name });
  for (const m of groupMembers) (membersOf.get(m.group_id) ?? membersOf.set(m.group_id, []).get(m.group_id)!).push({ role: m.role, person: { displayName: m.display_name } });
  return {
    data: {
      network: {
        name: network.name,
        members: members.map((m) => ({ organization: { name: m.name } })),
        people: people.map((p) => ({ role: p.role, person: { displayName: p.display_name, organizations: (orgsOf.get(p.id) ?? []).sort(byName) } })),
        groups: groups.map((g) => ({
          name: g.name,
          parent: g.parent_id ? { name: byId.get(g.parent_id)!.name } : null,
          children: (children.get(g.id) ?? []).sort(byName),
          leadOrganization: g.lead ? { name: g.lead } : null,
          members: membersOf.get(g.id) ?? [],
        })),
      },
    },
  };
});

const status = (m: { cancelled: boolean; ends_at: Date; has_record: boolean }) =>
  m.cancelled ? 'CANCELLED' : m.ends_at.getTime() < Date.now() && m.has_record ? 'HELD' : 'SCHEDULED';

app.post('/upcoming', async (req) => {
  const me = await viewer(req.headers.authorization);
  const meetings = await q(
    `SELECT m.id, m.title, m.starts_at, m.ends_at, m.cancelled, m.has_record, g.name AS group_name FROM meeting m JOIN work_group g ON g.id = m.group_id
      WHERE m.ends_at >= now() AND (m.group_id = ANY(SELECT gm.group_id FROM group_member gm WHERE gm.person_id = $1 AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date))
         OR m.id IN (SELECT mg.meeting_id FROM meeting_group mg JOIN group_member gm ON gm.group_id = mg.group_id WHERE gm.person_id = $1))
      ORDER BY m.starts_at, m.id LIMIT 500`,
    [me.id],
  );
  const items = await q(
    `SELECT a.meeting_id, a.position, a.title, p.display_name FROM agenda_item a LEFT JOIN person p ON p.id = a.presenter_id
      WHERE a.meeting_id = ANY($1) AND a.status = 'ACCEPTED' ORDER BY a.position`,
    [meetings.map((m) => m.id)],
  );
  return {
    data: {
      upcomingMeetings: meetings.map((m) => ({
        id: m.id, title: m.title, startsAt: m.starts_at.toISOString(), endsAt: m.ends_at.toISOString(), status: status(m), group: { name: m.group_name },
        agenda: items.filter((i) => i.meeting_id === m.id).map((i) => ({ position: i.position, title: i.title, presenter: i.display_name ? { displayName: i.display_name } : null })),
      })),
    },
  };
});

app.post('/meeting', async (req) => {
  const me = await viewer(req.headers.authorization);
  const id = (req.body as { variables: { id: string } }).variables.id;
  const [m] = await q(
    `SELECT m.*, g.name AS group_name, n.slug,
            EXISTS (SELECT 1 FROM group_member gm WHERE gm.group_id = m.group_id AND gm.person_id = $2)
         OR EXISTS (SELECT 1 FROM network_role r WHERE r.network_id = n.id AND r.person_id = $2 AND r.role IN ('ADMIN', 'MODERATOR')) AS may_read
       FROM meeting m JOIN work_group g ON g.id = m.group_id JOIN network n ON n.id = g.network_id WHERE m.id = $1`,
    [id, me.id],
  );
  if (!m?.may_read) return { data: { meeting: null } };
  const [agenda, attendance, history] = await Promise.all([
    q(`SELECT a.position, a.title, a.status, a.duration_minutes, p.display_name, o.name AS org FROM agenda_item a
         LEFT JOIN person p ON p.id = a.presenter_id LEFT JOIN organization o ON o.id = a.presenter_organization_id
        WHERE a.meeting_id = $1 ORDER BY a.position`, [id]),
    q(`SELECT a.status, p.display_name FROM attendance a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = $1 ORDER BY a.status`, [id]),
    q(`SELECT kind, starts_at FROM meeting_change WHERE meeting_id = $1 ORDER BY at`, [id]),
  ]);
  return {
    data: {
      meeting: {
        id: m.id, title: m.title, startsAt: m.starts_at.toISOString(), endsAt: m.ends_at.toISOString(), timeZone: m.time_zone, status: status(m),
        location: m.location, group: { name: m.group_name, network: { slug: m.slug } },
        agenda: agenda.map((a) => ({
          position: a.position, title: a.title, status: a.status, durationMinutes: a.duration_minutes,
          presenter: a.display_name ? { displayName: a.display_name } : null, presenterOrganization: a.org ? { name: a.org } : null,
        })),
        attendance: attendance.map((a) => ({ status: a.status, person: { displayName: a.display_name } })),
        history: history.map((h) => ({ kind: h.kind, startsAt: h.starts_at.toISOString() })),
      },
    },
  };
});

// The page documents' baselines (issue 24): POST /page/<Operation>, GET for the HTTP reads.
const base = baseline(pool, key.publicKey, clientId);
for (const register of BASELINES) register(app, base);

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, statementsPort, pid: process.pid })}\n`);
const stop = () => void app.close().then(() => pool.end()).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
