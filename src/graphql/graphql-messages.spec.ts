import { describe, expect, it, jest } from '@jest/globals';
import { buildSchema, graphql, GraphQLError, parse, type GraphQLScalarType } from 'graphql';
import { readFileSync } from 'node:fs';
import { formatError } from '../common/error-format.js';
import { DateScalar, DateTimeScalar } from '../common/scalars.js';
import { GRAPHQL_LIMITS } from './graphql-limits.js';

// The real schema with the real scalars, so that graphql-js raises exactly what a client would get.
const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
Object.assign(schema.getType('DateTime') as GraphQLScalarType, { parseValue: DateTimeScalar.parseValue, parseLiteral: DateTimeScalar.parseLiteral });
Object.assign(schema.getType('Date') as GraphQLScalarType, { parseValue: DateScalar.parseValue });

/** The message a client reads for a request whose variables graphql-js refuses. */
async function messageFor(source: string, variableValues: Record<string, unknown>): Promise<string> {
  const result = await graphql({ schema, source, variableValues });
  expect(result.errors).toHaveLength(1);
  const error = result.errors![0];
  return formatError({ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }, error, jest.fn()).message;
}

const CREATE_MEETING = 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }';
const meeting = { groupId: 'g', title: 'Jour fixe', startsAt: '2026-03-10T10:00:00+01:00', endsAt: '2026-03-10T11:00:00+01:00' };

describe('graphql-js messages about values, in German and naming the field', () => {
  it('a date-time that is none: "<field>: <text>"', async () => {
    expect(await messageFor(CREATE_MEETING, { input: { ...meeting, startsAt: 'garbage' } })).toBe(
      'startsAt: muss ein Zeitpunkt (DateTime) nach ISO 8601 mit Zeitzone sein, z. B. 2026-03-10T10:00:00+01:00 (erhalten: "garbage")',
    );
  });

  it('a missing field, an unknown field, a whole number, an enum value', async () => {
    const { title: _, ...untitled } = meeting;
    expect(await messageFor(CREATE_MEETING, { input: untitled })).toBe('title: muss angegeben werden (Typ String!)');
    const createGroup = 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }';
    const unknown = await messageFor(createGroup, { input: { networkId: 'n', level: 'PROJECT_GROUP', name: 'x', descripton: 'y' } });
    expect(unknown).toBe('descripton: ist im Eingabetyp CreateGroupInput nicht vorgesehen');
    const level = await messageFor(createGroup, { input: { networkId: 'n', level: 'PLENAR', name: 'x' } });
    expect(level).toBe('level: „PLENAR“ ist kein Wert von GroupLevel');
    const addItem = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
    expect(await messageFor(addItem, { input: { meetingId: 'm', title: 'x', durationMinutes: 1.5 } })).toBe('durationMinutes: muss eine ganze Zahl sein (erhalten: 1.5)');
  });

  it('a field inside a list keeps its path', async () => {
    const createPoll = 'mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id } }';
    const message = await messageFor(createPoll, { input: { groupId: 'g', title: 't', options: [{ startsAt: meeting.startsAt, endsAt: 'morgen' }] } });
    expect(message).toMatch(/^options\[0\]\.endsAt: muss ein Zeitpunkt \(DateTime\)/);
  });

  it('a variable that is itself wrong or missing is named "$name"', async () => {
    const upcoming = 'query($from: DateTime) { upcomingMeetings(from: $from) { id } }';
    expect(await messageFor(upcoming, { from: 'gestern' })).toMatch(/^\$from: muss ein Zeitpunkt \(DateTime\)/);
    expect(await messageFor(CREATE_MEETING, {})).toBe('$input: muss angegeben werden (Typ CreateMeetingInput!)');
    expect(await messageFor(CREATE_MEETING, { input: null })).toBe('$input: darf nicht null sein (Typ CreateMeetingInput!)');
  });

  it('a literal in the document that does not fit its type: a whole sentence (graphql-js reports it without the field)', async () => {
    const literal = `mutation { createMeeting(input: { groupId: "g", title: "t", startsAt: "bald", endsAt: "${meeting.endsAt}" }) { id } }`;
    expect(await messageFor(literal, {})).toBe(
      'Der Wert "bald" ist kein Zeitpunkt (DateTime) nach ISO 8601 mit Zeitzone wie 2026-03-10T10:00:00+01:00.',
    );
    expect(await messageFor('{ networks { groups(level: PLENAR) { id } } }', {})).toBe('„PLENAR“ ist kein Wert von GroupLevel.');
    expect(await messageFor('{ auditLog: myAuditLog(limit: 2.5) { id } }', {})).toBe('Der Wert muss eine ganze Zahl sein (erhalten: 2.5).');
  });

  it('a value that looks like the message around it does not confuse the translation', async () => {
    const tricky = { text: '; at "input.title"', n: 1 };
    expect(await messageFor(CREATE_MEETING, { input: { ...meeting, title: tricky } })).toMatch(/^title: muss eine Zeichenkette sein \(erhalten: /);
  });

  it('the token limit, and messages it does not know stay as they are', () => {
    let error: GraphQLError | undefined;
    try {
      parse(`{ me { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`, { maxTokens: GRAPHQL_LIMITS.maxTokens });
    } catch (e) {
      error = e as GraphQLError;
    }
    const format = (message: string) => formatError({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError(message), jest.fn()).message;
    expect(format(error!.message)).toBe('Die Anfrage ist zu groß: Sie darf höchstens 1.000 Token enthalten.');
    expect(format('Syntax Error: Expected Name, found "}".')).toBe('Syntax Error: Expected Name, found "}".');
  });
});
