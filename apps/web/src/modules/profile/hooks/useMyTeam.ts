import { useQuery } from '@apollo/client/react';
import { MyTeamDocument } from '../../../gql/graphql';

export function useMyTeam() {
  const { data, loading, error, refetch } = useQuery(MyTeamDocument);
  return { me: data?.me ?? null, loading, error, refetch };
}
