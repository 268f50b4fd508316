// The Land's structure, planned in memory with one seeded PRNG: organizations, people, networks
// (the state-wide `bw` first), their members and role holders, and groups with their members.
import { devSubject } from '../../../src/auth/dev-keys.js';
import { EXPERT_TOPICS, FIRST_NAMES, LAST_NAMES, NETWORK_KINDS, PROJECT_TOPICS, REGIONS, TOWN_STEMS, TOWN_SUFFIXES } from './names.js';
import { Random, scaled, uuidOf } from './random.js';

export type Level = 'PLENUM' | 'EXPERT_GROUP' | 'PROJECT_GROUP';
export type Role = 'LEAD' | 'MODERATOR' | 'MEMBER' | 'GUEST';

export interface Org { id: string; name: string; kind: string; town: string | null; weight: number; people: number[] }
export interface Person { id: string; subject: string; name: string; email: string; org: number }
export interface Network { id: string; slug: string; name: string; moderator: number; members: number[]; roles: Map<number, string> }
export interface Member { person: number; role: Role; since: string }
export interface Group { id: string; network: number; level: Level; name: string; parent: string | null; lead: number | null; members: Member[] }
export interface Land { orgs: Org[]; people: Person[]; networks: Network[]; groups: Group[] }

/** The dev-token username of the pages' viewer: ADMIN of `bw`, in eight groups of three networks. */
export const VIEWER = 'lena';
const DAY = 86_400_000;
const dateAfter = (start: string, days: number) => new Date(Date.parse(`${start}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const ascii = (s: string) => s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The whole structure at `scale` (1 = Baden-Württemberg: 2,000 organizations, 10,000 people, 150 networks, 3,000 groups). */
export function planLand(scale: number): Land {
  const rng = new Random(24);
  const orgs = planOrganizations(rng, scale);
  const people = planPeople(rng, scale, orgs);
  const networks = planNetworks(rng, scale, orgs);
  const groups = planGroups(rng, scale, orgs, networks);
  joinViewer(groups, networks);
  return { orgs, people, networks, groups };
}

function planOrganizations(rng: Random, scale: number): Org[] {
  const total = scaled(2000, scale, 16);
  const agencies = scaled(20, scale, 1);
  const utilities = scaled(60, scale, 1);
  const districts = Math.min(REGIONS.length, scaled(35, scale, 1));
  const towns = rng.shuffle(TOWN_STEMS.flatMap((s) => TOWN_SUFFIXES.map((x) => s + x))).slice(0, total - agencies - utilities - districts);
  const orgs: Org[] = [];
  const add = (name: string, kind: string, town: string | null, weight: number) =>
    orgs.push({ id: uuidOf(`land:org:${orgs.length}`), name, kind, town, weight, people: [] });
  // A third are towns ("Stadt", with more staff in the networks), the rest villages.
  for (const [i, town] of towns.entries()) add(i % 3 === 0 ? `Stadt ${town}` : `Gemeinde ${town}`, 'MUNICIPALITY', town, i % 3 === 0 ? 2.5 : 1);
  for (const region of REGIONS.slice(0, districts)) add(`Landkreis ${region}`, 'DISTRICT', null, 2);
  for (let i = 0; i < utilities; i++) add(`Stadtwerke ${towns[(i * 3) % towns.length]}${i >= towns.length / 3 ? ` ${i}` : ''}`, 'MUNICIPAL_UTILITY', null, 1);
  const agencyKinds = ['Kommunalberatung', 'Digitalagentur', 'Moderationsbüro', 'Beratungsgesellschaft'];
  for (let i = 0; i < agencies; i++) add(`${agencyKinds[i % 4]} ${LAST_NAMES[i % LAST_NAMES.length]} & Partner${i >= LAST_NAMES.length ? ` ${i}` : ''}`, 'AGENCY', null, 0);
  return orgs;
}

function planPeople(rng: Random, scale: number, orgs: Org[]): Person[] {
  const total = scaled(10000, scale, 40);
  const people: Person[] = [];
  const add = (org: number, username: string) => {
    const index = people.length;
    const name = index === 0 ? 'Lena Landes (Bench)' : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    people.push({ id: uuidOf(`land:person:${index}`), subject: devSubject(username), name, email: `${ascii(name).replace(/-/g, '.')}.${index}@land.bench.example`, org });
    orgs[org].people.push(index);
  };
  add(0, VIEWER); // the first town: a member of bw and of the first regional networks
  // Three moderators per agency, the rest in the administrations by size.
  orgs.forEach((o, i) => o.kind === 'AGENCY' && [0, 1, 2].forEach(() => add(i, `land${people.length}`)));
  const cumulative: number[] = [];
  orgs.reduce((sum, o, i) => (cumulative[i] = sum + o.weight), 0);
  const sum = cumulative[cumulative.length - 1];
  while (people.length < total) {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    add(lo, `land${people.length}`);
  }
  return people;
}

function planNetworks(rng: Random, scale: number, orgs: Org[]): Network[] {
  const count = scaled(150, scale, 3);
  const agencies = orgs.flatMap((o, i) => (o.kind === 'AGENCY' ? [i] : []));
  const municipalities = orgs.flatMap((o, i) => (o.kind === 'MUNICIPALITY' && i > 0 ? [i] : []));
  const locals = orgs.flatMap((o, i) => (o.kind !== 'AGENCY' && i > 0 ? [i] : []));
  const names = rng.shuffle(NETWORK_KINDS.flatMap((k) => REGIONS.map((r) => `${k} ${r}`)));
  const networks: Network[] = [];
  for (let n = 0; n < count; n++) {
    const members = n === 0 ? [0, ...rng.sample(municipalities, scaled(200, scale, 4) - 1)] : rng.sample(locals, Math.min(rng.int(8, 30), Math.max(3, Math.ceil(orgs.length / 3))));
    if ((n === 1 || n === 2) && !members.includes(0)) members.unshift(0);
    const moderator = agencies[n % agencies.length];
    const name = n === 0 ? 'Kommunales Digitalnetzwerk Baden-Württemberg' : `${names[(n - 1) % names.length]}${n > names.length ? ` ${n}` : ''}`;
    const slug = n === 0 ? 'bw' : `${ascii(name).slice(0, 40)}-${n}`;
    networks.push({ id: uuidOf(`land:network:${n}`), slug, name, moderator, members: [...members, moderator], roles: new Map() });
  }
  for (const net of networks) {
    // Most of a member's staff hold a role; the first two are the network's admins, the agency's people moderate.
    let admins = net === networks[0] ? 1 : 0;
    if (net === networks[0]) net.roles.set(0, 'ADMIN');
    for (const org of net.members) {
      for (const p of orgs[org].people) {
        if (net.roles.has(p)) continue;
        if (orgs[org].kind === 'AGENCY') net.roles.set(p, 'MODERATOR');
        else if (p === 0) net.roles.set(p, 'MEMBER');
        else if (rng.chance(0.92)) net.roles.set(p, admins++ < 2 ? 'ADMIN' : 'MEMBER');
      }
    }
  }
  return networks;
}

function planGroups(rng: Random, scale: number, orgs: Org[], networks: Network[]): Group[] {
  const bwGroups = scaled(250, scale, 4);
  const rest = Math.max(networks.length - 1, scaled(3000, scale, 12) - bwGroups);
  const groups: Group[] = [];
  for (const [n, net] of networks.entries()) {
    const count = n === 0 ? bwGroups : Math.floor(rest / (networks.length - 1)) + (n - 1 < rest % (networks.length - 1) ? 1 : 0);
    const experts = count >= 2 ? Math.max(1, Math.round(count / 10)) : 0;
    const expertTopics = rng.shuffle(EXPERT_TOPICS);
    const projectTopics = rng.shuffle(PROJECT_TOPICS);
    // The viewer joins exactly their eight groups (joinViewer), not by chance.
    const pool = [...net.roles.keys()].filter((p) => p !== 0);
    const leads = net.members.filter((o) => orgs[o].kind !== 'AGENCY');
    const make = (level: Level, name: string, parent: string | null, lead: number | null, size: number) => {
      const chosen = rng.sample(pool, size);
      const moderatorFirst = chosen.sort((a, b) => Number(net.roles.get(b) === 'MODERATOR') - Number(net.roles.get(a) === 'MODERATOR') || a - b);
      const members = moderatorFirst.map((person, i): Member => ({
        person, since: dateAfter('2024-01-08', rng.int(0, 600)),
        role: i === 0 ? (level === 'PROJECT_GROUP' ? 'LEAD' : 'MODERATOR') : rng.chance(0.05) ? 'GUEST' : 'MEMBER',
      }));
      groups.push({ id: uuidOf(`land:group:${groups.length}`), network: n, level, name, parent, lead, members });
      return groups[groups.length - 1].id;
    };
    const plenum = make('PLENUM', 'Plenum', null, null, n === 0 ? rng.int(40, 60) : rng.int(15, 40));
    const expertIds: string[] = [];
    for (let e = 0; e < experts; e++) {
      const suffix = e >= expertTopics.length ? ` ${Math.floor(e / expertTopics.length) + 1}` : '';
      expertIds.push(make('EXPERT_GROUP', `Fachgruppe ${expertTopics[e % expertTopics.length]}${suffix}`, plenum, null, rng.int(8, 20)));
    }
    for (let p = 0; p < count - 1 - experts; p++) {
      const suffix = p >= projectTopics.length ? ` ${Math.floor(p / projectTopics.length) + 1}` : '';
      const parent = expertIds.length ? expertIds[p % expertIds.length] : plenum;
      make('PROJECT_GROUP', `Projektgruppe ${projectTopics[p % projectTopics.length]}${suffix}`, parent, leads.length ? rng.pick(leads) : null, rng.int(5, 14));
    }
  }
  return groups;
}

/** The viewer sits in eight groups: bw's plenum, two expert and two project groups, and three groups of two regional networks. */
function joinViewer(groups: Group[], networks: Network[]): void {
  const of = (n: number, level: Level) => groups.filter((g) => g.network === n && g.level === level);
  const bySize = (gs: Group[]) => [...gs].sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id));
  const chosen = [
    ...of(0, 'PLENUM'), ...bySize(of(0, 'EXPERT_GROUP')).slice(0, 2), ...bySize(of(0, 'PROJECT_GROUP')).slice(0, 2),
    ...bySize(groups.filter((g) => g.network === 1)).slice(0, 2), ...bySize(groups.filter((g) => g.network === 2)).slice(0, 1),
  ];
  for (const g of chosen) {
    if (!networks[g.network].roles.has(0)) networks[g.network].roles.set(0, 'MEMBER');
    if (!g.members.some((m) => m.person === 0)) g.members.push({ person: 0, role: 'MEMBER', since: '2025-01-13' });
  }
}
