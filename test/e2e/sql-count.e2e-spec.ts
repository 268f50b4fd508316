import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MEETING_DETAIL, NETWORK_DEEP } from '../bench/queries.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from '../support/factories.js';
import { TestHub } from '../support/test-hub.js';

/** Every statement sent to PostgreSQL, whoever sends it (TypeORM or a plain pg query). */
function countStatements(): { stop(): number } {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    if (process.env.SQL_COUNT_LOG) console.log(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).replace(/\s+/g, ' ').slice(0, 300));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    stop() {
      pg.Client.prototype.query = original;
      return count;
    },
  };
}

/**
 * Issue 13, P2: the deep network query and the meeting detail of `npm run bench` send at most six
 * and five statements (sign-in and authorization included), however many groups, people and agenda items
 * there are.
 */
describe('SQL statements per request', () => {
  let hub: TestHub;
  let root: Actor;
  let admin: Actor;
  beforeAll(async () => {
    hub = await TestHub.start();
    root = await actor(hub, 'root', { admin: true });
  });
  afterAll(() => hub.stop());

  /** A network with `size` project groups under a plenum, each with its own city, lead, meeting and agenda. */
  async function world(size: number) {
    const net = await network(hub, root, 'APPROVAL');
    admin = await actor(hub, 'admin');
    const plenum = await group(hub, root, net.id, 'PLENUM');
    let meetingId = '';
    const db = hub.hub.app.get(DataSource);
    for (let i = 0; i < size; i++) {
      const org = await organization(hub, root);
      await addMember(hub, root, net.id, org);
      const person = await actor(hub, `p${i}`);
      await setRole(hub, root, net.id, person.id, 'MEMBER', org);
      const g = await group(hub, root, net.id, 'PROJECT_GROUP', { parentGroupId: plenum, leadOrganizationId: org });
      await addGroupMember(hub, root, g, person.id, 'LEAD', { organizationId: org });
      const startsAt = new Date(Date.now() + 86_400_000 * 3);
      const { createMeeting } = await hub.ok(root.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
        input: { groupId: plenum, title: `Sitzung ${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
      });
      meetingId = createMeeting.id;
      await addGroupMember(hub, root, plenum, person.id, 'MEMBER', { organizationId: org });
      await db.query(`INSERT INTO attendance (meeting_id, person_id, organization_id, status) VALUES ($1, $2, $3, 'PRESENT')`, [meetingId, person.id, org]);
    }
    // The last meeting gets `size` agenda items, each presented by someone else.
    const people = await db.query<{ person_id: string; organization_id: string }[]>('SELECT person_id, organization_id FROM group_member WHERE group_id = $1', [plenum]);
    for (const p of people) {
      await hub.ok(root.token, 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', {
        input: { meetingId, title: 'Bericht', presenterId: p.person_id, presenterOrganizationId: p.organization_id },
      });
      await db.query(`INSERT INTO attendance (meeting_id, person_id, organization_id, status) VALUES ($1, $2, $3, 'PRESENT') ON CONFLICT DO NOTHING`, [meetingId, p.person_id, p.organization_id]);
    }
    await setRole(hub, root, net.id, admin.id, 'ADMIN');
    return { slug: net.slug, meetingId };
  }

  async function statements(query: string, variables: Record<string, unknown>): Promise<number> {
    await hub.ok(admin.token, '{ me { id } }'); // the first sight of a token creates the person
    const counter = countStatements();
    try {
      const data = await hub.ok(admin.token, query, variables);
      expect(JSON.stringify(data)).not.toContain(':null}}'); // the answer is there, not a hidden null
    } catch (error) {
      counter.stop();
      throw error;
    }
    return counter.stop();
  }

  it('answers the deep network query in at most six statements and the meeting detail in five, at two sizes', async () => {
    const small = await world(2);
    const smallAdmin = admin;
    const large = await world(7);
    const largeAdmin = admin;
    admin = smallAdmin;
    const network = [await statements(NETWORK_DEEP.replace('"readi"', `"${small.slug}"`), {})];
    const meeting = [await statements(MEETING_DETAIL, { id: small.meetingId })];
    admin = largeAdmin;
    network.push(await statements(NETWORK_DEEP.replace('"readi"', `"${large.slug}"`), {}));
    meeting.push(await statements(MEETING_DETAIL, { id: large.meetingId }));
    console.log(`statements: network ${network.join(' / ')}, meeting ${meeting.join(' / ')}`);
    expect(network[1]).toBe(network[0]);
    expect(meeting[1]).toBe(meeting[0]);
    expect(Math.max(...network)).toBeLessThanOrEqual(6);
    expect(Math.max(...meeting)).toBeLessThanOrEqual(5);
  });
});
