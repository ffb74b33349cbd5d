import { useQuery } from '@apollo/client/react';
import { DeskMetricsDocument } from '../../../gql/graphql';

/** A service's monthly figures: the totals, and the same per category (two reads: the API gives one or the other). */
export function useDeskMetrics(supportServiceId: string | null, months: number) {
  const skip = !supportServiceId;
  const totals = useQuery(DeskMetricsDocument, {
    variables: { supportServiceId: supportServiceId ?? '', months, byCategory: false },
    skip,
    fetchPolicy: 'cache-and-network',
  });
  const byCategory = useQuery(DeskMetricsDocument, {
    variables: { supportServiceId: supportServiceId ?? '', months, byCategory: true },
    skip,
    fetchPolicy: 'cache-and-network',
  });
  return {
    totals: totals.data?.deskMetrics ?? null,
    categories: byCategory.data?.deskMetrics ?? null,
    loading: totals.loading || byCategory.loading,
    error: totals.error ?? byCategory.error,
    refetch: () => {
      void totals.refetch();
      void byCategory.refetch();
    },
  };
}
