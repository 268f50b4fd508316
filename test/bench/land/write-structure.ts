// Writes the planned structure (structure.ts) in bulk: organizations, people, networks with their
// members and role holders, groups and group members.
import type { EntityManager } from 'typeorm';
import { DEV_ISSUER } from '../../../src/config/config.js';
import { insertRows } from './bulk.js';
import { uuidOf } from './random.js';
import type { Land } from './structure.js';

const DESCRIPTIONS: Record<string, string> = {
  PLENUM: 'Bürgermeisterinnen, Bürgermeister und Amtsleitungen der Mitglieder, zweimal im Jahr.',
  EXPERT_GROUP: 'Fachleute der Mitglieder stimmen Vorhaben ab und begleiten die Projektgruppen.',
  PROJECT_GROUP: 'Setzt ein gemeinsames Vorhaben um und berichtet der Fachgruppe.',
};

export async function writeStructure(tx: EntityManager, land: Land): Promise<void> {
  const { orgs, people, networks, groups } = land;
  await insertRows(tx, 'organization', [['id', 'uuid'], ['name', 'text'], ['kind', 'organization_kind'], ['federal_state', 'text'], ['municipality_key', 'text'], ['website', 'text']],
    orgs.map((o, i) => [o.id, o.name, o.kind, 'DE-BW', o.kind === 'MUNICIPALITY' ? `08${String(i + 1).padStart(6, '0')}` : null, o.town ? `https://www.${o.town.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')}.de` : null]));
  await insertRows(tx, 'person', [['id', 'uuid'], ['issuer', 'text'], ['subject', 'text'], ['display_name', 'text'], ['email', 'text']],
    people.map((p) => [p.id, DEV_ISSUER, p.subject, p.name, p.email]));
  await insertRows(tx, 'network', [['id', 'uuid'], ['slug', 'text'], ['name', 'text'], ['description', 'text'], ['join_policy', 'join_policy'], ['moderator_organization_id', 'uuid']],
    networks.map((n, i) => [n.id, n.slug, n.name, i === 0 ? 'Die Kommunen des Landes digitalisieren gemeinsam: Austausch, Fachgruppen und Projekte.' : `Kommunen der Region arbeiten an gemeinsamen Digitalprojekten (${n.members.length} Mitglieder).`, 'APPROVAL', orgs[n.moderator].id]));
  await insertRows(tx, 'network_membership', [['id', 'uuid'], ['network_id', 'uuid'], ['organization_id', 'uuid'], ['status', 'membership_status'], ['since', 'date']],
    networks.flatMap((n, ni) => n.members.map((o, k) => [uuidOf(`land:membership:${ni}:${o}`), n.id, orgs[o].id, 'ACTIVE', `${2019 + (k % 6)}-0${1 + (k % 9)}-01`])));
  await insertRows(tx, 'network_role', [['id', 'uuid'], ['network_id', 'uuid'], ['person_id', 'uuid'], ['role', 'network_role_kind'], ['organization_id', 'uuid']],
    networks.flatMap((n, ni) => [...n.roles].map(([p, role]) => [uuidOf(`land:role:${ni}:${p}`), n.id, people[p].id, role, orgs[people[p].org].id])));
  await insertRows(tx, 'work_group', [['id', 'uuid'], ['network_id', 'uuid'], ['level', 'group_level'], ['name', 'text'], ['description', 'text'], ['parent_id', 'uuid'], ['lead_organization_id', 'uuid']],
    groups.map((g) => [g.id, networks[g.network].id, g.level, g.name, DESCRIPTIONS[g.level], g.parent, g.lead === null ? null : orgs[g.lead].id]));
  await insertRows(tx, 'group_member', [['id', 'uuid'], ['group_id', 'uuid'], ['person_id', 'uuid'], ['organization_id', 'uuid'], ['role', 'group_role'], ['since', 'date']],
    groups.flatMap((g) => g.members.map((m) => [uuidOf(`land:member:${g.id}:${m.person}`), g.id, people[m.person].id, orgs[people[m.person].org].id, m.role, m.since])));
}
