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
 * first subscriber and closed with the last. The embedded database is different (see attachToPool).
 */
export class OutboxWakeup {
  private static readonly shared = new WeakMap<DataSource, OutboxWakeup>();
  private readonly logger = new Logger(OutboxWakeup.name);
  private readonly listeners = new Set<Listener>();
  private client?: pg.Client;
  private retryTimer?: NodeJS.Timeout;
  private delayMs = RECONNECT_MIN_MS;
  private closed = true;
  private detach?: () => void;
  /** LISTEN connections made so far (the log says when one came back). */
  private connections = 0;

  private constructor(
    private readonly db: DataSource,
    private readonly embedded: boolean,
  ) {}

  /** The workers' wake-up of this process, or none (OUTBOX_LISTEN=false: they only poll). */
  static of(db: DataSource, config: Pick<AppConfig, 'outboxListen' | 'embeddedDatabase'>): OutboxWakeup | undefined {
    if (!config.outboxListen) return undefined;
    let wakeup = OutboxWakeup.shared.get(db);
    if (!wakeup) OutboxWakeup.shared.set(db, (wakeup = new OutboxWakeup(db, config.embeddedDatabase)));
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

  private get pool(): pg.Pool & { options: pg.ClientConfig } {
    return (this.db.driver as PostgresDriver).master as pg.Pool & { options: pg.ClientConfig };
  }

  private readonly onNotification = (n: pg.Notification) => {
    if (n.channel === OUTBOX_CHANNEL) this.emit(new Set((n.payload ?? '').split(',')));
  };

  /**
   * The embedded database (PGlite) is one session behind a socket that takes one connection, the
   * pool's: a second one for LISTEN is refused. That session listens itself instead. PostgreSQL
   * hands a session its own notifications when its transaction commits, on the connection that
   * committed, so each of the pool's clients passes them on. LISTEN is said again by every new
   * client (cheap, and right whether or not the session outlives a socket).
   */
  private attachToPool(): void {
    const pool = this.pool;
    const seen = new WeakSet<pg.PoolClient>();
    const attach = (client: pg.PoolClient) => {
      if (seen.has(client)) return;
      seen.add(client);
      client.on('notification', this.onNotification);
      // Queued before the statement the client was taken for (the pool emits before handing it out).
      client.query(`LISTEN ${OUTBOX_CHANNEL}`).catch((e: Error) => this.logger.warn(`LISTEN on the embedded database failed, polling: ${e.message}`));
    };
    pool.on('connect', attach);
    pool.on('acquire', attach);
    this.detach = () => {
      pool.off('connect', attach);
      pool.off('acquire', attach);
    };
  }

  private connect(): void {
    if (this.closed) return;
    if (this.embedded) return this.attachToPool();
    // The pool's own settings (URL, SSL, application name), but a plain client: not the pool's
    // PreparingClient, and never given back to the pool while it listens.
    const pool = this.pool;
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
    client.on('notification', this.onNotification);
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
    this.detach?.();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
