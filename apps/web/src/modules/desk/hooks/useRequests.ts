import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  AssignRequestDocument,
  DeskQueueDocument,
  DeskServicesDocument,
  MyRequestsDocument,
  NotificationsDocument,
  OpenRequestDocument,
  RateRequestDocument,
  RenegotiateRequestDocument,
  ReplyToRequestDocument,
  RequestCategoriesDocument,
  RequestDocument,
  RequesterContextDocument,
  ServiceAgentsDocument,
  SpawnRequestTaskDocument,
  SupportServicesDocument,
  TransitionRequestDocument,
  type DeskQueueQueryVariables,
  type OpenRequestInput,
  type RateRequestInput,
  type RenegotiateInput,
  type ReplyInput,
  type RequestQuery,
  type RequestSummaryFragment,
  type SpawnTaskInput,
  type TransitionInput,
} from '../../../gql/graphql';

export type RequestSummary = RequestSummaryFragment;
export type RequestDetail = RequestQuery['request'];

/** The viewer's own requests, newest first; fetched again on each visit. */
export function useMyRequests(page: number, pageSize: number, open: boolean | null) {
  const { data, loading, error, refetch } = useQuery(MyRequestsDocument, {
    variables: { offset: (page - 1) * pageSize, limit: pageSize, open },
    fetchPolicy: 'cache-and-network',
  });
  return { page: data?.myRequests ?? null, loading, error, refetch };
}

/** Services anyone may ask, and what each offers with its commitment. */
export function useCatalogue(supportServiceId: string | null) {
  const services = useQuery(SupportServicesDocument);
  const categories = useQuery(RequestCategoriesDocument, {
    variables: { supportServiceId: supportServiceId ?? '' },
    skip: !supportServiceId,
  });
  return {
    services: services.data?.supportServices ?? null,
    categories: supportServiceId ? (categories.data?.requestCategories ?? null) : null,
    loading: services.loading || categories.loading,
    error: services.error ?? categories.error,
    refetch: () => {
      void services.refetch();
      if (supportServiceId) void categories.refetch();
    },
  };
}

export function useOpenRequest() {
  const [mutate, { loading }] = useMutation(OpenRequestDocument, { refetchQueries: [MyRequestsDocument] });
  const open = useCallback(
    async (input: OpenRequestInput) => {
      const { data } = await mutate({ variables: { input } });
      if (!data) throw new Error('No answer from the API');
      return data.openRequest;
    },
    [mutate],
  );
  return { open, opening: loading };
}

/** One request with its timeline, as the viewer may see it (requesters get public events only). */
export function useRequest(id: string) {
  const { data, loading, error, refetch } = useQuery(RequestDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  return { request: data?.request ?? null, loading, error, refetch };
}

/** Every change to a request: the page reads it again afterwards (timeline, version, rating). */
export function useRequestActions() {
  const refetchQueries = [RequestDocument, NotificationsDocument];
  const [reply, replyState] = useMutation(ReplyToRequestDocument, { refetchQueries });
  const [transition, transitionState] = useMutation(TransitionRequestDocument, { refetchQueries });
  const [rate, rateState] = useMutation(RateRequestDocument, { refetchQueries });
  const [assign, assignState] = useMutation(AssignRequestDocument, { refetchQueries });
  const [renegotiate, renegotiateState] = useMutation(RenegotiateRequestDocument, { refetchQueries });
  const [spawn, spawnState] = useMutation(SpawnRequestTaskDocument, { refetchQueries });
  return {
    reply: useCallback(async (input: ReplyInput) => void (await reply({ variables: { input } })), [reply]),
    transition: useCallback(
      async (input: TransitionInput) => void (await transition({ variables: { input } })),
      [transition],
    ),
    rate: useCallback(async (input: RateRequestInput) => void (await rate({ variables: { input } })), [rate]),
    assign: useCallback(
      async (requestId: string, version: number, assigneeId: string | null) =>
        void (await assign({ variables: { input: { requestId, version, assigneeId } } })),
      [assign],
    ),
    renegotiate: useCallback(
      async (input: RenegotiateInput) => void (await renegotiate({ variables: { input } })),
      [renegotiate],
    ),
    spawn: useCallback(
      async (input: SpawnTaskInput) => void (await spawn({ variables: { input } })),
      [spawn],
    ),
    busy:
      replyState.loading ||
      transitionState.loading ||
      rateState.loading ||
      assignState.loading ||
      renegotiateState.loading ||
      spawnState.loading,
  };
}

/** Services whose queue the viewer works: the desk exists for them only when this is not empty. */
export function useDeskServices(skip = false) {
  const { data, loading, error, refetch } = useQuery(DeskServicesDocument, { skip });
  return { services: data?.deskServices ?? null, loading, error, refetch };
}

const NO_QUEUE: DeskQueueQueryVariables = {
  supportServiceId: '',
  unassigned: false,
  dueSoon: false,
  breached: false,
  offset: 0,
  limit: 1,
};

export function useDeskQueue(variables: DeskQueueQueryVariables | null) {
  const { data, loading, error, refetch, previousData } = useQuery(DeskQueueDocument, {
    variables: variables ?? NO_QUEUE,
    skip: !variables,
    fetchPolicy: 'cache-and-network',
  });
  // While another page or filter loads, the previous rows stay (marked busy) rather than a spinner.
  const shown = data ?? (previousData as typeof data);
  return { page: shown?.deskQueue ?? null, loading, error, refetch };
}

export function useRequesterContext(requestId: string, skip: boolean) {
  const { data, loading, error, refetch } = useQuery(RequesterContextDocument, {
    variables: { id: requestId },
    skip,
  });
  return { context: data?.requesterContext ?? null, loading, error, refetch };
}

/** Who may be assigned: the people of the team that runs the service. */
export function useServiceAgents(teamId: string | null) {
  const { data } = useQuery(ServiceAgentsDocument, { variables: { teamId: teamId ?? '' }, skip: !teamId });
  return data?.people.items ?? [];
}
