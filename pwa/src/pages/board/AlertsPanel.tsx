// Open crisis alerts (分级预警) on the counsellor's and leadership's home card: who, which
// signals, when; "acknowledge" removes the alert from the list and says so.
import { useCallback, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { OpenAlertsQuery } from '../../api/generated';
import { AcknowledgeAlertDocument, OpenAlertsDocument } from '../../api/operations/board';
import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/time';
import { Link } from '../../router';
import { usePaged } from '../admin/usePaged';
import { SignalList } from './Badges';
import { kindLabel } from './labels';
import { useFocusNew } from './useFocusNew';

type OpenAlert = OpenAlertsQuery['alerts']['nodes'][number];

const PAGE = 10;

export function AlertsPanel() {
  const fetchPage = useCallback(
    async (after: string | null) => (await request(OpenAlertsDocument, { first: PAGE, after })).alerts,
    [],
  );
  const list = usePaged(fetchPage);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focus = useFocusNew(list.items.length);

  const acknowledge = async (alert: OpenAlert) => {
    const name = alert.student?.name ?? t('alert.unknownStudent');
    setBusy(alert.id);
    setError(null);
    setDone(null);
    try {
      const { acknowledgeAlert: result } = await request(AcknowledgeAlertDocument, { id: alert.id });
      if (result.__typename === 'ValidationError') {
        setError(result.message);
        return;
      }
      list.setItems((items) => items.filter((item) => item.id !== alert.id));
      setDone(t('alert.acknowledged', { name }));
      // The button is gone: keep the keyboard focus in the list's neighbourhood.
      heading.current?.focus();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const count = list.items.length;
  return (
    <div class="alerts-panel">
      <h3 ref={heading} tabIndex={-1} class={count > 0 ? 'alerts-heading alerts-open' : 'alerts-heading'}>
        {list.loading && count === 0 ? t('alert.title') : t('alert.titleCount', { count: list.hasNext ? `${count}+` : count })}
      </h3>
      <ErrorAlert message={list.error ?? error} />
      <div role="status" class="alert alert-status">
        {done}
      </div>
      {!list.loading && !list.error && count === 0 && <p class="muted">{t('alert.none')}</p>}
      {count > 0 && (
        <ul class="alert-list" ref={focus.list}>
          {list.items.map((alert) => {
            const name = alert.student?.name ?? t('alert.unknownStudent');
            return (
              <li key={alert.id} class="alert-item" tabIndex={-1}>
                <p class="alert-who">
                  {alert.student ? <Link href={`/students/${alert.student.id}`}>{name}</Link> : name}
                  {alert.student?.className && <span class="muted"> · {alert.student.className}</span>}
                </p>
                <SignalList signals={alert.signals} />
                <p class="muted">
                  {t('alert.raised', {
                    time: formatDateTime(alert.raisedAt),
                    source: kindLabel(alert.sourceKind),
                    by: alert.raisedBy?.displayName ?? t('timeline.unknownAuthor'),
                  })}
                </p>
                <button
                  type="button"
                  class="button-secondary"
                  disabled={busy === alert.id}
                  onClick={() => void acknowledge(alert)}
                >
                  {t('alert.acknowledge', { name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {list.loading && <p class="muted">{t('app.loading')}</p>}
      {list.hasNext && !list.loading && (
        <button
          type="button"
          class="button-quiet"
          onClick={() => {
            focus.mark();
            void list.loadMore();
          }}
        >
          {t('alert.more')}
        </button>
      )}
    </div>
  );
}
