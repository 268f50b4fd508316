import { describe, expect, it } from '@jest/globals';
import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { below, columnsFor, planFor, selectionOf, signature, union, type SelectionTree } from './selection.js';

/** The resolve info of the first root field of a document (what selectionOf reads of it). */
function infoOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === 'Field');
  return { fieldNodes, fragments };
}

/** A tree as nested plain objects, for readable expectations. */
const plain = (tree: SelectionTree): Record<string, unknown> => Object.fromEntries([...tree].map(([k, v]) => [k, plain(v)]));

describe('selectionOf', () => {
  it('names the fields below the field, merging fragments, inline fragments and aliases', () => {
    const info = infoOf(`{ members { a: status organization { name } ...M ... on NetworkMember { since } } }
      fragment M on NetworkMember { organization { website ...O } }
      fragment O on Organization { kind }`);
    expect(plain(selectionOf(info))).toEqual({ status: {}, since: {}, organization: { name: {}, website: {}, kind: {} } });
  });

  it('merges the selections of every node of a field (the same field asked twice)', () => {
    const info = infoOf('{ members { status } members { organization { id } } }');
    expect(plain(selectionOf(info))).toEqual({ status: {}, organization: { id: {} } });
  });

  it('is computed once per list of field nodes', () => {
    const info = infoOf('{ members { status } }');
    expect(selectionOf(info)).toBe(selectionOf({ ...info }));
    expect(selectionOf(info)).not.toBe(selectionOf({ ...info, fieldNodes: [...info.fieldNodes] }));
  });

  it('ignores a spread of an unknown fragment and does not loop on a cycle', () => {
    const info = infoOf('{ members { ...X ...A } } fragment A on T { id ...B } fragment B on T { name ...A }');
    expect(plain(selectionOf(info))).toEqual({ id: {}, name: {} });
  });
});

describe('columnsFor', () => {
  const COLUMNS = { id: 'id', name: 'name', website: 'website', kind: 'kind' };
  const tree = (...names: string[]): SelectionTree => new Map(names.map((n) => [n, new Map()]));

  it('keeps the asked and the always-needed properties, in the map\'s order', () => {
    expect(columnsFor(COLUMNS, tree('website', 'unknownField'), ['id'])).toEqual({ id: 'id', website: 'website' });
  });

  it('answers the whole map without a selection or when everything is asked', () => {
    expect(columnsFor(COLUMNS, undefined, ['id'])).toBe(COLUMNS);
    expect(columnsFor(COLUMNS, tree('name', 'website', 'kind'), ['id'])).toBe(COLUMNS);
  });

  it('answers the same subset as the same object', () => {
    expect(columnsFor(COLUMNS, tree('name'), ['id'])).toBe(columnsFor(COLUMNS, tree('name'), ['id']));
  });
});

describe('below, union, signature, planFor', () => {
  const t = new Map([['organization', new Map([['name', new Map()]])]]) as SelectionTree;

  it('below: the subtree, nothing for a field not asked, undefined without a selection', () => {
    expect(plain(below(t, 'organization')!)).toEqual({ name: {} });
    expect(below(t, 'person')!.size).toBe(0);
    expect(below(undefined, 'person')).toBeUndefined();
  });

  it('union: all fields of all trees, at every depth; undefined when one is undefined', () => {
    const other = new Map([['organization', new Map([['kind', new Map()]])], ['status', new Map()]]) as SelectionTree;
    expect(plain(union(t, other)!)).toEqual({ organization: { name: {}, kind: {} }, status: {} });
    expect(union(t, undefined)).toBeUndefined();
  });

  it('signature names the columns of each map', () => {
    expect(signature({ id: 'id', name: 'name' }, { id: 'id' })).toBe('id,name|id');
  });

  it('planFor derives once per selection and loader', () => {
    let derived = 0;
    const derive = () => ({ n: ++derived });
    expect(planFor(t, 'x', derive)).toBe(planFor(t, 'x', derive));
    expect(planFor(t, 'y', derive)).not.toBe(planFor(t, 'x', derive));
    expect(derived).toBe(2);
  });
});
