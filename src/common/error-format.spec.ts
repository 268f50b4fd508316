import { describe, expect, it, jest } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error.js';
import { formatError } from './error-format.js';

describe('formatError', () => {
  it('keeps domain errors with their code and extras', () => {
    const error = new DomainError('CONFLICT', 'stale', { currentVersion: 4 });
    expect(formatError({ message: 'stale', extensions: { code: 'CONFLICT' } }, error, jest.fn())).toEqual({
      message: 'stale',
      extensions: { code: 'CONFLICT', currentVersion: 4 },
    });
  });

  it('maps GraphQL validation failures to BAD_USER_INPUT without suggestions', () => {
    const formatted = { message: 'Cannot query field "nme" on type "Network". Did you mean "name"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(formatted, new GraphQLError(formatted.message), jest.fn())).toEqual({
      message: 'Cannot query field "nme" on type "Network".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('hides unexpected errors behind a generic message, without stack, and logs them', () => {
    const log = jest.fn();
    const boom = new Error('connection to 10.0.0.5 refused');
    const result = formatError({ message: boom.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, boom, log);
    expect(result).toEqual({ message: 'Interner Fehler. Bitte versuchen Sie es später noch einmal.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(log).toHaveBeenCalledWith(boom);
  });
});

describe('no suggestions leave, whatever the code', () => {
  it.each([
    ['BAD_USER_INPUT', 'Variable "$input" got invalid value "PLENAR" at "input.level"; Value "PLENAR" does not exist in "GroupLevel" enum. Did you mean the enum value "PLENUM"?'],
    ['GRAPHQL_VALIDATION_FAILED', 'Unknown argument "slg" on field "Query.network". Did you mean "slug"?'],
    ['GRAPHQL_VALIDATION_FAILED', 'Unknown type "Strin". Did you mean "String", "Int", or "ID"?'],
  ])('%s: %s', (code, message) => {
    const result = formatError({ message, extensions: { code } }, new GraphQLError(message), jest.fn());
    expect(result.message).not.toMatch(/Did you mean|PLENUM|"slug"|"String"/);
    expect(result.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('errors graphql-js raises about the request', () => {
  it('are BAD_USER_INPUT, not INTERNAL_SERVER_ERROR (e.g. too many errors in the variables)', () => {
    const error = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    const log = jest.fn();
    expect(formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, log).extensions?.code).toBe('BAD_USER_INPUT');
    expect(log).not.toHaveBeenCalled();
  });

  it('but a failure inside a resolver (it has a path) stays internal', () => {
    const error = new GraphQLError('boom', { path: ['me'], originalError: new Error('boom') });
    expect(formatError({ message: 'boom', path: ['me'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, jest.fn()).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
