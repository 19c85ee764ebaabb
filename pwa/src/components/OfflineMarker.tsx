// "离线 · 更新于 今天 10:42": what the app shows is the last-known home, kept on this phone, and from
// when. The status region stays in the page, so screen readers announce the mark when it appears
// (the app went offline) and can read it later.
import { t } from '../i18n';
import { formatRelative } from '../i18n/time';

export function OfflineMarker({ savedAt }: { savedAt: string | null }) {
  return (
    <div role="status" class="offline-status">
      {savedAt && (
        <p class="offline-marker">
          <span class="offline-dot" aria-hidden="true" />
          {t('offline.marker', { time: formatRelative(savedAt) })}
        </p>
      )}
    </div>
  );
}
