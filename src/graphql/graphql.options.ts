import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/config.js';
import { formatError } from '../common/error-format.js';
import { RequestLoaders, type GqlContext } from '../common/request-loaders.js';
import { DateScalar, DateTimeScalar } from '../common/scalars.js';

const logger = new Logger('GraphQL');

/**
 * Apollo on Fastify, code-first. Cache control off (it runs on every field and is unused),
 * graphql-armor for depth/cost/alias limits and no field suggestions, no stack traces, and one
 * set of DataLoaders per request in the context.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    maxTokens: { n: 2000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    resolvers: { Date: DateScalar },
    buildSchemaOptions: { dateScalarMode: 'isoDate', scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    introspection: !config.production,
    playground: false,
    includeStacktraceInErrorResponses: false,
    // graphql-armor's types come from Apollo's CJS build, Nest's from its ESM build: same objects.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...(armor.plugins as unknown as ApolloServerPlugin[])],
    validationRules: armor.validationRules,
    context: (request: FastifyRequest, _reply: FastifyReply): GqlContext => ({
      req: request,
      loaders: new RequestLoaders(),
    }),
    formatError: (formatted, error) => formatError(formatted, error, (e) => logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e))),
  };
}
