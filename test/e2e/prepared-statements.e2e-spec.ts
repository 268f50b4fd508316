// Hot statements as named prepared statements (src/database/prepared-statements.ts) on the real
// PostgreSQL server: the server holds them, answers stay right, and a failed transaction does not
// leave the client believing in a statement the server never kept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { HOT_AFTER, keyRead } from '../../src/database/prepared-statements.js';
import { ResilientDataSource } from '../../src/database/resilience.js';
import { typeormOptions } from '../../src/database/typeorm-options.js';
import { freshDatabase } from '../support/test-hub.js';

async function source(url: string, preparedStatements: boolean): Promise<DataSource> {
  const options = typeormOptions(url, { preparedStatements });
  // One connection, so that pg_prepared_statements (a per-session view) shows what the queries left.
  const db = new ResilientDataSource({ ...options, extra: { ...(options as { extra: object }).extra, max: 1 } } as typeof options);
  return db.initialize();
}

const prepared = async (db: DataSource) =>
  (await db.query<{ name: string; statement: string }[]>('SELECT name, statement FROM pg_prepared_statements')).map((r) => r.statement);

describe('prepared statements', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase('prepared');
  });

  describe('on (the default for a PostgreSQL server)', () => {
    let db: DataSource;
    beforeAll(async () => {
      db = await source(url, true);
      await db.query('CREATE TABLE IF NOT EXISTS prep_probe (id int PRIMARY KEY, label text NOT NULL)');
      await db.query(`INSERT INTO prep_probe SELECT n, 'row ' || n FROM generate_series(1, 20) n ON CONFLICT DO NOTHING`);
    });
    afterAll(() => db.destroy());

    it('keeps a statement sent again and again on the server and still answers each call with its own values', async () => {
      const text = 'SELECT label FROM prep_probe WHERE id = $1';
      const answers: string[] = [];
      for (let id = 1; id <= HOT_AFTER + 3; id++) answers.push((await db.query<{ label: string }[]>(text, [id]))[0].label);
      expect(answers).toEqual(Array.from({ length: HOT_AFTER + 3 }, (_, i) => `row ${i + 1}`));
      expect(await prepared(db)).toContain(text);
    });

    it('does not keep a statement sent once, nor one without parameters', async () => {
      await db.query('SELECT label FROM prep_probe WHERE id = $1 AND label <> $2', [1, 'x']);
      for (let i = 0; i < HOT_AFTER + 1; i++) await db.query('SELECT count(*) FROM prep_probe');
      const kept = await prepared(db);
      expect(kept).not.toContain('SELECT label FROM prep_probe WHERE id = $1 AND label <> $2');
      expect(kept).not.toContain('SELECT count(*) FROM prep_probe');
    });

    it('recovers when a statement is first sent inside a failed transaction', async () => {
      const text = 'SELECT id FROM prep_probe WHERE label = $1';
      for (let i = 1; i < HOT_AFTER; i++) await db.query(text, ['row 2']);
      // The call that would name it runs in an aborted transaction: the server refuses the Parse.
      const runner = db.createQueryRunner();
      await runner.startTransaction();
      await expect(runner.query('SELECT 1/0')).rejects.toThrow(/division by zero/);
      await expect(runner.query(text, ['row 2'])).rejects.toThrow(/current transaction is aborted/);
      await runner.rollbackTransaction();
      await runner.release();
      // The next calls parse it again instead of binding a statement that does not exist.
      expect(await db.query(text, ['row 3'])).toEqual([{ id: 3 }]);
      expect(await db.query(text, ['row 4'])).toEqual([{ id: 4 }]);
      expect(await prepared(db)).toContain(text);
    });
  });

  describe('key reads', () => {
    const MODE = "SELECT current_setting('plan_cache_mode') AS mode WHERE $1::int = 1";
    const sessions = async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      await admin.end();
      return rows[0].n;
    };

    it('run with generic plans on a pool of their own, while every other statement keeps the default', async () => {
      const db = await source(url, true);
      try {
        expect(await keyRead(db, MODE, [1])).toEqual([{ mode: 'force_generic_plan' }]);
        expect(await db.query(MODE, [1])).toEqual([{ mode: 'auto' }]);
      } finally {
        await db.destroy();
      }
      // destroy() ends that pool too: no session of it is left behind.
      for (let i = 0; i < 50 && (await sessions()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await sessions()).toBe(0);
    });

    it('run like any statement when prepared statements are off', async () => {
      const db = await source(url, false);
      try {
        expect(await keyRead(db, MODE, [1])).toEqual([{ mode: 'auto' }]);
      } finally {
        await db.destroy();
      }
    });
  });

  describe('off (DATABASE_PREPARED_STATEMENTS=false)', () => {
    let db: DataSource;
    beforeAll(async () => {
      db = await source(url, false);
    });
    afterAll(() => db.destroy());

    it('leaves nothing prepared on the server', async () => {
      for (let i = 0; i < HOT_AFTER + 2; i++) expect(await db.query('SELECT $1::int + 1 AS n', [i])).toEqual([{ n: i + 1 }]);
      expect(await prepared(db)).toEqual([]);
    });
  });
});
