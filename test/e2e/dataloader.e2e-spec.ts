import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TypeOrmNestLogger } from '../../src/database/typeorm-logger.js';
import { actor, addGroupMember, addMember, group, network, organization, setRole, type Actor } from '../support/factories.js';
import { profile } from '../support/knowledge-fixtures.js';
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
    return statements(root, DEEP, { slug });
  }

  /** How many SQL statements one operation costs (sign-in outside the measurement). */
  async function statements(who: Actor, query: string, variables: Record<string, unknown> = {}): Promise<number> {
    await hub.ok(who.token, '{ me { id } }');
    let count = 0;
    const observe = () => void count++;
    TypeOrmNestLogger.queryObservers.add(observe);
    try {
      await hub.ok(who.token, query, variables);
    } finally {
      TypeOrmNestLogger.queryObservers.delete(observe);
    }
    return count;
  }

  /**
   * A network with `size` webinars in one day of their own (each presenting a profile) and `size`
   * workshops of one municipality (each with an idea turned into a profile), and a member of that
   * municipality who sees them all.
   */
  async function eventsOf(size: number, day: Date) {
    const net = await network(hub, root, 'APPROVAL');
    const org = await organization(hub, root);
    await addMember(hub, root, net.id, org);
    const member = await actor(hub, 'kommune');
    await setRole(hub, root, net.id, member.id, 'MEMBER', org);
    const { createEventSeries: series } = await hub.ok(root.token, 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }', {
      input: { title: 'Reihe', organizerId: org, networkId: net.id, visibility: 'NETWORK' },
    });
    const { fieldsOfAction } = await hub.ok(root.token, '{ fieldsOfAction { key } }');
    for (let i = 0; i < size; i++) {
      const p = await profile(hub, member, { title: `Steckbrief ${i}`, organizationIds: [org], visibility: 'NETWORK', networkId: net.id });
      const startsAt = new Date(day.getTime() + i * 3_600_000);
      await hub.ok(root.token, 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }', {
        input: { seriesId: series.id, title: `Webinar ${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), projectProfileIds: [p.id] },
      });
      const { createWorkshop: w } = await hub.ok(root.token, 'mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }', {
        input: { title: `Werkstatt ${i}`, date: '2031-05-05', municipalityIds: [org], networkId: net.id },
      });
      const { addWorkshopIdea: idea } = await hub.ok(root.token, 'mutation($input: AddWorkshopIdeaInput!) { addWorkshopIdea(input: $input) { id } }', {
        input: { workshopId: w.id, organizationId: org, fieldOfActionKey: fieldsOfAction[0].key, title: `Idee ${i}` },
      });
      await hub.hub.app.get((await import('typeorm')).DataSource).query('UPDATE workshop_idea SET project_profile_id = $2 WHERE id = $1', [idea.id, p.id]);
    }
    return { member, from: day.toISOString(), to: new Date(day.getTime() + 86_400_000).toISOString() };
  }

  it('keeps the SQL count of webinars with their profiles, and of my workshops with my part and the ideas\' profiles, independent of their number', async () => {
    const small = await eventsOf(2, new Date('2031-03-03T08:00:00Z'));
    const large = await eventsOf(7, new Date('2031-04-04T08:00:00Z'));
    const WEBINARS = 'query($from: DateTime, $to: DateTime) { upcomingWebinars(from: $from, to: $to) { title projectProfiles { id title } } }';
    const WORKSHOPS = '{ myWorkshops { title viewer { role } ideas { title projectProfile { id title } } } }';
    const webinars = { few: await statements(small.member, WEBINARS, small), many: await statements(large.member, WEBINARS, large) };
    expect((await hub.ok(large.member.token, WEBINARS, large)).upcomingWebinars.flatMap((w: { projectProfiles: unknown[] }) => w.projectProfiles)).toHaveLength(7);
    expect(webinars.many).toBeLessThanOrEqual(webinars.few + 2);
    const workshops = { few: await statements(small.member, WORKSHOPS), many: await statements(large.member, WORKSHOPS) };
    const mine = (await hub.ok(large.member.token, WORKSHOPS)).myWorkshops;
    expect(mine).toHaveLength(7);
    expect(mine.every((w: { viewer: { role: string }; ideas: { projectProfile: unknown }[] }) => w.viewer.role === 'VIEWER' && w.ideas[0]!.projectProfile)).toBe(true);
    expect(workshops.many).toBeLessThanOrEqual(workshops.few + 2);
  });

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
