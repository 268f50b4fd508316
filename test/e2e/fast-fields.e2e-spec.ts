import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { TestHub } from '../support/test-hub.js';

/**
 * Issue 13, P1: field resolvers run without Nest's per-call wrapper (no guards, interceptors,
 * pipes or parameter decorators on fields; fieldResolverEnhancers stays empty). Nest hands such a
 * resolver to graphql-js as the bound method itself. Fields with arguments still go through Nest,
 * so that their arguments are validated. Authorization is the resolvers' and services' own work
 * (the authorization and visibility tests cover it).
 */
describe('field resolvers', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(() => hub.stop());

  it('are the bound resolver methods for every field without arguments', () => {
    const { schema } = hub.hub.app.get(GraphQLSchemaHost);
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
    const wrapped: string[] = [];
    let fast = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || roots.has(type.name) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.resolve || field.args.length) continue;
        // A plain property gets Nest's one-line property reader; a resolver method, itself bound.
        if (field.resolve.name === 'rootFieldResolver') continue;
        if (field.resolve.name.startsWith('bound ')) fast++;
        else wrapped.push(`${type.name}.${field.name}`);
      }
    }
    expect(wrapped).toEqual([]);
    expect(fast).toBeGreaterThan(100);
  });
});
