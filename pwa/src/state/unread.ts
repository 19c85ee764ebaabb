// How many of the signed-in person's notifications are unread: the header's badge. Kept in memory,
// refreshed on sign-in, when the app comes back to the front, when a push arrives and after marking read.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { UnreadNotificationsDocument } from '../api/operations/notify';
import { getSession } from './session';

let unread = 0;
const listeners = new Set<(count: number) => void>();

export function setUnread(count: number): void {
  unread = Math.max(0, count);
  listeners.forEach((listener) => listener(unread));
}

/** Asks the server again; a failure keeps the last count (the badge is a hint, the inbox is the truth). */
export async function refreshUnread(): Promise<void> {
  if (getSession().status !== 'signedIn') return;
  try {
    setUnread((await request(UnreadNotificationsDocument)).unreadNotifications);
  } catch {
    // Offline or signed out meanwhile: nothing to show that would be more right.
  }
}

export function useUnread(): number {
  const [value, setValue] = useState(unread);
  useEffect(() => {
    listeners.add(setValue);
    setValue(unread);
    return () => listeners.delete(setValue);
  }, []);
  return value;
}
