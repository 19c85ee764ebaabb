// An entry still on the phone, opened in its form to be corrected: held while the form is open (so no
// round sends it half-way), released if the form closes unsaved. If a round is sending it at the moment
// it is opened, the form waits for that to finish: then it is either gone (stored) or back to correct.
import { useEffect, useRef, useState } from 'preact/hooks';
import { subscribe, type OutboxEntry } from '../../db/outbox';
import { hold, releaseHold, renewHold } from '../../db/outboxEdit';

export type WaitingEntry =
  | { status: 'loading' }
  | { status: 'ready'; entry: OutboxEntry }
  /** A round is sending it right now. */
  | { status: 'sending' }
  /** Sent already (or discarded): nothing left to correct here. */
  | { status: 'gone' }
  | { status: 'error' };

const RENEW_MS = 30_000;

/** `saved()` tells the hook the correction replaced the entry: then it is not released on close. */
export function useWaitingEntry(accountId: string, entryId: string) {
  const [state, setState] = useState<WaitingEntry>({ status: 'loading' });
  const held = useRef(false);

  useEffect(() => {
    let live = true;
    let renew: ReturnType<typeof setInterval> | undefined;
    let unsubscribe: (() => void) | undefined;

    const tryHold = () => {
      if (held.current) return;
      hold(accountId, entryId).then(
        (result) => {
          if (!live) {
            if (result.status === 'held') void releaseHold(entryId);
            return;
          }
          if (result.status === 'held') {
            if (held.current) return; // an earlier attempt got there first
            held.current = true;
            unsubscribe?.();
            unsubscribe = undefined;
            renew = setInterval(() => void renewHold(entryId), RENEW_MS);
            setState({ status: 'ready', entry: result.entry });
          } else if (result.status === 'sending') {
            setState({ status: 'sending' });
            // Try again when the round has settled it.
            unsubscribe ??= subscribe(tryHold);
          } else {
            unsubscribe?.();
            unsubscribe = undefined;
            setState({ status: 'gone' });
          }
        },
        () => live && setState({ status: 'error' }),
      );
    };
    tryHold();

    return () => {
      live = false;
      unsubscribe?.();
      if (renew !== undefined) clearInterval(renew);
      if (held.current) void releaseHold(entryId);
      held.current = false;
    };
  }, [accountId, entryId]);

  return {
    state,
    /** The correction replaced the entry: nothing to release. */
    saved: () => {
      held.current = false;
    },
  };
}
