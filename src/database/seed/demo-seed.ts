import type { DataSource, EntityManager } from 'typeorm';
import { devSubject } from '../../auth/dev-keys.js';
import { DEV_ISSUER } from '../../config/config.js';
import { todayInBerlin } from '../../common/scalars.js';
import { ensureActiveMembership, ensureNetworkRole } from '../../networks/network-memberships.js';
import { recordEvent, type DomainEvent, type DomainEventType } from '../../outbox/outbox.js';
import { DEMO_NETWORKS, DEMO_ORGANIZATIONS, DEMO_PEOPLE } from './demo-data.js';
import { seedDemoProfiles } from './demo-profiles.js';

export interface SeedSummary {
  organizations: number;
  networks: number;
  groups: number;
  people: number;
  /** Illustrative project profiles. */
  profiles: number;
}

/** The demo data on a database that has no network yet (a fresh embedded one); true if it loaded it. */
export async function loadDemoDataIfEmpty(db: DataSource): Promise<boolean> {
  const [{ networks }] = await db.query<{ networks: number }[]>('SELECT count(*)::int AS networks FROM network');
  if (networks > 0) return false;
  await seedDemo(db);
  return true;
}

/**
 * Loads the demo networks. Idempotent: every row is found by its natural key (organization name,
 * network slug, group name within its network, person subject) before it is created.
 */
export async function seedDemo(db: DataSource): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const org of DEMO_ORGANIZATIONS) {
      orgIds.set(org.key, await findOrInsert(tx, 'organization', { name: org.name }, {
        name: org.name, kind: org.kind, federal_state: org.federalState, website: org.website ?? null,
      }));
    }
    const groupIds = new Map<string, string>();
    const networkIds = new Map<string, string>();
    for (const net of DEMO_NETWORKS) {
      const networkId = await findOrInsert(tx, 'network', { slug: net.slug }, {
        slug: net.slug, name: net.name, description: net.description, join_policy: net.joinPolicy,
        moderator_organization_id: net.moderator ? orgIds.get(net.moderator)! : null,
      });
      networkIds.set(net.slug, networkId);
      await announceOnce(tx, 'NetworkCreated', 'Network', networkId, null);
      for (const key of [...net.members, ...(net.moderator ? [net.moderator] : [])]) {
        await ensureActiveMembership(tx, networkId, orgIds.get(key)!);
      }
      for (const g of net.groups) {
        const groupId = await findOrInsert(tx, 'work_group', { network_id: networkId, name: g.name }, {
          network_id: networkId, name: g.name, level: g.level, description: g.description,
          parent_id: g.parent ? groupIds.get(`${net.slug}/${g.parent}`)! : null,
          lead_organization_id: g.lead ? orgIds.get(g.lead)! : null,
        });
        groupIds.set(`${net.slug}/${g.key}`, groupId);
        await announceOnce(tx, 'GroupCreated', 'Group', groupId, groupId);
      }
    }
    const personIds = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const personId = await findOrInsert(tx, 'person', { issuer: DEV_ISSUER, subject: devSubject(person.username) }, {
        issuer: DEV_ISSUER, subject: devSubject(person.username), display_name: person.displayName, email: `${person.username}@example.org`,
      });
      personIds.set(person.username, personId);
      for (const r of person.roles) {
        await ensureNetworkRole(tx, networkIds.get(r.network)!, personId, r.role, r.organization ? orgIds.get(r.organization)! : null);
      }
      for (const g of person.groups) {
        await announceOnce(tx, 'GroupMembershipChanged', 'Group', groupIds.get(`${g.network}/${g.group}`)!, groupIds.get(`${g.network}/${g.group}`)!);
        await tx.query(
          `INSERT INTO group_member (group_id, person_id, organization_id, role, since) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (group_id, person_id) DO NOTHING`,
          [groupIds.get(`${g.network}/${g.group}`)!, personId, g.organization ? orgIds.get(g.organization)! : null, g.role, todayInBerlin()],
        );
      }
    }
    const profiles = await seedDemoProfiles(tx, { organizations: orgIds, networks: networkIds, people: personIds });
    return { organizations: orgIds.size, networks: networkIds.size, groups: groupIds.size, people: DEMO_PEOPLE.length, profiles };
  });
}

/** Tells the Matrix bridge about seeded objects, once (a second seed run records nothing new). */
async function announceOnce(tx: EntityManager, type: DomainEventType, aggregateType: DomainEvent['aggregateType'], id: string, groupId: string | null) {
  const [seen] = await tx.query('SELECT 1 FROM outbox_event WHERE type = $1 AND aggregate_id = $2', [type, id]);
  if (!seen) await recordEvent(tx, { type, aggregateType, aggregateId: id, groupId, payload: { [`${aggregateType.toLowerCase()}Id`]: id } });
}

/** The id of the row matching `key`, inserting `values` first if there is none. */
async function findOrInsert(tx: EntityManager, table: string, key: Record<string, unknown>, values: Record<string, unknown>): Promise<string> {
  const keyCols = Object.keys(key);
  const where = keyCols.map((c, i) => `"${c}" = $${i + 1}`).join(' AND ');
  const [found] = await tx.query<{ id: string }[]>(`SELECT id FROM "${table}" WHERE ${where} LIMIT 1`, Object.values(key));
  if (found) return found.id;
  const cols = Object.keys(values);
  const [row] = await tx.query<{ id: string }[]>(
    `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(values),
  );
  return row.id;
}
