import { GraphQLError } from 'graphql';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

/**
 * The one error services throw. It is a GraphQLError so that `extensions.code` survives as is;
 * the error formatter strips everything else.
 */
export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extra, code } });
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field });

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);

export const unauthenticated = (message = 'A valid access token is required') =>
  new DomainError('UNAUTHENTICATED', message);
