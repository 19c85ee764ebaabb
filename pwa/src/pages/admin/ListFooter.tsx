import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n';

interface Props {
  count: number;
  loading: boolean;
  error: string | null;
  hasNext: boolean;
  onMore: () => void;
}

/** Empty-state, errors, the polite count and the "load more" button under a list. */
export function ListFooter({ count, loading, error, hasNext, onMore }: Props) {
  return (
    <div class="list-footer">
      <ErrorAlert message={error} />
      {!loading && !error && count === 0 && <p>{t('common.empty')}</p>}
      <p role="status" class="muted">
        {loading ? t('common.loadingMore') : count > 0 ? t('common.showing', { count }) : ''}
      </p>
      {hasNext && (
        <button type="button" class="button-secondary" onClick={onMore} disabled={loading}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
