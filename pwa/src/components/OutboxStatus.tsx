// What is still on this phone: entries waiting for a connection, and entries the server refused.
// A refused entry is not saved anywhere else, so it stays in view until its author discards it.
import { useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { discard, useOutbox, type OutboxEntry, type OutboxKind } from '../db/outbox';
import { t, type MessageKey } from '../i18n';
import { formatFullDateTime } from '../i18n/time';
import '../styles/outbox.css';

const KIND_KEYS: Record<OutboxKind, MessageKey> = {
  checkIn: 'outbox.kind.checkIn',
  homeLog: 'outbox.kind.homeLog',
  observation: 'outbox.kind.observation',
};

function entryTitle(entry: OutboxEntry): string {
  return t('outbox.entry', { studentName: entry.studentName, kind: t(KIND_KEYS[entry.kind]) });
}

function Waiting({ entries, sending, lastError, onSend }: {
  entries: OutboxEntry[];
  sending: boolean;
  lastError: string | null;
  onSend: () => void;
}) {
  return (
    <div class="outbox-waiting">
      <div role="status" class="outbox-status">
        <p class="outbox-count">{t('outbox.waiting', { n: entries.length })}</p>
        <p class="outbox-note">{t('outbox.savedOnDevice')}</p>
        {lastError && !sending && <p class="outbox-error">{t('outbox.lastError', { message: lastError })}</p>}
      </div>
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus mid-send. */}
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
      <details class="outbox-details">
        <summary>{t('outbox.showWaiting')}</summary>
        <ul class="outbox-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              {entryTitle(entry)} <span class="muted">{formatFullDateTime(entry.createdAt)}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function Rejected({ entries, onDiscard }: { entries: OutboxEntry[]; onDiscard: (entry: OutboxEntry) => void }) {
  return (
    <div class="outbox-rejected" role="alert">
      <p class="outbox-rejected-title">{t('outbox.rejectedTitle')}</p>
      <ul class="outbox-list">
        {entries.map((entry) => (
          <li key={entry.id} class="outbox-rejected-entry">
            <p class="outbox-entry-title">{entryTitle(entry)}</p>
            <p class="outbox-entry-time">{t('outbox.createdAt', { time: formatFullDateTime(entry.createdAt) })}</p>
            <p class="outbox-reason">{t('outbox.reason', { reason: entry.reason || t('outbox.noReason') })}</p>
            <button type="button" class="button-quiet" onClick={() => onDiscard(entry)}>
              {t('outbox.discard', { studentName: entry.studentName })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Compact outbox block for the home screen and entry forms; renders nothing when empty. */
export function OutboxStatus({ accountId }: { accountId: string | null }) {
  const { waiting, rejected, sending, flush, lastError } = useOutbox(accountId);
  const [discardError, setDiscardError] = useState<string | null>(null);

  if (waiting.length === 0 && rejected.length === 0) return null;

  const onDiscard = (entry: OutboxEntry) => {
    setDiscardError(null);
    discard(entry.id).catch((error: unknown) => setDiscardError(errorMessage(error)));
  };

  return (
    <section class="outbox" aria-label={t('outbox.label')}>
      {waiting.length > 0 && (
        <Waiting entries={waiting} sending={sending} lastError={lastError} onSend={() => void flush()} />
      )}
      {rejected.length > 0 && <Rejected entries={rejected} onDiscard={onDiscard} />}
      {discardError && (
        <p role="alert" class="alert alert-error">
          {discardError}
        </p>
      )}
    </section>
  );
}
