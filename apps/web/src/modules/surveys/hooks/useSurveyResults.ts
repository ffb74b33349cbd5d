import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ResultSurveysDocument, SurveyResultsCsvDocument, SurveyResultsDocument } from '../../../gql/graphql';
import { downloadText } from '../../admin/utils/download';

/** Surveys whose results the viewer may open. */
export function useResultSurveys() {
  const { data, loading, error, refetch } = useQuery(ResultSurveysDocument, {
    fetchPolicy: 'cache-and-network',
  });
  return { surveys: data?.resultSurveys ?? null, loading, error, refetch };
}

function readWave(raw: string | null): number | null {
  const wave = Number.parseInt(raw ?? '', 10);
  return Number.isInteger(wave) && wave > 0 ? wave : null;
}

/** The wave and group shown live in the URL (`?wave=2&group=team:…`): a view can be shared. */
export function useResultsParams() {
  const [params, setParams] = useSearchParams();
  const wave = readWave(params.get('wave'));
  const group = params.get('group');
  const update = useCallback(
    (changes: { wave?: number | null; group?: string | null }) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (changes.wave !== undefined) {
            if (changes.wave === null) next.delete('wave');
            else next.set('wave', String(changes.wave));
            // Groups differ from wave to wave: start again from the whole scope.
            if (changes.group === undefined) next.delete('group');
          }
          if (changes.group !== undefined) {
            if (changes.group === null) next.delete('group');
            else next.set('group', changes.group);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { wave, group, update };
}

/**
 * Results of one wave for one group. Always asked afresh: answers of an open wave are released in batches,
 * and the previous view stays on screen while another wave or group loads.
 */
export function useSurveyResults(surveyId: string, waveNumber: number | null, sliceId: string | null) {
  const { data, previousData, loading, error, refetch } = useQuery(SurveyResultsDocument, {
    variables: { surveyId, waveNumber, sliceId },
    fetchPolicy: 'network-only',
  });
  const current = data ?? (previousData?.surveyResults.surveyId === surveyId ? previousData : undefined);
  return { results: current?.surveyResults ?? null, loading, error, refetch };
}

/** Downloads the results of a wave as CSV (every group the viewer may see). */
export function useResultsCsv(surveyId: string, waveNumber: number, filename: string) {
  const client = useApolloClient();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = useCallback(async () => {
    setDownloading(true);
    setError(null);
    try {
      const { data } = await client.query({
        query: SurveyResultsCsvDocument,
        variables: { surveyId, waveNumber },
        fetchPolicy: 'network-only',
      });
      if (data) downloadText(filename, data.surveyResultsCsv);
    } catch (caught) {
      setError(caught);
    } finally {
      setDownloading(false);
    }
  }, [client, surveyId, waveNumber, filename]);
  return { download, downloading, error };
}
