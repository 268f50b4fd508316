import { Args, Field, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/auth.decorators.js';
import { MailOutboxProcessor } from '../mail/mail-outbox.processor.js';
import { MatrixOutboxProcessor } from '../matrix/matrix-outbox.processor.js';
import type { ChannelCounts } from './lease-queue.js';

export enum OutboxChannel {
  MATRIX = 'MATRIX',
  MAIL = 'MAIL',
}
registerEnumType(OutboxChannel, { name: 'OutboxChannel', description: 'A way the outbox reaches people (each with its own delivery state)' });

@ObjectType('OutboxChannelStatus', { description: "Delivery state of one outbox channel (mail: one row per e-mail, plus each event's fan-out while it waits)" })
export class OutboxChannelStatusModel {
  @Field(() => OutboxChannel) channel: OutboxChannel;
  @Field(() => Int, { description: 'waiting for their first attempt' }) pending: number;
  @Field(() => Int, { description: 'failed at least once, will be retried' }) failed: number;
  @Field(() => Int, { description: 'gave up; retry with retryOutboxDeadLetters' }) deadLetter: number;
  @Field(() => Int, { description: 'delivered (mail: sent, or found not to be needed any more)' }) delivered: number;
  @Field(() => Date, { nullable: true, description: 'when the oldest row still waiting was written' }) oldestPendingAt: Date | null;
}

@ObjectType('OutboxStatus', { description: 'Delivery state of the outbox: the top-level counts are the Matrix channel (as before), `channels` has every channel' })
export class OutboxStatusModel {
  @Field(() => Int, { description: 'Matrix: waiting for their first attempt' }) pending: number;
  @Field(() => Int, { description: 'Matrix: failed at least once, will be retried' }) failed: number;
  @Field(() => Int, { description: 'Matrix: gave up; retry with retryOutboxDeadLetters' }) deadLetter: number;
  @Field(() => Int, { description: 'Matrix: delivered' }) delivered: number;
  @Field(() => [OutboxChannelStatusModel]) channels: OutboxChannelStatusModel[];
}

/** The outbox across its channels, for hub admins. */
@Resolver()
export class OutboxResolver {
  constructor(
    private readonly matrix: MatrixOutboxProcessor,
    private readonly mail: MailOutboxProcessor,
  ) {}

  @Query(() => OutboxStatusModel)
  @RequirePermission('hub.admin')
  async outboxStatus(): Promise<OutboxStatusModel> {
    const [matrix, mail] = await Promise.all([this.matrix.status(), this.mail.status()]);
    const channel = (c: OutboxChannel, s: ChannelCounts) => ({ channel: c, ...s });
    return { ...matrix, channels: [channel(OutboxChannel.MATRIX, matrix), channel(OutboxChannel.MAIL, mail)] };
  }

  @Mutation(() => Int, { description: 'puts dead letters back in line (of one channel, or of all); returns how many' })
  @RequirePermission('hub.admin')
  async retryOutboxDeadLetters(@Args('channel', { type: () => OutboxChannel, nullable: true }) channel?: OutboxChannel | null): Promise<number> {
    const matrix = !channel || channel === OutboxChannel.MATRIX ? await this.matrix.retryDeadLetters() : 0;
    const mail = !channel || channel === OutboxChannel.MAIL ? await this.mail.retryDeadLetters() : 0;
    return matrix + mail;
  }
}
