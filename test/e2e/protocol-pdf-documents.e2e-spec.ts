// The other PDFs of issue 23.3: a Werkstatt's digital strategy and a webinar's Teilnahmebescheinigung
// (only for registrants the organisers marked as present), checked with poppler-utils.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '../support/group-fixtures.js';
import { knowledgeCast, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { inspectPdf } from '../support/pdf-tools.js';
import { TestHub } from '../support/test-hub.js';

const CREATE = 'mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }';
const ADD = 'mutation($input: AddWorkshopParticipantInput!) { addWorkshopParticipant(input: $input) { person { id } } }';
const SELECT = 'mutation($input: SelectFieldOfActionInput!) { selectFieldOfAction(input: $input) { priority } }';
const IDEA = 'mutation($input: AddWorkshopIdeaInput!) { addWorkshopIdea(input: $input) { id } }';
const VOTE = 'mutation($id: ID!, $vote: Boolean!) { voteWorkshopIdea(ideaId: $id, vote: $vote) { id } }';
const STEP = 'mutation($input: AddIdeaStepInput!) { addIdeaStep(input: $input) { id } }';
const SERIES = 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }';
const SCHEDULE = 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }';
const REGISTER = 'mutation($input: RegisterForWebinarInput!) { registerForWebinar(input: $input) { id status } }';
const ATTEND = 'mutation($input: MarkWebinarAttendanceInput!) { markWebinarAttendance(input: $input) { attendedAt } }';

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('Strategy and certificate PDFs', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  const get = (token: string | null, path: string) => {
    const req = hub.http.get(path).buffer(true).parse(binary);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  const json = (body: Buffer) => JSON.parse(body.toString('utf8'));

  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
  }, 120_000);
  afterAll(() => hub.stop());

  it("renders a municipality's strategy with its fields by priority, ideas with votes and steps", async () => {
    const w = (await hub.ok(c.agency.token, CREATE, { input: { title: 'Digital-Werkstatt Überlingen', date: '2026-03-05', location: 'Bürgersaal', networkId: c.networkId, municipalityIds: [c.cityA] } })).createWorkshop;
    await hub.ok(c.agency.token, ADD, { input: { workshopId: w.id, personId: c.member.id, organizationId: c.cityA } });
    await hub.ok(c.member.token, SELECT, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'tourismus', priority: 2 } });
    await hub.ok(c.member.token, SELECT, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'kommunale-verwaltung', priority: 1 } });
    const idea = (await hub.ok(c.member.token, IDEA, { input: { workshopId: w.id, organizationId: c.cityA, fieldOfActionKey: 'kommunale-verwaltung', title: 'Online-Terminbuchung für Bürgerämter' } })).addWorkshopIdea;
    await hub.ok(c.member.token, VOTE, { id: idea.id, vote: true });
    await hub.ok(c.member.token, STEP, { input: { ideaId: idea.id, title: 'Anbieter vergleichen', responsible: 'Hauptamt', dueOn: '2026-04-30' } });

    const res = await get(c.member.token, `/api/workshops/${w.id}/strategy.pdf?organizationId=${c.cityA}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Digitalstrategie-Stadt-A/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const report = inspectPdf(res.body);
    for (const text of ['1. Kommunale Verwaltung', '2. Tourismus', 'Online-Terminbuchung für Bürgerämter (1 Stimme)', 'Anbieter vergleichen (verantwortlich: Hauptamt, bis 30.04.2026)', 'Digital-Werkstatt „Digital-Werkstatt Überlingen“']) {
      expect(report.text).toContain(text);
    }
    expect(report.text.indexOf('1. Kommunale Verwaltung')).toBeLessThan(report.text.indexOf('2. Tourismus'));
    expect(report.info.Tagged).toBe('yes');
    expect(report.fonts.every((f) => f.embedded)).toBe(true);
    expect(report.xmp).toContain('<pdfaid:part>2</pdfaid:part>');

    const missing = await get(c.member.token, `/api/workshops/${w.id}/strategy.pdf`);
    expect(missing.status).toBe(400);
    expect(json(missing.body).message).toMatch(/^organizationId: bitte geben Sie die Kommune an/);
    expect((await get(c.outsider.token, `/api/workshops/${w.id}/strategy.pdf?organizationId=${c.cityA}`)).status).toBe(404);
    expect((await get(null, `/api/workshops/${w.id}/strategy.pdf?organizationId=${c.cityA}`)).status).toBe(401);
  });

  describe('Teilnahmebescheinigung', () => {
    let webinarId: string;
    beforeAll(async () => {
      const s = (await hub.ok(c.agency.token, SERIES, { input: { title: 'Digital ins Wochenende', organizerId: c.agencyOrg, networkId: c.networkId, visibility: 'HUB' } })).createEventSeries;
      webinarId = (await hub.ok(c.agency.token, SCHEDULE, { input: { seriesId: s.id, title: 'Barrierefreie Formulare', startsAt: hours(24), endsAt: hours(25.5), onlineUrl: 'https://meet.example.org/x' } })).scheduleWebinar.id;
      await hub.ok(c.member.token, REGISTER, { input: { webinarId } });
      await hub.ok(c.colleague.token, REGISTER, { input: { webinarId } });
      await sql(hub, `UPDATE webinar SET starts_at = now() - interval '2 hours', ends_at = now() - interval '30 minutes' WHERE id = $1`, [webinarId]);
      await hub.ok(c.agency.token, ATTEND, { input: { webinarId, personId: c.member.id, attended: true } });
    });

    it('is there for a participant marked present: name, webinar, date, duration, organiser, network; the same bytes again', async () => {
      const res = await get(c.member.token, `/api/webinars/${webinarId}/certificate.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Teilnahmebescheinigung-/);
      const [me] = await sql(hub, 'SELECT display_name FROM person WHERE id = $1', [c.member.id]);
      const report = inspectPdf(res.body);
      for (const text of ['Teilnahmebescheinigung', me.display_name, '„Barrierefreie Formulare“', '90 Minuten', 'teilgenommen hat']) expect(report.text).toContain(text);
      expect(report.info.Tagged).toBe('yes');
      expect(report.fonts.every((f) => f.embedded)).toBe(true);
      expect((await get(c.member.token, `/api/webinars/${webinarId}/certificate.pdf`)).body.equals(res.body)).toBe(true);
      // The organiser downloads it for any participant marked present.
      const forOrganiser = await get(c.agency.token, `/api/webinars/${webinarId}/certificate.pdf?personId=${c.member.id}`);
      expect(forOrganiser.status).toBe(200);
      expect(forOrganiser.body.equals(res.body)).toBe(true);
      // Listed for the participant (also once the webinar has left the webinar list), not for the one not marked present.
      const MINE = '{ myWebinarCertificates { id title } }';
      expect((await hub.ok(c.member.token, MINE)).myWebinarCertificates).toEqual([{ id: webinarId, title: 'Barrierefreie Formulare' }]);
      expect((await hub.ok(c.colleague.token, MINE)).myWebinarCertificates).toEqual([]);
    });

    it('is NOT_FOUND, in German, for a registrant not marked present, for someone else’s, and when the organiser asks for one not present', async () => {
      const notPresent = await get(c.colleague.token, `/api/webinars/${webinarId}/certificate.pdf`);
      expect(notPresent.status).toBe(404);
      expect(json(notPresent.body)).toEqual({ error: 'NOT_FOUND', message: 'Eine Teilnahmebescheinigung gibt es nur für Teilnehmende, die die Veranstaltungsleitung als anwesend eingetragen hat.' });
      const others = await get(c.colleague.token, `/api/webinars/${webinarId}/certificate.pdf?personId=${c.member.id}`);
      expect(others.status).toBe(404);
      expect(json(others.body).message).toBe('Teilnahmebescheinigung nicht gefunden');
      expect((await get(c.agency.token, `/api/webinars/${webinarId}/certificate.pdf?personId=${c.colleague.id}`)).status).toBe(404);
      expect((await get(null, `/api/webinars/${webinarId}/certificate.pdf`)).status).toBe(401);
      // Unmarked again: gone.
      await hub.ok(c.agency.token, ATTEND, { input: { webinarId, personId: c.member.id, attended: false } });
      expect((await get(c.member.token, `/api/webinars/${webinarId}/certificate.pdf`)).status).toBe(404);
    });
  });
});
