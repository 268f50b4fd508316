import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { organization, type Actor } from '../support/factories.js';
import { sql } from '../support/group-fixtures.js';
import { knowledgeCast, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const CREATE = 'mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id dotsPerParticipant } }';
const ADD = 'mutation($input: AddWorkshopParticipantInput!) { addWorkshopParticipant(input: $input) { person { id } } }';
const REMOVE = 'mutation($input: RemoveWorkshopParticipantInput!) { removeWorkshopParticipant(input: $input) }';
const SELECT = 'mutation($input: SelectFieldOfActionInput!) { selectFieldOfAction(input: $input) { priority fieldOfAction { key } } }';
const CLEAR = 'mutation($input: ClearFieldOfActionInput!) { clearFieldOfAction(input: $input) }';
const IDEA = 'mutation($input: AddWorkshopIdeaInput!) { addWorkshopIdea(input: $input) { id } }';
const VOTE = 'mutation($id: ID!, $vote: Boolean!) { voteWorkshopIdea(ideaId: $id, vote: $vote) { id votes } }';
const GET = 'query($id: ID!) { workshop(id: $id) { dotsPerParticipant viewer { role dotsLeft } participants { person { id } } selections { priority organization { id } fieldOfAction { key } } } }';

/** Werkstatt rules (issue 22): one priority per field, dots per workshop, participants removable. */
describe('Digital-Werkstatt rules', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  let cityC: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
    cityC = await organization(hub, c.operator, 'Verbandsgemeinde C', { kind: 'MUNICIPAL_ASSOCIATION' });
  });
  afterAll(() => hub.stop());

  const running = async (extra: Record<string, unknown> = {}) => {
    const { createWorkshop: w } = await hub.ok(c.agency.token, CREATE, {
      input: { title: 'Digital-Werkstatt Musterhausen', date: '2026-03-05', networkId: c.networkId, municipalityIds: [c.cityA, cityC], ...extra },
    });
    await hub.ok(c.agency.token, ADD, { input: { workshopId: w.id, personId: c.member.id, organizationId: c.cityA } });
    await hub.ok(c.agency.token, ADD, { input: { workshopId: w.id, personId: c.colleague.id, organizationId: cityC } });
    return w as { id: string; dotsPerParticipant: number };
  };
  const idea = async (w: { id: string }, who: Actor, org: string, title: string) =>
    (await hub.ok(who.token, IDEA, { input: { workshopId: w.id, organizationId: org, fieldOfActionKey: 'kommunale-verwaltung', title } })).addWorkshopIdea.id as string;

  it('a priority belongs to one field per municipality: a second is BAD_USER_INPUT on priority, nothing renumbered; clearing frees it', async () => {
    const w = await running();
    const pick = (who: Actor, organizationId: string, key: string, priority: number) => hub.gql(who.token, SELECT, { input: { workshopId: w.id, organizationId, fieldOfActionKey: key, priority } });
    await hub.ok(c.member.token, SELECT, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'tourismus', priority: 1 } });
    const twice = await pick(c.member, c.cityA, 'kommunale-verwaltung', 1);
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors![0].message).toContain('priority');
    expect(twice.errors![0].message).toContain('Priorität 1 ist schon an „Tourismus“ vergeben');
    // The same field again with its own priority is fine; another municipality may use the same number.
    expect(codeOf(await pick(c.member, c.cityA, 'tourismus', 1))).toBeUndefined();
    expect(codeOf(await pick(c.colleague, cityC, 'kommunale-verwaltung', 1))).toBeUndefined();
    const selections = async () => (await hub.ok(c.member.token, GET, { id: w.id })).workshop.selections.filter((s: { organization: { id: string } }) => s.organization.id === c.cityA);
    expect(await selections()).toEqual([{ priority: 1, organization: { id: c.cityA }, fieldOfAction: { key: 'tourismus' } }]);
    // Two at once for the same priority: exactly one wins.
    const raced = await Promise.all(['alltagsleben', 'gesundheit-und-pflege'].map((k) => pick(c.member, c.cityA, k, 2)));
    expect(raced.filter((r) => !r.errors)).toHaveLength(1);
    expect(raced.filter((r) => codeOf(r) === 'BAD_USER_INPUT')).toHaveLength(1);
    // Clearing frees the priority; only for one's own municipality.
    expect(codeOf(await hub.gql(c.colleague.token, CLEAR, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'tourismus' } }))).toBe('FORBIDDEN');
    expect((await hub.ok(c.member.token, CLEAR, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'tourismus' } })).clearFieldOfAction).toBe(true);
    expect(codeOf(await pick(c.member, c.cityA, 'kommunale-verwaltung', 1))).toBeUndefined();
  });

  it('dots per workshop (default 3, here 5), at most one per idea, the rest shown to each participant', async () => {
    const standard = await running();
    expect(standard.dotsPerParticipant).toBe(3);
    const w = await running({ dotsPerParticipant: 5 });
    expect(w.dotsPerParticipant).toBe(5);
    const ideas = [];
    for (let n = 0; n < 6; n++) ideas.push(await idea(w, c.member, c.cityA, `Idee ${n}`));
    const left = async (who: Actor) => (await hub.ok(who.token, GET, { id: w.id })).workshop.viewer;
    expect(await left(c.member)).toEqual({ role: 'PARTICIPANT', dotsLeft: 5 });
    for (const i of ideas.slice(0, 5)) await hub.ok(c.member.token, VOTE, { id: i, vote: true });
    expect((await hub.ok(c.member.token, VOTE, { id: ideas[0], vote: true })).voteWorkshopIdea.votes).toBe(1); // one per idea
    expect(await left(c.member)).toEqual({ role: 'PARTICIPANT', dotsLeft: 0 });
    const sixth = await hub.gql(c.member.token, VOTE, { id: ideas[5], vote: true });
    expect(codeOf(sixth)).toBe('CONFLICT');
    expect(sixth.errors![0].message).toContain('alle 5 Punkte');
    expect(await left(c.agency)).toEqual({ role: 'FACILITATOR', dotsLeft: null });
    for (const dots of [0, 11]) expect(codeOf(await hub.gql(c.agency.token, CREATE, { input: { title: 'W', date: '2026-03-05', networkId: c.networkId, municipalityIds: [c.cityA], dotsPerParticipant: dots } }))).toBe('BAD_USER_INPUT');
  });

  it('facilitators remove a participant; their dots go, their ideas stay; others may not', async () => {
    const w = await running();
    const i = await idea(w, c.colleague, cityC, 'Idee der Verbandsgemeinde');
    await hub.ok(c.colleague.token, VOTE, { id: i, vote: true });
    expect(codeOf(await hub.gql(c.member.token, REMOVE, { input: { workshopId: w.id, personId: c.colleague.id } }))).toBe('FORBIDDEN');
    expect(codeOf(await hub.gql(c.outsider.token, REMOVE, { input: { workshopId: w.id, personId: c.colleague.id } }))).toBe('NOT_FOUND');
    expect((await hub.ok(c.agency.token, REMOVE, { input: { workshopId: w.id, personId: c.colleague.id } })).removeWorkshopParticipant).toBe(true);
    expect((await hub.ok(c.agency.token, REMOVE, { input: { workshopId: w.id, personId: c.colleague.id } })).removeWorkshopParticipant).toBe(false);
    const { participants } = (await hub.ok(c.agency.token, GET, { id: w.id })).workshop;
    expect(participants.map((p: { person: { id: string } }) => p.person.id)).toEqual([c.member.id]);
    expect(await sql(hub, 'SELECT count(*)::int AS n FROM idea_vote WHERE workshop_id = $1', [w.id])).toEqual([{ n: 0 }]);
    expect(await sql(hub, 'SELECT count(*)::int AS n FROM workshop_idea WHERE workshop_id = $1', [w.id])).toEqual([{ n: 1 }]);
    const [audit] = await sql(hub, `SELECT about_person_id FROM audit_entry WHERE action = 'workshop.participant.remove' AND subject_id = $1`, [w.id]);
    expect(audit.about_person_id).toBe(c.colleague.id);
  });
});
