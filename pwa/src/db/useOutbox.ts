// The signed-in (or last-known) account's outbox for the screens, kept current across changes in this
// tab and others, with what the author should be told about sending.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { t } from '../i18n';
import { entries, isPending, subscribe, type OutboxEntry } from './outbox';
import { flush, sendingState, type SendingState } from './outboxSend';

export interface OutboxView {
  /** Still to be sent (waiting, being sent this moment, or open in a form). */
  waiting: OutboxEntry[];
  rejected: OutboxEntry[];
  sending: boolean;
  /** Entries that had waited and went out in the last minute. */
  sent: number;
  flush: () => Promise<void>;
  /** The server no longer knows this author's session: they must sign in again to send. */
  needsSignIn: boolean;
  /** Why sending did not work, when that is something other than being offline; null otherwise. */
  lastError: string | null;
}

const EMPTY: OutboxEntry[] = [];
const QUIET_CODES = new Set(['NETWORK', 'TIMEOUT']);

/** Offline is the normal case here and the entries are safe: only other failures are worth a sentence. */
function describeFailure(failure: unknown): { needsSignIn: boolean; lastError: string | null } {
  if (failure === null) return { needsSignIn: false, lastError: null };
  if (failure instanceof ApiError && failure.code === 'UNAUTHENTICATED') return { needsSignIn: true, lastError: null };
  if (failure instanceof ApiError && (QUIET_CODES.has(failure.code) || failure.code.startsWith('HTTP_5'))) {
    return { needsSignIn: false, lastError: null };
  }
  return { needsSignIn: false, lastError: errorMessage(failure) };
}

export function useOutbox(accountId: string | null): OutboxView {
  const [list, setList] = useState<OutboxEntry[]>(EMPTY);
  const [loadFailed, setLoadFailed] = useState(false);
  const [state, setState] = useState<SendingState>(() => sendingState(accountId));

  useEffect(() => {
    let current = true;
    let generation = 0;
    let lapse: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      const now = sendingState(accountId);
      setState(now);
      // Re-render when the "n sent" notice lapses.
      if (lapse !== undefined) clearTimeout(lapse);
      lapse = now.sent > 0 ? setTimeout(refresh, Math.max(0, now.sentUntil - Date.now()) + 50) : undefined;
      if (!accountId) {
        setList(EMPTY);
        return;
      }
      // Reads can finish out of order; only the latest one counts.
      const mine = ++generation;
      entries(accountId).then(
        (found) => {
          if (current && mine === generation) {
            setList(found);
            setLoadFailed(false);
          }
        },
        () => {
          if (current && mine === generation) setLoadFailed(true);
        },
      );
    };
    refresh();
    const unsubscribe = subscribe(refresh);
    return () => {
      current = false;
      if (lapse !== undefined) clearTimeout(lapse);
      unsubscribe();
    };
  }, [accountId]);

  const send = useCallback(async () => {
    if (accountId) await flush(accountId);
  }, [accountId]);

  const { needsSignIn, lastError } = describeFailure(state.failure);
  return {
    waiting: list.filter(isPending),
    rejected: list.filter((entry) => !isPending(entry)),
    sending: state.sending,
    sent: state.sent,
    flush: send,
    needsSignIn,
    lastError: loadFailed ? t('outbox.unavailable') : lastError,
  };
}
