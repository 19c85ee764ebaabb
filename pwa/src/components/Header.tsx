// The banner on every page: the app's name, the main links, the language switch and sign-out.
import { useState } from 'preact/hooks';
import { request } from '../api/client';
import { errorMessage } from '../api/errors';
import { LogoutDocument } from '../api/operations';
import { getLocale, setLocale, t } from '../i18n';
import { Link, navigate } from '../router';
import { forgetThisDevice } from '../pages/notify/push';
import { markSignedOut, sessionMe, useSession } from '../state/session';
import { useUnread } from '../state/unread';
import '../styles/notify.css';
import { ErrorAlert } from './Alert';
import { OfflineMarker } from './OfflineMarker';

export async function logout(): Promise<void> {
  // A shared phone must not get the previous person's reminders (best effort, never in the way).
  await forgetThisDevice();
  await request(LogoutDocument);
  await markSignedOut();
  navigate('/login');
}

export function LanguageToggle() {
  const other = getLocale() === 'zh-CN' ? 'en' : 'zh-CN';
  // The button names the language it switches to, in that language.
  return (
    <button type="button" class="button-quiet" lang={other} onClick={() => setLocale(other)}>
      {t(other === 'en' ? 'lang.en' : 'lang.zh-CN')}
    </button>
  );
}

/** 通知 with the unread count: shown as a number, heard as "通知（3 条未读）" (the name starts with the words shown). */
function NotificationsLink({ current }: { current: 'page' | undefined }) {
  const unread = useUnread();
  const label = unread > 0 ? t('notify.nav') + t('notify.navUnread', { count: unread }) : undefined;
  return (
    <Link href="/notifications" aria-current={current} aria-label={label} class="nav-notifications">
      {t('notify.nav')}
      {unread > 0 && (
        <span class="nav-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

export function Header({ path }: { path: string }) {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  // Offline too: the last-known home is someone's, with their links and their sign-out.
  const signedIn = sessionMe(session) !== null;
  const current = (href: string) => (path === href ? 'page' : undefined);

  const onLogout = async () => {
    setError(null);
    try {
      await logout();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <header class="site-header">
      <div class="bar">
        <Link href={signedIn ? '/' : '/login'} class="brand">
          <img src="/icons/icon.svg" alt="" width={32} height={32} />
          <span>{t('app.name')}</span>
        </Link>
        <LanguageToggle />
      </div>
      <nav aria-label={t('nav.label')} class="main-nav">
        <ul>
          {signedIn && (
            <li>
              <Link href="/" aria-current={current('/')}>
                {t('nav.home')}
              </Link>
            </li>
          )}
          {signedIn && (
            <li>
              <NotificationsLink current={current('/notifications')} />
            </li>
          )}
          <li>
            <Link href="/help" aria-current={current('/help')} class="nav-help">
              {t('nav.help')}
            </Link>
          </li>
          {signedIn && (
            <li>
              <Link href="/account" aria-current={current('/account')}>
                {t('nav.account')}
              </Link>
            </li>
          )}
          {signedIn && (
            <li>
              <button type="button" class="button-link" onClick={onLogout}>
                {t('nav.logout')}
              </button>
            </li>
          )}
        </ul>
      </nav>
      <ErrorAlert message={error} />
      <OfflineMarker savedAt={session.status === 'offline' ? session.savedAt : null} />
    </header>
  );
}
