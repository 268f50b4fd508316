import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/*
 * A value in the variables is refused with the text about its field ("muss …"): graphql-js puts the
 * variable and path in front, and the error formatter makes that "<field>: <text>"
 * (graphql-messages.ts). A literal in the query document is reported with our message alone, so
 * that one is a whole sentence. The serialize error is the server's own fault: it is logged, never
 * shown (INTERNAL_SERVER_ERROR).
 */
const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
const DATE = 'Kalenderdatum (Date) im Format JJJJ-MM-TT';
const DATE_TIME = 'Zeitpunkt (DateTime) nach ISO 8601 mit Zeitzone';
const EXAMPLE = '2026-03-10T10:00:00+01:00';

function parseDate(value: unknown, inDocument = false): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    const shown = JSON.stringify(value);
    throw refused(inDocument ? `Der Wert ${shown} ist kein ${DATE}.` : `muss ein ${DATE} sein (erhalten: ${shown})`);
  }
  return value;
}

/** A calendar date without time or zone, exchanged as the string YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw refused('Ein Kalenderdatum (Date) wird als Zeichenkette JJJJ-MM-TT angegeben.');
    return parseDate(ast.value, true);
  },
});

/** Today's date in Germany, where the networks live; membership dates are counted there. */
export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

/** ISO 8601 date-time with an offset (Z or ±HH:MM), seconds and fractions optional, years 0001–9999. */
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

function parseDateTime(value: unknown, inDocument = false): Date {
  const m = typeof value === 'string' ? DATE_TIME_RE.exec(value) : null;
  const date = m ? new Date(value as string) : null;
  if (!m || !date || Number.isNaN(date.getTime()) || +m[1] < 1 || !isIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
    throw refused(inDocument ? `Der Wert ${shown} ist kein ${DATE_TIME} wie ${EXAMPLE}.` : `muss ein ${DATE_TIME} sein, z. B. ${EXAMPLE} (erhalten: ${shown})`);
  }
  return date;
}

/**
 * An instant, exchanged as an ISO 8601 date-time with offset (the contract's DateTime). Nest's
 * built-in scalar accepts anything `new Date()` takes (numbers, booleans, "garbage" as an Invalid
 * Date that only fails in PostgreSQL); this one refuses what is not a real date-time at the edge.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an ISO 8601 date-time with offset, such as 2026-03-10T10:00:00+01:00; answered in UTC (…Z)',
  serialize: (value) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (date && !Number.isNaN(date.getTime())) return date.toISOString();
    throw new GraphQLError('DateTime cannot represent this value');
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw refused('Ein Zeitpunkt (DateTime) wird als Zeichenkette angegeben.');
    return parseDateTime(ast.value, true);
  },
});
