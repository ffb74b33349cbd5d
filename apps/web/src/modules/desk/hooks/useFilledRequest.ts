import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { DeskPersonDocument } from '../../../gql/graphql';
import { useCatalogue, type RequestDetail } from './useRequests';

/**
 * The API leaves `supportService` and `category` of a request's detail empty (they are resolved on list
 * items only): filled here from the catalogue, which anyone may read.
 */
export function useFilledRequest(request: RequestDetail | null): RequestDetail | null {
  const catalogue = useCatalogue(request?.supportServiceId ?? null);
  return useMemo(() => {
    if (!request) return null;
    const service = catalogue.services?.find((candidate) => candidate.id === request.supportServiceId);
    const category = catalogue.categories?.find((candidate) => candidate.id === request.categoryId);
    return {
      ...request,
      supportService:
        request.supportService ??
        (service
          ? {
              id: service.id,
              name: service.name,
              ownerTeamId: service.ownerTeamId,
              reopenWindowDays: service.reopenWindowDays,
            }
          : null),
      category: request.category ?? (category ? { id: category.id, name: category.name } : null),
    };
  }, [request, catalogue.services, catalogue.categories]);
}

/** A person's name: the one the API gave, else read by id (the API leaves some people of a request empty). */
export function usePersonName(
  known: string | null | undefined,
  id: string | null | undefined,
): string | null {
  const { data } = useQuery(DeskPersonDocument, { variables: { id: id ?? '' }, skip: Boolean(known) || !id });
  return known ?? data?.person.displayName ?? null;
}
