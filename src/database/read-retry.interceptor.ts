import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { retry, throwError, timer, type Observable } from 'rxjs';
import { isConnectionLoss } from './resilience.js';

/**
 * Runs a root Query resolver again when the database connection was lost under it (a restart, a
 * failover, pg_terminate_backend): queries only read, so a second run changes nothing. Mutations
 * are not retried here; their transactions are, and only before COMMIT (ResilientDataSource).
 */
@Injectable()
export class ReadRetryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    if (GqlExecutionContext.create(context).getInfo().parentType.name !== 'Query') return next.handle();
    return next.handle().pipe(
      retry({ count: 2, delay: (error: unknown, attempt) => (isConnectionLoss(error) ? timer(50 * attempt) : throwError(() => error)) }),
    );
  }
}
