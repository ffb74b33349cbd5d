import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { repoRoot } from '../config/config';
import { TokenService } from '../auth/token.service';
import { Loaders } from './loaders';
import type { GqlContext } from './gql-context';
import { aliasLimitRule, depthLimitRule } from './limits';
import { complexityPlugin } from './complexity.plugin';
import { formatError } from './error-formatting';
import { servePreloadedFields } from './preloaded';
import { markPropertyReads, planExecutorPlugin, stringifyResult } from './plan-executor';

/**
 * Root query fields answered by the plan executor (plan-executor.ts) when a request selects only
 * these: read-only resolvers, whose responses are large and plain (the directory page, a desk
 * queue page; both only fill their page caches, which a second run leaves as they are).
 */
export const PLAN_EXECUTED_QUERIES: ReadonlySet<string> = new Set(['people', 'deskQueue']);

/** Apollo on Fastify: limits, CSRF prevention, no batching, no introspection in production. */
export function graphqlConfig(config: AppConfig, tokens: TokenService, db: DataSource): ApolloDriverConfig {
  const prod = config.nodeEnv === 'production';
  let schema: GraphQLSchema | null = null;
  return {
    path: '/graphql',
    autoSchemaFile: config.nodeEnv === 'development' ? join(repoRoot(), 'apps/api/schema.gql') : true,
    sortSchema: true,
    introspection: !prod,
    playground: false,
    graphiql: !prod,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    fieldResolverEnhancers: ['guards', 'filters'],
    validationRules: [depthLimitRule(), aliasLimitRule()],
    transformSchema: (s: GraphQLSchema) => {
      schema = servePreloadedFields(s);
      markPropertyReads(schema);
      return schema;
    },
    // No cache hints are used: without the cache-control plugin Apollo does not wrap every resolver.
    plugins: [
      complexityPlugin(() => schema!),
      ApolloServerPluginCacheControlDisabled(),
      planExecutorPlugin(() => schema!, PLAN_EXECUTED_QUERIES),
    ],
    formatError,
    // JSON.stringify and a new line, as Apollo's own, reusing the text of results the plan executor shares.
    stringifyResult,
    context: async (request: FastifyRequest, reply: FastifyReply): Promise<GqlContext> => {
      const ctx: GqlContext = {
        req: request,
        reply,
        requestId: String(request.id ?? randomUUID()),
        viewer: null,
        loaders: undefined as unknown as Loaders,
      };
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        const result = await tokens.verifyAccess(header.slice(7).trim());
        if ('viewer' in result) ctx.viewer = result.viewer;
        else ctx.authProblem = result.problem;
      } else if (header) {
        ctx.authProblem = 'Authorization header must be "Bearer <token>"';
      }
      ctx.loaders = new Loaders(db, ctx.viewer?.organizationId ?? null);
      return ctx;
    },
  } as ApolloDriverConfig;
}
