import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface DirectoryParams {
  search: string;
  teamId: string | null;
  /** Former staff listed too (`?former=1`, HR and admins). */
  former: boolean;
  page: number;
}

function readPage(raw: string | null): number {
  const page = Number.parseInt(raw ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/**
 * The directory's filters live in the URL (`?q=…&team=…&former=1&page=…`): a search can be shared, and Back
 * returns to the same page of results.
 */
export function useDirectoryParams() {
  const [params, setParams] = useSearchParams();
  const current: DirectoryParams = {
    search: params.get('q') ?? '',
    teamId: params.get('team'),
    former: params.get('former') === '1',
    page: readPage(params.get('page')),
  };

  const update = useCallback(
    (changes: Partial<DirectoryParams>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          const set = (key: string, value: string | null) =>
            value ? next.set(key, value) : next.delete(key);
          if (changes.search !== undefined) set('q', changes.search.trim() || null);
          if (changes.teamId !== undefined) set('team', changes.teamId);
          if (changes.former !== undefined) set('former', changes.former ? '1' : null);
          // A new filter starts again from the first page.
          const filtered =
            changes.search !== undefined || changes.teamId !== undefined || changes.former !== undefined;
          const page = changes.page ?? (filtered ? 1 : null);
          if (page !== null) set('page', page > 1 ? String(page) : null);
          return next;
        },
        { replace: changes.page === undefined },
      );
    },
    [setParams],
  );

  return { ...current, update };
}
