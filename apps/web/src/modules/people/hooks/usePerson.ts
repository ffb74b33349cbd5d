import { useMutation, useQuery } from '@apollo/client/react';
import {
  PersonDocument,
  PersonLeavingDocument,
  PersonPayDocument,
  SetPersonLeavingDocument,
} from '../../../gql/graphql';

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

/** The leaving date, asked like pay only when `canViewPay` (same rule); HR and admins may change it. */
export function usePersonLeaving(id: string, canView: boolean) {
  const { data, loading, error, refetch } = useQuery(PersonLeavingDocument, {
    variables: { id },
    skip: !canView,
  });
  const [mutate, { loading: saving }] = useMutation(SetPersonLeavingDocument);
  const save = (leftOn: string | null) => mutate({ variables: { personId: id, leftOn } });
  return { leftOn: data?.person.leftOn ?? null, loading, error, refetch, save, saving };
}
