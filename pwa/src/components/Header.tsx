// The banner on every page: the app's name, the main links, the language switch, sign-out, and
// the line that says where entries stand (offline with the last-known home; "3 sent").
import { getLocale, setLocale, t } from '../i18n';
import { Link } from '../router';
import { sessionMe, useSession } from '../state/session';
import { useUnread } from '../state/unread';
import '../styles/notify.css';
import { OfflineMarker } from './OfflineMarker';
import { SignOutButton, SignOutQuestion, useSignOut } from './SignOut';

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
  const signOut = useSignOut();
  // Offline too: the last-known home is someone's, with their links and their sign-out.
  const signedIn = sessionMe(session) !== null;
  const current = (href: string) => (path === href ? 'page' : undefined);

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
              <SignOutButton state={signOut} className="button-link" />
            </li>
          )}
        </ul>
      </nav>
      {signedIn && <SignOutQuestion state={signOut} />}
      <OfflineMarker accountId={sessionMe(session)?.account.id ?? null} savedAt={session.status === 'offline' ? session.savedAt : null} />
    </header>
  );
}
