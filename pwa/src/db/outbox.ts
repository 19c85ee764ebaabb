// The offline outbox: storage. Every entry a person makes (check-in, home log, observation) is written
// to IndexedDB first and sent from there (outboxSend.ts), so closing the app or losing Wi-Fi never
// loses one. Each entry carries a client UUID that the server stores once: sending it again (after a
// lost answer, from a second tab) is harmless, which is what makes "retry until sent" safe.
//
// An entry's state says who may touch it, so that a correction is never sent half-way:
//   waiting ──(a round claims it)──▶ sending ──▶ gone (stored) | waiting (try later) | rejected
//   waiting | rejected ──(its form opens)──▶ editing ──(saved: new values)──▶ waiting
//                                                    └─(closed unsaved)──▶ as before
// Claims and holds expire, so a tab closed mid-way never blocks an entry for good.
import { inOutbox } from './idb';

export type OutboxKind = 'checkIn' | 'homeLog' | 'observation';

export interface OutboxEntry {
  /** The client UUID, also sent to the server as the entry id. */
  id: string;
  /** Whose entry (the signed-in account); only that account's entries are sent or shown. */
  accountId: string;
  kind: OutboxKind;
  studentId: string;
  /** To show the author what is waiting. */
  studentName: string;
  /** The GraphQL variables to send. */
  variables: Record<string, unknown>;
  /** ISO time the person made the entry. */
  createdAt: string;
  attempts: number;
  state: 'waiting' | 'sending' | 'editing' | 'rejected';
  /** 'sending': when a round claimed it. */
  claimedAt?: string;
  /** 'editing': until when its form holds it (renewed while the form is open). */
  heldUntil?: string;
  /** 'editing': the state to go back to when the form is closed unsaved. */
  heldFrom?: 'waiting' | 'rejected';
  /** Translated server message when rejected. */
  reason?: string;
}

/** An entry as a form makes it; the outbox adds the rest when it stores it. */
export type NewOutboxEntry = Pick<OutboxEntry, 'id' | 'accountId' | 'kind' | 'studentId' | 'studentName' | 'variables'>;

/** A claim older than this belongs to a round that died (its request times out after 15 s). */
const CLAIM_MS = 60_000;

/** Being sent right now by a live round: not to be edited or discarded. */
export function isBeingSent(entry: OutboxEntry, now = Date.now()): boolean {
  return entry.state === 'sending' && now - Date.parse(entry.claimedAt ?? '') < CLAIM_MS;
}

/** Held by an open form (in this tab or another). */
export function isHeld(entry: OutboxEntry, now = Date.now()): boolean {
  return entry.state === 'editing' && Date.parse(entry.heldUntil ?? '') > now;
}

/** Still to be sent, whatever is happening to it this moment (the author sees it as waiting). */
export function isPending(entry: OutboxEntry): boolean {
  return entry.state !== 'rejected' && !(entry.state === 'editing' && entry.heldFrom === 'rejected');
}

// ---- Change notification (this tab and, through BroadcastChannel, the others) ----

const listeners = new Set<() => void>();
let channel: BroadcastChannel | null | undefined;

function broadcast(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('shouhu-outbox') : null;
    // Another tab changed the store: our lists are stale. Not re-broadcast, or tabs would ping-pong.
    if (channel) channel.onmessage = () => listeners.forEach((listener) => listener());
  }
  return channel;
}

/** `stored`: the entries changed (other tabs care); otherwise only this tab's sending state did. */
export function notify(stored: boolean): void {
  listeners.forEach((listener) => listener());
  if (stored) broadcast()?.postMessage('changed');
}

export function subscribe(listener: () => void): () => void {
  broadcast();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// ---- Storage ----

function byAge(a: OutboxEntry, b: OutboxEntry): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The account's entries, oldest first. */
export async function entries(accountId: string): Promise<OutboxEntry[]> {
  const found = await inOutbox<OutboxEntry[]>('readonly', (store) => store.index('accountId').getAll(accountId));
  return (found ?? []).sort(byAge);
}

/** What `decide` does with the stored entry: write it back changed, delete it, or leave it. */
export type Decision<R> = { put?: OutboxEntry; remove?: true; result: R };

/**
 * Reads one entry and acts on it in a single transaction, so no other tab or round can change it in
 * between; resolves with `decide`'s result once committed. `decide` gets undefined when it is gone.
 */
export async function decideOn<R>(id: string, decide: (entry: OutboxEntry | undefined) => Decision<R>): Promise<R> {
  let result: R | undefined;
  let decided = false;
  await inOutbox('readwrite', (store) => {
    const read = store.get(id);
    read.onsuccess = () => {
      const decision = decide(read.result as OutboxEntry | undefined);
      result = decision.result;
      decided = true;
      if (decision.remove) store.delete(id);
      else if (decision.put) store.put(decision.put);
    };
  });
  if (!decided) throw new Error('The outbox transaction ended before its read');
  return result as R;
}

/**
 * Stores the entry on this device. Resolves once it is safely on disk (not when it was sent); rejects
 * only if it could not be stored, which the form must show. Saving the same id twice (a double tap)
 * keeps the first copy.
 */
export async function enqueue(entry: NewOutboxEntry & { createdAt: string }): Promise<void> {
  if (!entry.id || !entry.accountId) throw new Error('An outbox entry needs an id and an accountId');
  const stored: OutboxEntry = { ...entry, attempts: 0, state: 'waiting' };
  await decideOn(entry.id, (existing) => (existing ? { result: null } : { put: stored, result: null }));
  notify(true);
}

/**
 * The author drops an entry (after confirming). Refused (false) while a round is sending it: by the
 * time it could be dropped the server may have it.
 */
export async function discard(id: string): Promise<boolean> {
  const dropped = await decideOn(id, (entry) => {
    if (!entry) return { result: true };
    return isBeingSent(entry) ? { result: false } : { remove: true, result: true };
  });
  notify(true);
  return dropped;
}
