// A cursor-paginated list: the first page, then "load more" via pageInfo.endCursor.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../api/errors';

export const PAGE_SIZE = 20;

export interface PageResult<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** `fetchPage` must change identity (useCallback deps) whenever the filters change. */
export function usePaged<T>(fetchPage: (after: string | null) => Promise<PageResult<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Which fetchPage the items came from: right after the filters change, and before the new first
  // page is even asked for, the items on screen are the old filter's, and the list is loading.
  const [loadedWith, setLoadedWith] = useState<{ fetchPage: typeof fetchPage } | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchPage(after);
        if (mine !== generation.current) return; // a newer filter won
        setItems((previous) => (after ? [...previous, ...page.nodes] : page.nodes));
        setCursor(page.pageInfo.endCursor);
        setHasNext(page.pageInfo.hasNextPage);
      } catch (caught) {
        if (mine === generation.current) setError(errorMessage(caught));
      } finally {
        if (mine === generation.current) {
          setLoading(false);
          setLoadedWith({ fetchPage });
        }
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    setItems,
    loading: loading || loadedWith?.fetchPage !== fetchPage,
    error,
    hasNext,
    loadMore: () => load(cursor),
    reload: () => load(null),
  };
}
