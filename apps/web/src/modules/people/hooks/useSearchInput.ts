import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * A search box bound to a value kept elsewhere (the URL): typing is debounced before `commit`, and a
 * change made elsewhere (Back button) is reflected in the box.
 */
export function useSearchInput(committed: string, commit: (value: string) => void) {
  const [input, setInput] = useState(committed);
  const [debounced] = useDebouncedValue(input, SEARCH_DEBOUNCE_MS);
  const lastCommitted = useRef(committed);

  useEffect(() => {
    const value = debounced.trim();
    if (value === lastCommitted.current) return;
    lastCommitted.current = value;
    commit(value);
  }, [debounced, commit]);

  useEffect(() => {
    if (committed === lastCommitted.current) return;
    lastCommitted.current = committed;
    setInput(committed);
  }, [committed]);

  return [input, setInput] as const;
}
