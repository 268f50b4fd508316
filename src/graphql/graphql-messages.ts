import { de } from '../common/validators.js';
import { tooManyTokens } from './graphql-limits.js';

/**
 * German for the messages graphql-js writes about the values a client sent (variables that do not
 * fit their type, the token limit), so that every message a user can meet is German. A value about
 * one input field reads "<field>: <text>" with the field's path inside the argument
 * ("startsAt", "options[0].endsAt"); a variable that is itself wrong is named "$name".
 *
 * What is left in English on purpose: messages about the document itself (syntax errors, unknown
 * fields, types or arguments in the query). They come from a client that does not match the schema,
 * not from what a user typed, and their exact wording is what its developers search for.
 */

/** Reasons graphql-js gives for one value, with the German text and, where it names one, a field below the value. */
const REASONS: [RegExp, (m: RegExpExecArray) => { text: string; field?: string }][] = [
  [/^Field "(\w+)" of required type "([^"]+)" was not provided\.$/, (m) => ({ field: m[1], text: `muss angegeben werden (Typ ${m[2]})` })],
  [/^Field "(\w+)" is not defined by type "(\w+)"\.$/, (m) => ({ field: m[1], text: `ist im Eingabetyp ${m[2]} nicht vorgesehen` })],
  [/^Field "(\w+)" must be non-null\.$/, (m) => ({ field: m[1], text: 'darf nicht null sein' })],
  [/^Exactly one key must be specified for OneOf type "(\w+)"\.$/, (m) => ({ text: `muss genau ein Feld angeben (Typ ${m[1]})` })],
  [/^Expected non-nullable type "([^"]+)" not to be null\.$/, (m) => ({ text: `darf nicht null sein (Typ ${m[1]})` })],
  [/^Expected type "(\w+)" to be an object\.$/, (m) => ({ text: `muss ein Objekt vom Typ ${m[1]} sein` })],
  [/^Expected type "(\w+)"\./, (m) => ({ text: `muss vom Typ ${m[1]} sein` })],
  [/^Int cannot represent non-integer value: (.*)$/s, (m) => ({ text: `muss eine ganze Zahl sein (erhalten: ${m[1]})` })],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, (m) => ({ text: `muss eine ganze Zahl zwischen ${de(-(2 ** 31))} und ${de(2 ** 31 - 1)} sein (erhalten: ${m[1]})` })],
  [/^Float cannot represent non numeric value: (.*)$/s, (m) => ({ text: `muss eine Zahl sein (erhalten: ${m[1]})` })],
  [/^String cannot represent a non string value: (.*)$/s, (m) => ({ text: `muss eine Zeichenkette sein (erhalten: ${m[1]})` })],
  [/^Boolean cannot represent a non boolean value: (.*)$/s, (m) => ({ text: `muss true oder false sein (erhalten: ${m[1]})` })],
  [/^ID cannot represent (?:a non-string and non-integer )?value: (.*)$/s, (m) => ({ text: `muss eine ID sein, als Zeichenkette oder ganze Zahl (erhalten: ${m[1]})` })],
  [/^Enum "(\w+)" cannot represent non-string value: (.*?)\.?$/s, (m) => ({ text: `muss einer der Werte von ${m[1]} sein (erhalten: ${m[2]})` })],
  [/^Value "(.*)" does not exist in "(\w+)" enum\.$/s, (m) => ({ text: `„${m[1]}“ ist kein Wert von ${m[2]}` })],
];

/** The German text for one reason, and the field it names below the value (if any). */
function reason(message: string): { text: string; field?: string; known?: true } {
  for (const [re, german] of REASONS) {
    const m = re.exec(message);
    if (m) return { ...german(m), known: true };
  }
  return { text: message }; // our own scalars' messages are German already
}

/** A reason graphql-js reports on its own (a literal in the document), as a sentence. */
function alone(message: string): string | null {
  const { text, known } = reason(message);
  if (!known) return null;
  return `${text.startsWith('„') ? text : `Der Wert ${text}`}.`;
}

const join = (path: string, field?: string) => (field ? (path ? `${path}.${field}` : field) : path);

/**
 * "Variable "$input" got invalid value … at "input.options[0].endsAt"; <reason>" becomes
 * "options[0].endsAt: <German reason>". graphql-js builds the message as prefix + "; " + the
 * reason's own message, so the reason is cut off by its known text (the value shown in the prefix
 * may contain anything, "; " included).
 */
function invalidVariable(message: string, inner: string | undefined): string | null {
  const head = /^Variable "\$(\w+)" got invalid value /.exec(message);
  if (!head || inner === undefined || !message.endsWith(`; ${inner}`)) return null;
  const name = head[1];
  const prefix = message.slice(0, message.length - inner.length - 2);
  const at = new RegExp(` at "${name}((?:\\.\\w+|\\[\\d+\\])+)"$`).exec(prefix);
  // A path inside the variable names the input field; without one the variable itself is wrong.
  const path = at ? at[1].replace(/^\./, '') : '';
  const { text, field } = reason(inner);
  return `${join(path, field) || `$${name}`}: ${text}`;
}

/** Whole messages graphql-js or Apollo write about the request, in German. */
const WHOLE: [RegExp, (m: RegExpExecArray) => string][] = [
  // graphql-js 16 writes "more that"; a later version may fix the typo.
  [/^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/, (m) => tooManyTokens(Number(m[1]))],
  [/^Variable "\$(\w+)" of required type "([^"]+)" was not provided\.$/, (m) => `$${m[1]}: muss angegeben werden (Typ ${m[2]})`],
  [/^Variable "\$(\w+)" of non-null type "([^"]+)" must not be null\.$/, (m) => `$${m[1]}: darf nicht null sein (Typ ${m[2]})`],
  [/^GET requests only support query operations, not (\w+) operations$/, (m) => `Über GET werden nur Abfragen (query) ausgeführt, keine ${m[1] === 'mutation' ? 'Änderung (mutation)' : m[1]}: bitte POST verwenden.`],
  [/^Too many errors processing variables, error limit reached\. Execution aborted\.$/, () => 'Zu viele ungültige Werte in den Variablen: Die Anfrage wurde abgebrochen.'],
  [/^Expected value of type "([^"]+)", found (.*?); ([\s\S]*)$/, (m) => `Ungültiger Wert ${m[2]} für den Typ ${m[1]}: ${reason(m[3]).text}`],
  [/^Expected value of type "([^"]+)", found (.*)\.$/s, (m) => `Ungültiger Wert ${m[2]} für den Typ ${m[1]}.`],
];

/**
 * The German message for an error graphql-js raised about the request's values, or the message as
 * it is. `inner` is the message of the error's cause (graphql-js keeps it as originalError).
 */
export function germanRequestMessage(message: string, inner?: string): string {
  const variable = invalidVariable(message, inner) ?? alone(message);
  if (variable !== null) return variable;
  for (const [re, german] of WHOLE) {
    const m = re.exec(message);
    if (m) return german(m);
  }
  return message;
}
