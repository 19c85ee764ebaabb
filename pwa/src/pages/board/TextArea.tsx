// A labelled multi-line field with its error tied to it (the textarea twin of components/Field).
import { useId } from 'preact/hooks';
import { t } from '../../i18n';

interface Props {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | null;
  hint?: string;
  optional?: boolean;
  maxLength?: number;
  rows?: number;
}

export function TextArea({ label, value, onValue, error, hint, optional, maxLength = 500, rows = 3 }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <div class="label-row">
        <label for={id}>{label}</label>
        {optional && <span class="optional">{t('common.optional')}</span>}
      </div>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        class="textarea"
        value={value}
        rows={rows}
        maxLength={maxLength}
        required={!optional}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
