import { GraphQLError } from 'graphql';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED';

/**
 * The one error services throw. It is a GraphQLError so that `extensions.code` survives as is;
 * the error formatter strips everything else. Its message is German (clients show it to municipal
 * staff as it is): "<field>: <text>" for one input field (badInput), otherwise a whole sentence.
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

/**
 * A problem with one input field: the message reads "<field>: <German text>", so that a client can
 * show the text next to the field that `extensions.field` names.
 */
export const badInput = (field: string, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field });

/** What the caller may not see, by its German name: notFound('Sitzung') → "Sitzung nicht gefunden". */
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} nicht gefunden`);

export const unauthenticated = (message = 'Bitte melden Sie sich an (gültiges Zugriffstoken erforderlich).') =>
  new DomainError('UNAUTHENTICATED', message);
