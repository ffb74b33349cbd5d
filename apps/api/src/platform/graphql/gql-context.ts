import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer';
import type { Loaders } from './loaders';

/** The per-request GraphQL context: viewer, DataLoaders and caches live exactly one request. */
export interface GqlContext {
  req: FastifyRequest;
  reply: FastifyReply;
  requestId: string;
  viewer: Viewer | null;
  /** Why the bearer token was refused, to explain UNAUTHENTICATED. */
  authProblem?: string;
  loaders: Loaders;
  lineCache?: Promise<Set<string>>;
}
