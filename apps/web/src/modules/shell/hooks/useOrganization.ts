import { useQuery } from '@apollo/client/react';
import { ShellOrganizationDocument, type ShellOrganizationQuery } from '../../../gql/graphql';

export type ShellOrganization = ShellOrganizationQuery['organization'];

/** The signed-in person's organisation (name, kind): cached once for the whole shell. */
export function useOrganization() {
  const { data, loading, error, refetch } = useQuery(ShellOrganizationDocument);
  return { organization: data?.organization ?? null, loading, error, refetch };
}
