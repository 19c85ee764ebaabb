// "Really …?" asked in place, with the confirm button focused when the question appears: removing a
// team member or a device, discarding an entry kept on the phone, signing out.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../i18n';

export function ConfirmInPlace({ question, detail, confirmLabel, subject, busy, tone = 'danger', onConfirm, onCancel }: {
  question: string;
  /** More about what happens, under the question (read with it). */
  detail?: ComponentChildren;
  confirmLabel: string;
  /** What is being confirmed (an id): focus moves to the question once for each. */
  subject: string;
  busy: boolean;
  /** 'danger' for what cannot be undone; 'calm' for what can (signing out with nothing waiting). */
  tone?: 'danger' | 'calm';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  const textId = useId();
  useEffect(() => confirm.current?.focus(), [subject]);
  return (
    <div class={`confirm confirm-${tone}`} role="group" aria-labelledby={textId}>
      <div id={textId}>
        <p>{question}</p>
        {detail && <p class="confirm-detail">{detail}</p>}
      </div>
      <div class="button-row">
        <button type="button" class={tone === 'danger' ? 'button-danger' : 'button-primary'} disabled={busy} onClick={onConfirm} ref={confirm}>
          {confirmLabel}
        </button>
        <button type="button" class="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The removal form of the question (always 'danger'). */
export function ConfirmRemove(props: Omit<Parameters<typeof ConfirmInPlace>[0], 'tone' | 'detail'>) {
  return <ConfirmInPlace {...props} tone="danger" />;
}
