// Small pages with no data of their own.
import type { ApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { ErrorAlert } from '../components/Alert';
import { Page } from '../components/Page';
import { t } from '../i18n';
import { Link } from '../router';
import { loadMe } from '../state/session';

export function LoadingPage() {
  return (
    <div class="page" aria-busy="true">
      <p role="status">{t('app.loading')}</p>
    </div>
  );
}

export function UnreachablePage({ error }: { error: ApiError }) {
  return (
    <Page title={t('app.name')}>
      <ErrorAlert message={errorMessage(error)} />
      <p>{t('error.offlineHome')}</p>
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

export function NotAllowedPage() {
  return (
    <Page title={t('notAllowed.title')}>
      <p>{t('notAllowed.text')}</p>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

export function NotFoundPage() {
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
