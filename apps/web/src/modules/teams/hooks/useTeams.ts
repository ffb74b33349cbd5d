import { useQuery } from '@apollo/client/react';
import { TeamDocument, TeamsDocument } from '../../../gql/graphql';

export function useTeams() {
  const { data, loading, error, refetch } = useQuery(TeamsDocument);
  return { teams: data?.teams ?? null, loading, error, refetch };
}

export function useTeam(id: string) {
  const { data, loading, error, refetch } = useQuery(TeamDocument, { variables: { id } });
  return { team: data?.team ?? null, loading, error, refetch };
}
