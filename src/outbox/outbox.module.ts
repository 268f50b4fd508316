import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { MatrixModule } from '../matrix/matrix.module.js';
import { OutboxResolver } from './outbox.resolver.js';

/** outboxStatus and retryOutboxDeadLetters over every channel. */
@Module({ imports: [MatrixModule, MailModule], providers: [OutboxResolver] })
export class OutboxModule {}
