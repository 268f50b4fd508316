import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isObjectType, Kind, parse, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import { renderSchema, SCHEMA_FILE } from '../../src/graphql/schema-printer.js';
import { TestHub } from '../support/test-hub.js';

/**
 * The public contract: ../shared's files when the checkout sits beside it (as in CI), else the
 * snapshots kept in test/support (.ci/run fails when they differ).
 */
const contractFile = (name: string) => (existsSync(`../shared/api/${name}`) ? `../shared/api/${name}` : `test/support/${name}`);
/** The parts beyond contract.graphql that are implemented; each is implemented in full. */
const IMPLEMENTED_PARTS = ['groups-and-privacy.graphql', 'knowledge-and-events.graphql', 'reach-and-interop.graphql'];
const CONTRACT_SDL = ['contract.graphql', ...IMPLEMENTED_PARTS].map((f) => readFileSync(contractFile(f), 'utf8')).join('\n');

describe('schema.gql', () => {
  let hub: TestHub;
  let contract: GraphQLSchema;
  let served: GraphQLSchema;
  beforeAll(async () => {
    hub = await TestHub.start();
    contract = buildSchema(CONTRACT_SDL); // the parts extend contract.graphql's types
    served = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  });
  afterAll(() => hub.stop());

  it('is the schema the hub serves (run npm run schema:generate after changing resolvers)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSchema(hub.hub.app));
  });

  it('implements the contract for the operations built so far, with the contract\'s argument shapes', () => {
    for (const root of ['Query', 'Mutation'] as const) {
      const ours = served.getType(root) as import('graphql').GraphQLObjectType;
      const theirs = contract.getType(root) as import('graphql').GraphQLObjectType;
      for (const field of Object.values(ours.getFields())) {
        const expected = theirs.getFields()[field.name];
        if (!expected) continue; // our extensions
        expect(`${root}.${field.name}: ${String(field.type)}`).toBe(`${root}.${field.name}: ${String(expected.type)}`);
        // Arguments are named, so their order means nothing to clients; schema.gql is sorted (sortSchema).
        expect(field.args.map((a) => `${a.name}: ${String(a.type)}`).sort()).toEqual(expected.args.map((a) => `${a.name}: ${String(a.type)}`).sort());
      }
    }
  });

  it('gives every shared type and input the contract\'s field types, and every shared input all its fields', () => {
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

  it.each(IMPLEMENTED_PARTS)('implements %s in full: every type, field, argument, input field and enum value', (part) => {
    expect(missingFromServed(parse(readFileSync(contractFile(part), 'utf8')), served)).toEqual([]);
  });
});

/** Everything the part defines or extends that the served schema lacks or types differently. */
function missingFromServed(part: DocumentNode, served: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const def of part.definitions) {
    if (!('name' in def) || !def.name) continue;
    const type = served.getType(def.name.value);
    if (!type) {
      problems.push(`${def.name.value} missing`);
      continue;
    }
    if (def.kind === Kind.ENUM_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_EXTENSION) {
      const values = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
      for (const v of def.values ?? []) if (!values.includes(v.name.value)) problems.push(`${def.name.value}.${v.name.value} missing`);
      continue;
    }
    if (!('fields' in def) || !def.fields) continue;
    const ours = isObjectType(type) || isInputObjectType(type) ? type.getFields() : {};
    for (const field of def.fields) {
      const name = `${def.name.value}.${field.name.value}`;
      const mine = ours[field.name.value] as { type: unknown; args?: readonly { name: string; type: unknown; defaultValue: unknown }[] } | undefined;
      if (!mine) {
        problems.push(`${name} missing`);
        continue;
      }
      if (String(mine.type) !== print(field.type)) problems.push(`${name}: ${String(mine.type)}, contract ${print(field.type)}`);
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const expectedArgs = (field.arguments ?? []).map((a) => `${a.name.value}: ${print(a.type)}${a.defaultValue ? ` = ${print(a.defaultValue)}` : ''}`);
      const servedArgs = (mine.args ?? []).map((a) => `${a.name}: ${String(a.type)}${a.defaultValue !== undefined ? ` = ${JSON.stringify(a.defaultValue)}` : ''}`);
      // Compared as sets: arguments are named, their order is not part of the contract (schema.gql is sorted).
      if (JSON.stringify([...servedArgs].sort()) !== JSON.stringify([...expectedArgs].sort())) problems.push(`${name}(${servedArgs.join(', ')}), contract (${expectedArgs.join(', ')})`);
    }
  }
  return problems;
}
