import { Injectable, Logger } from '@nestjs/common';
import type { ImipReply, ImipReplySink, ReplyOutcome } from '../../rsvp/imip-reply.js';

/**
 * The stand-in sink while no RSVP domain provides IMIP_REPLY_SINK: logs what arrived and changes
 * nothing (counted as `unknown-token`), so the inbound channels can run on their own.
 */
@Injectable()
export class LoggingReplySink implements ImipReplySink {
  private readonly logger = new Logger('InboundMail');

  async apply(reply: ImipReply): Promise<ReplyOutcome> {
    this.logger.warn(`no RSVP domain to take the reply to ${reply.uid} (Message-ID ${reply.messageId ?? 'none'}); nothing changed`);
    return { applied: false, reason: 'unknown-token' };
  }
}
