// The Land's smaller parts: project profiles (Steckbriefe) with fields of action, pending join
// requests, date polls with votes, and answers to invitations.
import type { EntityManager } from 'typeorm';
import { addDays, localToInstant } from '../../../libs/recurrence/index.js';
import { h } from './content.js';
import { insertRows } from './bulk.js';
import { PROFILE_TEMPLATES } from './profile-texts.js';
import { Random, scaled, uuidOf } from './random.js';
import type { Land } from './structure.js';

const STATUSES = ['IDEA', 'PLANNED', 'RUNNING', 'RUNNING', 'COMPLETED', 'STOPPED'];
const VISIBILITIES = ['NETWORK', 'HUB', 'PUBLIC', 'PUBLIC'];

/** The networks each organization belongs to. */
function networksOf(land: Land): number[][] {
  const out: number[][] = land.orgs.map(() => []);
  land.networks.forEach((n, ni) => n.members.forEach((o) => out[o].push(ni)));
  return out;
}

export async function writeProfiles(tx: EntityManager, land: Land, scale: number): Promise<number> {
  const rng = new Random(1000);
  const nets = networksOf(land);
  const owners = rng.shuffle(land.orgs.map((_, i) => i).filter((i) => land.orgs[i].kind !== 'AGENCY' && land.orgs[i].people.length > 0 && nets[i].length > 0));
  const count = scaled(1000, scale, 5);
  const rows: unknown[][] = [];
  const fields: [string, string][] = [];
  const partners: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const t = PROFILE_TEMPLATES[i % PROFILE_TEMPLATES.length];
    const o = owners[i % owners.length];
    const org = land.orgs[o];
    // "… in Eichstetten" for a town; a district or utility is named as the project's owner.
    const place = org.town ? `in ${org.town}` : `(${org.name})`;
    const who = org.town ?? org.name;
    const id = uuidOf(`land:profile:${i}`);
    const round = Math.floor(i / (PROFILE_TEMPLATES.length * owners.length));
    const author = land.people[rng.pick(org.people)];
    rows.push([id, `${t.title} ${place}${round ? ` ${round + 1}` : ''}`, `${who}: ${t.summary}`, `## Ausgangslage\n${t.summary}\n\n## Vorgehen\n${t.body}`, t.tags.join('|'),
      rng.pick(STATUSES), `${2020 + rng.int(0, 5)}-0${rng.int(1, 9)}-01`, land.networks[rng.pick(nets[o])].id, rng.pick(VISIBILITIES), author.id, author.id]);
    for (const key of t.fields) fields.push([id, key]);
    partners.push([id, org.id, 0]);
    if (rng.chance(0.2)) {
      const other = rng.pick(owners);
      if (other !== o) partners.push([id, land.orgs[other].id, 1]);
    }
  }
  // tags is an array column: sent as one joined text per row (unnest flattens arrays of arrays).
  await tx.query(
    `INSERT INTO project_profile (id, title, summary, body, tags, status, started_on, links, network_id, visibility, created_by_id, contact_id)
     SELECT id, title, summary, body, string_to_array(tags, '|'), status::project_status, started_on, '{}', network_id, visibility::visibility, created_by_id, contact_id
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::uuid[], $9::text[], $10::uuid[], $11::uuid[])
         AS u(id, title, summary, body, tags, status, started_on, network_id, visibility, created_by_id, contact_id)`,
    rows[0].map((_, c) => rows.map((r) => r[c])),
  );
  await tx.query(
    `INSERT INTO project_profile_field (profile_id, field_of_action_id)
     SELECT u.profile_id, f.id FROM unnest($1::uuid[], $2::text[]) AS u(profile_id, key) JOIN field_of_action f ON f.key = u.key`,
    [fields.map((f) => f[0]), fields.map((f) => f[1])],
  );
  await insertRows(tx, 'project_profile_organization', [['profile_id', 'uuid'], ['organization_id', 'uuid'], ['position', 'int']], partners);
  return count;
}

/** Pending requests to join a network (the first to bw, where the viewer decides), each from an organization not yet in it. */
export async function writeJoinRequests(tx: EntityManager, land: Land, scale: number): Promise<void> {
  const rng = new Random(77);
  const rows: unknown[][] = [];
  const count = scaled(10, scale, 1);
  for (let i = 0; rows.length < count && i < count * 20; i++) {
    const ni = i === 0 ? 0 : rng.int(0, land.networks.length - 1);
    const net = land.networks[ni];
    const candidates = land.orgs.map((_, o) => o).filter((o) => land.orgs[o].kind === 'MUNICIPALITY' && land.orgs[o].people.length > 0 && !net.members.includes(o));
    if (!candidates.length) continue;
    const o = rng.pick(candidates);
    if (rows.some((r) => r[1] === net.id && r[2] === land.orgs[o].id)) continue;
    rows.push([uuidOf(`land:join:${i}`), net.id, land.orgs[o].id, land.people[land.orgs[o].people[0]].id, `${land.orgs[o].name} möchte im Netzwerk mitarbeiten.`, 'PENDING']);
  }
  await insertRows(tx, 'join_request', [['id', 'uuid'], ['network_id', 'uuid'], ['organization_id', 'uuid'], ['requested_by_id', 'uuid'], ['message', 'text'], ['status', 'join_request_status']], rows);
}

/** Date polls of project groups (the viewer's first): three dates ahead, most members voted. */
export async function writePolls(tx: EntityManager, land: Land, scale: number, today: string): Promise<void> {
  const rng = new Random(55);
  const projects = land.groups.filter((g) => g.level === 'PROJECT_GROUP' && g.members.length > 0);
  const viewers = projects.filter((g) => g.members.some((m) => m.person === 0));
  const chosen = [...viewers.slice(0, 1), ...rng.sample(projects.filter((g) => !viewers.slice(0, 1).includes(g)), scaled(20, scale, 1) - Math.min(1, viewers.length))];
  const polls: unknown[][] = [];
  const options: unknown[][] = [];
  const votes: unknown[][] = [];
  for (const [i, g] of chosen.entries()) {
    const pollId = uuidOf(`land:poll:${i}`);
    polls.push([pollId, g.id, `Terminfindung: nächstes Treffen ${g.name}`, land.people[g.members[0].person].id]);
    for (let k = 0; k < 3; k++) {
      const optionId = uuidOf(`land:poll:${i}:${k}`);
      const startsAt = localToInstant(addDays(today, 21 + 2 * k), '14:00', 'Europe/Berlin');
      options.push([optionId, pollId, k, startsAt, new Date(startsAt.getTime() + 90 * 60_000)]);
      for (const m of g.members) if (rng.chance(0.7)) votes.push([optionId, land.people[m.person].id, rng.pick(['YES', 'YES', 'MAYBE', 'NO'])]);
    }
  }
  await insertRows(tx, 'date_poll', [['id', 'uuid'], ['group_id', 'uuid'], ['title', 'text'], ['created_by_id', 'uuid']], polls);
  await insertRows(tx, 'date_poll_option', [['id', 'uuid'], ['poll_id', 'uuid'], ['position', 'int'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz']], options);
  await insertRows(tx, 'date_poll_vote', [['option_id', 'uuid'], ['person_id', 'uuid'], ['answer', 'poll_answer']], votes);
}

/** Answers to upcoming meetings: the viewer's next three, and a few of other members chosen by hash. */
export async function writeAnswers(tx: EntityManager, land: Land, scale: number, today: string): Promise<void> {
  const networkIds = land.networks.map((n) => n.id);
  const upcoming = `FROM meeting m JOIN work_group g ON g.id = m.group_id JOIN group_member gm ON gm.group_id = m.group_id
                   WHERE g.network_id = ANY($1) AND NOT m.cancelled AND m.starts_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/Berlin'`;
  const answered = `($2::date)::timestamp AT TIME ZONE 'Europe/Berlin' - interval '1 day'`;
  await tx.query(
    `INSERT INTO rsvp_answer (meeting_id, person_id, answer, comment, sequence, source, answered_at)
     SELECT m.id, gm.person_id, 'ACCEPTED', NULL, m.sequence, 'CLIENT', ${answered} ${upcoming} AND gm.person_id = $3 ORDER BY m.starts_at, m.id LIMIT 3`,
    [networkIds, today, land.people[0].id],
  );
  await tx.query(
    `INSERT INTO rsvp_answer (meeting_id, person_id, answer, comment, sequence, source, answered_at)
     SELECT m.id, gm.person_id, (ARRAY['ACCEPTED', 'ACCEPTED', 'TENTATIVE', 'DECLINED'])[1 + floor(${h(`m.id || ':' || gm.person_id`)} * 4)::int]::rsvp_answer_kind,
            CASE WHEN ${h(`gm.person_id || ':' || m.id`)} < 0.2 THEN 'Ich komme etwas später dazu.' END, m.sequence, 'CLIENT', ${answered}
       ${upcoming} AND gm.person_id <> $3 ORDER BY ${h(`m.id || ':' || gm.person_id || ':rsvp'`)}, m.id, gm.person_id LIMIT $4`,
    [networkIds, today, land.people[0].id, scaled(200, scale, 5)],
  );
}
