import type { CombinedError } from 'urql';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL_SERVER_ERROR' | 'NETWORK';

export interface ApiProblem {
  code: ErrorCode;
  message: string;
  /** The input fields the API names (extensions.field / extensions.fields), e.g. "title" or "options[0].endsAt". */
  fields: string[];
  currentVersion?: number;
  /** Set when the hub refused a change because the meeting's protocol is approved or published. */
  protocolStatus?: string;
}

/** The first problem of an urql error, in the contract's terms. */
export function apiProblem(error: CombinedError | undefined | null): ApiProblem | null {
  if (!error) return null;
  if (error.networkError && !error.graphQLErrors.length) return { code: 'NETWORK', message: '', fields: [] };
  const first = error.graphQLErrors[0];
  if (!first) return { code: 'INTERNAL_SERVER_ERROR', message: error.message, fields: [] };
  const ext = (first.extensions ?? {}) as { code?: string; field?: string; fields?: string[]; currentVersion?: number; protocolStatus?: string };
  const fields = [...(ext.field ? [ext.field] : []), ...(ext.fields ?? [])];
  return {
    code: (ext.code as ErrorCode) ?? 'INTERNAL_SERVER_ERROR',
    message: first.message,
    fields,
    currentVersion: typeof ext.currentVersion === 'number' ? ext.currentVersion : undefined,
    protocolStatus: typeof ext.protocolStatus === 'string' ? ext.protocolStatus : undefined,
  };
}

/**
 * The API's message for one input field, without the "field: " prefix it carries, or null when the
 * problem is about another field. `input.title` and `title` both match "title".
 */
export function messageFor(problem: ApiProblem | null, field: string): string | null {
  // A CONFLICT may name its field too (the meeting is frozen, it has not ended yet).
  if (!problem || (problem.code !== 'BAD_USER_INPUT' && problem.code !== 'CONFLICT')) return null;
  const named = problem.fields.find((f) => f === field || f.endsWith(`.${field}`) || f.startsWith(`${field}.`) || f.startsWith(`${field}[`));
  if (!named) return null;
  return stripFieldPrefix(problem.message, named);
}

/** The part of a (possibly "; "-joined) message about one field, without a leading "field: ". */
export function stripFieldPrefix(message: string, field: string): string {
  const part = message.split('; ').find((m) => m.startsWith(`${field}:`) || m.startsWith(`${field} `)) ?? message;
  return plainMessage(part.startsWith(`${field}: `) ? part.slice(field.length + 2) : part);
}

/**
 * The hub's messages about a value that does not fit its type name the type for developers
 * ("muss ein Kalenderdatum (Date) im Format JJJJ-MM-TT sein (erhalten: "")"); people read what is
 * wanted, in their words, next to the field's visible label.
 */
export function plainMessage(message: string): string {
  return message
    .replace(/muss ein Kalenderdatum \(Date\)[^;]*/, 'muss ein gültiges Datum sein')
    .replace(/muss ein Zeitpunkt \(DateTime\)[^;]*/, 'muss ein gültiger Zeitpunkt sein')
    .replace(/muss angegeben werden \(Typ [^)]*\)/, 'muss angegeben werden')
    .replace(/darf nicht null sein(?: \(Typ [^)]*\))?/, 'muss angegeben werden')
    .replace(/ \(erhalten: [^)]*\)/, '')
    .replace(/ \(Typ [^)]*\)/, '');
}

/**
 * The API's message as people read it: without the leading "field: " of a message about one input
 * field (the field's name is for the client, not for them).
 */
export function readableMessage(problem: ApiProblem): string {
  const field = problem.fields[0];
  return field ? stripFieldPrefix(problem.message, field) : problem.message;
}

/** A problem no field claims: shown above the form. */
export function isGeneral(problem: ApiProblem | null, knownFields: string[]): boolean {
  if (!problem) return false;
  return !knownFields.some((f) => messageFor(problem, f) !== null);
}
