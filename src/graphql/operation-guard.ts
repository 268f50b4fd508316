import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { DomainError } from '../common/domain-error.js';

/** The German refusal of an operation name the document does not define (or of a missing one where it must be chosen). */
export function unknownOperation(name: string | null | undefined): DomainError {
  const text = name
    ? `Das Dokument enthält keine Operation namens „${name}“.`
    : name === ''
      ? 'Ein leerer Name nennt keine Operation des Dokuments.'
      : 'Das Dokument enthält mehrere Operationen (oder keine): Der Name muss eine von ihnen nennen.';
  return new DomainError('BAD_USER_INPUT', `operationName: ${text}`, { field: 'operationName', http: { status: 400 } });
}

/** The German refusal of a mutation or subscription sent as GET (a link or an image tag must not change anything). */
export function notOverGet(kind: OperationDefinitionNode['operation']): DomainError {
  return new DomainError('BAD_USER_INPUT', `Über GET werden nur Abfragen (query) ausgeführt, keine ${kind === 'mutation' ? 'Änderung (mutation)' : 'subscription'}: bitte POST verwenden.`, {
    http: { status: 405, headers: new HeaderMap([['allow', 'POST']]) },
  });
}

/**
 * What runs is exactly the operation the request names, and only a query over GET (issue 19).
 *
 * Apollo checks "GET only for queries" on the operation it resolved; when the request names one the
 * document does not have (`operationName=` empty, or a wrong name), it resolves none, skips that
 * check and leaves the choice to the executor. graphql-js's `execute` refuses the unknown name, but
 * an executor given Apollo's resolved name (null) runs "the only operation", a mutation over GET
 * included. So every request whose operation did not resolve is refused here, before any executor
 * sees it, and the compiled executor refuses the same cases again on its own (defence in depth).
 */
export function operationGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context: GraphQLRequestContext<object>) {
          refuseUnlessRunnable(context.operation, context.request.operationName, context.request.http?.method);
        },
      };
    },
  };
}

/** Throws the refusal for an operation that did not resolve, or a non-query over GET. */
export function refuseUnlessRunnable(operation: OperationDefinitionNode | undefined, requestedName: string | null | undefined, method: string | undefined): asserts operation {
  if (!operation) throw unknownOperation(requestedName);
  if (method?.toUpperCase() === 'GET' && operation.operation !== 'query') throw notOverGet(operation.operation);
}
