import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { GRAPHQL_LIMITS, maxFieldsRule } from './graphql-limits.js';

const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
const fieldErrors = (query: string, max: number = GRAPHQL_LIMITS.maxFields) => validate(schema, parse(query), [maxFieldsRule(max)]);

describe('maxFieldsRule', () => {
  it('counts fields, fragment spreads where they are used, and inline fragments', () => {
    const query = 'fragment P on Person { id displayName } { me { ...P ...P ... on Person { email } } }';
    expect(fieldErrors(query, 6)).toHaveLength(0); // me + 2 + 2 + 1
    expect(fieldErrors(query, 5)).toHaveLength(1);
  });

  it('refuses field duplication', () => {
    const errors = fieldErrors(`{ me { ${'id '.repeat(500)} } }`);
    expect(errors.map((e) => e.message)).toEqual([`Die Anfrage wählt zu viele Felder aus: Erlaubt sind höchstens ${GRAPHQL_LIMITS.maxFields}.`]);
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('does not count introspection', () => {
    expect(fieldErrors('{ __schema { types { name fields { name } } } }', 1)).toHaveLength(0);
  });
});
