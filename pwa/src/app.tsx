// The shell: skip link, banner, the page for the current path, and the sign-in rules.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { onUnauthenticated } from './api/client';
import { Header } from './components/Header';
import { getLocale, onLocaleChange, t } from './i18n';
import { afterLoginPath, currentPath, loginPath, navigate, usePath } from './router';
import { isSchoolAdmin, loadMe, markSignedOut, useSession, type Me } from './state/session';
import { LoginPage } from './pages/Login';
import { ActivatePage } from './pages/Activate';
import { HelpPage } from './pages/Help';
import { HomePage } from './pages/Home';
import { AccountPage } from './pages/Account';
import { NeedsConnectionPage, NotAllowedPage, NotFoundPage, LoadingPage, UnreachablePage } from './pages/Simple';
import { ClassesPage } from './pages/admin/Classes';
import { StudentsPage } from './pages/admin/Students';
import { StaffPage } from './pages/admin/Staff';
import { GuardiansPage } from './pages/admin/Guardians';
import { PeriodsPage } from './pages/admin/Periods';
import { RoomsPage } from './pages/admin/Rooms';
import { NotificationsAdminPage } from './pages/admin/Notifications';
import { BOARD_PAGES, BOARD_PATTERNS } from './pages/board/routes';
import { COUNSELLING_PAGES, COUNSELLING_PATTERNS } from './pages/counselling/routes';
import { MENTOR_OFFLINE_PAGES, MENTOR_PAGES, MENTOR_PATTERNS } from './pages/mentor/routes';
import { EntrySync } from './pages/mentor/senders';
import { NOTIFY_PAGES, NOTIFY_PATTERNS } from './pages/notify/routes';
import { NotificationSync } from './pages/notify/NotificationSync';
import { useReconnect } from './state/reconnect';

/** Pages anyone may open, signed in or not. */
const PUBLIC = new Set(['/login', '/activate', '/help']);

const SIGNED_IN_PAGES: Record<string, (props: { me: Me }) => JSX.Element> = {
  '/': HomePage,
  '/account': AccountPage,
  ...MENTOR_PAGES,
  ...BOARD_PAGES,
  ...COUNSELLING_PAGES,
  ...NOTIFY_PAGES,
};

/** What works from the last-known home while the server is out of reach (and /help, always). */
const OFFLINE_PAGES = new Set(['/', ...MENTOR_OFFLINE_PAGES]);

const PATTERNS = [...MENTOR_PATTERNS, ...BOARD_PATTERNS, ...COUNSELLING_PATTERNS, ...NOTIFY_PATTERNS];

const ADMIN_PAGES: Record<string, () => JSX.Element> = {
  '/admin': ClassesPage,
  '/admin/classes': ClassesPage,
  '/admin/students': StudentsPage,
  '/admin/staff': StaffPage,
  '/admin/guardians': GuardiansPage,
  '/admin/periods': PeriodsPage,
  '/admin/rooms': RoomsPage,
  '/admin/notifications': NotificationsAdminPage,
};

function normalise(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function Routes({ path }: { path: string }) {
  const session = useSession();
  const signedOut = session.status === 'signedOut';

  useEffect(() => {
    // Signed out on a page (say a push's /notifications/<id>): sign in, then back to it.
    if (signedOut && !PUBLIC.has(path)) navigate(loginPath(currentPath() + window.location.search), { replace: true });
    // The address is read again: the sign-in page may have moved on already (to its ?next=) since this render.
    const now = normalise(currentPath());
    if (session.status === 'signedIn' && path === '/login' && now === '/login') navigate(afterLoginPath(), { replace: true });
    if (session.status === 'signedIn' && path === '/activate' && now === '/activate') navigate('/', { replace: true });
  }, [signedOut, session.status, path]);

  if (path === '/help') return <HelpPage />;
  if (path === '/login' && session.status !== 'signedIn') return <LoginPage />;
  if (path === '/activate' && session.status !== 'signedIn') return <ActivatePage />;

  // Signed in on /login or /activate: the effect above is moving on (to ?next= or the home page).
  if (session.status === 'loading' || PUBLIC.has(path)) return <LoadingPage />;
  if (session.status === 'unreachable') return <UnreachablePage error={session.error} />;
  if (session.status !== 'signedIn' && session.status !== 'offline') return <LoadingPage />;

  // Offline, the last-known home and the entry forms work; other pages say they need the server.
  const offline = session.status === 'offline';
  const me = session.me;
  const SignedIn = SIGNED_IN_PAGES[path];
  if (SignedIn) return offline && !OFFLINE_PAGES.has(path) ? <NeedsConnectionPage /> : <SignedIn me={me} />;
  const Admin = ADMIN_PAGES[path];
  if (Admin) return offline ? <NeedsConnectionPage /> : isSchoolAdmin(me) ? <Admin /> : <NotAllowedPage />;
  for (const route of PATTERNS) {
    const match = route.pattern.exec(path);
    if (match) return offline && !route.offline ? <NeedsConnectionPage /> : <route.page me={me} params={match.slice(1)} />;
  }
  return <NotFoundPage />;
}

export function App() {
  const path = normalise(usePath());
  // Out of reach of the server: ask again (network back, app shown, every 30 s) until it answers.
  useReconnect();
  const [locale, setLocaleState] = useState(getLocale());

  useEffect(() => {
    document.documentElement.lang = getLocale();
    const offLocale = onLocaleChange(setLocaleState);
    const offAuth = onUnauthenticated(() => {
      void markSignedOut();
      if (!PUBLIC.has(normalise(currentPath()))) navigate(loginPath(currentPath() + window.location.search), { replace: true });
    });
    void loadMe();
    return () => {
      offLocale();
      offAuth();
    };
  }, []);

  return (
    <div class="app" key={locale}>
      {/* Registers the outbox senders and keeps the outbox sending for the signed-in account. */}
      <EntrySync />
      {/* The unread badge's count, and opening the page of a notification tapped while the app is open. */}
      <NotificationSync />
      <a class="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <Header path={path} />
      <main id="main" tabIndex={-1}>
        <Routes path={path} />
      </main>
    </div>
  );
}
