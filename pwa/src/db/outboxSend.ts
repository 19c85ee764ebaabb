// Sending the outbox: one round at a time, oldest entry first, only under the session of the account
// that wrote the entries (confirmed with the server before each round), and by itself — at start, on
// `online`, when the app comes back to the front and every 30 s while entries wait, also when the phone
// is online but the server was not answering ("lie-fi").
import { ApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { decideOn, entries, isBeingSent, isHeld, isPending, notify, subscribe, type OutboxEntry, type OutboxKind } from './outbox';
import { isHeldInThisTab } from './outboxEdit';

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
  /** The round stopped early (no server, not this account's session, storage trouble). */
  stopped: boolean;
}

const senders = new Map<OutboxKind, Sender>();

/** Pages register how to send their kind; entries of a kind with no sender yet simply wait. */
export function registerSender(kind: OutboxKind, send: Sender): void {
  senders.set(kind, send);
}

/** Answers whether the browser's session is `accountId`'s now; throws when the server cannot be reached. */
type IdentityCheck = (accountId: string) => Promise<boolean>;
let identityCheck: IdentityCheck = async () => true;

/** The app says how to confirm who is signed in (a `me` query). */
export function registerIdentityCheck(check: IdentityCheck): void {
  identityCheck = check;
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

// ---- What the author is told ----

/** Entries whose form reports the outcome itself (just saved): not counted in "n sent". */
const reportedByForm = new Set<string>();

export function reportsItself(id: string, yes: boolean): void {
  if (yes) reportedByForm.add(id);
  else reportedByForm.delete(id);
}

let inFlight: { accountId: string; promise: Promise<FlushResult> } | null = null;
/** Why the last round stopped early; kept as the error so it is translated when shown. */
let lastFailure: { accountId: string; error: unknown } | null = null;
/** "3 sent": entries that had been waiting, sent by rounds in the last minute. */
let sentNotice: { accountId: string; count: number; at: number } | null = null;
const NOTICE_MS = 60_000;

export interface SendingState {
  sending: boolean;
  failure: unknown;
  /** How many waiting entries went out recently (0: none to report). */
  sent: number;
  /** When the "sent" notice lapses (ms since epoch), to re-render then. */
  sentUntil: number;
}

export function sendingState(accountId: string | null): SendingState {
  const notice = sentNotice && sentNotice.accountId === accountId && Date.now() - sentNotice.at < NOTICE_MS ? sentNotice : null;
  return {
    sending: inFlight !== null && inFlight.accountId === accountId,
    failure: lastFailure && lastFailure.accountId === accountId ? lastFailure.error : null,
    sent: notice?.count ?? 0,
    sentUntil: notice ? notice.at + NOTICE_MS : 0,
  };
}

function announce(accountId: string, count: number): void {
  if (count === 0) return;
  const now = Date.now();
  const running = sentNotice && sentNotice.accountId === accountId && now - sentNotice.at < NOTICE_MS;
  sentNotice = { accountId, count: (running ? sentNotice!.count : 0) + count, at: now };
}

// ---- A round ----

function sendable(entry: OutboxEntry, now: number): boolean {
  if (!senders.has(entry.kind)) return false;
  if (entry.state === 'waiting') return true;
  // A claim or a hold whose tab has gone (closed, crashed) lapses.
  if (entry.state === 'sending') return !isBeingSent(entry, now);
  // A refused entry opened for correcting stays refused until the correction is saved.
  if (entry.state === 'editing') return entry.heldFrom !== 'rejected' && !isHeld(entry, now) && !isHeldInThisTab(entry.id);
  return false;
}

/** Marks the entry as being sent, if nothing else got to it first; the stored (latest) entry is what is sent. */
function claim(id: string): Promise<OutboxEntry | null> {
  return decideOn(id, (entry) => {
    if (!entry || !sendable(entry, Date.now())) return { result: null };
    const claimed: OutboxEntry = { ...entry, state: 'sending', claimedAt: new Date().toISOString() };
    delete claimed.heldUntil;
    delete claimed.heldFrom;
    return { put: claimed, result: claimed };
  });
}

/** After the attempt: only an entry still claimed by us changes (nothing else may touch a claimed one). */
function settle(id: string, next: (entry: OutboxEntry) => OutboxEntry | null): Promise<unknown> {
  return decideOn(id, (entry) => {
    if (entry?.state !== 'sending') return { result: null };
    const changed = next(entry);
    return changed ? { put: changed, result: null } : { remove: true, result: null };
  });
}

async function round(accountId: string): Promise<FlushResult> {
  let sent = 0;
  let rejected = 0;
  let announced = 0;
  let confirmed = false;
  let stopped = false;
  const tried = new Set<string>();
  try {
    for (;;) {
      // Read afresh each time: entries saved during the round are sent in it too.
      const now = Date.now();
      const next = (await entries(accountId)).find((entry) => sendable(entry, now) && !tried.has(entry.id));
      if (!next) break;
      if (!confirmed) {
        // Entries go out only under their author's session: the cookie may now be someone else's
        // (another tab signed in) or nobody's (expired). Throws when the server cannot be reached.
        if (!(await identityCheck(accountId))) {
          lastFailure = { accountId, error: new ApiError('UNAUTHENTICATED') };
          stopped = true;
          break;
        }
        confirmed = true;
      }
      tried.add(next.id);
      const claimed = await claim(next.id);
      if (!claimed) continue; // opened for correcting, discarded or sent by another tab meanwhile
      notify(false);
      let outcome: SendOutcome;
      try {
        outcome = await senders.get(claimed.kind)!(claimed);
      } catch (error) {
        // Probably offline (or signed out): the rest would fail the same way. Try again later.
        await settle(claimed.id, (entry) => ({ ...entry, state: 'waiting', attempts: entry.attempts + 1 }));
        lastFailure = { accountId, error };
        stopped = true;
        notify(true);
        break;
      }
      if (outcome.ok) {
        await settle(claimed.id, () => null);
        sent += 1;
        if (!reportedByForm.has(claimed.id)) announced += 1;
      } else {
        // Never dropped silently: it stays, with the reason, until its author corrects or discards it.
        const reason = outcome.reason;
        await settle(claimed.id, (entry) => ({ ...entry, attempts: entry.attempts + 1, state: 'rejected', reason }));
        rejected += 1;
      }
      lastFailure = null;
      notify(true);
    }
  } catch (error) {
    // The identity check could not reach the server, or the device storage failed: nothing was lost.
    lastFailure = { accountId, error };
    stopped = true;
  }
  announce(accountId, announced);
  let waiting = 0;
  try {
    waiting = (await entries(accountId)).filter(isPending).length;
  } catch {
    // Storage unavailable: reported through lastFailure already.
  }
  return { sent, rejected, waiting, stopped };
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
      return { sent: 0, rejected: 0, waiting: 0, stopped: true };
    })
    .finally(() => {
      if (inFlight?.promise === promise) inFlight = null;
      notify(false);
    });
  inFlight = { accountId, promise };
  notify(false);
  return promise;
}

// ---- Sending by itself ----

const RETRY_MS = 30_000;

/**
 * Sends now, when the network comes back, when the app is shown again, and every 30 s while
 * entries are waiting. `getAccountId` is asked each time (the account signed in, or last signed in
 * when the server is out of reach); each round confirms it with the server before sending.
 */
export function startOutboxSync(getAccountId: () => string | null): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = async () => {
    const accountId = getAccountId();
    if (stopped || timer !== undefined || !accountId) return;
    let waiting = 0;
    try {
      waiting = (await entries(accountId)).filter(isPending).length;
    } catch {
      return;
    }
    if (!stopped && timer === undefined && waiting > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        // Surely offline: skip the attempt; the `online` event sends as soon as that changes.
        // Online but the server silent (lie-fi) still tries: only an answer tells.
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
