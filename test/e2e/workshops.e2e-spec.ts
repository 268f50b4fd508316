import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actor, organization, type Actor } from '../support/factories.js';
import { sql } from '../support/group-fixtures.js';
import { knowledgeCast, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const CREATE = `mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) {
  id title date location status network { id } facilitator { id } municipalities { id } fieldsOfAction { key } participants { person { id } } } }`;
const ADD = 'mutation($input: AddWorkshopParticipantInput!) { addWorkshopParticipant(input: $input) { person { id } organization { id } } }';
const SELECT = 'mutation($input: SelectFieldOfActionInput!) { selectFieldOfAction(input: $input) { priority organization { id } fieldOfAction { key } } }';
const IDEA = 'mutation($input: AddWorkshopIdeaInput!) { addWorkshopIdea(input: $input) { id title votes myVote organization { id } fieldOfAction { key } } }';
const VOTE = 'mutation($id: ID!, $vote: Boolean!) { voteWorkshopIdea(ideaId: $id, vote: $vote) { id votes myVote } }';
const STEP = 'mutation($input: AddIdeaStepInput!) { addIdeaStep(input: $input) { id title responsible dueOn } }';
const PROMOTE = 'mutation($input: PromoteWorkshopIdeaInput!) { promoteWorkshopIdea(input: $input) { id projectGroup { id level leadOrganization { id } } projectProfile { id status visibility organizations { id } } } }';
const GET = `query($id: ID!) { workshop(id: $id) { id participants { person { id } organization { id } } selections { priority organization { id } fieldOfAction { key } }
  ideas { id title votes myVote steps { title } } } }`;
const STRATEGY = 'query($id: ID!, $org: ID!) { workshop(id: $id) { strategy(organizationId: $org) { organization { id } markdown } } }';

describe('Digital-Werkstatt', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  let cityC: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
    cityC = await organization(hub, c.operator, 'Verbandsgemeinde C', { kind: 'MUNICIPAL_ASSOCIATION' });
  });
  afterAll(() => hub.stop());

  const workshop = async (extra: Record<string, unknown> = {}) =>
    (await hub.ok(c.agency.token, CREATE, { input: { title: 'Digital-Werkstatt Musterhausen', date: '2026-03-05', location: 'Bürgersaal', networkId: c.networkId, municipalityIds: [c.cityA, cityC], ...extra } })).createWorkshop;
  /** A workshop with `member` participating for city A and `colleague` for C. */
  const running = async () => {
    const w = await workshop();
    await hub.ok(c.agency.token, ADD, { input: { workshopId: w.id, personId: c.member.id, organizationId: c.cityA } });
    await hub.ok(c.agency.token, ADD, { input: { workshopId: w.id, personId: c.colleague.id, organizationId: cityC } });
    return w;
  };
  const idea = async (w: { id: string }, who: Actor, org: string, title: string, key = 'kommunale-verwaltung') =>
    (await hub.ok(who.token, IDEA, { input: { workshopId: w.id, organizationId: org, fieldOfActionKey: key, title } })).addWorkshopIdea;

  describe('createWorkshop', () => {
    it('network ADMIN/MODERATOR or hub admin; the caller\'s organization facilitates; all nine fields by default', async () => {
      const w = await workshop();
      expect(w).toMatchObject({ date: '2026-03-05', location: 'Bürgersaal', status: 'COMPLETED', network: { id: c.networkId }, facilitator: { id: c.agencyOrg }, municipalities: [{ id: c.cityA }, { id: cityC }], participants: [] });
      expect(w.fieldsOfAction).toHaveLength(9);
      const chosen = await workshop({ fieldOfActionKeys: ['tourismus', 'bildung-und-jugend'], date: '2099-01-01' });
      expect(chosen).toMatchObject({ status: 'PLANNED', fieldsOfAction: [{ key: 'bildung-und-jugend' }, { key: 'tourismus' }] });
      expect(codeOf(await hub.gql(c.member.token, CREATE, { input: { title: 'W', date: '2026-03-05', networkId: c.networkId, municipalityIds: [c.cityA] } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.agency.token, CREATE, { input: { title: 'W', date: '2026-03-05', municipalityIds: [c.cityA] } }))).toBe('FORBIDDEN');
      await hub.ok(c.operator.token, CREATE, { input: { title: 'W', date: '2026-03-05', municipalityIds: [c.cityA] } });
      const [entry] = await sql(hub, `SELECT actor_id FROM audit_entry WHERE action = 'workshop.create' AND subject_id = $1`, [w.id]);
      expect(entry.actor_id).toBe(c.agency.id);
    });

    it.each([
      ['no municipality', { municipalityIds: [] }, 'municipalityIds'],
      ['four municipalities', { municipalityIds: ['a', 'b', 'c', 'd'].map((_, i) => `7d1c0d6e-34a6-4a3e-9f51-6f4f3b1d2c1${i}`) }, 'municipalityIds'],
      ['an agency as municipality', { municipalityIds: ['AGENCY'] }, 'municipalityIds'],
      ['an unknown field key', { fieldOfActionKeys: ['raumfahrt'] }, 'fieldOfActionKeys'],
      ['an empty title', { title: '' }, 'title'],
      ['an impossible date', { date: '2026-02-30' }, 'Date'],
    ])('answers %s with BAD_USER_INPUT', async (_, change, field) => {
      const input = { title: 'W', date: '2026-03-05', networkId: c.networkId, municipalityIds: [c.cityA], ...change };
      if (JSON.stringify(change).includes('AGENCY')) input.municipalityIds = [c.agencyOrg];
      const r = await hub.gql(c.agency.token, CREATE, { input });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain(field);
    });
  });

  describe('participants', () => {
    it('facilitators add them for one of its municipalities; the 31st is CONFLICT, also when added at once', async () => {
      const w = await workshop();
      const people: Actor[] = [];
      for (let i = 0; i < 32; i++) people.push(await actor(hub, `t${i}`));
      const results = await Promise.all(people.map((p, i) => hub.gql(c.agency.token, ADD, { input: { workshopId: w.id, personId: p.id, organizationId: i % 2 ? c.cityA : cityC } })));
      expect(results.filter((r) => !r.errors)).toHaveLength(30);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(2);
      expect((await hub.ok(c.agency.token, GET, { id: w.id })).workshop.participants).toHaveLength(30);
      const already = people.find((_, i) => !results[i].errors)!;
      expect((await hub.ok(c.agency.token, ADD, { input: { workshopId: w.id, personId: already.id, organizationId: c.cityA } })).addWorkshopParticipant.person.id).toBe(already.id);
    });

    it('role matrix and bad input', async () => {
      const w = await workshop();
      const input = { workshopId: w.id, personId: c.member.id, organizationId: c.cityA };
      expect(codeOf(await hub.gql(c.member.token, ADD, { input }))).toBe('FORBIDDEN'); // acts for city A: sees it, does not facilitate
      expect(codeOf(await hub.gql(c.otherMember.token, ADD, { input }))).toBe('NOT_FOUND');
      expect(codeOf(await hub.gql(c.agency.token, ADD, { input: { ...input, organizationId: c.cityB } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await hub.gql(c.agency.token, ADD, { input: { ...input, personId: '7d1c0d6e-34a6-4a3e-9f51-6f4f3b1d2c11' } }))).toBe('BAD_USER_INPUT');
      await hub.ok(c.admin.token, ADD, { input });
    });

    it('who sees the workshop: facilitators, participants, people acting for its municipalities; others get null', async () => {
      const w = await running();
      for (const who of [c.agency, c.admin, c.operator, c.member, c.colleague]) expect((await hub.ok(who.token, GET, { id: w.id })).workshop.id).toBe(w.id);
      for (const who of [c.member2, c.otherMember, c.outsider]) expect((await hub.ok(who.token, GET, { id: w.id })).workshop).toBeNull();
      expect(codeOf(await hub.gql(null, GET, { id: w.id }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('fields, ideas and steps', () => {
    it('participants choose fields with priorities for their municipality; choosing again sets the priority', async () => {
      const w = await running();
      const pick = (who: Actor, organizationId: string, key: string, priority: number) => hub.gql(who.token, SELECT, { input: { workshopId: w.id, organizationId, fieldOfActionKey: key, priority } });
      expect((await pick(c.member, c.cityA, 'tourismus', 2)).data!.selectFieldOfAction).toEqual({ priority: 2, organization: { id: c.cityA }, fieldOfAction: { key: 'tourismus' } });
      await pick(c.member, c.cityA, 'kommunale-verwaltung', 1);
      await pick(c.member, c.cityA, 'tourismus', 3);
      expect(codeOf(await pick(c.member, cityC, 'tourismus', 1))).toBe('FORBIDDEN'); // not their municipality
      expect(codeOf(await pick(c.member, c.cityA, 'raumfahrt', 1))).toBe('BAD_USER_INPUT');
      expect(codeOf(await pick(c.member, c.cityA, 'tourismus', 0))).toBe('BAD_USER_INPUT');
      expect(codeOf(await pick(c.member2, c.cityA, 'tourismus', 1))).toBe('NOT_FOUND');
      await pick(c.agency, cityC, 'alltagsleben', 1); // facilitators for any municipality
      const { selections } = (await hub.ok(c.member.token, GET, { id: w.id })).workshop;
      expect(selections.filter((s: { organization: { id: string } }) => s.organization.id === c.cityA)).toEqual([
        { priority: 1, organization: { id: c.cityA }, fieldOfAction: { key: 'kommunale-verwaltung' } },
        { priority: 3, organization: { id: c.cityA }, fieldOfAction: { key: 'tourismus' } },
      ]);
      const narrow = await workshop({ fieldOfActionKeys: ['tourismus'] });
      await hub.ok(c.agency.token, ADD, { input: { workshopId: narrow.id, personId: c.member.id, organizationId: c.cityA } });
      const notPresented = await hub.gql(c.member.token, SELECT, { input: { workshopId: narrow.id, organizationId: c.cityA, fieldOfActionKey: 'alltagsleben', priority: 1 } });
      expect(codeOf(notPresented)).toBe('BAD_USER_INPUT');
    });

    it('collects ideas per field and steps per idea', async () => {
      const w = await running();
      const i = await idea(w, c.member, c.cityA, 'Online-Terminbuchung');
      expect(i).toMatchObject({ title: 'Online-Terminbuchung', votes: 0, myVote: false, organization: { id: c.cityA }, fieldOfAction: { key: 'kommunale-verwaltung' } });
      expect(codeOf(await hub.gql(c.member.token, IDEA, { input: { workshopId: w.id, organizationId: cityC, fieldOfActionKey: 'tourismus', title: 'X' } }))).toBe('FORBIDDEN');
      expect(codeOf(await hub.gql(c.member.token, IDEA, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'tourismus', title: ' ' } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await hub.gql(c.member.token, IDEA, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'nope', title: 'X' } }))).toBe('BAD_USER_INPUT');
      const steps = await Promise.all(['Anbieter vergleichen', 'Pilot starten', 'Auswerten'].map((title) => hub.gql(c.member.token, STEP, { input: { ideaId: i.id, title } })));
      expect(steps.every((s) => !s.errors)).toBe(true);
      await hub.ok(c.agency.token, STEP, { input: { ideaId: i.id, title: 'Beschluss', responsible: 'Hauptamt', dueOn: '2026-06-30' } });
      expect(codeOf(await hub.gql(c.colleague.token, STEP, { input: { ideaId: i.id, title: 'Fremd' } }))).toBe('FORBIDDEN');
      const positions = await sql(hub, 'SELECT position FROM idea_step WHERE idea_id = $1 ORDER BY position', [i.id]);
      expect(positions.map((p) => p.position)).toEqual([1, 2, 3, 4]);
    });
  });

  describe('dot voting', () => {
    it('three votes per participant and workshop; the 4th is CONFLICT; withdrawing frees one; ideas sort by votes', async () => {
      const w = await running();
      const ideas = [];
      for (const t of ['A', 'B', 'C', 'D']) ideas.push(await idea(w, c.member, c.cityA, `Idee ${t}`));
      for (const i of ideas.slice(0, 3)) await hub.ok(c.member.token, VOTE, { id: i.id, vote: true });
      expect((await hub.ok(c.member.token, VOTE, { id: ideas[0].id, vote: true })).voteWorkshopIdea).toEqual({ id: ideas[0].id, votes: 1, myVote: true }); // again: no change
      const fourth = await hub.gql(c.member.token, VOTE, { id: ideas[3].id, vote: true });
      expect(codeOf(fourth)).toBe('CONFLICT');
      await hub.ok(c.member.token, VOTE, { id: ideas[1].id, vote: false });
      await hub.ok(c.member.token, VOTE, { id: ideas[3].id, vote: true });
      await hub.ok(c.colleague.token, VOTE, { id: ideas[3].id, vote: true });
      const { ideas: sorted } = (await hub.ok(c.member.token, GET, { id: w.id })).workshop;
      expect(sorted.map((i: { title: string; votes: number; myVote: boolean }) => [i.title, i.votes, i.myVote])).toEqual([
        ['Idee D', 2, true], ['Idee A', 1, true], ['Idee C', 1, true], ['Idee B', 0, false],
      ]);
      expect(codeOf(await hub.gql(c.agency.token, VOTE, { id: ideas[1].id, vote: true }))).toBe('FORBIDDEN'); // facilitators do not vote
      expect(codeOf(await hub.gql(c.member2.token, VOTE, { id: ideas[1].id, vote: true }))).toBe('NOT_FOUND');
    });

    it('concurrent votes of one participant never exceed three', async () => {
      const w = await running();
      const ideas = [];
      for (let n = 0; n < 8; n++) ideas.push(await idea(w, c.member, c.cityA, `Idee ${n}`));
      const results = await Promise.all(ideas.map((i) => hub.gql(c.colleague.token, VOTE, { id: i.id, vote: true })));
      expect(results.filter((r) => !r.errors)).toHaveLength(3);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(5);
      const [row] = await sql(hub, 'SELECT count(*)::int AS n FROM idea_vote WHERE workshop_id = $1 AND person_id = $2', [w.id, c.colleague.id]);
      expect(row.n).toBe(3);
    });
  });

  describe('strategy', () => {
    it("renders the municipality's chosen fields by priority, their ideas by votes and the steps, in German markdown", async () => {
      const w = await running();
      await hub.ok(c.member.token, SELECT, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'tourismus', priority: 2 } });
      await hub.ok(c.member.token, SELECT, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'kommunale-verwaltung', priority: 1 } });
      const low = await idea(w, c.member, c.cityA, 'E-Akte');
      const high = await idea(w, c.member, c.cityA, 'Online-Terminbuchung');
      await idea(w, c.member, c.cityA, 'Gästekarte', 'tourismus');
      await idea(w, c.colleague, cityC, 'Dorf-App', 'alltagsleben');
      await hub.ok(c.member.token, VOTE, { id: high.id, vote: true });
      await hub.ok(c.colleague.token, VOTE, { id: high.id, vote: true });
      await hub.ok(c.member.token, STEP, { input: { ideaId: high.id, title: 'Anbieter vergleichen', responsible: 'Hauptamt', dueOn: '2026-04-30' } });
      void low;
      const { strategy } = (await hub.ok(c.member.token, STRATEGY, { id: w.id, org: c.cityA })).workshop;
      expect(strategy.organization).toEqual({ id: c.cityA });
      const md: string = strategy.markdown;
      expect(md).toMatch(/^# Digitalstrategie Stadt A /);
      expect(md).toContain('## Handlungsfelder nach Priorität\n\n1. Kommunale Verwaltung\n2. Tourismus\n');
      expect(md.indexOf('### Online-Terminbuchung (2 Stimmen)')).toBeLessThan(md.indexOf('### E-Akte (0 Stimmen)'));
      expect(md).toContain('1. Anbieter vergleichen (verantwortlich: Hauptamt, bis 30.04.2026)');
      expect(md).toContain('## 2. Tourismus\n\n### Gästekarte (0 Stimmen)');
      expect(md).not.toContain('Dorf-App'); // another municipality's idea
      expect(codeOf(await hub.gql(c.member.token, STRATEGY, { id: w.id, org: c.cityB }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('promoteWorkshopIdea', () => {
    it('creates a project group led by the idea\'s municipality and a NETWORK profile with status IDEA, once, also under concurrent calls', async () => {
      const w = await running();
      const i = await idea(w, c.member, c.cityA, 'Online-Terminbuchung');
      await hub.ok(c.member.token, STEP, { input: { ideaId: i.id, title: 'Anbieter vergleichen' } });
      const input = { ideaId: i.id, toProjectGroup: true, toProjectProfile: true };
      expect(codeOf(await hub.gql(c.member.token, PROMOTE, { input }))).toBe('FORBIDDEN');
      const results = await Promise.all(Array.from({ length: 8 }, () => hub.gql(c.agency.token, PROMOTE, { input })));
      expect(results.filter((r) => r.errors)).toEqual([]);
      const promoted = results.map((r) => r.data!.promoteWorkshopIdea);
      expect(new Set(promoted.map((p) => p.projectGroup.id)).size).toBe(1);
      expect(new Set(promoted.map((p) => p.projectProfile.id)).size).toBe(1);
      expect(promoted[0]).toMatchObject({ projectGroup: { level: 'PROJECT_GROUP', leadOrganization: { id: c.cityA } }, projectProfile: { status: 'IDEA', visibility: 'NETWORK', organizations: [{ id: c.cityA }] } });
      const [groups] = await sql(hub, `SELECT count(*)::int AS n FROM work_group WHERE network_id = $1 AND name = 'Online-Terminbuchung'`, [c.networkId]);
      expect(groups.n).toBe(1);
      const [events] = await sql(hub, `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'GroupCreated' AND aggregate_id = $1`, [promoted[0].projectGroup.id]);
      expect(events.n).toBe(1);
      const profile = (await hub.ok(c.member2.token, 'query($id: ID!) { projectProfile(id: $id) { title body fieldsOfAction { key } } }', { id: promoted[0].projectProfile.id })).projectProfile;
      expect(profile).toEqual({ title: 'Online-Terminbuchung', body: '## Umsetzungsschritte\n\n1. Anbieter vergleichen\n', fieldsOfAction: [{ key: 'kommunale-verwaltung' }] });
    });

    it('adds what is missing on a later call; refuses what cannot be', async () => {
      const w = await running();
      const i = await idea(w, c.member, c.cityA, 'LoRaWAN-Pegel');
      const first = (await hub.ok(c.agency.token, PROMOTE, { input: { ideaId: i.id, toProjectGroup: false, toProjectProfile: true } })).promoteWorkshopIdea;
      expect(first.projectGroup).toBeNull();
      const second = (await hub.ok(c.agency.token, PROMOTE, { input: { ideaId: i.id, toProjectGroup: true, toProjectProfile: true } })).promoteWorkshopIdea;
      expect(second.projectProfile.id).toBe(first.projectProfile.id);
      expect(second.projectGroup.id).toBeTruthy();
      expect(codeOf(await hub.gql(c.agency.token, PROMOTE, { input: { ideaId: i.id, toProjectGroup: false, toProjectProfile: false } }))).toBe('BAD_USER_INPUT');
      // City C is no member of the network: it cannot lead a group there.
      const foreign = await idea(w, c.colleague, cityC, 'Dorf-App', 'alltagsleben');
      const r = await hub.gql(c.agency.token, PROMOTE, { input: { ideaId: foreign.id, toProjectGroup: true, toProjectProfile: false } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain('networkId');
    });
  });

  it("puts one's participation, ideas and votes into GET /privacy/export", async () => {
    const w = await running();
    const i = await idea(w, c.colleague, cityC, 'Dorfladen-App', 'alltagsleben');
    await hub.ok(c.colleague.token, VOTE, { id: i.id, vote: true });
    const res = await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.colleague.token}`);
    expect(res.status).toBe(200);
    const mine = (list: { workshop: { id: string } }[]) => list.filter((x) => x.workshop.id === w.id);
    expect(mine(res.body.workshopParticipation)).toEqual([expect.objectContaining({ organization: { id: cityC, name: expect.any(String) } })]);
    expect(mine(res.body.workshopIdeas)).toEqual([expect.objectContaining({ id: i.id, title: 'Dorfladen-App' })]);
    expect(mine(res.body.ideaVotes)).toEqual([expect.objectContaining({ idea: { id: i.id, title: 'Dorfladen-App' } })]);
  });
});
