// Saving an entry from a form: on this phone first (the outbox), then an attempt to send it,
// so the form can tell the person plainly which of the two happened.
import type { ValidationErrorLike } from '../../components/useForm';
import { discard, enqueue, entries, type NewOutboxEntry, type OutboxEntry } from '../../db/outbox';
import { replaceHeld, type Correction } from '../../db/outboxEdit';
import { flush, reportsItself } from '../../db/outboxSend';
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

/** How long a form waits for the server before saying "saved on this phone". */
const FORM_WAIT_MS = 5_000;

function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), Math.max(0, ms)));
}

async function find(accountId: string, id: string): Promise<OutboxEntry | undefined> {
  return (await entries(accountId)).find((entry) => entry.id === id);
}

/**
 * After storing: try to send at once, so the form can say plainly whether the server has it. A refused
 * new entry is dropped (the form still holds its values and shows why); a refused correction stays.
 */
async function sendNow(accountId: string, id: string, dropRefused: boolean): Promise<SaveOutcome> {
  reportsItself(id, true);
  // A server that does not answer (lie-fi) must not keep the person waiting: the entry is safe.
  const deadline = Date.now() + FORM_WAIT_MS;
  try {
    // A round already under way may have looked for work before this entry was stored: then one more.
    for (let round = 0; round < 2; round += 1) {
      const result = await Promise.race([flush(accountId), delay(deadline - Date.now())]);
      if (!result) break;
      const stored = await find(accountId, id);
      if (!stored) return { state: 'sent' };
      if (stored.state === 'rejected') {
        if (dropRefused) await discard(id);
        return { state: 'rejected', field: refusedField(id), message: stored.reason ?? '' };
      }
      if (result.stopped || stored.attempts > 0 || navigator.onLine === false) break;
    }
    return { state: 'waiting' };
  } finally {
    reportsItself(id, false);
  }
}

/**
 * Stores the entry in the outbox, then tries to send it at once. Rejects only when the entry
 * could neither be stored on this phone nor sent (the form shows that error).
 */
export async function saveEntry(entry: NewOutboxEntry): Promise<SaveOutcome> {
  const full = { ...entry, createdAt: new Date().toISOString() };
  // The form reports what became of it (the outbox's "n sent" is for entries that had to wait):
  // marked before it is stored, as a round started elsewhere may send it at once.
  reportsItself(entry.id, true);
  try {
    await enqueue(full);
  } catch (storageError) {
    reportsItself(entry.id, false);
    // No device storage (private mode, quota): send directly rather than lose the entry.
    try {
      const outcome = await SENDERS[entry.kind]({ ...full, attempts: 0, state: 'waiting' });
      return outcome.ok ? { state: 'sent' } : { state: 'rejected', field: refusedField(entry.id), message: outcome.reason };
    } catch {
      throw storageError;
    }
  }
  return sendNow(entry.accountId, entry.id, true);
}

/**
 * Saves the corrected values of an entry still on the phone (its form holds it), then tries to send
 * it. A refusal leaves it in the outbox (marked refused) rather than dropping what was stored before.
 */
export async function saveCorrection(accountId: string, id: string, correction: Correction): Promise<SaveOutcome | 'gone'> {
  reportsItself(id, true);
  const replaced = await replaceHeld(accountId, id, correction);
  if (replaced !== 'replaced') {
    reportsItself(id, false);
    return 'gone';
  }
  return sendNow(accountId, id, false);
}

interface FormLike {
  submit: (action: () => Promise<ValidationErrorLike | void>) => Promise<boolean>;
}

type Saved = { state: 'sent' | 'waiting' } | null;

/** Runs a save inside a form's submit: a refusal goes next to the field it names (or above the form). */
async function submitWith(form: FormLike, save: () => Promise<SaveOutcome | 'gone'>): Promise<Saved> {
  let saved: Saved = null;
  await form.submit(async () => {
    let outcome: SaveOutcome | 'gone';
    try {
      outcome = await save();
    } catch {
      return { __typename: 'ValidationError', field: null, message: t('outbox.unavailable'), code: 'STORAGE' };
    }
    if (outcome === 'gone') {
      return { __typename: 'ValidationError', field: null, message: t('outbox.goneWhileEditing'), code: 'GONE' };
    }
    if (outcome.state === 'rejected') {
      return { __typename: 'ValidationError', field: outcome.field, message: outcome.message, code: 'REJECTED' };
    }
    saved = { state: outcome.state };
  });
  return saved;
}

/** A new entry from a form. Returns how it was saved, or null when it was not (the form shows why). */
export function submitEntry(form: FormLike, entry: NewOutboxEntry): Promise<Saved> {
  return submitWith(form, () => saveEntry(entry));
}

/** The corrected values of an entry still on the phone, from its form. */
export function submitCorrection(form: FormLike, accountId: string, id: string, correction: Correction): Promise<Saved> {
  return submitWith(form, () => saveCorrection(accountId, id, correction));
}

export { focusFirstError } from '../../components/useForm';
