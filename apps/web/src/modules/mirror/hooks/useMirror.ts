import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import {
  MirrorViewDocument,
  RefreshInternalMetricsDocument,
  SupportServiceMirrorDocument,
  type PeriodKind,
} from '../../../gql/graphql';
import { isPeriodKind, isPeriodStart, TREND_LENGTH } from '../utils/mirror';

/** Period kind, latest period and team live in the URL (`?kind=WEEK&period=…&team=…`): a view can be shared. */
export function useMirrorParams() {
  const [params, setParams] = useSearchParams();
  const rawKind = params.get('kind');
  const kind: PeriodKind = isPeriodKind(rawKind) ? rawKind : 'MONTH';
  const rawPeriod = params.get('period');
  const period = isPeriodStart(kind, rawPeriod) ? rawPeriod : null;
  const teamId = params.get('team') || null;
  const update = useCallback(
    (changes: { kind?: PeriodKind; period?: string | null; teamId?: string | null }) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (changes.kind !== undefined) {
            next.set('kind', changes.kind);
            // A month start is not a week start: go back to the current period.
            if (changes.period === undefined) next.delete('period');
          }
          if (changes.period !== undefined) {
            if (changes.period === null) next.delete('period');
            else next.set('period', changes.period);
          }
          if (changes.teamId !== undefined) {
            if (changes.teamId === null) next.delete('team');
            else next.set('team', changes.teamId);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { kind, period, teamId, update };
}

/**
 * The mirror for the whole scope (teams for the picker and the heatmap) and, when a team is picked, for that
 * team (its pairs). The previous figures stay on screen while others load.
 */
export function useMirror(kind: PeriodKind, period: string | null, teamId: string | null) {
  const base = { periodKind: kind, periods: TREND_LENGTH[kind], period };
  const scope = useQuery(MirrorViewDocument, {
    variables: { ...base, teamId: null },
    fetchPolicy: 'cache-and-network',
  });
  const team = useQuery(MirrorViewDocument, {
    variables: { ...base, teamId },
    fetchPolicy: 'cache-and-network',
    skip: teamId === null,
  });
  const scopeView = scope.data?.mirrorView ?? scope.previousData?.mirrorView ?? null;
  const teamView = teamId === null ? null : (team.data?.mirrorView ?? null);
  const view = teamId === null ? scopeView : teamView;
  const refetch = useCallback(async () => {
    await Promise.all([scope.refetch(), ...(teamId === null ? [] : [team.refetch()])]);
  }, [scope, team, teamId]);
  return {
    scopeView,
    view,
    loading: scope.loading || (teamId !== null && team.loading),
    error: scope.error ?? (teamId === null ? undefined : team.error),
    refetch,
  };
}

/** How the front-line teams rate each support service, beside their customers' satisfaction. */
export function useSupportServiceMirror(months: number) {
  const { data, loading, error, refetch } = useQuery(SupportServiceMirrorDocument, {
    variables: { months },
    fetchPolicy: 'cache-and-network',
  });
  return { services: data?.supportServiceMirror ?? null, loading, error, refetch };
}

/** Recomputes the internal figures from surveys and the service desk, then shows the mirror again. */
export function useRefreshInternalMetrics() {
  const [mutate, { loading, error }] = useMutation(RefreshInternalMetricsDocument, {
    refetchQueries: [MirrorViewDocument, SupportServiceMirrorDocument],
    awaitRefetchQueries: true,
  });
  const refresh = useCallback(async () => {
    try {
      const { data } = await mutate();
      return data?.refreshInternalMetrics ?? null;
    } catch {
      return null;
    }
  }, [mutate]);
  return { refresh, refreshing: loading, error };
}
