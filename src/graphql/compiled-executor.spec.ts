import { describe, expect, it } from '@jest/globals';
import { buildSchema, execute, GraphQLError, GraphQLObjectType, parse, type DocumentNode, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import { COMPILE_AFTER, CompiledExecutor } from './compiled-executor.js';

const schema = buildSchema(`
  enum Level { PLENUM PROJECT_GROUP }
  type Group { id: ID! name: String! level: Level! parent: Group broken: String }
  type Query { groups(level: Level, first: Int!): [Group!]! }
  type Mutation { rename(name: String!): String! }`);
const GROUPS = [
  { id: '1', name: 'Plenum', level: 'PLENUM', parent: null },
  { id: '2', name: 'LoRaWAN', level: 'PROJECT_GROUP', parent: { id: '1', name: 'Plenum', level: 'PLENUM' } },
];
schema.getQueryType()!.getFields().groups.resolve = (_, args: { level?: string; first: number }) =>
  GROUPS.filter((g) => !args.level || g.level === args.level).slice(0, args.first);
(schema.getType('Group') as GraphQLObjectType).getFields().broken.resolve = () => {
  throw new Error('kaputt');
};
let renames = 0;
schema.getMutationType()!.getFields().rename.resolve = (_, args: { name: string }) => (renames++, args.name);

const executor = new CompiledExecutor(() => schema);

/** What Apollo hands a gateway executor, as far as the executor reads it. */
function run(document: DocumentNode, variables: Record<string, unknown> = {}, operationName: string | null = null): Promise<ExecutionResult> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName))!;
  return executor.execute({ document, operation, operationName, request: { variables }, context: {} } as unknown as Parameters<CompiledExecutor['execute']>[0]);
}

/** graphql-js's answer, as JSON (compiled answers have plain objects where graphql-js has null prototypes). */
const plain = (result: ExecutionResult | Promise<ExecutionResult>) => Promise.resolve(result).then((r) => JSON.parse(JSON.stringify(r)));

describe('CompiledExecutor', () => {
  it('answers a query as graphql-js does, interpreted first and compiled from the COMPILE_AFTER-th run', async () => {
    const document = parse('query($level: Level, $first: Int!) { groups(level: $level, first: $first) { id name level parent { name } broken } }');
    const variables = { level: 'PROJECT_GROUP', first: 5 };
    const expected = await plain(execute({ schema, document, variableValues: variables }));
    expect(expected.errors[0].message).toBe('kaputt');
    for (let i = 1; i <= COMPILE_AFTER + 1; i++) {
      expect(await plain(run(document, variables))).toEqual(expected);
      expect(executor.isCompiled(document)).toBe(i >= COMPILE_AFTER);
    }
  });

  it('refuses invalid variables with graphql-js\'s own errors, compiled or not', async () => {
    const document = parse('query($level: Level, $first: Int!) { groups(level: $level, first: $first) { id } }');
    for (let i = 0; i < COMPILE_AFTER; i++) await run(document, { first: 1 });
    expect(executor.isCompiled(document)).toBe(true);
    for (const variables of [{ level: 'NOPE', first: 1 }, { first: 'many' }, {}]) {
      const result = await run(document, variables);
      const expected = await Promise.resolve(execute({ schema, document, variableValues: variables }));
      expect(result.data).toBeUndefined();
      expect(result.errors!.map((e) => e.message)).toEqual(expected.errors!.map((e) => e.message));
      // Apollo recognises these (a variable definition node) and answers BAD_USER_INPUT.
      expect(result.errors!.every((e) => e instanceof GraphQLError && e.nodes?.[0]?.kind === 'VariableDefinition')).toBe(true);
    }
  });

  it('picks the named operation of a document with several', async () => {
    const document = parse('query A { groups(first: 1) { name } } query B { groups(first: 2) { id } }');
    for (let i = 0; i <= COMPILE_AFTER; i++) {
      expect((await run(document, {}, 'B')).data).toEqual({ groups: [{ id: '1' }, { id: '2' }] });
      expect((await run(document, {}, 'A')).data).toEqual({ groups: [{ name: 'Plenum' }] });
    }
    expect(executor.isCompiled(document, 'A') && executor.isCompiled(document, 'B')).toBe(true);
  });

  it('never compiles mutations or introspection', async () => {
    const mutation = parse('mutation { rename(name: "Neu") }');
    const introspection = parse('{ __schema { queryType { name } } }');
    for (let i = 0; i <= COMPILE_AFTER; i++) {
      expect((await run(mutation)).data).toEqual({ rename: 'Neu' });
      expect(await plain(run(introspection))).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    }
    expect(executor.isCompiled(mutation)).toBe(false);
    expect(executor.isCompiled(introspection)).toBe(false);
  });

  it('runs nothing when Apollo resolved no operation, and no mutation over GET (issue 19)', async () => {
    const document = parse('mutation { rename(name: "Neu") }');
    const before = renames;
    const context = (operation: OperationDefinitionNode | undefined, operationName: string | undefined, method: string) =>
      ({ document, operation, operationName: null, request: { variables: {}, operationName, http: { method } }, context: {} }) as unknown as Parameters<CompiledExecutor['execute']>[0];
    const mutation = document.definitions[0] as OperationDefinitionNode;
    for (const [operation, name, method] of [[undefined, '', 'GET'], [undefined, 'X', 'POST'], [mutation, undefined, 'GET']] as const) {
      const result = await executor.execute(context(operation, name, method));
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    expect(renames).toBe(before);
    expect((await executor.execute(context(mutation, undefined, 'POST'))).data).toEqual({ rename: 'Neu' });
  });
});
