import { isObjectType, type GraphQLSchema } from 'graphql';

const PROBE = Symbol('probe');

/**
 * Removes the resolver Nest's code-first schema puts on every plain `@Field` (`root[name]`, or its
 * default value), so that a field without a resolver of its own is read as a plain property
 * (issue 13): graphql-jit compiles such a field to a property access, but calls a resolver, with
 * a ResolveInfo and closures, for every field that has one; at 100× data that was a resolver call
 * for each of the deep network query's ~8,000 fields.
 *
 * Only Nest's own property resolver is removed, and only where it provably reads the field's own
 * name and has no default value (probed once here): a field renamed with `@Field({ name })` or
 * given a `defaultValue` keeps it. Returns how many were removed.
 */
export function removePlainFieldResolvers(schema: GraphQLSchema): number {
  let removed = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as ((root: unknown) => unknown) | undefined;
      if (!resolve || resolve.name !== 'rootFieldResolver' || resolve.length > 1) continue;
      if (resolve({ [field.name]: PROBE }) !== PROBE || resolve({}) !== undefined) continue;
      field.resolve = undefined;
      removed++;
    }
  }
  return removed;
}
