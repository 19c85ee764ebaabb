// How a home card (or an entry form) gets its data: the last-known answer at once (kept in the
// account's snapshot), then the server's, which is kept in turn. While the server is out of reach
// the snapshot is all there is and nothing is asked; when it answers again the data loads afresh.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { recall, remember } from '../db/snapshot';
import { loadMe, sessionMe, useSession } from './session';

export interface LastKnown<T> {
  data: T | null;
  /** Why the last load failed (while signed in); null otherwise. */
  error: string | null;
  /** The server is out of reach: `data` is the last-known one, or null when nothing was kept. */
  offline: boolean;
  reload: () => void;
}

/** `part` names the data in the snapshot ('myStudents', 'family:<id>', …); a new part loads afresh. */
export function useLastKnown<T>(part: string, load: () => Promise<T>): LastKnown<T> {
  const session = useSession();
  const accountId = sessionMe(session)?.account.id ?? null;
  const live = session.status === 'signedIn';
  const [data, setData] = useState<T | null>(() => recall<T>(accountId, part)?.data ?? null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!accountId) return;
    if (!live) {
      setData(recall<T>(accountId, part)?.data ?? null);
      setError(null);
      return;
    }
    let current = true;
    load().then(
      (found) => {
        if (!current) return;
        remember(accountId, part, found);
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
  }, [accountId, part, live, attempt]);

  // Offline, "retry" means: is the server back? (The session then turns live and this loads.)
  const reload = () => (live ? setAttempt((n) => n + 1) : void loadMe());
  return { data, error, offline: !live, reload };
}
