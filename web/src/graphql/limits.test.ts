import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, Kind, parse, print, specifiedRules, validate, type DocumentNode, type SelectionSetNode } from 'graphql';
import { formatDocument } from 'urql';
import { describe, expect, it } from 'vitest';
import { GRAPHQL_LIMITS, maxFieldsRule } from '../../../src/graphql/graphql-limits';
import * as generated from '../gql/graphql';

const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../../schema.gql'), 'utf8'));

/** Every operation the client sends, as urql sends it (with the __typename it adds to each selection). */
const operations = Object.entries(generated)
  .filter(([name, value]) => name.endsWith('Document') && (value as DocumentNode)?.kind === Kind.DOCUMENT)
  .map(([name, value]) => [name.replace(/Document$/, ''), formatDocument(value as DocumentNode)] as const);

function depth(doc: DocumentNode): number {
  const fragments = new Map(doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const of = (set: SelectionSetNode): number =>
    Math.max(
      0,
      ...set.selections.map((s) =>
        s.kind === Kind.FIELD
          ? s.selectionSet
            ? 1 + of(s.selectionSet)
            : 1
          : s.kind === Kind.INLINE_FRAGMENT
            ? of(s.selectionSet)
            : of(fragments.get(s.name.value)!.selectionSet),
      ),
    );
  return Math.max(...doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((d) => of(d.selectionSet)));
}

describe("every operation of the web client passes the hub's GraphQL limits", () => {
  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations)('%s', (_name, doc) => {
    const text = print(doc);
    expect(() => parse(text, { maxTokens: GRAPHQL_LIMITS.maxTokens })).not.toThrow();
    expect(validate(schema, doc, [...specifiedRules, maxFieldsRule(GRAPHQL_LIMITS.maxFields)])).toEqual([]);
    expect(depth(doc)).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxDepth);
  });
});
