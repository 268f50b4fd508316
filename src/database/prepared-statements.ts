import pg from 'pg';
import type { DataSource } from 'typeorm';
import { readBatchOf } from './read-batch.js';

/**
 * Named prepared statements for the statements the hub sends again and again (issue 13, P1).
 *
 * node-postgres sends every parameterized statement with the extended protocol, but unnamed: the
 * server parses and plans it anew each time, and the client writes its whole text each time. The
 * hub's reads are a few dozen fixed texts, some of them large (the agenda read with its carry-over
 * check is 2.9 kB and takes PostgreSQL 0.56 ms to plan, four times as long as it takes to run).
 * Named, a statement is parsed once per connection and only bound and executed after that, and
 * PostgreSQL may keep a generic plan for it after five executions.
 *
 * Which texts get a name:
 * - only texts with parameters (a text without them may hold several commands, which the extended
 *   protocol refuses, and transaction control has nothing to gain);
 * - only a text seen {@link HOT_AFTER} times, so one-off statements (migrations, a rare admin
 *   query) never occupy a slot;
 * - at most {@link MAX_NAMED} texts per process: statements built with a varying number of
 *   parameters (`IN ($1, …, $n)`) cannot grow the server's memory without bound.
 *
 * Not for the embedded PGlite (one backend behind several client connections, where one
 * connection's names would collide with another's) nor behind a transaction-mode PgBouncer:
 * `DATABASE_PREPARED_STATEMENTS=false` turns it off.
 */
export const HOT_AFTER = 3;
export const MAX_NAMED = 400;
/** Texts counted before the count starts over (texts that never became hot). */
const MAX_COUNTED = 5000;

export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly seen = new Map<string, number>();

  /** The name for a text sent now, or undefined while it is not (or cannot be) named. */
  nameFor(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.names.size >= MAX_NAMED) return name;
    const count = (this.seen.get(text) ?? 0) + 1;
    if (count < HOT_AFTER) {
      if (this.seen.size >= MAX_COUNTED) this.seen.clear();
      this.seen.set(text, count);
      return undefined;
    }
    this.seen.delete(text);
    const named = `ik${this.names.size + 1}`;
    this.names.set(text, named);
    return named;
  }

  get size(): number {
    return this.names.size;
  }
}

/** The process's names: shared by every connection, so one text has one name everywhere. */
export const statementNames = new StatementNames();

type QueryCallback = (err: Error, result: pg.QueryResult) => void;

/** node-postgres' client, sending hot parameterized texts as named prepared statements. */
export class PreparingClient extends pg.Client {
  // node-postgres' overloads are many; TypeORM calls query(text, values) and query(QueryStream).
  override query(...args: unknown[]): never {
    const [config, values, callback] = args;
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementNames.nameFor(config);
      if (name) return (super.query as (...a: unknown[]) => never)({ name, text: config, values }, callback as QueryCallback | undefined);
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

/**
 * Key reads with generic plans (issue 13, P1). PostgreSQL keeps re-planning a prepared statement
 * when its generic plan's estimate (`= ANY($1)` of unknown length) looks dearer than a plan for the
 * values at hand, so the agenda read, whose plan costs four times its run, was planned anew on
 * every request at ×100. `plan_cache_mode = force_generic_plan` plans each statement once per
 * connection — but set for every statement it also reuses one plan for searches and skewed
 * lookups whose best plan depends on the values (the profile search lost up to 45 % with it; a
 * lookup of a rare value went from 0.25 to 9.7 ms). So it holds only on a small pool of its own,
 * which serves the reads marked here: lookups by key and foreign key, whose plan is the same for
 * any values (each checked with EXPLAIN at ×1 and ×100). Every other statement keeps the default.
 */
const HOT_POOL_SIZE = 3;
const hotPools = new WeakMap<DataSource, pg.Pool>();

/**
 * Runs a read whose best plan does not depend on its parameter values (lookups by primary or
 * foreign key) on the generic-plan pool; elsewhere (PGlite, prepared statements off, a DataSource
 * without the hub's options) like `db.query`.
 */
export async function keyRead<T>(db: DataSource, sql: string, params: unknown[]): Promise<T> {
  const pool = hotPools.get(db) ?? openHotPool(db);
  if (!pool) return db.query<T>(sql, params);
  // A key read due with others goes out combined with them (read-batch.ts), on the main pool.
  const batch = readBatchOf(db);
  if (batch) return (await batch.add(sql, params, () => pool.query(sql, params))) as T;
  return (await pool.query(sql, params)).rows as T;
}

/** Ends the generic-plan pool of a DataSource (at its destroy). */
export async function closeHotPool(db: DataSource): Promise<void> {
  const pool = hotPools.get(db);
  if (!pool) return;
  hotPools.delete(db);
  await pool.end();
}

const NO_POOL = new WeakSet<DataSource>();
function openHotPool(db: DataSource): pg.Pool | undefined {
  if (NO_POOL.has(db) || !db.isInitialized) return undefined;
  const options = db.options as { url?: string; extra?: { Client?: unknown; connectionTimeoutMillis?: number }; driver?: { Pool?: typeof pg.Pool }; applicationName?: string };
  if (options.extra?.Client !== PreparingClient || !options.url) {
    NO_POOL.add(db);
    return undefined;
  }
  const Pool = options.driver?.Pool ?? pg.Pool;
  const pool = new Pool({
    connectionString: options.url,
    max: HOT_POOL_SIZE,
    connectionTimeoutMillis: options.extra.connectionTimeoutMillis,
    application_name: options.applicationName,
    options: '-c plan_cache_mode=force_generic_plan',
    Client: PreparingClient,
  });
  // An idle connection that dies (a server restart) must not take the process with it.
  pool.on('error', () => undefined);
  hotPools.set(db, pool);
  return pool;
}
