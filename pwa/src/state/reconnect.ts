// While the server is out of reach (offline or lie-fi), ask it again who is signed in: when the
// network returns, when the app comes back to the front, and every 30 seconds. The app then leaves
// its last-known home for the live one by itself, without the person tapping "retry".
import { useEffect } from 'preact/hooks';
import { loadMe, useSession } from './session';

const RETRY_MS = 30_000;

export function useReconnect(): void {
  const session = useSession();
  const away = session.status === 'offline' || session.status === 'unreachable';
  useEffect(() => {
    if (!away) return;
    const retry = () => void loadMe();
    const onVisible = () => {
      if (document.visibilityState === 'visible') retry();
    };
    // navigator.onLine false means surely offline; true proves nothing (lie-fi), so the timer tries.
    const timer = setInterval(() => {
      if (navigator.onLine !== false) retry();
    }, RETRY_MS);
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [away]);
}
