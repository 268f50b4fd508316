import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error.js';
import { germanRequestMessage } from '../graphql/graphql-messages.js';

const PUBLIC_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED']);
/** Apollo's own codes for requests that are malformed: to clients they are all bad input. */
const INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * Suggestions ("Did you mean "name"?", "Did you mean the enum value "PLENUM"?") would leak the
 * schema to clients that may not introspect it: removed from every message, whatever its code.
 */
export const withoutSuggestions = (message: string): string => message.replace(/\s*Did you mean [^?]*\?/g, '');

/**
 * An error graphql-js raised about the request itself, before any resolver ran (e.g. "Too many
 * errors processing variables"): it has no cause and no path. Resolver failures always have both.
 */
const isRequestError = (error: unknown): boolean => error instanceof GraphQLError && !error.originalError && !error.path;

/** What a client is told about an unexpected error (the details are logged). */
export const INTERNAL_MESSAGE = 'Interner Fehler. Bitte versuchen Sie es später noch einmal.';

/** The message of an error's cause, without suggestions: graphql-js keeps a value's own problem there. */
const innerMessage = (error: unknown): string | undefined =>
  error instanceof GraphQLError && error.originalError ? withoutSuggestions(error.originalError.message) : undefined;

/**
 * Maps every error to the contract's codes. Unknown errors become INTERNAL_SERVER_ERROR with a
 * generic message (the details go to the log, never to the client), and no stack trace leaves.
 * Messages are German: domain errors are written so, graphql-js's messages about the request's
 * values and limits are translated (graphql-messages.ts).
 */
/** The input field a translated message about a variable's value names (not "$variable" itself). */
const FIELD_RE = /^([A-Za-z_]\w*(?:\.\w+|\[\d+\])*): /;

export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = String(formatted.extensions?.code ?? '');
  const base = { message: withoutSuggestions(formatted.message), locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    // `http` sets the answer's status (Apollo reads it from the thrown error); it is not for the body.
    const { http: _http, ...extensions } = original.extensions;
    return { ...base, message: withoutSuggestions(original.message), extensions };
  }
  const german = { ...base, message: germanRequestMessage(base.message, innerMessage(original)) };
  if (PUBLIC_CODES.has(code)) return { ...german, extensions: { code } };
  if (INPUT_CODES.has(code) || isRequestError(original)) {
    // A value of one input field ("startsOn: muss ein Kalenderdatum … sein") names the field as domain errors do, so the client shows it there.
    const field = german.message !== base.message ? FIELD_RE.exec(german.message)?.[1] : undefined;
    return { ...german, extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } };
  }
  log(original);
  return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
