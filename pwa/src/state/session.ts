// Who is signed in. The server decides (an HttpOnly cookie this code never sees); when it cannot be
// reached, the app goes on with the last-known home of the account last signed in on this phone
// ('offline'), or, with nothing kept, says it cannot connect ('unreachable'). The school's help details
// (hotlines, counselling room) are also copied to localStorage for the offline help page.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../api/client';
import type { MeQuery } from '../api/generated';
import { LogoutDocument, MeDocument } from '../api/operations';
import { clearSnapshots, keepOnlySnapshotOf, loadSnapshot, recall, remember, setSnapshotOwner } from '../db/snapshot';
import { lastAccountId, setLastAccountId, setSignOutPending, signOutPending } from './device';
import { saveHelpInfo } from './helpInfo';

export type Me = NonNullable<MeQuery['me']>;

export type Session =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: Me }
  /** The server could not be reached; this is the last-known `me` of the account last signed in here. */
  | { status: 'offline'; me: Me; savedAt: string; error: ApiError }
  /** The server could not be reached and nothing is kept on this phone: we do not know who is signed in. */
  | { status: 'unreachable'; error: ApiError };

let session: Session = { status: 'loading' };
const listeners = new Set<(session: Session) => void>();

/**
 * Bumped when this tab itself changes who is signed in (a sign-in, a sign-out). An answer to a question
 * asked before that is about the session that was: it is dropped, never applied. Without this, a `me`
 * asked at start-up that answers after the sign-in (a slow network) would sign the person out again,
 * and one that answers after a sign-out would bring the previous person's home back.
 */
let epoch = 0;

function set(next: Session): void {
  session = next;
  listeners.forEach((listener) => listener(next));
}

export function getSession(): Session {
  return session;
}

/** The person the app is showing: confirmed by the server, or last known when offline. */
export function sessionMe(current: Session = session): Me | null {
  return current.status === 'signedIn' || current.status === 'offline' ? current.me : null;
}

/** The server confirmed `me`: a new account on this phone drops the previous one's snapshot (never its outbox). */
async function confirmed(me: Me): Promise<void> {
  const accountId = me.account.id;
  if (lastAccountId() !== accountId || sessionMe()?.account.id !== accountId) {
    setSnapshotOwner(null);
    await keepOnlySnapshotOf(accountId).catch(() => undefined);
  }
  setLastAccountId(accountId);
  setSnapshotOwner(accountId);
  remember(accountId, 'me', me);
  if (me.school) saveHelpInfo(me.school);
  // The same answer again keeps the same object, so pages do not redo their work on every check.
  const previous = session.status === 'signedIn' ? session.me : null;
  if (previous && JSON.stringify(previous) === JSON.stringify(me)) return;
  set({ status: 'signedIn', me });
}

/** The server says nobody is signed in (expired, ended elsewhere, signed out): what was kept goes. */
async function ended(): Promise<void> {
  set({ status: 'signedOut' });
  await clearSnapshots().catch(() => undefined);
}

/** No server: the last-known home of the account last signed in here, if one is kept. */
async function unreachable(error: ApiError): Promise<void> {
  const accountId = lastAccountId();
  if (accountId) await loadSnapshot(accountId).catch(() => undefined);
  const known = recall<Me>(accountId, 'me');
  set(known ? { status: 'offline', me: known.data, savedAt: known.savedAt, error } : { status: 'unreachable', error });
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('NETWORK');
}

async function askServer(asked: number): Promise<Session> {
  // Signed out here while offline: end the server's session first, or its cookie signs the person back in.
  if (signOutPending()) {
    try {
      await request(LogoutDocument);
      setSignOutPending(false);
    } catch {
      // Still no server: stay signed out here and try again next time.
    }
    if (asked === epoch) await ended();
    return session;
  }
  try {
    const data = await request(MeDocument);
    if (asked !== epoch) return session;
    if (data.me) await confirmed(data.me);
    else await ended();
  } catch (error) {
    if (asked !== epoch) return session;
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') await ended();
    else await unreachable(asApiError(error));
  }
  return session;
}

let asking: { epoch: number; promise: Promise<Session> } | null = null;

/**
 * Asks the server who is signed in (at start-up and to reconnect). One question at a time; a call
 * while one is open joins it, unless the tab has signed someone in or out since it was asked.
 */
export function loadMe(): Promise<Session> {
  if (asking && asking.epoch === epoch) return asking.promise;
  const mine = { epoch, promise: askServer(epoch) };
  asking = mine;
  void mine.promise.finally(() => {
    if (asking === mine) asking = null;
  });
  return mine.promise;
}

/** Just signed in (or activated) here: who that is, asked afresh — never an answer asked before. */
export function loadMeAfterSignIn(): Promise<Session> {
  epoch += 1;
  return loadMe();
}

/**
 * Before the outbox sends: is `accountId` the account of the session the browser holds now? (Another
 * tab may have signed someone else in; the session may have ended.) Updates the session with the
 * answer; throws when the server cannot be reached, leaving the session as it is.
 */
export async function confirmSignedIn(accountId: string): Promise<boolean> {
  const asked = epoch;
  const data = await request(MeDocument);
  // Signed in or out here meanwhile: this answer is about the session that was. Not now; the next round asks again.
  if (asked !== epoch) return false;
  if (!data.me) {
    await ended();
    return false;
  }
  await confirmed(data.me);
  return data.me.account.id === accountId;
}

/** Signed out (by the person, or the server answered UNAUTHENTICATED): forget the last-known home. */
export function markSignedOut(): Promise<void> {
  epoch += 1;
  return ended();
}

export function useSession(): Session {
  const [value, setValue] = useState(session);
  useEffect(() => {
    listeners.add(setValue);
    setValue(session);
    return () => listeners.delete(setValue);
  }, []);
  return value;
}

export function isSchoolAdmin(me: Me): boolean {
  return me.roles.some((role) => role.kind === 'SCHOOL_ADMIN');
}
