// The sign-out button and its question in place, shared by the header and the account page. With
// entries not yet sent, the question says what becomes of them.
import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { signOut } from '../actions/signOut';
import { useOutbox } from '../db/useOutbox';
import { t } from '../i18n';
import { sessionMe, useSession } from '../state/session';
import { ErrorAlert } from './Alert';
import { ConfirmInPlace } from './ConfirmRemove';

export function useSignOut() {
  const me = sessionMe(useSession());
  const { waiting, rejected } = useOutbox(me?.account.id ?? null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      setAsking(false);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setAsking(false);
    // Back to where the question came from, for keyboard and screen-reader users.
    setTimeout(() => trigger.current?.focus(), 0);
  };
  return {
    asking, busy, error, trigger, confirm, cancel,
    ask: () => setAsking((now) => !now),
    unsent: waiting.length + rejected.length,
  };
}

type SignOutState = ReturnType<typeof useSignOut>;

export function SignOutButton({ state, className }: { state: SignOutState; className: string }) {
  return (
    <button type="button" class={className} ref={state.trigger} aria-expanded={state.asking} onClick={state.ask}>
      {t('nav.logout')}
    </button>
  );
}

export function SignOutQuestion({ state }: { state: SignOutState }) {
  return (
    <>
      <ErrorAlert message={state.error} />
      {state.asking && (
        <ConfirmInPlace
          question={state.unsent > 0 ? t('signOut.unsent', { n: state.unsent }) : t('signOut.question')}
          detail={state.unsent > 0 ? t('signOut.unsentDetail') : undefined}
          confirmLabel={t('signOut.confirm')}
          subject="sign-out"
          busy={state.busy}
          tone={state.unsent > 0 ? 'danger' : 'calm'}
          onConfirm={() => void state.confirm()}
          onCancel={state.cancel}
        />
      )}
    </>
  );
}
