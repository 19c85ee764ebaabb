// The line under the banner that says where the person's entries stand, on every page:
// "离线 · 更新于 今天 10:42" while what is shown is the last-known home kept on this phone, and
// "已发送 3 条" for a minute after entries that had to wait went out. One status region that stays in
// the page, so screen readers announce each change once, wherever the person is in the app.
import { useOutbox } from '../db/useOutbox';
import { t } from '../i18n';
import { formatRelative } from '../i18n/time';

export function OfflineMarker({ accountId, savedAt }: { accountId: string | null; savedAt: string | null }) {
  const { sent } = useOutbox(accountId);
  return (
    <div role="status" class="offline-status">
      {savedAt && (
        <p class="offline-marker">
          <span class="offline-dot" aria-hidden="true" />
          {t('offline.marker', { time: formatRelative(savedAt) })}
        </p>
      )}
      {!savedAt && sent > 0 && (
        <p class="offline-marker sent-marker">
          <span class="sent-dot" aria-hidden="true" />
          {t('outbox.sent', { n: sent })}
        </p>
      )}
    </div>
  );
}
