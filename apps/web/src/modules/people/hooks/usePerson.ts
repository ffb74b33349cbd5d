import { useQuery } from '@apollo/client/react';
import { PersonDocument, PersonPayDocument } from '../../../gql/graphql';

export function usePerson(id: string) {
  const { data, loading, error, refetch } = useQuery(PersonDocument, { variables: { id } });
  return { person: data?.person ?? null, loading, error, refetch };
}

/**
 * Pay is asked for separately, and only when the API has said `canViewPay`: asking otherwise is
 * answered FORBIDDEN (and would leak nothing, but would fail the whole person query).
 */
export function usePersonPay(id: string, canViewPay: boolean) {
  const { data, loading, error, refetch } = useQuery(PersonPayDocument, {
    variables: { id },
    skip: !canViewPay,
  });
  return { pay: data?.person.pay ?? null, loading, error, refetch };
}
