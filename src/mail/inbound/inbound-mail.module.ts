import { Module } from '@nestjs/common';
import { IMIP_REPLY_SINK } from '../../rsvp/imip-reply.js';
import { ImapReader } from './imap-reader.service.js';
import { InboundReplies } from './inbound-replies.service.js';
import { LoggingReplySink } from './logging-reply-sink.js';
import { SmtpReceiver } from './smtp-receiver.service.js';

/** iMIP replies in: a mailbox read over IMAP (IMAP_URL) and/or SMTP received by the hub (INBOUND_SMTP_PORT); both off by default. */
@Module({
  providers: [InboundReplies, ImapReader, SmtpReceiver, { provide: IMIP_REPLY_SINK, useClass: LoggingReplySink }],
  exports: [ImapReader, SmtpReceiver],
})
export class InboundMailModule {}
