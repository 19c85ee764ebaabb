// /notifications/<id>: where a tap on a push leads. The notification is loaded after the usual
// sign-in (the server marks it read) and its page replaces this one; one that is not this account's
// (a shared phone, someone else signed in now) says so, with the way to one's own notifications.
import { useEffect } from 'preact/hooks';
import { request } from '../../api/client';
import { OpenNotificationDocument } from '../../api/operations/notify';
import { LoadFailed } from '../../components/Alert';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import { navigate } from '../../router';
import type { Me } from '../../state/session';
import { refreshUnread } from '../../state/unread';
import { usePageData } from '../board/usePageData';
import { LoadingPage, MessagePage } from '../Simple';
import { inAppPath } from './push';

function NotFound() {
  return (
    <MessagePage title={t('notify.notFoundTitle')} text={t('notify.notFoundText')} href="/notifications" linkText={t('notify.toInbox')} />
  );
}

export function OpenNotificationPage({ params }: { me: Me; params: string[] }) {
  const [id] = params;
  const { state, retry } = usePageData(async () => (await request(OpenNotificationDocument, { id })).notification, id);
  const target = state.status === 'ready' && state.data ? inAppPath(state.data.target) : null;

  useEffect(() => {
    if (!target) return;
    void refreshUnread();
    navigate(target, { replace: true });
  }, [target]);

  if (state.status === 'loading' || target) return <LoadingPage />;
  if (state.status === 'error') {
    return (
      <Page title={t('notify.openTitle')}>
        <LoadFailed message={state.message} onRetry={retry} />
      </Page>
    );
  }
  return <NotFound />;
}
