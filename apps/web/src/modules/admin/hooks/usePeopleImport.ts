import { useMutation } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { ImportPeopleDocument, type ImportMode, type ImportPeopleMutation } from '../../../gql/graphql';
import { readCsvFile, type CsvFile, type CsvFileProblem } from '../utils/csv-file';

export type ImportResult = ImportPeopleMutation['importPeople'];

export type ImportStep =
  | { step: 'choose' }
  | { step: 'validated'; result: ImportResult }
  | { step: 'applied'; result: ImportResult; mode: ImportMode };

/**
 * CSV import in two steps: VALIDATE (nothing changes, every problem is reported with its line), then
 * APPLY (all or nothing) or APPLY_VALID_ROWS (skip the rows in error).
 */
export function usePeopleImport() {
  const [mutate, { loading }] = useMutation(ImportPeopleDocument);
  const [picked, setPicked] = useState<File | null>(null);
  const [file, setFile] = useState<CsvFile | null>(null);
  const [fileProblem, setFileProblem] = useState<CsvFileProblem | null>(null);
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const [error, setError] = useState<unknown>(null);

  const chooseFile = useCallback(async (chosen: File | null) => {
    setPicked(chosen);
    setState({ step: 'choose' });
    setError(null);
    setFileProblem(null);
    setFile(null);
    if (!chosen) return;
    const read = await readCsvFile(chosen);
    if ('problem' in read) setFileProblem(read.problem);
    else setFile(read);
  }, []);

  const run = useCallback(
    async (mode: ImportMode) => {
      if (!file) return;
      setError(null);
      try {
        const { data } = await mutate({
          variables: { csv: file.text, mode },
          // People and teams may have changed: drop the cached lists so they are fetched again.
          update(cache, { data: result }) {
            if (!result?.importPeople.applied) return;
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'people' });
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'teams' });
            cache.gc();
          },
        });
        if (!data) return;
        setState(
          mode === 'VALIDATE' || !data.importPeople.applied
            ? { step: 'validated', result: data.importPeople }
            : { step: 'applied', result: data.importPeople, mode },
        );
      } catch (caught) {
        setError(caught);
      }
    },
    [file, mutate],
  );

  const reset = useCallback(() => {
    setPicked(null);
    setFile(null);
    setFileProblem(null);
    setError(null);
    setState({ step: 'choose' });
  }, []);

  return { picked, file, fileProblem, state, error, busy: loading, chooseFile, run, reset };
}
