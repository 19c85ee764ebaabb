// The shell: skip link, banner, the page for the current path, and the sign-in rules.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { onUnauthenticated } from './api/client';
import { Header } from './components/Header';
import { getLocale, onLocaleChange, t } from './i18n';
import { currentPath, navigate, usePath } from './router';
import { isSchoolAdmin, loadMe, markSignedOut, useSession, type Me } from './state/session';
import { LoginPage } from './pages/Login';
import { ActivatePage } from './pages/Activate';
import { HelpPage } from './pages/Help';
import { HomePage } from './pages/Home';
import { AccountPage } from './pages/Account';
import { NotAllowedPage, NotFoundPage, LoadingPage, UnreachablePage } from './pages/Simple';
import { ClassesPage } from './pages/admin/Classes';
import { StudentsPage } from './pages/admin/Students';
import { StaffPage } from './pages/admin/Staff';
import { GuardiansPage } from './pages/admin/Guardians';
import { PeriodsPage } from './pages/admin/Periods';
import { RoomsPage } from './pages/admin/Rooms';
import { BOARD_PAGES, BOARD_PATTERNS } from './pages/board/routes';
import { COUNSELLING_PAGES, COUNSELLING_PATTERNS } from './pages/counselling/routes';
import { MENTOR_PAGES, MENTOR_PATTERNS } from './pages/mentor/routes';
import { EntrySync } from './pages/mentor/senders';

/** Pages anyone may open, signed in or not. */
const PUBLIC = new Set(['/login', '/activate', '/help']);

const SIGNED_IN_PAGES: Record<string, (props: { me: Me }) => JSX.Element> = {
  '/': HomePage,
  '/account': AccountPage,
  ...MENTOR_PAGES,
  ...BOARD_PAGES,
  ...COUNSELLING_PAGES,
};

const PATTERNS = [...MENTOR_PATTERNS, ...BOARD_PATTERNS, ...COUNSELLING_PATTERNS];

const ADMIN_PAGES: Record<string, () => JSX.Element> = {
  '/admin': ClassesPage,
  '/admin/classes': ClassesPage,
  '/admin/students': StudentsPage,
  '/admin/staff': StaffPage,
  '/admin/guardians': GuardiansPage,
  '/admin/periods': PeriodsPage,
  '/admin/rooms': RoomsPage,
};

function normalise(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function Routes({ path }: { path: string }) {
  const session = useSession();
  const signedOut = session.status === 'signedOut';

  useEffect(() => {
    if (signedOut && !PUBLIC.has(path)) navigate('/login', { replace: true });
    if (session.status === 'signedIn' && (path === '/login' || path === '/activate')) navigate('/', { replace: true });
  }, [signedOut, session.status, path]);

  if (path === '/help') return <HelpPage />;
  if (path === '/login' && session.status !== 'signedIn') return <LoginPage />;
  if (path === '/activate' && session.status !== 'signedIn') return <ActivatePage />;

  // Signed in on /login or /activate: the effect above is moving to the home page.
  if (session.status === 'loading' || PUBLIC.has(path)) return <LoadingPage />;
  if (session.status === 'unreachable') return <UnreachablePage error={session.error} />;
  if (session.status !== 'signedIn') return <LoadingPage />;

  const SignedIn = SIGNED_IN_PAGES[path];
  if (SignedIn) return <SignedIn me={session.me} />;
  const Admin = ADMIN_PAGES[path];
  if (Admin) return isSchoolAdmin(session.me) ? <Admin /> : <NotAllowedPage />;
  for (const route of PATTERNS) {
    const match = route.pattern.exec(path);
    if (match) return <route.page me={session.me} params={match.slice(1)} />;
  }
  return <NotFoundPage />;
}

export function App() {
  const path = normalise(usePath());
  const [locale, setLocaleState] = useState(getLocale());

  useEffect(() => {
    document.documentElement.lang = getLocale();
    const offLocale = onLocaleChange(setLocaleState);
    const offAuth = onUnauthenticated(() => {
      markSignedOut();
      if (!PUBLIC.has(normalise(currentPath()))) navigate('/login', { replace: true });
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
