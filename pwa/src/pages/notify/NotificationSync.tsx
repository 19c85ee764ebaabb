// Keeps the app in step with notifications: the unread badge (on sign-in, when the app comes back to
// the front, when a push arrives) and the service worker's "open this page" after a tap on a
// notification while the app is already open (it navigates in place, keeping the session).
import { useEffect } from 'preact/hooks';
import { navigate } from '../../router';
import { refreshUnread, setUnread } from '../../state/unread';
import { useSession } from '../../state/session';
import { inAppPath } from './push';

interface WorkerMessage {
  type?: unknown;
  url?: unknown;
}

export function NotificationSync() {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const account = signedIn ? session.me.account.id : null;

  useEffect(() => {
    if (!account) {
      setUnread(0);
      return;
    }
    void refreshUnread();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refreshUnread();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [account]);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const onMessage = (event: MessageEvent) => {
      const data = (event.data ?? {}) as WorkerMessage;
      if (data.type === 'navigate') navigate(inAppPath(typeof data.url === 'string' ? data.url : null));
      if (data.type === 'pushed') void refreshUnread();
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    return () => navigator.serviceWorker.removeEventListener('message', onMessage);
  }, []);

  return null;
}
