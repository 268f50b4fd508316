import { Module } from '@nestjs/common';
import { RsvpModule } from '../../rsvp/rsvp.module.js';
import { ImapReader } from './imap-reader.service.js';
import { InboundReplies } from './inbound-replies.service.js';
import { SmtpReceiver } from './smtp-receiver.service.js';

/**
 * iMIP replies in: a mailbox read over IMAP (IMAP_URL) and/or SMTP received by the hub
 * (INBOUND_SMTP_PORT); both off by default. Each reply goes to the RSVP domain (IMIP_REPLY_SINK).
 */
@Module({
  imports: [RsvpModule],
  providers: [InboundReplies, ImapReader, SmtpReceiver],
  exports: [ImapReader, SmtpReceiver],
})
export class InboundMailModule {}
