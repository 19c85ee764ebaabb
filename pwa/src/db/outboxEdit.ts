// Correcting an entry still on the phone: its form holds it (state 'editing') so no round sends it
// half-way, and saving replaces it in one transaction under the same client id — the server, which
// has never seen it, stores it once with the corrected values.
import { decideOn, isBeingSent, notify, type OutboxEntry } from './outbox';

/** How long a hold lasts without renewal; the form renews it while open, so only a dead tab's lapses. */
const HOLD_MS = 2 * 60_000;

/** Holds taken by this tab: its own rounds skip them even if the phone slept past their expiry. */
const heldHere = new Set<string>();

export function isHeldInThisTab(id: string): boolean {
  return heldHere.has(id);
}

export type HoldResult =
  | { status: 'held'; entry: OutboxEntry }
  /** A round is sending it this moment: wait, then it is either gone (stored) or back. */
  | { status: 'sending' }
  /** Sent already (or discarded), or not this account's. */
  | { status: 'gone' };

function until(): string {
  return new Date(Date.now() + HOLD_MS).toISOString();
}

export async function hold(accountId: string, id: string): Promise<HoldResult> {
  const result = await decideOn<HoldResult>(id, (entry) => {
    if (!entry || entry.accountId !== accountId) return { result: { status: 'gone' } };
    if (isBeingSent(entry)) return { result: { status: 'sending' } };
    const heldFrom = entry.state === 'rejected' || entry.heldFrom === 'rejected' ? 'rejected' : 'waiting';
    const held: OutboxEntry = { ...entry, state: 'editing', heldUntil: until(), heldFrom };
    return { put: held, result: { status: 'held', entry: held } };
  });
  if (result.status === 'held') {
    heldHere.add(id);
    notify(true);
  }
  return result;
}

/** Keeps the hold alive while the form is open. */
export async function renewHold(id: string): Promise<void> {
  await decideOn(id, (entry) =>
    entry?.state === 'editing' ? { put: { ...entry, heldUntil: until() }, result: null } : { result: null },
  );
}

/** The form closed unsaved: the entry goes back to what it was. */
export async function releaseHold(id: string): Promise<void> {
  heldHere.delete(id);
  await decideOn(id, (entry) => {
    if (entry?.state !== 'editing') return { result: null };
    const back: OutboxEntry = { ...entry, state: entry.heldFrom ?? 'waiting' };
    delete back.heldUntil;
    delete back.heldFrom;
    return { put: back, result: null };
  });
  notify(true);
}

export type Correction = Pick<OutboxEntry, 'variables' | 'studentId' | 'studentName'>;

/**
 * Saves the corrected values in place of the held entry, which waits to be sent again (a refused one
 * gets another chance). 'gone' when it was sent or discarded meanwhile: the correction is not stored.
 */
export async function replaceHeld(accountId: string, id: string, correction: Correction): Promise<'replaced' | 'sending' | 'gone'> {
  const result = await decideOn<'replaced' | 'sending' | 'gone'>(id, (entry) => {
    if (!entry || entry.accountId !== accountId) return { result: 'gone' };
    if (isBeingSent(entry)) return { result: 'sending' };
    const corrected: OutboxEntry = { ...entry, ...correction, state: 'waiting', attempts: 0 };
    delete corrected.heldUntil;
    delete corrected.heldFrom;
    delete corrected.reason;
    delete corrected.claimedAt;
    return { put: corrected, result: 'replaced' };
  });
  heldHere.delete(id);
  notify(true);
  return result;
}
