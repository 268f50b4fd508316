// Every message a client shows is German: typical bad inputs and refusals over HTTP, each checked
// for German wording and, where it is about one input field, for the "<field>: <text>" form with
// the field the extensions name.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { GRAPHQL_LIMITS } from '../../src/graphql/graphql-limits.js';
import { actor } from '../support/factories.js';
import { CREATE_PROFILE, knowledgeCast, profile, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { TestHub, type GqlResult } from '../support/test-hub.js';
import { EXECUTION_MODES } from '../support/execution-modes.js';

/** English a German message must not contain (whole words, any case). */
const ENGLISH = /\b(must|only|not found|may|cannot|should|invalid|required|at (least|most)|is not|the|a valid|Syntax Error|Variable|Expected|operation|access token)\b/i;

const CREATE_MEETING = 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }';
const CANCEL = 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }';
const SCHEDULE = 'mutation($input: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $input) { id } }';
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
const START = 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id version } }';
const ENTRY = 'mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { version } }';
const UPDATE_PROFILE = 'mutation($input: UpdateProjectProfileInput!) { updateProjectProfile(input: $input) { version } }';
const DELETE_PROFILE = 'mutation($id: ID!) { deleteProjectProfile(id: $id) }';
const SERIES = 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }';
const WEBINAR = 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }';
const REGISTER = 'mutation($input: RegisterForWebinarInput!) { registerForWebinar(input: $input) { id } }';
const WORKSHOP = 'mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }';
const PARTICIPANT = 'mutation($input: AddWorkshopParticipantInput!) { addWorkshopParticipant(input: $input) { person { id } } }';

describe.each(EXECUTION_MODES)('German messages, %s', (_mode, modeEnv) => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start(modeEnv);
    c = await cast(hub);
  });
  afterAll(() => hub.stop());

  const inOneHour = () => new Date(Date.now() + 3_600_000);
  const meetingInput = (extra: Record<string, unknown> = {}) => ({
    groupId: c.groupId, title: 'Jour fixe', startsAt: inOneHour(), endsAt: new Date(inOneHour().getTime() + 3_600_000), ...extra,
  });
  const series = (extra: Record<string, unknown> = {}) => ({
    groupId: c.groupId, title: 'Jour fixe', rrule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: '2031-01-07', startTime: '10:00', durationMinutes: 60, ...extra,
  });

  /** The first error, checked for German wording and its code. */
  function german(result: GqlResult, code: string): { message: string; extensions: Record<string, unknown> } {
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe(code);
    expect(error!.message).not.toMatch(ENGLISH);
    return error as { message: string; extensions: Record<string, unknown> };
  }

  /** A field error: German, "<field>: " in front, and the field named in extensions.field or .fields. */
  function fieldError(result: GqlResult, field: string): string {
    const error = german(result, 'BAD_USER_INPUT');
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect([error.extensions.field, ...((error.extensions.fields as string[] | undefined) ?? [])]).toContain(field);
    return error.message;
  }

  it('an empty title, from the input rules', async () => {
    const result = await hub.gql(c.agency.token, CREATE_MEETING, { input: meetingInput({ title: '   ' }) });
    expect(fieldError(result, 'title')).toBe('title: darf nicht leer sein');
    expect(result.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['title'] });
  });

  it('several problems at once: one "<field>: <text>" each, joined with "; "', async () => {
    const result = await hub.gql(c.agency.token, SCHEDULE, { input: series({ title: '', durationMinutes: 0 }) });
    const message = fieldError(result, 'title');
    expect(result.errors![0].extensions?.fields).toEqual(['title', 'durationMinutes']);
    expect(message).toBe('title: darf nicht leer sein; durationMinutes: muss mindestens 1 sein');
  });

  it('an end before the start, from the service', async () => {
    const start = inOneHour();
    const result = await hub.gql(c.agency.token, CREATE_MEETING, { input: meetingInput({ startsAt: start, endsAt: new Date(start.getTime() - 60_000) }) });
    expect(fieldError(result, 'endsAt')).toBe('endsAt: muss nach dem Beginn (startsAt) liegen');
    expect(result.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'endsAt' });
  });

  it('a date-time that is none, refused by the scalar before execution', async () => {
    const result = await hub.gql(c.agency.token, CREATE_MEETING, { input: meetingInput({ startsAt: 'morgen früh' }) });
    expect(result.status).toBe(400);
    const error = german(result, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/^startsAt: muss ein Zeitpunkt \(DateTime\) nach ISO 8601 mit Zeitzone sein/);
  });

  it('bad RRULEs: invalid, and one that gives no dates', async () => {
    const invalid = await hub.gql(c.agency.token, SCHEDULE, { input: series({ rrule: 'FREQ=WEEKLY;BYDAY=XX' }) });
    expect(fieldError(invalid, 'rrule')).toBe('rrule: keine gültige Regel nach RFC 5545 – BYDAY-Wert „XX“ ist kein Wochentag wie MO oder 2TU');
    const empty = await hub.gql(c.agency.token, SCHEDULE, { input: series({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }) });
    expect(fieldError(empty, 'rrule')).toMatch(/^rrule: die Regel ergibt keine Termine/);
    const zone = await hub.gql(c.agency.token, SCHEDULE, { input: series({ timeZone: 'UTC+5' }) });
    expect(fieldError(zone, 'timeZone')).toBe('timeZone: „UTC+5“ ist keine IANA-Zeitzone wie Europe/Berlin');
  });

  it('FORBIDDEN and NOT_FOUND are whole German sentences', async () => {
    const meetingId = await meeting(hub, c.lead, c.groupId, 3);
    const forbidden = german(await hub.gql(c.member.token, CANCEL, { input: { meetingId } }), 'FORBIDDEN');
    expect(forbidden.message).toBe('Nur die Leitung oder Moderation der Gruppe darf das.');
    const admin = german(await hub.gql(c.member.token, 'mutation { reconcileMatrix { bridgeEnabled } }'), 'FORBIDDEN');
    expect(admin.message).toBe('Nur die Plattform-Administration (hub-admin) darf das.');
    const notFound = german(await hub.gql(c.lead.token, CANCEL, { input: { meetingId: randomUUID() } }), 'NOT_FOUND');
    expect(notFound.message).toBe('Sitzung nicht gefunden');
  });

  it('a stale expectedVersion is CONFLICT with currentVersion, in German', async () => {
    const meetingId = await meeting(hub, c.lead, c.groupId, -1);
    const agendaItemId = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Stand LoRaWAN' } })).addAgendaItem.id;
    const { startProtocol } = await hub.ok(c.lead.token, START, { input: { meetingId } });
    const entry = { protocolId: startProtocol.id, agendaItemId, notes: 'Erste Fassung', expectedVersion: startProtocol.version };
    await hub.ok(c.lead.token, ENTRY, { input: entry });
    const stale = await hub.gql(c.lead.token, ENTRY, { input: { ...entry, notes: 'Zweite Fassung' } });
    const error = german(stale, 'CONFLICT');
    expect(error.extensions).toEqual({ code: 'CONFLICT', currentVersion: startProtocol.version + 1 });
    expect(error.message).toBe(`Das Protokoll wurde inzwischen geändert (jetzt Fassung ${startProtocol.version + 1}). Bitte laden Sie es neu und nehmen Sie Ihre Änderung erneut vor.`);
  });

  it('the token limit and the other GraphQL limits', async () => {
    const tokens = await hub.gql(c.member.token, `{ me { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`);
    expect(tokens.status).toBe(400);
    expect(german(tokens, 'BAD_USER_INPUT').message).toBe('Die Anfrage ist zu groß: Sie darf höchstens 1.000 Token enthalten.');
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
    const tooMany = await hub.gql(c.member.token, `{ ${aliases} }`);
    expect(tooMany.status).toBe(400);
    expect(german(tooMany, 'BAD_USER_INPUT').message).toBe('Die Anfrage verwendet zu viele Aliasnamen: Erlaubt sind höchstens 15 (gefunden: 16).');
  });

  it('UNAUTHENTICATED, over GraphQL and on the HTTP endpoints', async () => {
    const anonymous = german(await hub.gql(null, 'mutation { rotateCalendarFeedToken }'), 'UNAUTHENTICATED');
    expect(anonymous.message).toBe('Bitte melden Sie sich an (gültiges Zugriffstoken erforderlich).');
    const forged = german(await hub.gql('not.a.token', '{ me { id } }'), 'UNAUTHENTICATED');
    expect(forged.message).toBe('Das Zugriffstoken ist ungültig oder abgelaufen. Bitte melden Sie sich erneut an.');
    const exported = await hub.http.get('/privacy/export');
    expect(exported.status).toBe(401);
    expect(exported.body).toEqual({ error: 'UNAUTHENTICATED', message: 'Bitte melden Sie sich an (gültiges Zugriffstoken erforderlich).' });
    const feed = await hub.http.get(`/calendar/${'x'.repeat(32)}.ics`);
    expect(feed.status).toBe(404);
    expect(feed.text).toBe('Kalender nicht gefunden');
  });
  describe('Steckbriefe, Webinare and the Digital-Werkstatt', () => {
    let k: KnowledgeCast;
    beforeAll(async () => {
      k = await knowledgeCast(hub);
    });

    const profileInput = (extra: Record<string, unknown> = {}) => ({
      title: 'LoRaWAN-Pegelmessung', summary: 'Pegel an Bächen automatisch messen', organizationIds: [k.cityA], status: 'RUNNING', visibility: 'NETWORK', networkId: k.networkId, ...extra,
    });
    const createProfile = (extra: Record<string, unknown>) => hub.gql(k.member.token, CREATE_PROFILE, { input: profileInput(extra) });
    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const webinarInput = (seriesId: string, extra: Record<string, unknown> = {}) => ({ seriesId, title: 'Mängelmelder in der Praxis', startsAt: inHours(48), endsAt: inHours(49), ...extra });
    const series = async () =>
      (await hub.ok(k.agency.token, SERIES, { input: { title: 'Digital ins Wochenende', organizerId: k.agencyOrg, networkId: k.networkId, visibility: 'HUB' } })).createEventSeries.id as string;

    it('a profile: an empty title, a summary over 500 characters, an unknown field of action', async () => {
      const title = await createProfile({ title: '   ' });
      expect(fieldError(title, 'title')).toBe('title: darf nicht leer sein');
      expect(title.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['title'] });
      expect(fieldError(await createProfile({ summary: 'x'.repeat(501) }), 'summary')).toBe('summary: darf höchstens 500 Zeichen lang sein');
      const key = await createProfile({ fieldOfActionKeys: ['tourismus', 'raumfahrt'] });
      expect(fieldError(key, 'fieldOfActionKeys')).toBe('fieldOfActionKeys: unbekanntes Handlungsfeld „raumfahrt“');
      expect(key.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'fieldOfActionKeys' });
    });

    it('a profile: the list rules and the rules of the service', async () => {
      expect(fieldError(await createProfile({ organizationIds: [] }), 'organizationIds')).toBe('organizationIds: muss mindestens 1 Eintrag enthalten');
      expect(fieldError(await createProfile({ links: ['javascript:alert(1)'] }), 'links')).toBe('links: jeder Eintrag muss eine Webadresse sein, die mit https:// oder http:// beginnt');
      expect(fieldError(await createProfile({ tags: ['x'.repeat(61)] }), 'tags')).toBe('tags: jeder Eintrag darf höchstens 60 Zeichen lang sein');
      expect(fieldError(await createProfile({ networkId: null }), 'networkId')).toBe('networkId: ist für die Sichtbarkeit „nur im Netzwerk“ erforderlich');
      const publish = german(await createProfile({ visibility: 'PUBLIC' }), 'FORBIDDEN');
      expect(publish.message).toBe('visibility: PUBLIC (öffentlich) darf nur die Administration oder Moderation eines Netzwerks wählen');
      expect(publish.extensions).toEqual({ code: 'FORBIDDEN', field: 'visibility' });
      const search = await hub.gql(null, 'query($q: String) { searchProjectProfiles(query: $q, limit: 101) { total } }', { q: 'Pegel' });
      expect(fieldError(search, 'limit')).toBe('limit: muss zwischen 1 und 100 liegen');
      // A list argument is named itself, its entries by position.
      const nul = await hub.gql(null, 'query($keys: [String!]) { searchProjectProfiles(fieldOfActionKeys: $keys) { total } }', { keys: ['tourismus', 'tour\u0000ismus'] });
      expect(fieldError(nul, 'fieldOfActionKeys.1')).toBe('fieldOfActionKeys.1: darf keine Steuerzeichen oder ungültigen Zeichen enthalten');
    });

    it('a profile: a stale version is CONFLICT, a missing one NOT_FOUND, in German', async () => {
      const p = await profile(hub, k.member, profileInput());
      await hub.ok(k.member.token, UPDATE_PROFILE, { input: { id: p.id, expectedVersion: p.version, summary: 'Erste Änderung' } });
      const stale = german(await hub.gql(k.colleague.token, UPDATE_PROFILE, { input: { id: p.id, expectedVersion: p.version, summary: 'Zweite Änderung' } }), 'CONFLICT');
      expect(stale.message).toBe('Der Steckbrief wurde inzwischen geändert (jetzt Fassung 2). Bitte laden Sie ihn neu und nehmen Sie Ihre Änderung erneut vor.');
      expect(stale.extensions).toEqual({ code: 'CONFLICT', currentVersion: 2 });
      expect(german(await hub.gql(k.member.token, DELETE_PROFILE, { id: randomUUID() }), 'NOT_FOUND').message).toBe('Steckbrief nicht gefunden');
    });

    it('a webinar: capacity below 1, an end before the start, a start in the past, a caller who does not organize the series', async () => {
      const seriesId = await series();
      const capacity = await hub.gql(k.agency.token, WEBINAR, { input: webinarInput(seriesId, { capacity: 0 }) });
      expect(fieldError(capacity, 'capacity')).toBe('capacity: muss mindestens 1 sein');
      const backwards = await hub.gql(k.agency.token, WEBINAR, { input: webinarInput(seriesId, { endsAt: inHours(47) }) });
      expect(fieldError(backwards, 'endsAt')).toBe('endsAt: muss nach dem Beginn (startsAt) liegen');
      const past = await hub.gql(k.agency.token, WEBINAR, { input: webinarInput(seriesId, { startsAt: inHours(-2), endsAt: inHours(-1) }) });
      expect(fieldError(past, 'startsAt')).toBe('startsAt: muss in der Zukunft liegen');
      const forbidden = german(await hub.gql(k.member.token, WEBINAR, { input: webinarInput(seriesId) }), 'FORBIDDEN');
      expect(forbidden.message).toBe('Nur wer die Reihe veranstaltet, darf Webinare ansetzen.');
      const unknown = german(await hub.gql(k.member.token, REGISTER, { input: { webinarId: randomUUID() } }), 'NOT_FOUND');
      expect(unknown.message).toBe('Webinar nicht gefunden');
    });

    it('the Digital-Werkstatt: an agency as municipality, and the 31st participant is CONFLICT', async () => {
      const input = { title: 'Digital-Werkstatt Musterhausen', date: '2099-03-05', networkId: k.networkId };
      const agency = await hub.gql(k.agency.token, WORKSHOP, { input: { ...input, municipalityIds: [k.agencyOrg] } });
      expect(fieldError(agency, 'municipalityIds')).toBe('municipalityIds: darf nur Kommunen oder Gemeindeverbände nennen');
      const four = await hub.gql(k.agency.token, WORKSHOP, { input: { ...input, municipalityIds: [1, 2, 3, 4].map(() => randomUUID()) } });
      expect(fieldError(four, 'municipalityIds')).toBe('municipalityIds: darf höchstens 3 Einträge enthalten');
      const workshopId = (await hub.ok(k.agency.token, WORKSHOP, { input: { ...input, municipalityIds: [k.cityA] } })).createWorkshop.id;
      for (let i = 0; i < 30; i++) {
        const person = await actor(hub, `teilnehmende-${i}`);
        await hub.ok(k.agency.token, PARTICIPANT, { input: { workshopId, personId: person.id, organizationId: k.cityA } });
      }
      const full = german(await hub.gql(k.agency.token, PARTICIPANT, { input: { workshopId, personId: k.member.id, organizationId: k.cityA } }), 'CONFLICT');
      expect(full.message).toBe('Eine Digital-Werkstatt hat höchstens 30 Teilnehmende.');
      const facilitators = german(await hub.gql(k.member.token, PARTICIPANT, { input: { workshopId, personId: k.member.id, organizationId: k.cityA } }), 'FORBIDDEN');
      expect(facilitators.message).toBe('Nur die Moderation der Digital-Werkstatt darf das.');
    });
  });
});
