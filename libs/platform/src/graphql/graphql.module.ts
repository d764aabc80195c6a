import type { GraphQLSchema } from 'graphql';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { errorReportingPlugin, formatError, validationError } from './errors.js';
import { ExplorerController, explorerLandingPage } from './explorer.js';
import type { GraphqlContext } from './graphql-context.js';
import { Loaders } from './loaders.js';
import { queryLimitsPlugin } from './query-limits.js';
import { withoutSuggestions } from './suggestions.js';

function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'What a client reads: every query of the careers network. Lists are Relay connections; see docs/graphql.md for errors, limits and sign-in.';
  if (mutation) mutation.description = 'What a client changes. Each mutation checks who is asking and answers a refusal with extensions.code (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT…) and changes nothing.';
  return schema;
}

/** GraphQL over HTTP at /graphql, with the conventions of docs/graphql.md; in development, an API explorer for browsers there. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: Logger): ApolloDriverConfig => {
        const production = config.NODE_ENV === 'production';
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: !production,
          playground: false,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          // Code-first has no decorator for the root types, so their descriptions are set on the built schema.
          transformSchema: describeRootTypes,
          context: ({ req, res }: Pick<GraphqlContext, 'req' | 'res'>): GraphqlContext => ({ req, res, loaders: new Loaders() }),
          formatError: production ? (formatted, error) => withoutSuggestions(formatError(formatted, error)) : formatError,
          plugins: [
            production ? ApolloServerPluginLandingPageDisabled() : explorerLandingPage(logger),
            queryLimitsPlugin({
              maxDepth: config.GRAPHQL_MAX_DEPTH,
              maxAliases: config.GRAPHQL_MAX_ALIASES,
              maxCost: config.GRAPHQL_MAX_COST,
            }),
            errorReportingPlugin(logger),
          ],
        };
      },
    }),
  ],
  controllers: [ExplorerController],
  providers: [
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        transform: true,
        whitelist: true,
        forbidUnknownValues: true,
        exceptionFactory: validationError,
      }),
    },
  ],
})
export class GraphqlModule {}
