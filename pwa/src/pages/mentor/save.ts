// Saving an entry from a form: on this phone first (the outbox), then an attempt to send it,
// so the form can tell the person plainly which of the two happened.
import type { ValidationErrorLike } from '../../components/useForm';
import { discard, enqueue, entries, flush, type NewOutboxEntry, type OutboxEntry } from '../../db/outbox';
import { t } from '../../i18n';
import { refusedField, SENDERS } from './senders';

export type SaveOutcome =
  /** The server has it. */
  | { state: 'sent' }
  /** On this phone; the outbox sends it when it can. */
  | { state: 'waiting' }
  /** The server refused it; the form still holds the values, so the entry is not kept. */
  | { state: 'rejected'; field: string | null; message: string };

/** A v4 UUID: the entry's id, generated here so a resend is recognised by the server. */
export function newEntryId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function find(accountId: string, id: string): Promise<OutboxEntry | undefined> {
  return (await entries(accountId)).find((entry) => entry.id === id);
}

/**
 * Stores the entry in the outbox, then tries to send it at once. Rejects only when the entry
 * could neither be stored on this phone nor sent (the form shows that error).
 */
export async function saveEntry(entry: NewOutboxEntry): Promise<SaveOutcome> {
  const full = { ...entry, createdAt: new Date().toISOString() };
  try {
    await enqueue(full);
  } catch (storageError) {
    // No device storage (private mode, quota): send directly rather than lose the entry.
    try {
      const outcome = await SENDERS[entry.kind]({ ...full, attempts: 0, state: 'waiting' });
      return outcome.ok ? { state: 'sent' } : { state: 'rejected', field: refusedField(entry.id), message: outcome.reason };
    } catch {
      throw storageError;
    }
  }
  // A round already under way may have looked for work before this entry was stored: then one more.
  for (let round = 0; round < 2; round += 1) {
    await flush(entry.accountId);
    const stored = await find(entry.accountId, entry.id);
    if (!stored) return { state: 'sent' };
    if (stored.state === 'rejected') {
      await discard(entry.id);
      return { state: 'rejected', field: refusedField(entry.id), message: stored.reason ?? '' };
    }
    if (stored.attempts > 0 || navigator.onLine === false) break;
  }
  return { state: 'waiting' };
}

interface FormLike {
  submit: (action: () => Promise<ValidationErrorLike | void>) => Promise<boolean>;
}

/**
 * Runs `saveEntry` inside a form's submit: a refusal goes next to the field it names (or above
 * the form). Returns how it was saved, or null when it was not (the form shows why).
 */
export async function submitEntry(form: FormLike, entry: NewOutboxEntry): Promise<{ state: 'sent' | 'waiting' } | null> {
  let saved: { state: 'sent' | 'waiting' } | null = null;
  await form.submit(async () => {
    let outcome: SaveOutcome;
    try {
      outcome = await saveEntry(entry);
    } catch {
      return { __typename: 'ValidationError', field: null, message: t('outbox.unavailable'), code: 'STORAGE' };
    }
    if (outcome.state === 'rejected') {
      return { __typename: 'ValidationError', field: outcome.field, message: outcome.message, code: 'REJECTED' };
    }
    saved = { state: outcome.state };
  });
  return saved;
}

/** After a failed submit: focus the first invalid control, so it is read out and can be corrected. */
export function focusFirstError(form: HTMLFormElement | null): void {
  setTimeout(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else form?.querySelector<HTMLElement>('.alert-error')?.focus();
  }, 0);
}
