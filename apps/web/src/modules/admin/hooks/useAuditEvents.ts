import { useQuery } from '@apollo/client/react';
import { AuditEventsDocument, type AuditEventsQuery } from '../../../gql/graphql';

export const AUDIT_PAGE_SIZE = 50;

export type AuditEvent = AuditEventsQuery['auditEvents']['items'][number];

export function useAuditEvents(page: number) {
  const { data, previousData, loading, error, refetch } = useQuery(AuditEventsDocument, {
    variables: { offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  return { events: (data ?? previousData)?.auditEvents ?? null, loading, error, refetch };
}
