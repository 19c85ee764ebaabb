// /classes/<classId>/board: every open case of one class, most in need first (班级关爱看板).
import { request } from '../../api/client';
import { ClassBoardDocument } from '../../api/operations/board';
import { LoadFailed } from '../../components/Alert';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import type { Me } from '../../state/session';
import '../../styles/board.css';
import { NotFoundPage } from '../Simple';
import { BoardRowItem, BoardSummary, type BoardRowData } from './BoardList';
import { usePageData } from './usePageData';

export function ClassBoardPage({ me, params }: { me: Me; params: string[] }) {
  const classId = params[0];
  const { state, retry } = usePageData(async () => (await request(ClassBoardDocument, { classId })).classBoard, classId);

  if (state.status === 'notFound') return <NotFoundPage />;

  const rows: BoardRowData[] = state.status === 'ready' ? state.data : [];
  const className =
    me.roles.find((role) => role.kind === 'CLASS_TEACHER' && role.classId === classId)?.className ??
    rows[0]?.student.className ??
    null;
  const title = className ? t('board.classTitle', { className }) : t('board.classTitleNoName');

  return (
    <Page title={title} className="board-page">
      <p class="muted">{t('board.intro')}</p>
      {state.status === 'loading' && (
        <p role="status" aria-busy="true">
          {t('app.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <>
          <LoadFailed message={state.message} onRetry={retry} />
        </>
      )}
      {state.status === 'ready' && (
        <>
          <BoardSummary total={rows.length} alerts={rows.reduce((sum, row) => sum + row.openAlerts, 0)} />
          {rows.length === 0 ? (
            <p class="empty-state">{t('board.emptyClass')}</p>
          ) : (
            <ul class="board-rows">
              {rows.map((row) => (
                <BoardRowItem key={row.caseId} row={row} showClass={false} />
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
