// /board: every open case of the school for counsellors and leadership, most in need first,
// a page at a time.
import { useCallback, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { SchoolBoardDocument } from '../../api/operations/board';
import { ErrorAlert } from '../../components/Alert';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import { Link } from '../../router';
import type { Me } from '../../state/session';
import '../../styles/board.css';
import { usePaged } from '../admin/usePaged';
import { NotFoundPage } from '../Simple';
import { BoardRowItem, BoardSummary } from './BoardList';
import { hasRole, isSchoolWide } from './labels';
import { useFocusNew } from './useFocusNew';

const PAGE = 20;

function SchoolBoard({ me }: { me: Me }) {
  const [total, setTotal] = useState<number | null>(null);
  const fetchPage = useCallback(async (after: string | null) => {
    const board = (await request(SchoolBoardDocument, { first: PAGE, after })).schoolBoard;
    setTotal(board.total);
    return board;
  }, []);
  const list = usePaged(fetchPage);
  const focus = useFocusNew(list.items.length);
  const alerts = list.items.reduce((sum, row) => sum + row.openAlerts, 0);

  return (
    <Page title={t('board.schoolTitle')} className="board-page">
      <p class="muted">{t('board.intro')}</p>
      {hasRole(me, 'COUNSELLOR') && (
        <p>
          <Link href="/cases/new" class="button-secondary">
            {t('board.card.openCase')}
          </Link>
        </p>
      )}
      {total !== null && <BoardSummary total={total} alerts={list.hasNext ? 0 : alerts} />}
      {!list.loading && !list.error && list.items.length === 0 && <p class="empty-state">{t('board.emptySchool')}</p>}
      {list.items.length > 0 && (
        <ul class="board-rows" ref={focus.list}>
          {list.items.map((row) => (
            <BoardRowItem key={row.caseId} row={row} showClass />
          ))}
        </ul>
      )}
      <div class="list-footer">
        <ErrorAlert message={list.error} />
        <p role="status" class="muted">
          {list.loading
            ? t('common.loadingMore')
            : total !== null && list.items.length > 0
              ? t('board.showing', { shown: list.items.length, total })
              : ''}
        </p>
        {list.hasNext && (
          <button
            type="button"
            class="button-secondary"
            disabled={list.loading}
            onClick={() => {
              focus.mark();
              void list.loadMore();
            }}
          >
            {t('common.loadMore')}
          </button>
        )}
      </div>
    </Page>
  );
}

export function SchoolBoardPage({ me }: { me: Me }) {
  return isSchoolWide(me) ? <SchoolBoard me={me} /> : <NotFoundPage />;
}
