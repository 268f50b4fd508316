import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { MetricsService } from '../../metrics/metrics.service.js';
import { IMIP_REPLY_SINK, type ImipReplySink, type ReplyIgnored } from '../../rsvp/imip-reply.js';
import { readInboundMessage, replyMailbox, type MessageIgnored, type ReplyMailbox } from './inbound-message.js';

/** Every value of `interkom_imip_replies_total{outcome}`; `error` = the sink failed (tried again later). */
export type InboundOutcome = 'applied' | ReplyIgnored | MessageIgnored | 'error';
const OUTCOMES: readonly InboundOutcome[] = [
  'applied', 'malformed', 'not-a-reply', 'unknown-token', 'wrong-uid', 'stale-sequence', 'not-attendee', 'meeting-over', 'duplicate', 'no-calendar', 'too-large', 'error',
];

/**
 * The pipeline both channels (IMAP, SMTP) share: one raw message in, its replies handed to the
 * RSVP domain (IMIP_REPLY_SINK) one by one, every outcome logged once and counted. Throws only
 * when the sink throws (a database that is away): the channel then keeps the message and tries
 * again later; a message that is not a genuine reply is never an error.
 */
@Injectable()
export class InboundReplies {
  private readonly logger = new Logger('InboundMail');
  private readonly mailbox: ReplyMailbox;

  constructor(
    @Inject(IMIP_REPLY_SINK) private readonly sink: ImipReplySink,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.mailbox = replyMailbox(config.mail.from.address);
    // Every series from the start (at 0) when a channel is on, so that rate() and alerts see the first one.
    if (config.inboundMail.imap || config.inboundMail.smtp) for (const outcome of OUTCOMES) metrics.imipReply(outcome, 0);
  }

  /** Whether an address is one the hub takes replies at (its MAIL_FROM, with or without a +token). */
  accepts(address: string): boolean {
    const lower = address.trim().toLowerCase();
    const at = lower.lastIndexOf('@');
    if (at < 1 || lower.slice(at + 1) !== this.mailbox.domain) return false;
    const local = lower.slice(0, at);
    return local === this.mailbox.local || local.startsWith(`${this.mailbox.local}+`);
  }

  /** Counts a message that was not read because of its size. */
  tooLarge(channel: string, bytes: number, messageId: string | null = null): InboundOutcome[] {
    this.record('too-large', channel, `${bytes} bytes`, messageId, null);
    return ['too-large'];
  }

  /** Reads one message and hands its replies over; resolves with one outcome per reply (or the message's). */
  async handle(raw: Buffer, envelope: readonly string[], channel: string): Promise<InboundOutcome[]> {
    const reading = await readInboundMessage(raw, envelope, this.mailbox);
    if (reading.kind === 'ignored') {
      this.record(reading.reason, channel, reading.detail, reading.messageId, reading.from);
      return [reading.reason];
    }
    const outcomes: InboundOutcome[] = [];
    for (const reply of reading.replies) {
      let outcome: InboundOutcome;
      try {
        const result = await this.sink.apply(reply);
        outcome = result.applied ? 'applied' : result.reason;
      } catch (error) {
        this.metrics.imipReply('error');
        this.logger.error(`${channel}: the reply ${reply.messageId ?? '(no Message-ID)'} could not be handed over, kept for another try: ${(error as Error).message}`);
        throw error;
      }
      const detail = `UID ${reply.uid} SEQUENCE ${reply.sequence}${reply.recurrenceId ? ` RECURRENCE-ID ${reply.recurrenceId.toISOString()}` : ''} ${reply.attendees.map((a) => a.partstat).join('/')}`;
      this.record(outcome, channel, detail, reply.messageId, reply.from);
      outcomes.push(outcome);
    }
    return outcomes;
  }

  private record(outcome: InboundOutcome, channel: string, detail: string, messageId: string | null, from: string | null): void {
    this.metrics.imipReply(outcome);
    const line = `${channel}: ${outcome} (${detail}); Message-ID ${messageId ?? 'none'}, from ${from ?? 'unknown'}`;
    if (outcome === 'applied') this.logger.log(line);
    else this.logger.warn(line);
  }
}
