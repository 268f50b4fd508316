import pg from 'pg';

/**
 * The pure parts of combining a request's concurrent reads into one statement (read-batch.ts):
 * which texts may be combined, renumbering their parameters, the combined text, and rebuilding
 * each read's rows exactly as node-postgres would have parsed them.
 */

/** A result column as node-postgres reports it (name and type OID). */
export interface ResultField {
  name: string;
  dataTypeID: number;
}

/** Anything that writes, locks, or depends on its session: never combined (nor delayed). */
const NOT_A_PLAIN_READ = /\b(insert|update|delete|merge|truncate|for\s+share|for\s+no\s+key|for\s+key|pg_advisory\w*|pg_try_advisory\w*|nextval|setval|set_config|pg_notify|pg_sleep|txid_current|pg_current_xact_id|lastval|currval)\b/i;

/** Whether a text is a plain read (a SELECT, or a WITH whose body selects) that may wait for its batch. */
export function isPlainRead(sql: string): boolean {
  return /^\s*\(?\s*(select|with)\b/i.test(sql) && !NOT_A_PLAIN_READ.test(sql);
}

/**
 * The text with its parameters `$1…$n` shifted by `offset`, or null when the text cannot be
 * renumbered safely: a `$` in a string literal, a quoted identifier or a dollar quote, a `;`
 * (several commands), a block comment, a backslash. Line comments are dropped.
 */
export function renumberParameters(sql: string, offset: number): string | null {
  if (sql.includes('\\')) return null; // E'…\'…' escapes would fool the literal scan
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) return null;
      const literal = sql.slice(i, end + 1);
      if (literal.includes('$')) return null;
      out += literal;
      i = end + 1;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      // A comment is left out (a `$` in it is no parameter); the line break stays.
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      continue;
    }
    if (c === ';' || (c === '/' && sql[i + 1] === '*')) return null;
    if (c === '$') {
      const m = /^\$(\d+)/.exec(sql.slice(i, i + 12));
      if (!m) return null;
      out += `$${Number(m[1]) + offset}`;
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Types whose cast to text differs from what the server sends them as (padding, netmask): printed with their output function. */
const OUTPUT_FUNCTION_TYPES = new Set([1042, 869, 650]);

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** One column of a read as text, exactly as the server would send it (null stays null). */
function columnAsText(field: ResultField): string {
  const col = `t.${quoteIdent(field.name)}`;
  return OUTPUT_FUNCTION_TYPES.has(field.dataTypeID) ? `CASE WHEN ${col} IS NULL THEN NULL ELSE format('%s', ${col}) END` : `${col}::text`;
}

export interface CombinablePart {
  sql: string;
  params: unknown[];
  fields: ResultField[];
}

/**
 * One statement answering every part: one column per part, each the part's rows as a JSON array
 * of arrays of column texts (in the part's own order: an aggregate over a sorted subquery keeps
 * its order). Null when a part cannot be renumbered.
 */
export function combinedStatement(parts: CombinablePart[]): { text: string; values: unknown[] } | null {
  const columns: string[] = [];
  const values: unknown[] = [];
  for (const [i, part] of parts.entries()) {
    const sql = renumberParameters(part.sql, values.length);
    if (sql === null) return null;
    values.push(...part.params);
    columns.push(`(SELECT coalesce(json_agg(ARRAY[${part.fields.map(columnAsText).join(', ')}]), '[]')::text FROM (${sql}) t) AS r${i}`);
  }
  return { text: `SELECT ${columns.join(', ')}`, values };
}

type Parser = (text: string) => unknown;

/** Each column's parser, as node-postgres picks it for the text format. */
export function parsersFor(fields: ResultField[]): Parser[] {
  return fields.map((f) => pg.types.getTypeParser(f.dataTypeID, 'text') as Parser);
}

/** The rows of one part from its JSON column, parsed as node-postgres parses a result row. */
export function rebuildRows(json: string, fields: ResultField[], parsers: Parser[] = parsersFor(fields)): Record<string, unknown>[] {
  const raw = JSON.parse(json) as (string | null)[][];
  return raw.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const v = values[i];
      row[fields[i].name] = v === null ? null : parsers[i](v);
    }
    return row;
  });
}

/**
 * The key a text's result columns are remembered under: TypeORM writes `IN ($1, $2, …)` with one
 * parameter per key, so a loader's text differs with the number of keys, its columns do not.
 */
export function shapeKey(sql: string): string {
  return sql.replace(/\bIN\s*\(\s*\$\d+(?:\s*,\s*\$\d+)*\s*\)/gi, 'IN ($*)');
}

/** Whether a result's columns can be rebuilt by name (node-postgres keeps the last of equal names). */
export function uniqueNames(fields: ResultField[]): boolean {
  return fields.length > 0 && new Set(fields.map((f) => f.name)).size === fields.length;
}
