import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { MetricsService } from './metrics.service.js';

/** Counts every GraphQL request with its operation name, latency and error codes. */
@Plugin()
export class MetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: MetricsService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    const started = process.hrtime.bigint();
    let operation: string | null = null;
    let type: string | null = null;
    return {
      didResolveOperation: async (ctx) => {
        operation = ctx.operationName ?? '';
        type = ctx.operation?.operation ?? null;
      },
      willSendResponse: async (ctx) => {
        const body = ctx.response.body;
        const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.metrics.graphqlRequest(operation, type, seconds, errors.map((e) => e.extensions?.code as string | undefined));
      },
    };
  }
}
