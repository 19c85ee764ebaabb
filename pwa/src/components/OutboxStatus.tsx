// What is still on this phone: entries waiting to be sent (safe, said calmly; each can be opened to
// correct it or discarded), entries the server refused (the only error here: not saved anywhere else,
// so they stay in view until their author corrects or discards them), and "3 sent" once a round
// has sent what was waiting.
import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { discard, isBeingSent, isHeld, type OutboxEntry } from '../db/outbox';
import { useOutbox } from '../db/useOutbox';
import { t } from '../i18n';
import { formatFullDateTime } from '../i18n/time';
import { Link } from '../router';
import '../styles/outbox.css';
import { ConfirmRemove } from './ConfirmRemove';
import { entryLine, entryPath, entryTitle } from './outboxEntry';

interface EntryActions {
  confirming: string | null;
  busy: boolean;
  ask: (entry: OutboxEntry) => void;
  cancel: () => void;
  discard: (entry: OutboxEntry) => void;
}

/** "修改" (open its form) and "删除" (asked in place first) for one entry. */
function EntryButtons({ entry, actions }: { entry: OutboxEntry; actions: EntryActions }) {
  const title = entryTitle(entry);
  return (
    <>
      <p class="outbox-entry-actions">
        <Link href={entryPath(entry)} class="button-quiet" aria-label={t('outbox.edit', { entry: title })}>
          {t('outbox.editShort')}
        </Link>
        <button type="button" class="button-quiet" aria-label={t('outbox.discard', { entry: title })} onClick={() => actions.ask(entry)}>
          {t('outbox.discardShort')}
        </button>
      </p>
      {actions.confirming === entry.id && (
        <ConfirmRemove
          question={t(entry.state === 'rejected' ? 'outbox.discardRejectedQuestion' : 'outbox.discardQuestion', { entry: title })}
          confirmLabel={t('outbox.discardConfirm')}
          subject={entry.id}
          busy={actions.busy}
          onConfirm={() => actions.discard(entry)}
          onCancel={actions.cancel}
        />
      )}
    </>
  );
}

function Waiting({ entries, sending, needsSignIn, lastError, onSend, actions }: {
  entries: OutboxEntry[];
  sending: boolean;
  needsSignIn: boolean;
  lastError: string | null;
  onSend: () => void;
  actions: EntryActions;
}) {
  return (
    <div class="outbox-waiting">
      <div role="status" class="outbox-status">
        <p class="outbox-count">{t('outbox.waiting', { n: entries.length })}</p>
        <p class="outbox-note">
          {needsSignIn ? t('outbox.signInAgain', { n: entries.length }) : t('outbox.savedOnDevice')}
        </p>
        {lastError && !sending && <p class="outbox-note">{t('outbox.lastError', { message: lastError })}</p>}
      </div>
      {needsSignIn ? (
        <Link href="/login" class="button-secondary">
          {t('outbox.signInLink')}
        </Link>
      ) : (
        // aria-disabled, not disabled: a disabled button drops the keyboard focus mid-send.
        <button
          type="button"
          class="button-secondary"
          onClick={() => {
            if (!sending) onSend();
          }}
          aria-disabled={sending ? 'true' : undefined}
        >
          {sending ? t('outbox.sending') : t('outbox.sendNow')}
        </button>
      )}
      <ul class="outbox-list" aria-label={t('outbox.waitingList')}>
        {entries.map((entry) => (
          <li key={entry.id} class="outbox-entry">
            <p class="outbox-entry-title">{entryLine(entry)}</p>
            {isBeingSent(entry) && <p class="outbox-entry-state">{t('outbox.sendingThis')}</p>}
            {isHeld(entry) && <p class="outbox-entry-state">{t('outbox.editingThis')}</p>}
            <EntryButtons entry={entry} actions={actions} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Rejected({ entries, actions }: { entries: OutboxEntry[]; actions: EntryActions }) {
  return (
    <div class="outbox-rejected" role="alert">
      <p class="outbox-rejected-title">{t('outbox.rejectedTitle')}</p>
      <ul class="outbox-list">
        {entries.map((entry) => (
          <li key={entry.id} class="outbox-rejected-entry">
            <p class="outbox-entry-title">{entryLine(entry)}</p>
            <p class="outbox-entry-time">{t('outbox.createdAt', { time: formatFullDateTime(entry.createdAt) })}</p>
            <p class="outbox-reason">{t('outbox.reason', { reason: entry.reason || t('outbox.noReason') })}</p>
            <EntryButtons entry={entry} actions={actions} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Compact outbox block for the home screen and entry forms; only its status line when nothing is kept. */
export function OutboxStatus({ accountId }: { accountId: string | null }) {
  const { waiting, rejected, sending, needsSignIn, flush, lastError } = useOutbox(accountId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [discardError, setDiscardError] = useState<string | null>(null);
  const block = useRef<HTMLElement>(null);

  const actions: EntryActions = {
    confirming,
    busy,
    ask: (entry) => {
      setDiscardError(null);
      setConfirming(entry.id);
    },
    cancel: () => setConfirming(null),
    discard: (entry) => {
      setBusy(true);
      discard(entry.id).then(
        (dropped) => {
          setBusy(false);
          setConfirming(null);
          if (!dropped) setDiscardError(t('outbox.discardWhileSending'));
          // The entry and its buttons are gone: keep the focus in the block.
          block.current?.focus();
        },
        (error: unknown) => {
          setBusy(false);
          setDiscardError(errorMessage(error));
        },
      );
    },
  };

  const kept = waiting.length > 0 || rejected.length > 0;
  return (
    <>
      {kept && (
        <section class="outbox" aria-label={t('outbox.label')} ref={block} tabIndex={-1}>
          {waiting.length > 0 && (
            <Waiting
              entries={waiting}
              sending={sending}
              needsSignIn={needsSignIn}
              lastError={lastError}
              onSend={() => void flush()}
              actions={actions}
            />
          )}
          {rejected.length > 0 && <Rejected entries={rejected} actions={actions} />}
          {discardError && (
            <p role="alert" class="alert alert-error">
              {discardError}
            </p>
          )}
        </section>
      )}
    </>
  );
}
