import { useCallback, useState } from 'react';

/** Runs a change to a request and keeps its error (shown once, above the page) until the next try. */
export function useActionRunner() {
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { error, run, clear };
}
