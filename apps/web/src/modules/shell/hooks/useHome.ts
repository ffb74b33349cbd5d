import { useQuery } from '@apollo/client/react';
import { HomeDocument } from '../../../gql/graphql';

export function useHome() {
  const { data, loading, error, refetch } = useQuery(HomeDocument);
  return { me: data?.me ?? null, loading, error, refetch };
}
