/**
 * The ways the hub can execute a GraphQL document. Security and limit tests run in each of them:
 * a fast path must keep every refusal of the slow one (issue 19: compiled execution reopened GET
 * mutations that graphql-js refused). `always` compiles from a document's first run, so that a
 * test sending each document once still exercises graphql-jit.
 */
export const EXECUTION_MODES: [string, Record<string, string>][] = [
  ['interpreted (graphql-js)', { GRAPHQL_COMPILED_QUERIES: 'false' }],
  ['compiled (graphql-jit)', { GRAPHQL_COMPILED_QUERIES: 'always' }],
];
