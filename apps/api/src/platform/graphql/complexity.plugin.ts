import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_COST } from './limits';

/** A list field paged by `limit` costs `limit` times its children. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const limit = typeof args?.limit === 'number' ? args.limit : null;
  return limit !== null ? 1 + limit * Math.max(1, childComplexity) : undefined;
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
            estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(`Query is too expensive: cost ${cost}, at most ${maxCost} allowed`, {
              extensions: { code: 'BAD_USER_INPUT' },
            });
          }
        },
      };
    },
  };
}
