// The one load a page starts with: loading, then its data, "not found" (the server's NOT_FOUND, or
// an address whose id is not one), or an error the person can retry.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../api/errors';

export type PageData<T> =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

/** The server's NOT_FOUND (or a malformed id in the address): show the not-found page. */
function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'NOT_FOUND' || code === 'BAD_USER_INPUT';
}

const LOADING = { status: 'loading' } as const;

/**
 * Loads again whenever `key` (the id in the address) changes, and on `retry()`. What was loaded
 * for another key is never returned: on the render where the key changes (before the effect
 * starts the new load) the page shows "loading", not the previous student's or week's data.
 */
export function usePageData<T>(load: () => Promise<T>, key: string) {
  const [loaded, setLoaded] = useState<{ key: string; state: PageData<T> }>({ key, state: LOADING });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoaded({ key, state: LOADING });
    load().then(
      (data) => live && setLoaded({ key, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (!live) return;
        setLoaded({ key, state: isNotFound(error) ? { status: 'notFound' } : { status: 'error', message: errorMessage(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const state: PageData<T> = loaded.key === key ? loaded.state : LOADING;
  return { state, retry: () => setAttempt((n) => n + 1) };
}
