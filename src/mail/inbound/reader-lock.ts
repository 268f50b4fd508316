import { Logger } from '@nestjs/common';
import pg from 'pg';

/** `hashtextextended('interkom.imap-reader', 0)` would do as well; a fixed key is easier to find in pg_locks. */
export const IMAP_READER_LOCK_KEY = '7597137600480767901';

/**
 * One IMAP reader per database: a PostgreSQL session-level advisory lock held on a connection of
 * its own (outside the pool, so no request waits for it). The process that holds it reads the
 * mailbox; the others try again every poll. A lost connection loses the lock with it: `hold()`
 * notices (it asks the session each time) and the reader stops until it has the lock again. On
 * the embedded database there is only one process, and no lock is taken.
 */
export class ReaderLock {
  private client: pg.Client | null = null;
  private held = false;
  private readonly logger = new Logger('InboundMail');

  constructor(private readonly databaseUrl: string | null) {}

  /** True while this process holds the lock (taking it when free). */
  async hold(): Promise<boolean> {
    if (!this.databaseUrl) return true;
    try {
      if (!this.client) {
        const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'interkom-imap-reader' });
        client.on('error', () => this.drop(client));
        await client.connect();
        this.client = client;
        this.held = false;
      }
      if (this.held) {
        await this.client.query('SELECT 1');
        return true;
      }
      const { rows } = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [IMAP_READER_LOCK_KEY]);
      this.held = rows[0]?.locked === true;
      if (this.held) this.logger.log('this process reads the IMAP mailbox (advisory lock taken)');
      return this.held;
    } catch (error) {
      this.logger.warn(`IMAP reader lock unavailable: ${(error as Error).message}`);
      if (this.client) this.drop(this.client);
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held = false;
    // Ending the session releases a session-level lock.
    await client?.end().catch(() => undefined);
  }

  private drop(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.held) this.logger.warn('IMAP reader lock lost with its database connection; reading stops until it is taken again');
    this.held = false;
    void client.end().catch(() => undefined);
  }
}
