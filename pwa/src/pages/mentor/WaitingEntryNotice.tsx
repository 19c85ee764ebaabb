// What a correction page shows until its entry is held for it: opening, being sent this moment, or
// no longer on the phone (sent meanwhile, which is good news, or discarded).
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import { Link } from '../../router';
import type { WaitingEntry } from './useWaitingEntry';

export function WaitingEntryNotice({ title, state }: { title: string; state: Exclude<WaitingEntry, { status: 'ready' }> }) {
  return (
    <Page title={title}>
      {state.status === 'loading' && <p role="status">{t('outbox.opening')}</p>}
      {state.status === 'sending' && <p role="status">{t('outbox.openingWhileSending')}</p>}
      {state.status === 'gone' && <p class="notice">{t('outbox.notOnPhone')}</p>}
      {state.status === 'error' && (
        <p role="alert" class="alert alert-error">
          {t('outbox.unavailable')}
        </p>
      )}
      <p>
        <Link href="/">{t('mentor.home')}</Link>
      </p>
    </Page>
  );
}
