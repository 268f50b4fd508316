import { Field, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/auth.decorators.js';
import { MatrixBridgeService } from './matrix-bridge.service.js';

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
  constructor(private readonly bridge: MatrixBridgeService) {}

  @Mutation(() => MatrixReconciliationModel, { description: 'compares group rooms with the hub and repairs drift now (within about half a second; the rest is deferred)' })
  @RequirePermission('hub.admin')
  reconcileMatrix() {
    return this.bridge.reconcileAll({ budgetMs: RECONCILE_REQUEST_BUDGET_MS });
  }
}
