// "Really remove …?" asked in place, with the confirm button focused when the question appears.
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../i18n';

export function ConfirmRemove({ question, confirmLabel, subject, busy, onConfirm, onCancel }: {
  question: string;
  confirmLabel: string;
  /** What is being removed (an id): focus moves to the question once for each. */
  subject: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  const textId = useId();
  useEffect(() => confirm.current?.focus(), [subject]);
  return (
    <div class="confirm" role="group" aria-labelledby={textId}>
      <p id={textId}>{question}</p>
      <div class="button-row">
        <button type="button" class="button-danger" disabled={busy} onClick={onConfirm} ref={confirm}>
          {confirmLabel}
        </button>
        <button type="button" class="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
