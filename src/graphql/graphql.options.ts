import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { GraphQLSchema } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/config.js';
import { formatError } from '../common/error-format.js';
import { retryQueryFieldsOnConnectionLoss } from '../database/read-retry.js';
import { RequestLoaders, type GqlContext } from '../common/request-loaders.js';
import { DateScalar, DateTimeScalar } from '../common/scalars.js';
import { CompiledExecutor } from './compiled-executor.js';
import { operationGuardPlugin } from './operation-guard.js';
import { removePlainFieldResolvers } from './plain-fields.js';
import { armorLimit, GRAPHQL_LIMITS, maxFieldsRule } from './graphql-limits.js';

const logger = new Logger('GraphQL');

/**
 * Apollo on Fastify, code-first. Cache control off (it runs on every field and is unused), the
 * limits of GRAPHQL_LIMITS (graphql-armor for depth/cost/aliases/directives), no suggestions, no
 * stack traces, and one set of DataLoaders per request in the context.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  // Limits come from GRAPHQL_LIMITS; armorLimit reports armor's refusals in German. Armor's token
  // limit and suggestion masking are off: the first throws while parsing (Apollo answers 500),
  // graphql-js's own parse option answers 400; the second misses enum values, so formatError
  // strips every suggestion.
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ...armorLimit('maxDepth', GRAPHQL_LIMITS.maxDepth) },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ...armorLimit('costLimit', GRAPHQL_LIMITS.maxCost) },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...armorLimit('maxAliases', GRAPHQL_LIMITS.maxAliases) },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...armorLimit('maxDirectives', GRAPHQL_LIMITS.maxDirectives) },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // The schema Nest builds reaches Apollo through the compiled executor's gateway (see there).
  let schema: GraphQLSchema | undefined;
  const executor = new CompiledExecutor(() => {
    if (!schema) throw new Error('the GraphQL schema is not built yet');
    return schema;
  }, config.compileAfter);
  const options: ApolloDriverConfig = {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    resolvers: { Date: DateScalar },
    buildSchemaOptions: { dateScalarMode: 'isoDate', scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    introspection: !config.production,
    playground: false,
    includeStacktraceInErrorResponses: false,
    // Nest resets the status of every answer that executed to 200; the hub's only errors that set
    // one are refusals that must reach HTTP clients as such (429 with Retry-After from a rate limit).
    preserveHttpStatusForExecutionErrors: false,
    // graphql-armor's types come from Apollo's CJS build, Nest's from its ESM build: same objects.
    plugins: [ApolloServerPluginCacheControlDisabled(), operationGuardPlugin(), ...(armor.plugins as unknown as ApolloServerPlugin[])],
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    validationRules: [...armor.validationRules, maxFieldsRule(GRAPHQL_LIMITS.maxFields)],
    context: (request: FastifyRequest, _reply: FastifyReply): GqlContext => ({
      req: request,
      loaders: new RequestLoaders(),
    }),
    transformSchema: (built: GraphQLSchema) => {
      removePlainFieldResolvers(built);
      return (schema = retryQueryFieldsOnConnectionLoss(built));
    },
    formatError: (formatted, error) => formatError(formatted, error, (e) => logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e))),
  };
  // Nest's driver config does not name Apollo's `gateway` option, but hands every option to Apollo.
  return config.compiledQueries ? Object.assign(options, { gateway: executor.gateway() }) : options;
}
