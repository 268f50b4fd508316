import { Module } from '@nestjs/common';
import { VideoModule } from '../video/video.module.js';
import { InboundMailModule } from './inbound/inbound-mail.module.js';
import { MailComposer } from './mail-composer.service.js';
import { MailOutboxProcessor } from './mail-outbox.processor.js';
import { MailTransport } from './mail-transport.js';

/** E-mail notifications with iMIP invitations, delivered from the outbox (SMTP_URL, MAIL_FROM); replies come in through InboundMailModule. */
@Module({
  imports: [VideoModule, InboundMailModule],
  providers: [MailTransport, MailComposer, MailOutboxProcessor],
  exports: [MailOutboxProcessor],
})
export class MailModule {}
