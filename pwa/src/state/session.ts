// Who is signed in. `me` is kept in memory only (it concerns minors); the school's
// help details (hotlines, counselling room) are also copied to localStorage for the offline help page.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../api/client';
import type { MeQuery } from '../api/generated';
import { MeDocument } from '../api/operations';
import { saveHelpInfo } from './helpInfo';

export type Me = NonNullable<MeQuery['me']>;

export type Session =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: Me }
  /** The server could not be reached; we do not know who is signed in. */
  | { status: 'unreachable'; error: ApiError };

let session: Session = { status: 'loading' };
const listeners = new Set<(session: Session) => void>();

function set(next: Session): void {
  session = next;
  listeners.forEach((listener) => listener(next));
}

export function getSession(): Session {
  return session;
}

export async function loadMe(): Promise<Session> {
  try {
    const data = await request(MeDocument);
    if (data.me) {
      if (data.me.school) saveHelpInfo(data.me.school);
      set({ status: 'signedIn', me: data.me });
    } else {
      set({ status: 'signedOut' });
    }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') set({ status: 'signedOut' });
    else set({ status: 'unreachable', error: error instanceof ApiError ? error : new ApiError('NETWORK') });
  }
  return session;
}

export function markSignedOut(): void {
  set({ status: 'signedOut' });
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
