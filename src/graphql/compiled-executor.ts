import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { refuseUnlessRunnable } from './operation-guard.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Gateway = ApolloServerOptionsWithGateway<any>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];

/** A query document is compiled once it has been executed this often (a one-off query is cheaper interpreted); GRAPHQL_COMPILED_QUERIES=always sets 1. */
export const COMPILE_AFTER = 2;

interface Entry {
  runs: number;
  compiled?: CompiledQuery | null;
}

/**
 * Runs the hub's queries compiled by graphql-jit, everything else with graphql-js (issue 13).
 *
 * graphql-js resolves every field through the same generic path (a ResolveInfo, an arguments
 * object and a null-prototype result object per field); graphql-jit turns a query into one
 * function per operation, with default fields read as plain property accesses. Apollo Server's
 * one hook for another executor is the gateway interface; parsing, validation (the GraphQL
 * limits), plugins and error formatting stay Apollo's.
 *
 * What stays with graphql-js:
 * - the coercion of variables: graphql-js coerces them first, so a wrong value is the same
 *   error as without compilation (Apollo answers it BAD_USER_INPUT, formatError in German);
 *   only a document whose variables are valid runs compiled;
 * - mutations and subscriptions (run once each, in order; nothing to gain);
 * - introspection (`__schema`, `__type`) and a document's first runs (see COMPILE_AFTER);
 * - a document graphql-jit cannot compile.
 */
export class CompiledExecutor {
  private readonly cache = new WeakMap<DocumentNode, Map<string, Entry>>();

  constructor(
    private readonly schema: () => GraphQLSchema,
    private readonly compileAfter = COMPILE_AFTER,
  ) {}

  /** Apollo's gateway interface around this executor, for the schema the hub builds. */
  gateway(): Gateway {
    return {
      load: async () => ({ schema: this.schema(), executor: (context) => this.execute(context) }),
      onSchemaLoadOrUpdate: (callback) => {
        const schema = this.schema();
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      stop: async () => undefined,
    };
  }

  async execute(request: GatewayRequestContext): Promise<ExecutionResult> {
    const schema = this.schema();
    const { document, operation } = request;
    // Apollo hands over its resolved operation name, null when the requested one was not found:
    // never let that null mean "the only operation" (operation-guard.ts refuses it first already).
    try {
      refuseUnlessRunnable(operation, request.request.operationName, request.request.http?.method);
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
    const variables = request.request.variables ?? {};
    const compiled = this.compiled(schema, document, operation, request.operationName ?? null);
    if (compiled) {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
      return compiled.query(undefined, request.context, variables) as ExecutionResult | Promise<ExecutionResult>;
    }
    return execute({ schema, document, contextValue: request.context, variableValues: variables, operationName: request.operationName });
  }

  /** Whether the operation of a document runs compiled by now (for tests). */
  isCompiled(document: DocumentNode, operationName: string | null = null): boolean {
    return !!this.cache.get(document)?.get(operationName ?? '')?.compiled;
  }

  private compiled(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): CompiledQuery | null {
    if (operation.operation !== 'query' || isIntrospection(operation)) return null;
    let byName = this.cache.get(document);
    if (!byName) this.cache.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) byName.set(key, (entry = { runs: 0 }));
    if (entry.compiled !== undefined) return entry.compiled;
    if (++entry.runs < this.compileAfter) return null;
    const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    entry.compiled = isCompiledQuery(result) ? result : null;
    return entry.compiled;
  }
}

/** Asks for `__schema` or `__type` (or spreads a fragment at the root, which might). */
function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some((s) => s.kind !== 'Field' || s.name.value === '__schema' || s.name.value === '__type');
}
