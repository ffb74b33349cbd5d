import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import {
  CreateIntakeApiKeyDocument,
  ImportCustomerMetricsCsvDocument,
  IntakeApiKeysDocument,
  MetricDefinitionsDocument,
  RevokeIntakeApiKeyDocument,
  UpdateMetricDefinitionDocument,
  type ImportCustomerMetricsCsvMutation,
  type UpdateMetricDefinitionInput,
} from '../../../gql/graphql';

export type IntakeResult = ImportCustomerMetricsCsvMutation['importCustomerMetricsCsv'];

export type IntakeStep =
  | { step: 'edit' }
  | { step: 'validated'; result: IntakeResult; csv: string }
  | { step: 'applied'; result: IntakeResult };

/**
 * Customer figures from a CSV in two steps: validate (nothing changes; every problem with its line), then
 * apply the very text that was validated (all or nothing). Editing the text asks for a new validation.
 */
export function useCustomerCsvIntake() {
  const [mutate, { loading }] = useMutation(ImportCustomerMetricsCsvDocument);
  const [csv, setCsvText] = useState('');
  const [state, setState] = useState<IntakeStep>({ step: 'edit' });
  const [error, setError] = useState<unknown>(null);

  const setCsv = useCallback((text: string) => {
    setCsvText(text);
    setState({ step: 'edit' });
    setError(null);
  }, []);

  const run = useCallback(
    async (apply: boolean) => {
      setError(null);
      try {
        const { data } = await mutate({
          variables: { csv, apply },
          // Applied figures change the mirror: drop it so it is fetched again.
          update(cache, { data: result }) {
            if (!result?.importCustomerMetricsCsv.applied) return;
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'mirrorView' });
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'supportServiceMirror' });
            cache.gc();
          },
        });
        if (!data) return;
        const result = data.importCustomerMetricsCsv;
        setState(result.applied ? { step: 'applied', result } : { step: 'validated', result, csv });
      } catch (caught) {
        setError(caught);
      }
    },
    [csv, mutate],
  );

  const canApply = state.step === 'validated' && state.result.valid && state.csv === csv;
  return {
    csv,
    setCsv,
    state,
    error,
    busy: loading,
    validate: () => run(false),
    apply: () => run(true),
    canApply,
  };
}

export function useIntakeApiKeys() {
  const { data, loading, error, refetch } = useQuery(IntakeApiKeysDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [create, creating] = useMutation(CreateIntakeApiKeyDocument, {
    refetchQueries: [IntakeApiKeysDocument],
  });
  const [revoke, revoking] = useMutation(RevokeIntakeApiKeyDocument);
  return {
    keys: data?.intakeApiKeys ?? null,
    loading,
    error,
    refetch,
    create: async (name: string) => (await create({ variables: { name } })).data?.createIntakeApiKey ?? null,
    creating: creating.loading,
    revoke: async (id: string) => (await revoke({ variables: { id } })).data?.revokeIntakeApiKey ?? null,
    revoking: revoking.loading,
  };
}

export function useMetricDefinitions() {
  const { data, loading, error, refetch } = useQuery(MetricDefinitionsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [mutate, update] = useMutation(UpdateMetricDefinitionDocument, {
    // Scores follow the scale: the mirror must be computed again.
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'mirrorView' });
      cache.gc();
    },
  });
  return {
    definitions: data?.metricDefinitions ?? null,
    loading,
    error,
    refetch,
    save: async (key: string, input: UpdateMetricDefinitionInput) =>
      (await mutate({ variables: { key, input } })).data?.updateMetricDefinition ?? null,
    saving: update.loading,
  };
}
