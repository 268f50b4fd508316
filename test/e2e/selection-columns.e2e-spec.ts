import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TypeOrmNestLogger } from '../../src/database/typeorm-logger.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from '../support/factories.js';
import { TestHub } from '../support/test-hub.js';

/**
 * The network's lists read only the columns a query asks for (issue 13), and a query compiled by
 * graphql-jit answers what graphql-js answered. Every query runs three times: the first runs
 * interpreted, the later ones compiled (COMPILE_AFTER), and all three must be equal.
 */
describe('columns by selection', () => {
  let hub: TestHub;
  let root: Actor;
  let member: Actor;
  let net: { id: string; slug: string };
  let plenum: string;
  let project: string;
  let city: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    root = await actor(hub, 'root', { admin: true });
    member = await actor(hub, 'member');
    net = await network(hub, root, 'APPROVAL');
    city = await organization(hub, root, 'Stadt', { website: 'https://stadt.example', municipalityKey: '08111000' });
    await addMember(hub, root, net.id, city);
    await setRole(hub, root, net.id, member.id, 'MEMBER', city);
    plenum = await group(hub, root, net.id, 'PLENUM', { description: 'Alle Städte' });
    project = await group(hub, root, net.id, 'PROJECT_GROUP', { parentGroupId: plenum, leadOrganizationId: city, description: 'LoRaWAN' });
    await addGroupMember(hub, root, project, member.id, 'LEAD', { organizationId: city });
  });
  afterAll(() => hub.stop());

  /** The answer (equal on every run) and the statements of the last run. */
  async function answer(who: Actor, query: string): Promise<{ data: Record<string, any>; sql: string[] }> {
    const runs: unknown[] = [];
    let sql: string[] = [];
    for (let run = 0; run < 3; run++) {
      sql = [];
      const observe = (statement: string) => void sql.push(statement);
      TypeOrmNestLogger.queryObservers.add(observe);
      try {
        runs.push(await hub.ok(who.token, query, { slug: net.slug }));
      } finally {
        TypeOrmNestLogger.queryObservers.delete(observe);
      }
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    return { data: runs[0] as Record<string, any>, sql };
  }

  const FULL = `query($slug: String!) { network(slug: $slug) {
    members { status since until organization { ...Org } }
    people { role organization { name } person { ...Person } }
    groups { ...Group parent { ...Group } children { ...Group }
      members { role since until organization { name } person { ...Person } } } } }
    fragment Org on Organization { id name kind federalState municipalityKey website }
    fragment Person on Person { id displayName email matrixUserId publicProfile notifyByEmail hubAdmin organizations { ...Org } }
    fragment Group on Group { id name description level joinPolicy matrixRoomId leadOrganization { ...Org } }`;

  it('reads only the columns of the fields asked for, and answers them as a full read does', async () => {
    const narrow = await answer(root, `query($slug: String!) { network(slug: $slug) {
      members { organization { name } }
      people { person { displayName } }
      groups { name members { person { displayName } } } } }`);
    const members = narrow.sql.find((s) => s.includes('FROM network_membership m'))!;
    expect(members).toContain('o.name');
    expect(members).not.toMatch(/o\.website|m\.since/);
    const people = narrow.sql.find((s) => s.includes('FROM network_role r JOIN person p'))!;
    expect(people).toContain('p.display_name');
    expect(people).not.toMatch(/p\.email|p\.calendar_token|json_agg/);
    const groups = narrow.sql.find((s) => s.includes('FROM work_group g LEFT JOIN organization o'))!;
    expect(groups).not.toMatch(/g\.description|o\.name/);

    const full = await answer(root, FULL);
    const fullSql = full.sql.find((s) => s.includes('FROM network_membership m'))!;
    expect(fullSql).toMatch(/o\.website/);
    const n = full.data.network;
    expect(n.members).toEqual([expect.objectContaining({ status: 'ACTIVE', organization: expect.objectContaining({ id: city, website: 'https://stadt.example', municipalityKey: '08111000', federalState: 'DE-BW' }) })]);
    const lead = n.groups.find((g: any) => g.id === project);
    expect(lead).toMatchObject({ description: 'LoRaWAN', level: 'PROJECT_GROUP', parent: { id: plenum, description: 'Alle Städte' }, leadOrganization: { website: 'https://stadt.example' } });
    expect(n.groups.find((g: any) => g.id === plenum).children).toEqual([expect.objectContaining({ id: project, description: 'LoRaWAN', leadOrganization: expect.objectContaining({ id: city }) })]);
    expect(lead.members).toEqual([expect.objectContaining({ role: 'LEAD', organization: { name: expect.any(String) }, person: expect.objectContaining({ id: member.id, organizations: [expect.objectContaining({ id: city, website: 'https://stadt.example' })] }) })]);
    const person = n.people.find((p: any) => p.person.id === member.id);
    expect(person.person.organizations).toEqual([expect.objectContaining({ id: city, kind: 'MUNICIPALITY' })]);

    // The narrow answer is the full one with fewer fields.
    expect(narrow.data.network.members.map((m: any) => m.organization.name)).toEqual(n.members.map((m: any) => m.organization.name));
    expect(narrow.data.network.people.map((p: any) => p.person.displayName)).toEqual(n.people.map((p: any) => p.person.displayName));
    expect(narrow.data.network.groups.map((g: any) => [g.name, g.members.length])).toEqual(n.groups.map((g: any) => [g.name, g.members.length]));
  });

  it('gives each alias of a list the columns of its own selection', async () => {
    const { data } = await answer(root, `query($slug: String!) { network(slug: $slug) {
      a: members { organization { name } }
      b: members { since organization { website } }
      g: groups { name }
      h: groups { description children { description } } } }`);
    const n = data.network;
    expect(n.a).toEqual([{ organization: { name: expect.stringMatching(/^Stadt/) } }]);
    expect(n.b).toEqual([{ since: expect.any(String), organization: { website: 'https://stadt.example' } }]);
    expect(n.h.map((g: any) => g.description).sort()).toEqual(['Alle Städte', 'LoRaWAN']);
    expect(n.h.flatMap((g: any) => g.children)).toEqual([{ description: 'LoRaWAN' }]);
    expect(n.g).toHaveLength(2);
  });

  it('keeps field rules on partial rows: another person\'s e-mail stays hidden from a member', async () => {
    const { data } = await answer(member, `query($slug: String!) { network(slug: $slug) { people { person { id email } } } }`);
    const people = data.network.people.map((p: any) => p.person);
    expect(people.find((p: any) => p.id === root.id)).toEqual({ id: root.id, email: null });
    const admin = await answer(root, `query($slug: String!) { network(slug: $slug) { people { person { id email } } } }`);
    expect(admin.data.network.people.find((p: any) => p.person.id === member.id).person.email).toMatch(/@/);
  });
  it('answers the plain relation fields from mutations too (every producer carries them)', async () => {
    const other = await organization(hub, root, 'Stadtwerke');
    const person = await actor(hub, 'neu');
    const added = await hub.ok(root.token, 'mutation($input: AddNetworkMemberInput!) { addNetworkMember(input: $input) { status organization { id name } } }', {
      input: { networkId: net.id, organizationId: other },
    });
    expect(added.addNetworkMember).toEqual({ status: 'ACTIVE', organization: { id: other, name: expect.stringMatching(/^Stadtwerke/) } });
    const role = await hub.ok(root.token, 'mutation($input: SetNetworkRoleInput!) { setNetworkRole(input: $input) { role person { id } organization { id } } }', {
      input: { networkId: net.id, personId: person.id, role: 'MEMBER', organizationId: other },
    });
    expect(role.setNetworkRole).toEqual({ role: 'MEMBER', person: { id: person.id }, organization: { id: other } });
    const joined = await hub.ok(root.token, 'mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { role person { id } } }', {
      input: { groupId: plenum, personId: person.id, role: 'MEMBER' },
    });
    expect(joined.addGroupMember).toEqual({ role: 'MEMBER', person: { id: person.id } });
    const removed = await hub.ok(root.token, 'mutation($input: RemoveNetworkMemberInput!) { removeNetworkMember(input: $input) { status organization { id } } }', {
      input: { networkId: net.id, organizationId: other },
    });
    expect(removed.removeNetworkMember).toEqual({ status: 'ENDED', organization: { id: other } });
  });
});
