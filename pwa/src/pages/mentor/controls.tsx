// The form parts of the entry screens: large radio tiles, signal chips, minutes with quick choices,
// and the message that says what became of a saved entry. (A note: components/Field's TextAreaField.)
// Every control is a real input inside a fieldset with a legend (or a label), at least 44 px tall.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { Signal } from '../../api/generated';
import { Field } from '../../components/Field';
import { t, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import '../../styles/mentor.css';

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
  /** A mood 1–5: drawn as a face beside the label. */
  face?: number;
}

interface ChoiceGroupProps<V extends string> {
  legend: string;
  name: string;
  choices: Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
  error?: string | null;
  optional?: boolean;
  /** Layout: 'row' for short tiles side by side (mood), 'grid' two a line, 'list' one a line. */
  layout?: 'row' | 'grid' | 'list';
  id?: string;
}

/** A radio group shown as large tiles. */
export function ChoiceGroup<V extends string>({
  legend, name, choices, value, onChange, error, optional, layout = 'list', id,
}: ChoiceGroupProps<V>) {
  const own = useId();
  const errorId = `${own}-error`;
  return (
    <fieldset class={`field choices choices-${layout}`} id={id} aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {optional && <span class="optional"> {t('common.optional')}</span>}
      </legend>
      {error && (
        <p class="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div class="choice-tiles">
        {choices.map((choice) => (
          <label key={choice.value} class="choice">
            <input
              type="radio"
              name={`${name}-${own}`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-invalid={error ? 'true' : undefined}
            />
            <span class="choice-body">
              {choice.face && <Face mood={choice.face} />}
              <span class="choice-label">{choice.label}</span>
              {choice.hint && <span class="choice-hint">{choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

// Mouth curve per mood: the control point's height (below 16 smiles, above frowns).
const MOUTHS = ['M8 17 Q12 12.5 16 17', 'M8 16.5 Q12 14 16 16.5', 'M8 15.5 L16 15.5', 'M8 14.5 Q12 17.5 16 14.5', 'M7.5 14 Q12 19.5 16.5 14'];

/** A drawn face (emoji faces differ, or are missing, from phone to phone). */
function Face({ mood }: { mood: number }) {
  return (
    <svg class={`face face-${mood}`} viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <circle class="face-head" cx="12" cy="12" r="10.5" />
      <circle class="face-eye" cx="8.5" cy="9.5" r="1.3" />
      <circle class="face-eye" cx="15.5" cy="9.5" r="1.3" />
      <path class="face-mouth" d={MOUTHS[mood - 1]} />
    </svg>
  );
}

/** A mood 1–5 in words ("较好"); empty for anything else. */
export function moodLabel(mood: number | null | undefined): string {
  return mood && mood >= 1 && mood <= 5 ? t(`mentor.mood.${mood}` as MessageKey) : '';
}

export function moodChoices(): Choice<string>[] {
  return [1, 2, 3, 4, 5].map((mood) => ({ value: String(mood), label: moodLabel(mood), face: mood }));
}

export const CRISIS_SIGNALS: Signal[] = [
  'EMOTIONAL_OUTBURST', 'TRUANCY', 'RUNNING_AWAY', 'SELF_HARM', 'ATTACKING_OTHERS', 'SUICIDE_TALK',
];
export const EARLY_SIGNS: Signal[] = [
  'LOW_MOOD', 'WITHDRAWAL', 'SLEEP_PROBLEMS', 'APPETITE_CHANGE', 'GRADE_DROP', 'PEER_CONFLICT', 'TEACHER_CONFLICT',
  'FAMILY_CONFLICT',
];

function SignalGroup({ legend, signals, chosen, onToggle, crisis }: {
  legend: string;
  signals: Signal[];
  chosen: Signal[];
  onToggle: (signal: Signal, on: boolean) => void;
  crisis?: boolean;
}) {
  return (
    <fieldset class={crisis ? 'signal-group signal-crisis' : 'signal-group'}>
      <legend>
        {crisis && (
          <span class="sig-mark" aria-hidden="true">
            !
          </span>
        )}
        {legend}
      </legend>
      <div class="chips">
        {signals.map((signal) => (
          <label key={signal} class="chip">
            <input
              type="checkbox"
              value={signal}
              checked={chosen.includes(signal)}
              onChange={(event) => onToggle(signal, event.currentTarget.checked)}
            />
            <span class="chip-body">{t(`mentor.signal.${signal}` as MessageKey)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Signals as toggle chips in two groups; a crisis signal brings up the notice of the alert it raises. */
export function SignalChips({ value, onChange, error, family }: {
  value: Signal[];
  onChange: (value: Signal[]) => void;
  error?: string | null;
  /** Guardians also get the emergency numbers. */
  family?: boolean;
}) {
  const onToggle = (signal: Signal, on: boolean) => {
    const rest = value.filter((item) => item !== signal);
    onChange(on ? [...rest, signal] : rest);
  };
  const crisis = value.some((signal) => CRISIS_SIGNALS.includes(signal));
  return (
    <fieldset class="field signals">
      <legend>
        {t('mentor.signals')}
        <span class="optional"> {t('common.optional')}</span>
      </legend>
      <p class="hint">{t('mentor.signalsHint')}</p>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <SignalGroup legend={t('mentor.crisis')} signals={CRISIS_SIGNALS} chosen={value} onToggle={onToggle} crisis />
      {/* A live region that stays in the page, so the notice is announced when it appears. */}
      <div role="status" class="crisis-status">
        {crisis && (
          <div class="crisis-notice">
            <p>{t('mentor.crisisNotice')}</p>
            <p>
              {t('mentor.crisisUrgent')} {family && <Link href="/help">{t('mentor.helpLink')}</Link>}
            </p>
          </div>
        )}
      </div>
      <SignalGroup legend={t('mentor.early')} signals={EARLY_SIGNS} chosen={value} onToggle={onToggle} />
    </fieldset>
  );
}

/** A whole number (or decimal) field of the entry forms; `children` go between the hint and the input. */
export function NumberField({ label, value, onValue, error, optional, step, max, hint, id, children }: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | null;
  optional?: boolean;
  step?: string;
  max?: number;
  hint?: string;
  id?: string;
  children?: ComponentChildren;
}) {
  return (
    <Field label={label} value={value} onValue={onValue} error={error} optional={optional} hint={hint} id={id}
      type="number" inputMode={step && step !== '1' ? 'decimal' : 'numeric'} min={0} max={max} step={step ?? '1'}>
      {children}
    </Field>
  );
}

/** Minutes with quick choices, the daily target, and whether the value meets it. */
export function MinutesField({ label, hint, value, onValue, quick, target, error, id }: {
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  quick: number[];
  target: number;
  error?: string | null;
  id?: string;
}) {
  const groupLabel = `${label} · ${t('family.homeLog.quick')}`;
  const met = value.trim() !== '' && Number(value) >= target;
  return (
    <NumberField label={label} hint={hint} value={value} onValue={onValue} error={error} max={600} id={id}>
      <div class="quick" role="group" aria-label={groupLabel}>
        {quick.map((minutes) => (
          <button
            key={minutes}
            type="button"
            class="quick-button"
            aria-pressed={value.trim() !== '' && Number(value) === minutes ? 'true' : 'false'}
            onClick={() => onValue(String(minutes))}
          >
            <span class="quick-number">{minutes}</span>{' '}
            <span class="quick-unit">{t('family.homeLog.quickUnit')}</span>
          </button>
        ))}
      </div>
      {met && <p class="target-met">{t('family.homeLog.targetMet')}</p>}
    </NumberField>
  );
}

/** What became of a saved entry: announced, and focused so it is the next thing read. */
export function SavedMessage({ state, text, children }: {
  state: 'sent' | 'waiting';
  text: string;
  children?: ComponentChildren;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After the page's own focus on its heading (which runs after its children's effects).
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div ref={ref} tabIndex={-1} role="status" class={`saved saved-${state}`}>
      <p class="saved-text">{text}</p>
      {children}
    </div>
  );
}
