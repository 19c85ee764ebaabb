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

/** Loads again whenever `key` (the id in the address) changes, and on `retry()`. */
export function usePageData<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<PageData<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => {
        if (live) setState(isNotFound(error) ? { status: 'notFound' } : { status: 'error', message: errorMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}
