import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType } from 'graphql';
import { renderSchema, SCHEMA_FILE } from '../../src/graphql/schema-printer.js';
import { TestHub } from '../support/test-hub.js';

/**
 * The public contract: ../shared's when the checkout sits beside it (as in CI), else the snapshot
 * kept in test/support (.ci/run fails when the two differ).
 */
const CONTRACT = existsSync('../shared/api/contract.graphql') ? '../shared/api/contract.graphql' : 'test/support/contract.graphql';

describe('schema.gql', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(() => hub.stop());

  it('is the schema the hub serves (run npm run schema:generate after changing resolvers)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSchema(hub.hub.app));
  });

  it('implements the contract for the operations built so far, with the contract\'s argument shapes', () => {
    const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
    const served = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    for (const root of ['Query', 'Mutation'] as const) {
      const ours = served.getType(root) as import('graphql').GraphQLObjectType;
      const theirs = contract.getType(root) as import('graphql').GraphQLObjectType;
      for (const field of Object.values(ours.getFields())) {
        const expected = theirs.getFields()[field.name];
        if (!expected) continue; // our extensions
        expect(`${root}.${field.name}: ${String(field.type)}`).toBe(`${root}.${field.name}: ${String(expected.type)}`);
        expect(field.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(expected.args.map((a) => `${a.name}: ${String(a.type)}`));
      }
    }
  });

  it('gives every shared type and input the contract\'s field types, and every shared input all its fields', () => {
    const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
    const served = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const mismatches: string[] = [];
    for (const type of Object.values(served.getTypeMap())) {
      const expected = contract.getType(type.name);
      if (type.name.startsWith('__') || !expected || !('getFields' in type) || !('getFields' in expected)) continue;
      const theirs = expected.getFields() as Record<string, { type: unknown }>;
      const ours = type.getFields() as Record<string, { type: unknown }>;
      for (const [name, field] of Object.entries(ours)) {
        if (theirs[name] && String(theirs[name].type) !== String(field.type)) mismatches.push(`${type.name}.${name}`);
      }
      if (isInputObjectType(type)) {
        for (const name of Object.keys(theirs)) if (!ours[name]) mismatches.push(`${type.name}.${name} missing`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
