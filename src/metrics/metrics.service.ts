import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** Error codes the API answers; anything else is counted as OTHER (labels stay a small, fixed set). */
const ERROR_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND',
]);
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
/** At most this many distinct operation names get their own series; later ones are counted as "other". */
const MAX_OPERATIONS = 200;

/**
 * The hub's Prometheus metrics, in a registry of its own (one per app, so two hubs in one process
 * do not collide). Labels carry only operation names, operation types, error codes, channels and
 * notification types: never an id, a name or an address.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: 'interkom_graphql_requests_total', help: 'GraphQL requests by operation name and type', labelNames: ['operation', 'type'] as const, registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'interkom_graphql_request_duration_seconds', help: 'GraphQL request latency by operation name and type',
    labelNames: ['operation', 'type'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'interkom_graphql_errors_total', help: 'GraphQL errors by extensions.code', labelNames: ['code'] as const, registers: [this.registry],
  });
  private readonly mailsSent = new Counter({
    name: 'interkom_mails_sent_total', help: 'E-mails accepted by the SMTP server, by notification', labelNames: ['notification'] as const, registers: [this.registry],
  });
  private readonly mailsFailed = new Counter({
    name: 'interkom_mails_failed_total', help: 'Failed e-mail deliveries: retry (temporary, tried again) or dead_letter (given up)',
    labelNames: ['outcome'] as const, registers: [this.registry],
  });
  private readonly imipReplies = new Counter({
    name: 'interkom_imip_replies_total',
    help: 'Inbound iMIP replies (IMAP, SMTP) by outcome: applied, why the domain ignored one, or why a message held none (no-calendar, not-a-reply, malformed, too-large, error)',
    labelNames: ['outcome'] as const, registers: [this.registry],
  });
  private readonly limited = new Counter({
    name: 'interkom_rate_limited_total', help: 'Requests refused by a rate limit (429), by limit', labelNames: ['limit'] as const, registers: [this.registry],
  });
  private readonly depth = new Gauge({
    name: 'interkom_outbox_depth', help: 'Outbox rows waiting for delivery, by channel', labelNames: ['channel'] as const, registers: [this.registry],
  });
  private readonly oldest = new Gauge({
    name: 'interkom_outbox_oldest_age_seconds', help: 'Age of the oldest outbox row waiting for delivery (0 when none waits), by channel',
    labelNames: ['channel'] as const, registers: [this.registry],
  });
  private readonly dead = new Gauge({
    name: 'interkom_outbox_dead_letters', help: 'Outbox rows given up (retryOutboxDeadLetters puts them back), by channel',
    labelNames: ['channel'] as const, registers: [this.registry],
  });

  constructor(@InjectDataSource() private readonly db: DataSource) {
    collectDefaultMetrics({ register: this.registry });
  }

  /** One GraphQL request; `operation` null when the document never resolved to an operation. */
  graphqlRequest(operation: string | null, type: string | null, seconds: number, errorCodes: (string | undefined)[]): void {
    const labels = { operation: this.operationLabel(operation), type: type ?? 'none' };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
    for (const code of errorCodes) this.errors.inc({ code: code && ERROR_CODES.has(code) ? code : 'OTHER' });
  }

  /** A request refused by a rate limit (the limit's name, from a fixed set). */
  rateLimited(limit: string): void {
    this.limited.inc({ limit });
  }

  mailSent(notification: string): void {
    this.mailsSent.inc({ notification });
  }

  mailFailed(outcome: 'retry' | 'dead_letter'): void {
    this.mailsFailed.inc({ outcome });
  }

  /** One inbound reply or message (the outcome from a fixed set: src/mail/inbound/inbound-replies.service.ts). */
  imipReply(outcome: string, by = 1): void {
    this.imipReplies.inc({ outcome }, by);
  }

  /** The exposition text, with the outbox gauges read from the database now. */
  async render(): Promise<string> {
    const rows = await this.db.query<{ channel: string; depth: number; oldest: number | null; dead: number }[]>(
      `SELECT 'matrix' AS channel,
              (SELECT count(*)::int FROM outbox_event WHERE delivered_at IS NULL AND dead_at IS NULL) AS depth,
              (SELECT extract(epoch FROM now() - min(created_at))::float8 FROM outbox_event WHERE delivered_at IS NULL AND dead_at IS NULL) AS oldest,
              (SELECT count(*)::int FROM outbox_event WHERE dead_at IS NOT NULL) AS dead
       UNION ALL
       SELECT 'mail',
              (SELECT count(*)::int FROM mail_delivery WHERE delivered_at IS NULL AND dead_at IS NULL),
              (SELECT extract(epoch FROM now() - min(created_at))::float8 FROM mail_delivery WHERE delivered_at IS NULL AND dead_at IS NULL),
              (SELECT count(*)::int FROM mail_delivery WHERE dead_at IS NOT NULL)`,
    );
    for (const r of rows) {
      this.depth.set({ channel: r.channel }, r.depth);
      this.oldest.set({ channel: r.channel }, r.oldest ?? 0);
      this.dead.set({ channel: r.channel }, r.dead);
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private operationLabel(name: string | null): string {
    if (name === null) return 'unresolved';
    if (name === '') return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }
}
