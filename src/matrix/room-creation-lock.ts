import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * Makes the creation of one Matrix room or Space (by its alias) happen in one place at a time,
 * across every hub process on the database: `createRoom` has no transaction id, and two processes
 * creating the same alias at once got a second `createRoom` whose alias lookup found the first
 * room before Synapse had finished setting it up (no power levels yet). With this, whoever waited
 * re-reads the stored id (or finds the alias) only after the creator is done.
 *
 * Inside one process the callers queue per alias; across processes a PostgreSQL advisory lock on
 * the alias is held on a connection of its own, and only around the creation (never inside a
 * request's transaction). A process that dies while holding it loses its session, and with it the
 * lock. The embedded database (PGlite) serves one process with one session: there the in-process
 * queue is the whole lock, and no connection is held.
 */
export class RoomCreationLock {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly db: DataSource,
    private readonly acrossProcesses: boolean,
  ) {}

  async run<T>(alias: string, create: () => Promise<T>): Promise<T> {
    const before = this.queues.get(alias) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = before.then(() => mine);
    this.queues.set(alias, tail);
    await before;
    try {
      return this.acrossProcesses ? await this.advisory(alias, create) : await create();
    } finally {
      done();
      if (this.queues.get(alias) === tail) this.queues.delete(alias);
    }
  }

  private async advisory<T>(alias: string, create: () => Promise<T>): Promise<T> {
    const pool = (this.db.driver as PostgresDriver).master as pg.Pool;
    const client = await pool.connect();
    const key = `interkom.matrix-room:${alias}`;
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]).catch((e: Error) => {
        broken = e;
        throw e;
      });
      try {
        return await create();
      } finally {
        // A connection that cannot unlock is not given back to the pool with the lock still on it.
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch((e: Error) => (broken = e));
      }
    } finally {
      client.release(broken);
    }
  }
}
