import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TypeOrmNestLogger } from '../../src/database/typeorm-logger.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from '../support/factories.js';
import { TestHub } from '../support/test-hub.js';

const DEEP = `query($slug: String!) { network(slug: $slug) {
  moderatorOrganization { name }
  members { organization { name } }
  people { role person { displayName email organizations { name } } organization { name } }
  groups { name network { slug } parent { name } children { name } leadOrganization { name }
    members { role person { displayName organizations { name } } organization { name } }
    openActionItems { title assignee { displayName } }
    meetings { title status additionalGroups { name } history { kind }
      agenda { title presenter { displayName } carriedOverFrom { title } }
      attendance { person { displayName } } protocol { status } } } } }`;

describe('DataLoaders', () => {
  let hub: TestHub;
  let root: Actor;
  beforeAll(async () => {
    hub = await TestHub.start();
    root = await actor(hub, 'root', { admin: true });
  });
  afterAll(() => hub.stop());

  /** A network with `size` groups, each with its own organization and member. */
  async function networkOf(size: number) {
    const net = await network(hub, root, 'APPROVAL');
    const plenum = await group(hub, root, net.id, 'PLENUM');
    for (let i = 0; i < size; i++) {
      const org = await organization(hub, root);
      await addMember(hub, root, net.id, org);
      const person = await actor(hub, `p${i}`);
      await setRole(hub, root, net.id, person.id, 'MEMBER', org);
      const g = await group(hub, root, net.id, 'PROJECT_GROUP', { parentGroupId: plenum, leadOrganizationId: org });
      await addGroupMember(hub, root, g, person.id, 'LEAD', { organizationId: org });
      const startsAt = new Date(Date.now() + 86_400_000 * (i + 2));
      const { createMeeting } = await hub.ok(root.token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
        input: { groupId: g, title: `Sitzung ${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
      });
      await hub.ok(root.token, 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', {
        input: { meetingId: createMeeting.id, title: 'Bericht', presenterId: person.id },
      });
      await hub.ok(root.token, 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }', {
        input: { groupId: g, title: 'Nacharbeit', assigneeId: person.id },
      });
    }
    return net;
  }

  async function sqlCount(slug: string): Promise<number> {
    await hub.ok(root.token, '{ me { id } }'); // sign-in outside the measurement
    let count = 0;
    const observe = () => void count++;
    TypeOrmNestLogger.queryObservers.add(observe);
    try {
      await hub.ok(root.token, DEEP, { slug });
    } finally {
      TypeOrmNestLogger.queryObservers.delete(observe);
    }
    return count;
  }

  it('keeps the SQL count of a deep query independent of the number of groups and people', async () => {
    const small = await networkOf(2);
    const large = await networkOf(8);
    const few = await sqlCount(small.slug);
    const many = await sqlCount(large.slug);
    // Batches can split across event-loop ticks, so the count may differ by a statement or two,
    // but six more groups with a per-parent query would add at least six.
    expect(many).toBeLessThanOrEqual(few + 3);
    expect(few).toBeLessThan(30);
  });
});
