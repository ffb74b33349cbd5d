import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, GraphQLError, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
import { MAX_COST } from './limits';

/** Lists unpaged in the schema (direct reports, sub-teams) are assumed this long. */
export const UNPAGED_LIST_SIZE = 10;

/**
 * A field paged by `limit` costs `limit` times its children; another list field costs
 * UNPAGED_LIST_SIZE times; the `items` of a page are already counted by its `limit`.
 */
const listEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const limit = typeof args?.limit === 'number' ? args.limit : null;
  if (limit !== null) return 1 + limit * Math.max(1, childComplexity);
  if (field.name !== 'items' && isListType(getNullableType(field.type)))
    return 1 + UNPAGED_LIST_SIZE * Math.max(1, childComplexity);
  return undefined;
};

/** Cost estimates kept per parsed document (Apollo reuses the object for the same query text). */
const COSTS_PER_DOCUMENT = 50;
const MAX_COST_KEY_LENGTH = 2000;

/**
 * Refuses operations whose estimated cost exceeds MAX_COST, before anything runs. The estimate
 * depends only on the document, the operation and the variables, so it is computed once per
 * combination (small variables only) and remembered with the document.
 */
/** The estimated cost of an operation with these variables, as the limit reckons it. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    operationName: operationName ?? undefined,
    query: document,
    variables,
    // A field may state its own cost (`@Field({ complexity })`, e.g. short bounded lists).
    estimators: [fieldExtensionsEstimator(), listEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

export function complexityPlugin(getSchema: () => GraphQLSchema, maxCost = MAX_COST): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const estimate = (
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
  ) => operationCost(getSchema(), document, operationName, variables);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variables = request.variables ?? {};
          const key = `${request.operationName ?? ''}\u0001${JSON.stringify(variables)}`;
          let known = costs.get(document);
          let cost = known?.get(key);
          if (cost === undefined) {
            cost = estimate(document, request.operationName, variables);
            if (key.length <= MAX_COST_KEY_LENGTH) {
              if (!known) costs.set(document, (known = new Map()));
              if (known.size >= COSTS_PER_DOCUMENT) known.clear();
              known.set(key, cost);
            }
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query is too expensive: cost ${cost}, at most ${maxCost} allowed`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
