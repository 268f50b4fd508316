import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { ImapConfig } from '../../config/inbound-mail-config.js';
import { InboundReplies } from './inbound-replies.service.js';
import { ReaderLock } from './reader-lock.js';

/** Set on every message the hub has read (besides \Seen), so a person reading the mailbox too does not hide one from it. */
export const PROCESSED_KEYWORD = '$InterkomRead';
const MAX_BACKOFF_MS = 5 * 60_000;
const LOCK_RETRY_SECONDS = 10;

/**
 * Reads iMIP replies from a mailbox (IMAP_URL) with imapflow: IDLE tells it about new mail, and it
 * also looks every IMAP_POLL_SECONDS. Each message not yet read by the hub is fetched (its size
 * first: too large ones are not downloaded), handed to the pipeline, then marked \Seen and
 * $InterkomRead and moved to IMAP_PROCESSED_MAILBOX, so no message is read twice and a bad one
 * never loops. Only when the RSVP domain fails (database away) does the message stay, tried again
 * with backoff. A lost connection is re-opened with backoff (1 s doubling to 5 min); one process
 * per database reads (ReaderLock).
 */
@Injectable()
export class ImapReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InboundMail');
  private readonly imap: ImapConfig | null;
  private readonly lock: ReaderLock;
  private client: ImapFlow | null = null;
  private stopped = false;
  private pending = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  /** Messages whose hand-over failed: when to try again. */
  private readonly failures = new Map<string, { attempts: number; nextAt: number }>();

  constructor(
    private readonly replies: InboundReplies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.imap = config.inboundMail.imap;
    this.lock = new ReaderLock(config.embeddedDatabase ? null : (config.databaseUrl ?? null));
  }

  onApplicationBootstrap(): void {
    if (!this.imap) return;
    this.loop = this.run(this.imap);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Looks at the mailbox now (tests; an operator's nudge). */
  poke(): void {
    this.pending = true;
    this.wake?.();
  }

  private async run(imap: ImapConfig): Promise<void> {
    let backoff = 1000;
    while (!this.stopped) {
      try {
        if (!(await this.lock.hold())) {
          await this.close();
          // Another process reads; ask again soon, so that a stopped reader is replaced quickly.
          await this.sleep(Math.min(imap.pollSeconds, LOCK_RETRY_SECONDS) * 1000);
          continue;
        }
        const client = await this.connected(imap);
        await this.drain(client, imap);
        backoff = 1000;
        await this.sleep(imap.pollSeconds * 1000);
      } catch (error) {
        this.logger.warn(`IMAP ${imap.host}:${imap.port}: ${(error as Error).message}; trying again in ${Math.round(backoff / 1000)} s`);
        await this.close();
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
    await this.close();
    await this.lock.release();
  }

  private async connected(imap: ImapConfig): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    await this.close();
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: imap.secure,
      auth: { user: imap.user, pass: imap.password },
      tls: { rejectUnauthorized: !imap.tlsInsecure },
      logger: false,
      connectionTimeout: 30_000,
      greetingTimeout: 16_000,
      socketTimeout: 5 * 60_000,
      // IDLE (new mail announced at once) from 2 s after the last command, not imapflow's 15 s.
      autoIdleDelay: 2000,
    });
    client.on('error', (error: Error) => this.logger.warn(`IMAP connection: ${error.message}`));
    client.on('close', () => {
      // An unexpected close (not ours): reconnect at once, then with backoff.
      if (this.client !== client) return;
      this.client = null;
      this.poke();
    });
    client.on('exists', () => this.poke());
    await client.connect();
    if (imap.processedMailbox) await client.mailboxCreate(imap.processedMailbox);
    await client.mailboxOpen(imap.mailbox);
    this.client = client;
    this.logger.log(`reading replies from ${imap.mailbox} at ${imap.host}:${imap.port}`);
    return client;
  }

  /** Every message the hub has not read yet, one after another. */
  private async drain(client: ImapFlow, imap: ImapConfig): Promise<void> {
    this.pending = false;
    const flags = client.mailbox ? client.mailbox.permanentFlags : undefined;
    const keywords = !flags || flags.has('\\*') || flags.has(PROCESSED_KEYWORD);
    const found = await client.search(keywords ? { unKeyword: PROCESSED_KEYWORD } : { seen: false }, { uid: true });
    if (!found) return;
    const validity = client.mailbox ? String(client.mailbox.uidValidity) : '';
    for (const uid of found) {
      if (this.stopped) return;
      const key = `${validity}:${uid}`;
      const failure = this.failures.get(key);
      if (failure && failure.nextAt > Date.now()) continue;
      const head = await client.fetchOne(String(uid), { size: true }, { uid: true });
      if (!head) continue;
      if ((head.size ?? 0) > this.config.inboundMail.maxBytes) {
        this.replies.tooLarge('imap', head.size ?? 0);
      } else {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        try {
          await this.replies.handle(message.source, [], 'imap');
        } catch {
          const attempts = (failure?.attempts ?? 0) + 1;
          this.failures.set(key, { attempts, nextAt: Date.now() + Math.min(1000 * 2 ** attempts, MAX_BACKOFF_MS) });
          continue;
        }
      }
      this.failures.delete(key);
      await client.messageFlagsAdd(String(uid), ['\\Seen', ...(keywords ? [PROCESSED_KEYWORD] : [])], { uid: true });
      if (imap.processedMailbox) await client.messageMove(String(uid), imap.processedMailbox, { uid: true });
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.pending || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    await client.logout().catch(() => client.close());
  }
}
