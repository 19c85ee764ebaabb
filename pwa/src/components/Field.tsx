// A labelled input with its error message (and optional hint) tied to it for assistive technology.
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../i18n';

type InputProps = Omit<JSX.IntrinsicElements['input'], 'value' | 'onInput' | 'label'>;

/** "Optional" sits outside the <label>, so the accessible name is the label alone
 * (stable for tests); `required` on the other inputs already tells assistive technology. */
function FieldLabel({ id, label, optional }: { id: string; label: string; optional?: boolean }) {
  return (
    <div class="label-row">
      <label for={id}>{label}</label>
      {optional && <span class="optional">{t('common.optional')}</span>}
    </div>
  );
}

interface Props extends InputProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | null;
  hint?: string;
  optional?: boolean;
}

export function Field({ label, value, onValue, error, hint, optional, ...input }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <FieldLabel id={id} label={label} optional={optional} />
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        required={!optional}
        {...input}
      />
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string | null;
  optional?: boolean;
  /** A filter, not a form field: neither required nor marked optional. */
  filter?: boolean;
}

export function SelectField({ label, value, onValue, options, error, optional, filter }: SelectProps) {
  const id = useId();
  return (
    <div class="field">
      <FieldLabel id={id} label={label} optional={optional && !filter} />
      <select
        id={id}
        value={value}
        onChange={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        required={!optional && !filter}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckboxField({ label, checked, onChecked }: { label: string; checked: boolean; onChecked: (value: boolean) => void }) {
  const id = useId();
  return (
    <div class="field checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChecked(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
