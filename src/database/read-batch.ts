import type pg from 'pg';
import { QueryFailedError, QueryResult, type DataSource, type QueryRunner } from 'typeorm';
import { combinedStatement, isPlainRead, parsersFor, rebuildRows, renumberParameters, shapeKey, uniqueNames, type CombinablePart, type ResultField } from './read-batch-sql.js';

/**
 * One statement per wave of reads (issue 24: ≤ 6 statements per page document).
 *
 * A GraphQL request resolves its tree level by level: at each level the DataLoaders of every
 * relation asked for become due in the same tick, and each sends its own statement, so a page's
 * count grew with the number of relations it shows. Here the plain reads started in the same tick
 * wait for the end of that tick (setImmediate) and then go to PostgreSQL as ONE
 * statement, `SELECT (SELECT json_agg(…) FROM (<read 1>) t) AS r0, (…) AS r1, …`, whose columns are
 * taken apart again into each read's rows, parsed by node-postgres' own type parsers from the
 * column names and types the text reported when it last ran alone, so every caller gets exactly
 * the rows it would have got (Dates, numbers, arrays). The count of a request is then the depth of
 * its tree, whatever the number of relations and parents.
 *
 * Never combined: writes, locks, reads inside a transaction or on a connection a caller holds,
 * texts not yet seen alone, texts with equal column names or a `$` that is not a parameter. A read
 * due alone runs as it always did. A combined statement that fails is answered read by read, so
 * each caller gets its own result or error.
 *
 * The batch is the process's (one per DataSource), not a request's: reads of concurrent requests
 * due in the same tick share a statement too, which is as safe (each read gets its own rows; they
 * would have run concurrently anyway) and saves more under load. A request-scoped batch needs
 * AsyncLocalStorage, whose promise hooks cost Node 20 10–20 % of a small page's time.
 */

/** The reads that wait for the end of the current tick. */
export class ReadBatch {
  private pending: Pending[] = [];

  constructor(private readonly runCombined: (text: string, values: unknown[]) => Promise<pg.QueryResult>) {}

  /** Queues a read; `alone` runs it by itself (when it is due alone, not combinable, or its batch failed). */
  add(sql: string, params: unknown[], alone: () => Promise<pg.QueryResult>): Promise<Record<string, unknown>[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ sql, params, alone, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const due = this.pending;
    this.pending = [];
    const together: Known[] = [];
    for (const read of due) {
      const known = shapes.get(shapeKey(read.sql));
      if (known) together.push({ read, ...known });
      else void runAlone(read);
    }
    for (const chunk of chunks(together)) {
      if (chunk.length === 1) void runAlone(chunk[0].read);
      else void this.runTogether(chunk);
    }
  }

  private async runTogether(reads: Known[]): Promise<void> {
    const parts: CombinablePart[] = reads.map((k) => ({ sql: k.read.sql, params: k.read.params, fields: k.fields }));
    const statement = combinedStatement(parts);
    let row: Record<string, string>;
    try {
      if (!statement) throw new Error('not combinable');
      row = (await this.runCombined(statement.text, statement.values)).rows[0] as Record<string, string>;
    } catch {
      for (const k of reads) void runAlone(k.read);
      return;
    }
    reads.forEach((k, i) => {
      try {
        k.read.resolve(rebuild(row[`r${i}`], k));
      } catch (error) {
        k.read.reject(error);
      }
    });
  }
}

interface Pending {
  sql: string;
  params: unknown[];
  alone: () => Promise<pg.QueryResult>;
  resolve: (rows: Record<string, unknown>[]) => void;
  reject: (error: unknown) => void;
}

interface Shape {
  fields: ResultField[];
  parsers: ((text: string) => unknown)[];
}

type Known = Shape & { read: Pending };

function rebuild(json: string, shape: Shape): Record<string, unknown>[] {
  return rebuildRows(json, shape.fields, shape.parsers);
}

/** At most this many parameters (PostgreSQL takes 65,535) and reads per combined statement. */
const MAX_PARAMS = 30_000;
const MAX_READS = 64;

function chunks(reads: Known[]): Known[][] {
  const out: Known[][] = [];
  let current: Known[] = [];
  let params = 0;
  for (const k of reads) {
    if (current.length && (current.length >= MAX_READS || params + k.read.params.length > MAX_PARAMS)) {
      out.push(current);
      current = [];
      params = 0;
    }
    current.push(k);
    params += k.read.params.length;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * The result columns of each text the process has run alone, when they can be rebuilt (unique
 * names, renumberable). Bounded like the prepared statements' names: texts built with a varying
 * number of parameters cannot grow it without end.
 */
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 5000;

function remember(sql: string, fields: ResultField[] | undefined): void {
  const key = shapeKey(sql);
  if (shapes.has(key)) return;
  if (!fields || !uniqueNames(fields) || renumberParameters(sql, 0) === null) return;
  if (shapes.size >= MAX_SHAPES) shapes.clear();
  shapes.set(key, { fields: fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), parsers: parsersFor(fields) });
}

async function runAlone(read: Pending): Promise<void> {
  try {
    const result = await read.alone();
    remember(read.sql, result.fields);
    read.resolve(result.rows);
  } catch (error) {
    read.reject(error);
  }
}

const batches = new WeakMap<DataSource, ReadBatch>();

/** The batch of a DataSource whose reads are batched (installReadBatching), if any. */
export function readBatchOf(db: DataSource): ReadBatch | undefined {
  return batches.get(db);
}

type Mode = 'master' | 'slave';
type Runner = Omit<QueryRunner, 'query'> & { databaseConnection?: unknown; query(sql: string, params?: unknown[], structured?: boolean): Promise<unknown> };

/**
 * Lets the reads of TypeORM's fresh query runners (`db.query`, query builders, repositories) wait
 * for the batch. A runner that holds a connection (a transaction, a session a caller
 * keeps) is left alone.
 */
export function installReadBatching(db: DataSource): void {
  const driver = db.driver as unknown as { createQueryRunner(mode: Mode): Runner };
  const create = driver.createQueryRunner.bind(driver);
  const batch = new ReadBatch((text, values) => runOnFreshRunner(db, create, text, values));
  batches.set(db, batch);
  driver.createQueryRunner = (mode: Mode) => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    runner.query = (sql: string, params?: unknown[], structured = false) => {
      if (runner.isTransactionActive || runner.databaseConnection || runner.isReleased || !isPlainRead(sql)) return query(sql, params, structured);
      // The logger still sees each read (its observers look for a read's own text).
      db.logger.logQuery(sql, params);
      return batch.add(sql, params ?? [], () => runOnFreshRunner(db, create, sql, params ?? [])).then((rows) => (structured ? structuredResult(rows) : rows));
    };
    return runner;
  };
}

function structuredResult(rows: Record<string, unknown>[]): QueryResult {
  const result = new QueryResult();
  result.records = rows;
  result.affected = rows.length;
  result.raw = rows;
  return result;
}

/** A statement on a connection of its own, with node-postgres' whole result (its fields too). */
async function runOnFreshRunner(db: DataSource, create: (mode: Mode) => Runner, sql: string, params: unknown[]): Promise<pg.QueryResult> {
  const runner = create('master');
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    const started = Date.now();
    try {
      return await client.query(sql, params);
    } catch (error) {
      throw new QueryFailedError(sql, params, error as Error);
    } finally {
      const ms = Date.now() - started;
      const slowAfter = (db.options as { maxQueryExecutionTime?: number }).maxQueryExecutionTime;
      if (slowAfter && ms > slowAfter) db.logger.logQuerySlow(ms, sql, params);
    }
  } finally {
    await runner.release();
  }
}
