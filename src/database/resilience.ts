import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { closeHotPool } from './prepared-statements.js';

/**
 * Riding out lost database connections (a restart, a failover, pg_terminate_backend) without
 * losing or doubling a write:
 * - a connection that cannot be opened is retried for a few seconds (nothing was sent yet);
 * - a transaction whose connection dies before COMMIT is retried as a whole (the server rolled it
 *   back); one that dies during COMMIT is not, because it may have committed: its caller gets the
 *   error instead of a second copy;
 * - reads (root queries, the DataLoaders) and the sign-in upsert are idempotent and retried.
 */

/** How long opening a connection is retried before the request fails. */
export const CONNECT_RETRY_MS = 3000;
const TRANSACTION_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQLSTATE classes and codes that mean the connection (not the statement) failed. */
const LOST_CODES = new Set(['57P01', '57P02', '57P03', '55000', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const LOST_MESSAGES = /Query runner already released|Connection terminated|connection error|not queryable|terminating connection|is not currently accepting connections|the database system is (starting up|shutting down)|Client was closed/i;

/** True when an error says the database connection was lost or could not be opened. */
export function isConnectionLoss(error: unknown): boolean {
  const e = error as { name?: string; code?: string; driverError?: { code?: string; message?: string }; message?: string } | null;
  if (!e) return false;
  // TypeORM releases a query runner whose connection failed; the transaction's next statement then says so.
  if (e.name === 'QueryRunnerProviderAlreadyReleasedError' || e.name === 'QueryRunnerAlreadyReleasedError') return true;
  const code = e.driverError?.code ?? e.code;
  if (code && (LOST_CODES.has(code) || code.startsWith('08'))) return true;
  return LOST_MESSAGES.test(e.driverError?.message ?? '') || LOST_MESSAGES.test(e.message ?? '');
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/** node-postgres' pool, retrying to open a connection while the database is briefly away. */
export class ResilientPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const attempt = async (): Promise<pg.PoolClient> => {
      const deadline = Date.now() + CONNECT_RETRY_MS;
      for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
        try {
          return await super.connect();
        } catch (error) {
          if (!isConnectionLoss(error) || Date.now() + delay > deadline) throw error;
          await sleep(delay);
        }
      }
    };
    if (!callback) return attempt();
    // The callback form hands the client over in the tick the pool acquires it: callers (pool.query,
    // TypeORM) attach their 'error' listener then, and a connection ended in a later tick of an
    // async hand-over would emit 'error' on a client nobody listens to, which ends the process.
    const deadline = Date.now() + CONNECT_RETRY_MS;
    const tryConnect = (delay: number) =>
      super.connect((error, client, done) => {
        if (error && isConnectionLoss(error) && Date.now() + delay <= deadline) {
          setTimeout(() => tryConnect(Math.min(delay * 2, 500)), delay);
          return;
        }
        callback(error, client, done);
      });
    tryConnect(50);
  }
}

/**
 * Runs idempotent work (reads, upserts of the same values) again when the database connection was
 * lost under it. Never for writes that would add something a second time.
 */
export async function retryIdempotent<T>(work: () => Promise<T>, attempts = TRANSACTION_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isConnectionLoss(error)) throw error;
      await sleep(50 * attempt);
    }
  }
}

/** The pg module as TypeORM's `driver` option: the same driver, with the resilient pool. */
export const resilientPgDriver = { ...pg, defaults: pg.defaults, Pool: ResilientPool };

/** A DataSource whose transactions are retried when the connection dies before COMMIT. */
export class ResilientDataSource extends DataSource {
  private readonly resilienceLog = new Logger('Database');

  /** Also ends the pool of key reads (prepared-statements.ts), which lives beside TypeORM's. */
  override async destroy(): Promise<void> {
    await closeHotPool(this);
    await super.destroy();
  }

  override transaction<T>(run: (em: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(isolation: IsolationLevel, run: (em: EntityManager) => Promise<T>): Promise<T>;
  override async transaction<T>(first: IsolationLevel | ((em: EntityManager) => Promise<T>), second?: (em: EntityManager) => Promise<T>): Promise<T> {
    const isolation = typeof first === 'function' ? undefined : first;
    const run = (typeof first === 'function' ? first : second)!;
    for (let attempt = 1; ; attempt++) {
      let committing = false;
      const work = async (em: EntityManager) => {
        const result = await run(em);
        committing = true;
        return result;
      };
      try {
        return await (isolation ? super.transaction(isolation, work) : super.transaction(work));
      } catch (error) {
        if (committing || attempt >= TRANSACTION_ATTEMPTS || !isConnectionLoss(error)) throw error;
        this.resilienceLog.warn(`connection lost in a transaction (attempt ${attempt}), retrying: ${(error as Error).message}`);
        await sleep(100 * attempt);
      }
    }
  }
}
