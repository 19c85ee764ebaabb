// How the mentor's and the guardian's home cards load: what the card showed last (kept in memory)
// at once, then the server's answer; on failure the last answer stays in view beside the error.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../api/errors';

/** Loads again when `key` changes and on `reload()`; `remember` keeps each answer for next time. */
export function useCardData<T>(key: string, recall: () => T | null, load: () => Promise<T>, remember: (data: T) => void) {
  const [data, setData] = useState<T | null>(recall);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (found) => {
        if (!current) return;
        remember(found);
        setData(found);
        setError(null);
      },
      (caught: unknown) => {
        if (current) setError(errorMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  return { data, error, reload: () => setAttempt((n) => n + 1) };
}

/** Entries left the outbox (sent, usually): what the server says has changed. */
export function useReloadWhenSent(waitingCount: number, reload: () => void): void {
  const before = useRef(waitingCount);
  useEffect(() => {
    if (waitingCount < before.current) reload();
    before.current = waitingCount;
  }, [waitingCount]);
}
