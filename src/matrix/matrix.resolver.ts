import { Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/auth.decorators.js';
import { MatrixBridgeService } from './matrix-bridge.service.js';
import { MatrixOutboxProcessor } from './matrix-outbox.processor.js';

@ObjectType('OutboxStatus', { description: 'Delivery state of the Matrix outbox' })
export class OutboxStatusModel {
  @Field(() => Int, { description: 'waiting for their first attempt' }) pending: number;
  @Field(() => Int, { description: 'failed at least once, will be retried' }) failed: number;
  @Field(() => Int, { description: 'gave up; retry with retryOutboxDeadLetters' }) deadLetter: number;
  @Field(() => Int) delivered: number;
}

@ObjectType('MatrixReconciliation')
export class MatrixReconciliationModel {
  @Field({ description: 'false: no homeserver is configured (bridge off), nothing was compared' }) bridgeEnabled: boolean;
  @Field(() => Int) groups: number;
  @Field(() => Int) invited: number;
  @Field(() => Int) kicked: number;
  @Field(() => Int, { description: 'groups that could not be compared (homeserver failing or away); the next run tries again' }) failed: number;
  @Field(() => Int, { description: 'groups left for the periodic reconciliation: the request stops starting groups after about half a second' })
  deferred: number;
}

/** How long reconcileMatrix starts new groups: a request stays well under a second (plus at most one Matrix call). */
export const RECONCILE_REQUEST_BUDGET_MS = 500;

@Resolver()
export class MatrixResolver {
  constructor(
    private readonly processor: MatrixOutboxProcessor,
    private readonly bridge: MatrixBridgeService,
  ) {}

  @Query(() => OutboxStatusModel)
  @RequirePermission('hub.admin')
  outboxStatus() {
    return this.processor.status();
  }

  @Mutation(() => Int, { description: 'puts dead letters back in line; returns how many' })
  @RequirePermission('hub.admin')
  retryOutboxDeadLetters() {
    return this.processor.retryDeadLetters();
  }

  @Mutation(() => MatrixReconciliationModel, { description: 'compares group rooms with the hub and repairs drift now (within about half a second; the rest is deferred)' })
  @RequirePermission('hub.admin')
  reconcileMatrix() {
    return this.bridge.reconcileAll({ budgetMs: RECONCILE_REQUEST_BUDGET_MS });
  }
}
