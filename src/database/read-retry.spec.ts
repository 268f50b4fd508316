import { describe, expect, it } from '@jest/globals';
import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { retryQueryFieldsOnConnectionLoss } from './read-retry.js';

function schemaWith(failures: Error[], calls: { query: number; mutation: number }) {
  const next = () => {
    const failure = failures.shift();
    if (failure) throw failure;
    return 'ok';
  };
  return retryQueryFieldsOnConnectionLoss(
    new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { read: { type: GraphQLString, resolve: async () => (calls.query++, next()) } } }),
      mutation: new GraphQLObjectType({ name: 'Mutation', fields: { write: { type: GraphQLString, resolve: async () => (calls.mutation++, next()) } } }),
    }),
  );
}

const lost = () => Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });

describe('retryQueryFieldsOnConnectionLoss', () => {
  it('runs a root query field again after a lost connection', async () => {
    const calls = { query: 0, mutation: 0 };
    const result = await graphql({ schema: schemaWith([lost(), lost()], calls), source: '{ read }' });
    expect(result).toEqual({ data: { read: 'ok' } });
    expect(calls.query).toBe(3);
  });

  it('gives up after three attempts', async () => {
    const calls = { query: 0, mutation: 0 };
    const result = await graphql({ schema: schemaWith([lost(), lost(), lost()], calls), source: '{ read }' });
    expect(result.errors?.[0].message).toBe('Connection terminated unexpectedly');
    expect(calls.query).toBe(3);
  });

  it('does not run a field again for any other error', async () => {
    const calls = { query: 0, mutation: 0 };
    const result = await graphql({ schema: schemaWith([new Error('Nicht gefunden')], calls), source: '{ read }' });
    expect(result.errors?.[0].message).toBe('Nicht gefunden');
    expect(calls.query).toBe(1);
  });

  it('never runs a mutation again', async () => {
    const calls = { query: 0, mutation: 0 };
    const result = await graphql({ schema: schemaWith([lost()], calls), source: 'mutation { write }' });
    expect(result.errors?.[0].message).toBe('Connection terminated unexpectedly');
    expect(calls.mutation).toBe(1);
  });
});
