// Small pages with no data of their own.
import type { ApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { ErrorAlert } from '../components/Alert';
import { Page } from '../components/Page';
import { t } from '../i18n';
import { useOutbox } from '../db/useOutbox';
import { Link } from '../router';
import { lastAccountId } from '../state/device';
import { loadMe } from '../state/session';

export function LoadingPage() {
  return (
    <div class="page" aria-busy="true">
      <p role="status">{t('app.loading')}</p>
    </div>
  );
}

/** No server and no last-known home on this phone (never opened here since this version, or signed out). */
export function UnreachablePage({ error }: { error: ApiError }) {
  // Whose entries wait is known even when nothing else is: say they are safe (a count, nothing more).
  const { waiting } = useOutbox(lastAccountId());
  return (
    <Page title={t('app.name')}>
      <ErrorAlert message={errorMessage(error)} />
      <p>{t('error.offlineHome')}</p>
      {waiting.length > 0 && (
        <p role="status" class="notice">
          {t('offline.waitingOnPhone', { n: waiting.length })}
        </p>
      )}
      <p class="actions">
        <button type="button" class="button-primary" onClick={() => void loadMe()}>
          {t('error.retry')}
        </button>
        <Link href="/help" class="button-secondary">
          {t('nav.help')}
        </Link>
      </p>
    </Page>
  );
}

/** A page that only says something, with the way on (home, or where `href` leads). */
export function MessagePage({ title, text, href = '/', linkText = t('notFound.home') }: {
  title: string;
  text: string;
  href?: string;
  linkText?: string;
}) {
  return (
    <Page title={title}>
      <p>{text}</p>
      <p>
        <Link href={href}>{linkText}</Link>
      </p>
    </Page>
  );
}

export function NotAllowedPage() {
  return <MessagePage title={t('notAllowed.title')} text={t('notAllowed.text')} />;
}

export function NotFoundPage() {
  return <MessagePage title={t('notFound.title')} text={t('notFound.text')} />;
}

/** Offline, a page that needs the server: said calmly, with the last-known home one tap away. */
export function NeedsConnectionPage() {
  return (
    <Page title={t('offline.needsTitle')}>
      <p>{t('offline.needsText')}</p>
      <p class="actions">
        <Link href="/" class="button-primary">
          {t('offline.backHome')}
        </Link>
        <Link href="/help" class="button-secondary">
          {t('nav.help')}
        </Link>
      </p>
    </Page>
  );
}
