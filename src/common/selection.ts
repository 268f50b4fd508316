import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { ColumnMap } from './sql-rows.js';

/**
 * What a query asks for below a field, so that a list loader reads only those columns (issue 13:
 * at 100× data the deep network query decoded five times the column values its answer shows).
 *
 * A tree of field names (aliases do not matter, arguments neither); fragments and inline
 * fragments are merged in whatever their type condition, and `@skip`/`@include` are ignored, so
 * the tree may ask for more than the answer shows, never less.
 */
export type SelectionTree = ReadonlyMap<string, SelectionTree>;

const TREES = new WeakMap<readonly FieldNode[], SelectionTree>();

/** The tree below the resolver's field (cached per field node list: a compiled query keeps its list). */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): SelectionTree {
  let tree = TREES.get(info.fieldNodes);
  if (!tree) {
    const root = new Map<string, Map<string, never>>();
    for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info.fragments, root, new Set());
    TREES.set(info.fieldNodes, (tree = root));
  }
  return tree;
}

type MutableTree = Map<string, MutableTree>;

function collect(set: SelectionSetNode, fragments: GraphQLResolveInfo['fragments'], into: MutableTree, seen: Set<string>): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      let child = into.get(name);
      if (!child) into.set(name, (child = new Map()));
      if (selection.selectionSet) collect(selection.selectionSet, fragments, child, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, fragments, into, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // Validation refused cycles; `seen` guards anyway.
      if (!fragment || seen.has(name)) continue;
      collect(fragment.selectionSet, fragments, into, new Set([...seen, name]));
    }
  }
}

const NOTHING: SelectionTree = new Map();

/** The tree below one field of a selection: nothing when the field is not asked for, undefined without a selection. */
export function below(selection: SelectionTree | undefined, field: string): SelectionTree | undefined {
  return selection && (selection.get(field) ?? NOTHING);
}

/** One tree of several (the same objects answer several fields, like a group's parent and children). */
export function union(...trees: (SelectionTree | undefined)[]): SelectionTree | undefined {
  if (trees.some((t) => t === undefined)) return undefined;
  const out: MutableTree = new Map();
  const add = (from: SelectionTree, into: MutableTree) => {
    for (const [name, child] of from) {
      let target = into.get(name);
      if (!target) into.set(name, (target = new Map()));
      add(child, target);
    }
  };
  for (const t of trees) add(t!, out);
  return out;
}

/** A short text naming the columns of some maps (a request's loader per column set). */
export function signature(...columns: ColumnMap[]): string {
  return columns.map((c) => Object.keys(c).join(',')).join('|');
}

const SUBSETS = new WeakMap<ColumnMap, Map<string, ColumnMap>>();

/**
 * The part of a column map a selection needs: the properties the query names, plus `always`
 * (ids, keys and what access checks and field resolvers read). Without a selection (a caller
 * outside GraphQL, or no lookahead wanted) the whole map. The same subset is the same object, so
 * the SQL built from it is built once.
 */
export function columnsFor(columns: ColumnMap, selection: SelectionTree | undefined, always: readonly string[]): ColumnMap {
  if (!selection) return columns;
  const properties = Object.keys(columns).filter((p) => always.includes(p) || selection.has(p));
  if (properties.length === Object.keys(columns).length) return columns;
  const key = properties.join(',');
  let byKey = SUBSETS.get(columns);
  if (!byKey) SUBSETS.set(columns, (byKey = new Map()));
  let subset = byKey.get(key);
  if (!subset) byKey.set(key, (subset = Object.fromEntries(properties.map((p) => [p, columns[p]]))));
  return subset;
}

const PLANS = new WeakMap<SelectionTree, Map<string, unknown>>();
const WITHOUT_SELECTION = new Map<string, unknown>();

/**
 * What a loader derives from a selection (its column maps, its loader name), derived once per
 * selection and loader: a list's field resolver runs once per parent, with the same selection.
 */
export function planFor<T>(selection: SelectionTree | undefined, loader: string, derive: () => T): T {
  let plans = selection ? PLANS.get(selection) : WITHOUT_SELECTION;
  if (!plans) PLANS.set(selection!, (plans = new Map()));
  let plan = plans.get(loader) as T | undefined;
  if (plan === undefined) plans.set(loader, (plan = derive()));
  return plan;
}
