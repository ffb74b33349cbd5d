import { useQuery } from '@apollo/client/react';
import { PeopleDocument } from '../../../gql/graphql';

export const PEOPLE_PAGE_SIZE = 50;

interface UsePeopleInput {
  search?: string;
  teamId?: string | null;
  /** Former staff too (HR and admins only). */
  includeFormer?: boolean;
  page: number;
  pageSize?: number;
}

/** One page of people; the previous page stays on screen while the next one loads. */
export function usePeople({
  search,
  teamId,
  includeFormer = false,
  page,
  pageSize = PEOPLE_PAGE_SIZE,
}: UsePeopleInput) {
  const { data, previousData, loading, error, refetch } = useQuery(PeopleDocument, {
    variables: {
      search: search?.trim() || undefined,
      teamId: teamId ?? undefined,
      includeFormer,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    },
  });
  const people = (data ?? previousData)?.people ?? null;
  return { people, loading, error, refetch, pageSize };
}
