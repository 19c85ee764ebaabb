// /classes/<classId>/board: every open case of one class, most in need first (班级关爱看板).
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ClassBoardDocument } from '../../api/operations/board';
import { ErrorAlert } from '../../components/Alert';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import type { Me } from '../../state/session';
import '../../styles/board.css';
import { NotFoundPage } from '../Simple';
import { BoardRowItem, BoardSummary, type BoardRowData } from './BoardList';
import { isNotFound } from './labels';
import { loadSchoolZone } from './schoolZone';

type State =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'error'; message: string }
  | { status: 'ready'; rows: BoardRowData[] };

export function ClassBoardPage({ me, params }: { me: Me; params: string[] }) {
  const classId = params[0];
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    Promise.all([request(ClassBoardDocument, { classId }), loadSchoolZone()])
      .then(([data]) => live && setState({ status: 'ready', rows: data.classBoard }))
      .catch((error: unknown) => {
        if (!live) return;
        setState(isNotFound(error) ? { status: 'notFound' } : { status: 'error', message: errorMessage(error) });
      });
    return () => {
      live = false;
    };
  }, [classId, attempt]);

  if (state.status === 'notFound') return <NotFoundPage />;

  const rows = state.status === 'ready' ? state.rows : [];
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
          <ErrorAlert message={state.message} />
          <button type="button" class="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('error.retry')}
          </button>
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
