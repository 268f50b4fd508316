import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { retryIdempotent } from './resilience.js';

/**
 * Runs a root Query field again when the database connection was lost under it (a restart, a
 * failover, pg_terminate_backend): queries only read, so a second run changes nothing. Mutations
 * are not retried here; their transactions are, and only before COMMIT (ResilientDataSource).
 *
 * Applied to the schema (GraphQL `transformSchema`) rather than as a global Nest interceptor: any
 * global interceptor puts every root resolver call through an rxjs pipeline, which cost about 4 %
 * of the CPU of a small request (`npm run bench`, issue 13).
 */
export function retryQueryFieldsOnConnectionLoss(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) return schema;
  for (const field of Object.values(query.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context, info) => retryIdempotent(async () => resolve(source, args, context, info));
  }
  return schema;
}
