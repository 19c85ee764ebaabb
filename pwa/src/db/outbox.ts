// The offline outbox. Every entry a person makes (check-in, home log, observation) is written
// to IndexedDB first and sent from there, so closing the app or losing Wi-Fi never loses one.
// Each entry carries a client UUID that the server stores once: sending it again (after a lost
// answer, from a second tab) is harmless, which is what makes "retry until sent" safe.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { t } from '../i18n';
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
  state: 'waiting' | 'rejected';
  /** Translated server message when rejected. */
  reason?: string;
}

/** An entry as a form makes it; the outbox adds the rest when it stores it. */
export type NewOutboxEntry = Omit<OutboxEntry, 'createdAt' | 'attempts' | 'state' | 'reason'>;

/**
 * What a sender reports: sent (stored or already stored), or rejected by the server with a
 * translated reason. Throw an ApiError with code NETWORK or TIMEOUT (or any error) to mean
 * "try again later".
 */
export type SendOutcome = { ok: true } | { ok: false; reason: string };

export type Sender = (entry: OutboxEntry) => Promise<SendOutcome>;

export interface FlushResult {
  /** Sent (or found already stored) in this round. */
  sent: number;
  /** Rejected by the server in this round. */
  rejected: number;
  /** Still waiting for the account after this round. */
  waiting: number;
}

const senders = new Map<OutboxKind, Sender>();

/** Pages register how to send their kind; entries of a kind with no sender yet simply wait. */
export function registerSender(kind: OutboxKind, send: Sender): void {
  senders.set(kind, send);
}

// Codes that will not change however often the entry is sent again: the entry is rejected (and
// shown to its author) instead of blocking everything queued behind it. Anything else, including
// UNAUTHENTICATED (sent after the next sign-in) and server faults, means "try again later".
const FINAL_CODES = new Set([
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_COMPLEX',
  'BODY_TOO_LARGE',
  // Refused at the server's edge before anything ran: sending the same entry again changes nothing.
  'INVALID_TEXT',
  'BAD_VARIABLE',
  'BAD_REQUEST',
  'BAD_JSON',
  'NO_OPERATION',
  'UNKNOWN_OPERATION',
  'OPERATION_NAME_REQUIRED',
  'OPERATION_NOT_SUPPORTED',
]);

/**
 * For a sender's `catch`: a final server refusal becomes a rejection with the translated
 * message; every other error is thrown again, so the entry keeps waiting.
 */
export function outcomeOfError(error: unknown): SendOutcome {
  if (error instanceof ApiError && FINAL_CODES.has(error.code)) return { ok: false, reason: errorMessage(error) };
  throw error;
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
function notify(stored: boolean): void {
  listeners.forEach((listener) => listener());
  if (stored) broadcast()?.postMessage('changed');
}

function subscribe(listener: () => void): () => void {
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

/** Changes one stored entry in a single transaction; does nothing if it is gone. */
function update(id: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<unknown> {
  return inOutbox('readwrite', (store) => {
    const read = store.get(id);
    read.onsuccess = () => {
      const entry = read.result as OutboxEntry | undefined;
      if (entry) store.put(change(entry));
    };
  });
}

/**
 * Stores the entry on this device, then tries to send it. Resolves once it is safely on disk
 * (not when it was sent); rejects only if it could not be stored, which the form must show.
 * Saving the same id twice (a double tap) keeps the first copy.
 */
export async function enqueue(entry: Omit<OutboxEntry, 'attempts' | 'state'>): Promise<void> {
  if (!entry.id || !entry.accountId) throw new Error('An outbox entry needs an id and an accountId');
  const stored: OutboxEntry = { ...entry, attempts: 0, state: 'waiting' };
  delete stored.reason;
  await inOutbox('readwrite', (store) => {
    const existing = store.getKey(entry.id);
    existing.onsuccess = () => {
      if (existing.result === undefined) store.add(stored);
    };
  });
  notify(true);
  // Not awaited: the person is done once it is stored; sending is the outbox's job.
  flush(entry.accountId).catch(() => undefined);
}

/** The author explicitly drops a rejected entry. Waiting entries are never dropped this way. */
export async function discard(id: string): Promise<void> {
  await inOutbox('readwrite', (store) => {
    const read = store.get(id);
    read.onsuccess = () => {
      if ((read.result as OutboxEntry | undefined)?.state === 'rejected') store.delete(id);
    };
  });
  notify(true);
}

// ---- Sending ----

let inFlight: { accountId: string; promise: Promise<FlushResult> } | null = null;
/** Why the last round stopped early; kept as the error so it is translated when shown. */
let lastFailure: { accountId: string; error: unknown } | null = null;

async function round(accountId: string): Promise<FlushResult> {
  let sent = 0;
  let rejected = 0;
  const tried = new Set<string>();
  try {
    for (;;) {
      // Read afresh each time: entries saved during the round are sent in it too.
      const next = (await entries(accountId)).find(
        (entry) => entry.state === 'waiting' && senders.has(entry.kind) && !tried.has(entry.id),
      );
      if (!next) break;
      tried.add(next.id);
      let outcome: SendOutcome;
      try {
        outcome = await senders.get(next.kind)!(next);
      } catch (error) {
        // Probably offline (or signed out): the rest would fail the same way. Try again later.
        await update(next.id, (entry) => ({ ...entry, attempts: entry.attempts + 1 }));
        lastFailure = { accountId, error };
        notify(true);
        break;
      }
      if (outcome.ok) {
        await inOutbox('readwrite', (store) => store.delete(next.id));
        sent += 1;
      } else {
        // Never dropped silently: it stays, with the reason, until its author discards it.
        const reason = outcome.reason;
        await update(next.id, (entry) => ({ ...entry, attempts: entry.attempts + 1, state: 'rejected', reason }));
        rejected += 1;
      }
      lastFailure = null;
      notify(true);
    }
  } catch (error) {
    // The device storage failed; nothing was lost, but nothing more can be done this round.
    lastFailure = { accountId, error };
  }
  let waiting = 0;
  try {
    waiting = (await entries(accountId)).filter((entry) => entry.state === 'waiting').length;
  } catch {
    // Storage unavailable: reported through lastFailure already.
  }
  return { sent, rejected, waiting };
}

async function exclusively(accountId: string): Promise<FlushResult> {
  // Web Locks keep two tabs from sending at the same moment. Where they are missing (older
  // Safari) two tabs may send the same entry; the server stores it once, so that costs only traffic.
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) {
    try {
      // The lock is held until round() settles; `await` unwraps the promise the lock resolves with.
      return await navigator.locks.request('shouhu-outbox', () => round(accountId));
    } catch {
      // round() never rejects, so this is the lock itself failing (e.g. an opaque origin):
      // send without it rather than never.
      return round(accountId);
    }
  }
  return round(accountId);
}

/**
 * Sends the account's waiting entries, oldest first, one at a time. Only one round runs at a
 * time: a call during a round for the same account joins it (the round picks up new entries).
 * Never rejects.
 */
export function flush(accountId: string): Promise<FlushResult> {
  if (inFlight && inFlight.accountId === accountId) return inFlight.promise;
  const before = inFlight ? inFlight.promise : Promise.resolve();
  const promise: Promise<FlushResult> = before
    .then(() => exclusively(accountId))
    .catch((error: unknown) => {
      lastFailure = { accountId, error };
      return { sent: 0, rejected: 0, waiting: 0 };
    })
    .finally(() => {
      if (inFlight?.promise === promise) inFlight = null;
      notify(false);
    });
  inFlight = { accountId, promise };
  notify(false);
  return promise;
}

// ---- Background sync ----

const RETRY_MS = 30_000;

/**
 * Sends now, when the network comes back, when the app is shown again, and every 30 s while
 * entries are waiting. `getAccountId` is asked each time, so signing out stops sending and the
 * entries of someone else who used this phone are never sent under the current session.
 */
export function startOutboxSync(getAccountId: () => string | null): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = async () => {
    const accountId = getAccountId();
    if (stopped || timer !== undefined || !accountId) return;
    let waiting = 0;
    try {
      waiting = (await entries(accountId)).filter((entry) => entry.state === 'waiting').length;
    } catch {
      return;
    }
    if (!stopped && timer === undefined && waiting > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        // Surely offline: skip the attempt; the `online` event sends as soon as that changes.
        if (navigator.onLine === false) void schedule();
        else send();
      }, RETRY_MS);
    }
  };

  const send = () => {
    const accountId = getAccountId();
    if (stopped || !accountId) return;
    void flush(accountId).then(schedule);
  };

  const onVisible = () => {
    if (document.visibilityState === 'visible') send();
  };

  window.addEventListener('online', send);
  document.addEventListener('visibilitychange', onVisible);
  // New entries (here or in another tab) start the retry timer if none is running.
  const unsubscribe = subscribe(() => void schedule());
  send();

  return () => {
    stopped = true;
    window.removeEventListener('online', send);
    document.removeEventListener('visibilitychange', onVisible);
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}

// ---- Hook ----

export interface OutboxView {
  waiting: OutboxEntry[];
  rejected: OutboxEntry[];
  sending: boolean;
  flush: () => Promise<void>;
  lastError: string | null;
}

const EMPTY: OutboxEntry[] = [];

/** The signed-in account's outbox, kept current across changes in this tab and others. */
export function useOutbox(accountId: string | null): OutboxView {
  const [list, setList] = useState<OutboxEntry[]>(EMPTY);
  const [loadFailed, setLoadFailed] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    let generation = 0;
    const refresh = () => {
      setSending(inFlight !== null && inFlight.accountId === accountId);
      setFailure(lastFailure && lastFailure.accountId === accountId ? lastFailure.error : null);
      if (!accountId) {
        setList(EMPTY);
        return;
      }
      // Reads can finish out of order; only the latest one counts.
      const mine = ++generation;
      entries(accountId).then(
        (found) => {
          if (current && mine === generation) {
            setList(found);
            setLoadFailed(false);
          }
        },
        () => {
          if (current && mine === generation) setLoadFailed(true);
        },
      );
    };
    refresh();
    const unsubscribe = subscribe(refresh);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [accountId]);

  const send = useCallback(async () => {
    if (accountId) await flush(accountId);
  }, [accountId]);

  const lastError = loadFailed ? t('outbox.unavailable') : failure === null ? null : errorMessage(failure);
  return {
    waiting: list.filter((entry) => entry.state === 'waiting'),
    rejected: list.filter((entry) => entry.state === 'rejected'),
    sending,
    flush: send,
    lastError,
  };
}
