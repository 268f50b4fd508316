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
    expect(result).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(log).toHaveBeenCalledWith(boom);
  });
});
