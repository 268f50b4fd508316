import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { LeaseQueue, type DeliveryFailure, type LeasedRow } from '../outbox/lease-queue.js';
import { OutboxWakeup } from '../outbox/outbox-wakeup.js';
import { OutboxWorker } from '../outbox/outbox-worker.js';
import { isSkip } from './mail-body.js';
import { MailComposer } from './mail-composer.service.js';
import { mailRecipients, type MailEvent } from './mail-recipients.js';
import { classifySmtpFailure, MailCompositionError, MailTransport } from './mail-transport.js';

export interface MailRow extends LeasedRow {
  event_id: string;
  person_id: string;
  seq: string;
}

/** How many events one run fans out into recipients. */
const FAN_OUT_BATCH = 20;

/**
 * Delivers the mail channel of the outbox. Each mail-relevant event has a fan-out row (written
 * with the event); the worker turns it into one row per recipient, in one transaction, and then
 * sends those rows with the same machinery as the Matrix bridge: SKIP LOCKED leases, a person's
 * mails in the order their events were written (and none before every earlier event is fanned
 * out), backoff on temporary failures, dead letters after the limit. The Message-ID is derived
 * from the outbox id and the person, so a mail is never two different mails.
 */
@Injectable()
export class MailOutboxProcessor extends OutboxWorker<MailRow> implements OnApplicationBootstrap {
  protected readonly logger = new Logger(MailOutboxProcessor.name);
  protected readonly queue: LeaseQueue<MailRow>;
  /** One mail per claim: a slow mail server must not outlast the lease of mails still waiting in a batch. */
  protected override claimBatch = 1;
  /** SMTP cannot be asked whether it has a message: a sent mail is recorded at once, not with the next claim. */
  protected override recordWithNextClaim = false;
  private readonly host: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly composer: MailComposer,
    private readonly transport: MailTransport,
    private readonly metrics: MetricsService,
  ) {
    super();
    this.host = new URL(config.publicBaseUrl).hostname;
    this.queue = new LeaseQueue<MailRow>(db, {
      table: 'mail_delivery',
      orderColumn: 'person_id',
      where: `e.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mail_delivery f WHERE f.person_id IS NULL AND f.seq < e.seq
                AND f.delivered_at IS NULL AND f.dead_at IS NULL)`,
      // Fan-out rows count while they wait (each stands for mail still to come), not once done.
      statusWhere: 'e.person_id IS NOT NULL OR e.delivered_at IS NULL',
      returning: 'id, event_id, person_id, seq',
      leaseMs: config.mail.leaseMs,
      retryBaseMs: config.mail.retryBaseMs,
    });
  }

  onApplicationBootstrap(): void {
    if (!this.transport.enabled) {
      this.logger.log('no SMTP_URL: e-mail notifications are kept in the outbox and sent once a mail server is configured');
      return;
    }
    // Woken when a mail event commits (unless OUTBOX_LISTEN=false: see OutboxWakeup), polled besides.
    if (this.config.mail.worker) this.startPolling(this.config.mail.pollMs, { wakeup: OutboxWakeup.of(this.db, this.config), channel: 'mail' });
  }

  /** Fans waiting events out into one row per recipient. */
  protected override async prepare(): Promise<number> {
    let done = 0;
    while (done < FAN_OUT_BATCH && !this.stopped && (await this.fanOutOne())) done++;
    return done;
  }

  private async fanOutOne(): Promise<boolean> {
    let claimed: { id: string } | undefined;
    try {
      return await this.db.transaction(async (tx) => {
        const [row] = await tx.query<(MailEvent & { delivery_id: string })[]>(
          `SELECT d.id AS delivery_id, e.id, e.seq, e.type, e.aggregate_id, e.group_id, e.payload
             FROM mail_delivery d JOIN outbox_event e ON e.id = d.event_id
            WHERE d.person_id IS NULL AND d.delivered_at IS NULL AND d.dead_at IS NULL AND d.available_at <= now()
            ORDER BY d.seq LIMIT 1 FOR UPDATE OF d SKIP LOCKED`,
        );
        if (!row) return false;
        claimed = { id: row.delivery_id };
        const people = await mailRecipients(tx, row);
        await tx.query(
          `INSERT INTO mail_delivery (event_id, person_id, seq) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
          [row.id, people, row.seq],
        );
        await tx.query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = $2, last_error = NULL WHERE id = $1`, [
          row.delivery_id,
          `fan-out: ${people.length} recipient(s)`,
        ]);
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
      // A defect in finding the recipients: counted, retried with backoff, a dead letter in the end.
      // An UPDATE … RETURNING answers [rows, count] through TypeORM.
      const [[row]] = await this.db.query<[MailRow[], number]>('UPDATE mail_delivery SET attempts = attempts + 1 WHERE id = $1 RETURNING id, attempts, lease_token', [claimed.id]);
      const failure: DeliveryFailure = { retryable: true, retryAfterMs: null, message: `fan-out failed: ${(error as Error).message}` };
      await this.queue.failed(row!, failure);
      this.logger.error(`mail fan-out ${claimed.id} failed: ${(error as Error).message}`);
      return false;
    }
  }

  protected async deliver(row: MailRow): Promise<string | null> {
    const [event] = await this.db.query<MailEvent[]>('SELECT id, seq, type, aggregate_id, group_id, payload FROM outbox_event WHERE id = $1', [row.event_id]);
    const [person] = await this.db.query<{ id: string; name: string; email: string | null; notify: boolean; erased: boolean }[]>(
      'SELECT id, display_name AS name, email, notify_by_email AS notify, erased_at IS NOT NULL AS erased FROM person WHERE id = $1',
      [row.person_id],
    );
    if (!event || !person?.email || !person.notify || person.erased) return 'skipped: the person no longer wants or cannot receive e-mail';
    // Memberships and consent may have changed since the fan-out: asked again right before sending.
    if (!(await mailRecipients(this.db.manager, event, person.id)).length) return 'skipped: no longer concerned';
    let content;
    try {
      content = await this.composer.compose(event, { id: person.id, name: person.name, email: person.email });
    } catch (error) {
      throw new MailCompositionError(`composing ${event.type} failed: ${(error as Error).message}`);
    }
    if (isSkip(content)) return `skipped: ${content.skip}`;
    const response = await this.transport.send({
      ...content,
      to: { name: person.name, address: person.email },
      messageId: `<${event.id}.${person.id}@${this.host}>`,
    });
    this.metrics.mailSent(event.type);
    return response;
  }

  protected classify(error: unknown): DeliveryFailure {
    return classifySmtpFailure(error);
  }

  protected describe(row: MailRow): string {
    return `mail ${row.id} (event ${row.event_id})`;
  }

  protected override settled(_row: MailRow, outcome: 'delivered' | 'retry' | 'dead'): void {
    if (outcome !== 'delivered') this.metrics.mailFailed(outcome === 'dead' ? 'dead_letter' : 'retry');
  }
}
