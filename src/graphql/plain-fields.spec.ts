import { describe, expect, it } from '@jest/globals';
import { buildSchema, graphqlSync, type GraphQLObjectType } from 'graphql';
import { removePlainFieldResolvers } from './plain-fields.js';

/** A resolver as Nest's code-first schema makes one for a plain @Field (same name, same shape). */
function nestResolver(property: string, defaultValue?: unknown) {
  const rootFieldResolver = (root: Record<string, unknown>) => {
    const value = root[property];
    return typeof value === 'undefined' ? defaultValue : value;
  };
  return rootFieldResolver;
}

describe('removePlainFieldResolvers', () => {
  it("removes Nest's property resolver only where it reads the field's own name without a default", () => {
    const schema = buildSchema('type Org { name: String renamed: String withDefault: String custom: String } type Query { org: Org }');
    const fields = (schema.getType('Org') as GraphQLObjectType).getFields();
    fields.name.resolve = nestResolver('name');
    fields.renamed.resolve = nestResolver('internalName');
    fields.withDefault.resolve = nestResolver('withDefault', 'vorgabe');
    const custom = (root: { name: string }) => root.name.toUpperCase();
    fields.custom.resolve = custom;
    schema.getQueryType()!.getFields().org.resolve = () => ({ name: 'Stadt Ulm', internalName: 'intern' });

    expect(removePlainFieldResolvers(schema)).toBe(1);
    expect(fields.name.resolve).toBeUndefined();
    expect(fields.custom.resolve).toBe(custom);
    // The answers are those of the resolvers before.
    expect(graphqlSync({ schema, source: '{ org { name renamed withDefault custom } }' }).data).toEqual({
      org: { name: 'Stadt Ulm', renamed: 'intern', withDefault: 'vorgabe', custom: 'STADT ULM' },
    });
  });
});
