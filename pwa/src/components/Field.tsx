// Labelled form fields with their error message (and optional hint) tied to the control for
// assistive technology: one frame, whatever the control (input, textarea, select).
import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../i18n';

/** "Optional" sits outside the <label>, so the accessible name is the label alone
 * (stable for tests); `required` on the other controls already tells assistive technology. */
function FieldLabel({ id, label, optional }: { id: string; label: string; optional?: boolean }) {
  return (
    <div class="label-row">
      <label for={id}>{label}</label>
      {optional && <span class="optional">{t('common.optional')}</span>}
    </div>
  );
}

/** The ids of the hint, a counter and the error, as far as they are shown. */
function describedBy(id: string, shown: { hint?: unknown; count?: unknown; error?: unknown }): string | undefined {
  const ids = (['hint', 'count', 'error'] as const).filter((part) => shown[part]).map((part) => `${id}-${part}`);
  return ids.length ? ids.join(' ') : undefined;
}

interface FrameProps {
  id: string;
  label: string;
  optional?: boolean;
  hint?: string;
  error?: string | null;
  /** Between the hint and the control, e.g. quick choices. */
  before?: ComponentChildren;
  /** The control. */
  children: ComponentChildren;
  /** Below the control, e.g. a character count (with the id `${id}-count`). */
  after?: ComponentChildren;
}

function FieldFrame({ id, label, optional, hint, error, before, children, after }: FrameProps) {
  return (
    <div class="field">
      <FieldLabel id={id} label={label} optional={optional} />
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {before}
      {children}
      {after}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface FieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | null;
  hint?: string;
  optional?: boolean;
  id?: string;
  /** Shown between the hint and the control. */
  children?: ComponentChildren;
}

type InputProps = Omit<JSX.IntrinsicElements['input'], 'value' | 'onInput' | 'label' | 'id' | 'children'>;

export function Field({ label, value, onValue, error, hint, optional, id, children, ...input }: FieldProps & InputProps) {
  const own = useId();
  const fieldId = id ?? own;
  return (
    <FieldFrame id={fieldId} label={label} optional={optional} hint={hint} error={error} before={children}>
      <input
        id={fieldId}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(fieldId, { hint, error })}
        required={!optional}
        {...input}
      />
    </FieldFrame>
  );
}

type TextAreaProps = Omit<JSX.IntrinsicElements['textarea'], 'value' | 'onInput' | 'label' | 'id' | 'children'>;

/**
 * A multi-line field. With `count`, a live character count: the limit is the server's, so a longer
 * text is not cut (a paste can still be trimmed by hand) but the count warns and the field is marked.
 */
export function TextAreaField({ label, value, onValue, error, hint, optional, id, count, rows = 3, ...textarea }: Omit<FieldProps, 'children'> & TextAreaProps & { count?: number }) {
  const own = useId();
  const fieldId = id ?? own;
  const length = [...value].length;
  const over = count === undefined ? 0 : length - count;
  const counter = count !== undefined && (
    <p class={over > 0 ? 'char-count char-count-over' : 'char-count'} id={`${fieldId}-count`}>
      {over > 0 ? t('field.countOver', { n: over, max: count }) : t('field.count', { n: length, max: count })}
    </p>
  );
  return (
    <FieldFrame id={fieldId} label={label} optional={optional} hint={hint} error={error} after={counter}>
      <textarea
        id={fieldId}
        rows={rows}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error || over > 0 ? 'true' : undefined}
        aria-describedby={describedBy(fieldId, { hint, count: counter, error })}
        required={!optional}
        {...textarea}
      />
    </FieldFrame>
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
    <FieldFrame id={id} label={label} optional={optional && !filter} error={error}>
      <select
        id={id}
        value={value}
        onChange={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, { error })}
        required={!optional && !filter}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
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
