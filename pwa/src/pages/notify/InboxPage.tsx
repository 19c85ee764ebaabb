// /notifications: one's notifications, newest first, in school time. Each says whether it is urgent
// and whether it is unread in words (not colour alone); a tap marks it read and opens its page.
import type { JSX } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { InboxQuery } from '../../api/generated';
import { InboxDocument, MarkInboxReadDocument } from '../../api/operations/notify';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import { formatRelative } from '../../i18n/time';
import { Link, navigate } from '../../router';
import { setUnread, useUnread } from '../../state/unread';
import '../../styles/notify.css';
import { PAGE_SIZE, usePaged } from '../admin/usePaged';
import { inAppPath } from './push';

type Item = InboxQuery['inbox']['items'][number];

function InboxEntry({ item, onOpen }: { item: Item; onOpen: (item: Item) => void }) {
  const target = inAppPath(item.target);
  const unread = item.readAt === null;
  const onClick = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(item);
  };
  const classes = ['inbox-item', unread ? 'inbox-unread' : '', item.urgent ? 'inbox-urgent' : ''].filter(Boolean);
  return (
    <li class={classes.join(' ')}>
      <a href={target} onClick={onClick} class="inbox-link">
        <span class="inbox-flags">
          {item.urgent && (
            <span class="inbox-urgent-flag">
              <span class="sig-mark" aria-hidden="true">
                !
              </span>
              {t('notify.urgent')}
            </span>
          )}
          {unread && <span class="badge badge-unread">{t('notify.unread')}</span>}
        </span>
        <span class="inbox-text">{item.text}</span>
        <time class="inbox-time" dateTime={item.createdAt}>
          {formatRelative(item.createdAt)}
        </time>
      </a>
    </li>
  );
}

export function InboxPage() {
  const unread = useUnread();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetchPage = useCallback(async (after: string | null) => {
    const { inbox } = await request(InboxDocument, { first: PAGE_SIZE, after });
    setUnread(inbox.unreadCount);
    return { nodes: inbox.items, pageInfo: inbox.pageInfo };
  }, []);
  const list = usePaged(fetchPage);
  const anyUnread = unread > 0 || list.items.some((item) => item.readAt === null);

  const onOpen = (item: Item) => {
    if (item.readAt === null) {
      // Marked read on the way; the page opens at once and the badge follows the server's count.
      request(MarkInboxReadDocument, { ids: [item.id], all: false })
        .then(({ markInboxRead: result }) => {
          if (result.__typename === 'Unread') setUnread(result.unreadCount);
        })
        .catch(() => {
          // Still unread: the inbox shows it so next time.
        });
    }
    navigate(inAppPath(item.target));
  };

  const onMarkAll = async () => {
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      const { markInboxRead: result } = await request(MarkInboxReadDocument, { all: true });
      if (result.__typename === 'ValidationError') {
        setError(result.message);
        return;
      }
      setUnread(result.unreadCount);
      const now = new Date().toISOString();
      list.setItems((items) => items.map((item) => (item.readAt === null ? { ...item, readAt: now } : item)));
      setStatus(t('notify.allRead'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('notify.inboxTitle')}>
      <div class="actions inbox-actions">
        {anyUnread && (
          <button type="button" class="button-secondary" onClick={onMarkAll} disabled={busy}>
            {busy ? t('notify.markingRead') : t('notify.markAllRead')}
          </button>
        )}
        <Link href="/settings/notifications" class="button-quiet">
          {t('notify.settingsLink')}
        </Link>
      </div>
      <ErrorAlert message={error} />
      <StatusMessage>{status}</StatusMessage>
      {unread > 0 && <p class="muted">{t('notify.unreadSummary', { count: unread })}</p>}
      {list.items.length > 0 && (
        <ul class="inbox-list" aria-label={t('notify.inboxLabel')}>
          {list.items.map((item) => (
            <InboxEntry key={item.id} item={item} onOpen={onOpen} />
          ))}
        </ul>
      )}
      <div class="list-footer">
        <ErrorAlert message={list.error} />
        {!list.loading && !list.error && list.items.length === 0 && <p class="empty-state">{t('notify.empty')}</p>}
        <p role="status" class="muted">
          {list.loading ? t('common.loadingMore') : list.items.length > 0 ? t('common.showing', { count: list.items.length }) : ''}
        </p>
        {list.hasNext && (
          <button type="button" class="button-secondary" onClick={list.loadMore} disabled={list.loading}>
            {t('common.loadMore')}
          </button>
        )}
      </div>
    </Page>
  );
}
