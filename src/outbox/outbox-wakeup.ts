import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { AppConfig } from '../config/config.js';
import { OUTBOX_CHANNEL } from './outbox.js';

/** The outbox channels a notification may name (its payload lists them, comma-separated). */
export type OutboxChannel = 'matrix' | 'mail';

type Listener = (channels: ReadonlySet<string>) => void;

/** Backoff of the LISTEN connection's reconnects: 250 ms doubling up to 30 s. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 30_000;

/**
 * Wakes the outbox workers when an event commits, instead of letting them wait for their next
 * poll (about half the poll interval per burst, once the worker is idle). One dedicated PostgreSQL
 * connection per process and database LISTENs on OUTBOX_CHANNEL; every process on the database
 * hears every commit, and the claim (SKIP LOCKED under a lease) still decides who delivers a row.
 *
 * The poll stays as the fallback: a notification is a hint, never the only way a row is found.
 * While the connection is away (database restart, pg_terminate_backend) the workers poll, and it
 * reconnects with backoff; after a reconnect every listener is woken once, since notifications
 * sent meanwhile are lost.
 *
 * Shared by the workers of one DataSource (one connection for Matrix and mail), opened with the
 * first subscriber and closed with the last. Not for the embedded database: PGlite serves one
 * session through its socket, which a held LISTEN connection would take from the pool.
 */
export class OutboxWakeup {
  private static readonly shared = new WeakMap<DataSource, OutboxWakeup>();
  private readonly logger = new Logger(OutboxWakeup.name);
  private readonly listeners = new Set<Listener>();
  private client?: pg.Client;
  private retryTimer?: NodeJS.Timeout;
  private delayMs = RECONNECT_MIN_MS;
  private closed = true;
  /** Counts connections made (tests and logs: a reconnect happened). */
  connections = 0;

  private constructor(private readonly db: DataSource) {}

  /** Whether the workers listen: OUTBOX_LISTEN, and never on the embedded database. */
  static enabled(config: Pick<AppConfig, 'outboxListen' | 'embeddedDatabase'>): boolean {
    return config.outboxListen && !config.embeddedDatabase;
  }

  static for(db: DataSource): OutboxWakeup {
    let wakeup = OutboxWakeup.shared.get(db);
    if (!wakeup) OutboxWakeup.shared.set(db, (wakeup = new OutboxWakeup(db)));
    return wakeup;
  }

  /** Calls `listener` with the channels of each notification; returns the unsubscribe. */
  subscribe(listener: Listener): () => Promise<void> {
    this.listeners.add(listener);
    if (this.closed) {
      this.closed = false;
      this.connect();
    }
    return async () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) await this.close();
    };
  }

  /** The backend pid of the LISTEN connection (null while not connected): the fault test terminates it. */
  get pid(): number | null {
    return (this.client as unknown as { processID?: number } | undefined)?.processID ?? null;
  }

  private connect(): void {
    if (this.closed) return;
    // The pool's own settings (URL, SSL, application name), but a plain client: not the pool's
    // PreparingClient, and never given back to the pool while it listens.
    const pool = (this.db.driver as PostgresDriver).master as pg.Pool & { options: pg.ClientConfig };
    const client = new pg.Client({ ...pool.options, application_name: `${pool.options.application_name ?? 'interkom'} outbox-listen` });
    this.client = client;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.closed || this.client !== client) return;
      this.client = undefined;
      this.logger.warn(`outbox LISTEN connection lost (${error?.message ?? 'closed'}); polling until it is back, reconnecting in ${this.delayMs} ms`);
      this.retryTimer = setTimeout(() => this.connect(), this.delayMs);
      this.retryTimer.unref();
      this.delayMs = Math.min(this.delayMs * 2, RECONNECT_MAX_MS);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (n) => this.emit(new Set((n.payload ?? '').split(','))));
    client
      .connect()
      .then(() => client.query(`LISTEN ${OUTBOX_CHANNEL}`))
      .then(() => {
        if (lost || this.closed) return;
        this.connections++;
        if (this.connections > 1) this.logger.log('outbox LISTEN connection is back');
        this.delayMs = RECONNECT_MIN_MS;
        // Whatever committed while nobody listened is found by this drain, not by the next poll.
        this.emit(new Set<OutboxChannel>(['matrix', 'mail']));
      })
      .catch((error: Error) => onLost(error));
  }

  private emit(channels: ReadonlySet<string>): void {
    for (const listener of this.listeners) listener(channels);
  }

  private async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
