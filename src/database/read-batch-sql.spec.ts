import { describe, expect, it } from '@jest/globals';
import { combinedStatement, isPlainRead, rebuildRows, renumberParameters, shapeKey, uniqueNames } from './read-batch-sql.js';

describe('isPlainRead', () => {
  it('takes SELECTs and WITH … SELECTs', () => {
    expect(isPlainRead('SELECT id FROM person WHERE id = ANY($1)')).toBe(true);
    expect(isPlainRead('  with x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(isPlainRead('(SELECT 1) UNION (SELECT 2)')).toBe(true);
  });

  it('leaves writes, locks and session functions alone', () => {
    for (const sql of [
      'INSERT INTO x VALUES ($1)',
      'UPDATE x SET a = 1',
      'WITH d AS (DELETE FROM x RETURNING id) SELECT * FROM d',
      'SELECT id FROM meeting WHERE group_id = $1 FOR UPDATE',
      'SELECT id FROM meeting FOR SHARE',
      'SELECT pg_advisory_lock(1)',
      'SELECT pg_try_advisory_xact_lock($1)',
      "SELECT set_config('x', '1', true)",
      "SELECT nextval('s')",
      'START TRANSACTION',
    ]) expect({ sql, plain: isPlainRead(sql) }).toEqual({ sql, plain: false });
  });

  it('does not mistake column names for keywords', () => {
    expect(isPlainRead('SELECT updated_at, deleted FROM x')).toBe(true);
  });
});

describe('renumberParameters', () => {
  it('shifts every parameter, casts and all', () => {
    expect(renumberParameters('SELECT * FROM x WHERE a = $1 AND b = ANY($2::uuid[]) AND c = $1', 3)).toBe('SELECT * FROM x WHERE a = $4 AND b = ANY($5::uuid[]) AND c = $4');
    expect(renumberParameters('SELECT $10, $9', 1)).toBe('SELECT $11, $10');
  });

  it('keeps literals and quoted names as they are', () => {
    expect(renumberParameters(`SELECT 'a''b', "x""y" FROM t WHERE a = $1`, 1)).toBe(`SELECT 'a''b', "x""y" FROM t WHERE a = $2`);
  });

  it('drops line comments (a $ in one is no parameter)', () => {
    expect(renumberParameters('SELECT a -- costs $5\n FROM t WHERE b = $1', 2)).toBe('SELECT a \n FROM t WHERE b = $3');
  });

  it('refuses what it cannot renumber safely', () => {
    for (const sql of [
      `SELECT '$1' FROM t WHERE a = $1`,
      'SELECT "a$1" FROM t',
      'SELECT $$text$$',
      'SELECT $tag$x$tag$',
      'SELECT 1; SELECT 2',
      'SELECT /* $1 */ 1',
      `SELECT E'it\\'s' FROM t WHERE a = $1`,
      `SELECT 'unterminated`,
    ]) expect({ sql, out: renumberParameters(sql, 1) }).toEqual({ sql, out: null });
  });
});

describe('combinedStatement', () => {
  it('one column per read, parameters numbered on, columns as the server prints them', () => {
    const statement = combinedStatement([
      { sql: 'SELECT id, n FROM a WHERE id = ANY($1)', params: [['x']], fields: [{ name: 'id', dataTypeID: 2950 }, { name: 'n', dataTypeID: 23 }] },
      { sql: 'SELECT key AS "k""ey" FROM b WHERE c = $1 AND d = $2', params: [1, 2], fields: [{ name: 'k"ey', dataTypeID: 1042 }] },
    ])!;
    expect(statement.values).toEqual([['x'], 1, 2]);
    expect(statement.text).toBe(
      `SELECT (SELECT coalesce(json_agg(ARRAY[t."id"::text, t."n"::text]), '[]')::text FROM (SELECT id, n FROM a WHERE id = ANY($1)) t) AS r0, ` +
        `(SELECT coalesce(json_agg(ARRAY[CASE WHEN t."k""ey" IS NULL THEN NULL ELSE format('%s', t."k""ey") END]), '[]')::text FROM (SELECT key AS "k""ey" FROM b WHERE c = $2 AND d = $3) t) AS r1`,
    );
  });

  it('is null when a read cannot be renumbered', () => {
    expect(combinedStatement([{ sql: `SELECT '$1'`, params: [], fields: [{ name: 'x', dataTypeID: 25 }] }])).toBeNull();
  });
});

describe('rebuildRows', () => {
  it('parses each column as node-postgres does, nulls stay null, in order', () => {
    const fields = [
      { name: 'id', dataTypeID: 2950 },
      { name: 'n', dataTypeID: 23 },
      { name: 'at', dataTypeID: 1184 },
      { name: 'ok', dataTypeID: 16 },
      { name: 'tags', dataTypeID: 1009 },
      { name: 'doc', dataTypeID: 3802 },
      { name: 'big', dataTypeID: 20 },
    ];
    const rows = rebuildRows(
      JSON.stringify([
        ['a1', '7', '2026-01-02 03:04:05.678+00', 'true', '{x,"y z"}', '{"a": [1]}', '9007199254740993'],
        ['a2', null, null, 'false', '{}', null, null],
      ]),
      fields,
    );
    expect(rows).toEqual([
      { id: 'a1', n: 7, at: new Date('2026-01-02T03:04:05.678Z'), ok: true, tags: ['x', 'y z'], doc: { a: [1] }, big: '9007199254740993' },
      { id: 'a2', n: null, at: null, ok: false, tags: [], doc: null, big: null },
    ]);
    expect(Object.keys(rows[0])).toEqual(fields.map((f) => f.name));
  });

  it('an empty result is no rows', () => {
    expect(rebuildRows('[]', [{ name: 'x', dataTypeID: 25 }])).toEqual([]);
  });
});

describe('uniqueNames', () => {
  it('refuses results whose columns share a name (node-postgres keeps only the last)', () => {
    expect(uniqueNames([{ name: 'id', dataTypeID: 25 }, { name: 'id', dataTypeID: 25 }])).toBe(false);
    expect(uniqueNames([{ name: 'id', dataTypeID: 25 }, { name: 'name', dataTypeID: 25 }])).toBe(true);
    expect(uniqueNames([])).toBe(false);
  });
});

describe('shapeKey', () => {
  it('one key for a loader text whatever the number of keys in its IN list', () => {
    const one = 'SELECT "a"."id" AS "a_id" FROM "a" WHERE (("a"."id" IN ($1)))';
    const three = 'SELECT "a"."id" AS "a_id" FROM "a" WHERE (("a"."id" IN ($1, $2, $3)))';
    expect(shapeKey(one)).toBe(shapeKey(three));
  });

  it('keeps texts apart whose select lists differ', () => {
    expect(shapeKey('SELECT $1, $2')).not.toBe(shapeKey('SELECT $1'));
  });
});
