import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, GraphQLError, isListType, type GraphQLSchema } from 'graphql';
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

/** Refuses operations whose estimated cost exceeds MAX_COST, before anything runs. */
export function complexityPlugin(getSchema: () => GraphQLSchema, maxCost = MAX_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema: getSchema(),
            operationName: request.operationName,
            query: document,
            variables: request.variables ?? {},
            // A field may state its own cost (`@Field({ complexity })`, e.g. short bounded lists).
            estimators: [
              fieldExtensionsEstimator(),
              listEstimator,
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
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
