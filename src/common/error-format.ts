import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error.js';

const PUBLIC_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']);
/** Apollo's own codes for requests that are malformed: to clients they are all bad input. */
const INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * Maps every error to the contract's codes. Unknown errors become INTERNAL_SERVER_ERROR with a
 * generic message (the details go to the log, never to the client), and no stack trace leaves.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = String(formatted.extensions?.code ?? '');
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { ...original.extensions } };
  }
  if (PUBLIC_CODES.has(code)) return { ...base, extensions: { code } };
  // Suggestions ("Did you mean ...?") would leak the schema to clients that may not introspect it.
  if (INPUT_CODES.has(code)) return { ...base, message: base.message.replace(/ ?Did you mean .*\?$/, ''), extensions: { code: 'BAD_USER_INPUT' } };
  log(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
