// The rows of a class or school board: one open case each, in the order the server sorted
// them by need (open alerts, level, no check-in today, low mood).
import type { ClassBoardQuery } from '../../api/generated';
import { t } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/time';
import { Link } from '../../router';
import { LevelBadge } from './Badges';
import { names, statusLabel } from './labels';

export type BoardRowData = ClassBoardQuery['classBoard'][number];

function Coverage({ row }: { row: BoardRowData }) {
  return (
    <>
      <span class="coverage coverage-done">
        <span class="fact-label">{t('board.checkedIn')}</span>
        {row.checkedIn.length ? names(row.checkedIn) : t('board.nobody')}
      </span>
      <span class={row.notCheckedIn.length ? 'coverage coverage-missing' : 'coverage'}>
        <span class="fact-label">{t('board.notCheckedIn')}</span>
        {row.notCheckedIn.length ? names(row.notCheckedIn) : t('board.nobody')}
      </span>
    </>
  );
}

function HomeLogFact({ row }: { row: BoardRowData }) {
  if (!row.lastHomeLogDate) return <>{t('board.noHomeLog')}</>;
  return (
    <>
      {formatDate(row.lastHomeLogDate)}
      {' · '}
      {t('board.homeTargets', {
        listening: row.lastListeningMinutes ?? '–',
        exercise: row.lastExerciseMinutes ?? '–',
      })}
    </>
  );
}

export function BoardRowItem({ row, showClass }: { row: BoardRowData; showClass: boolean }) {
  const alerts = row.openAlerts > 0;
  return (
    <li class={`board-row level-row-${row.level}${alerts ? ' board-row-alert' : ''}`} tabIndex={-1}>
      <div class="board-row-head">
        <h2 class="board-name">
          <Link href={`/students/${row.student.id}`}>{row.student.name}</Link>
        </h2>
        <LevelBadge level={row.level} />
        {row.status !== 'ACTIVE' && <span class="badge badge-inactive">{statusLabel(row.status)}</span>}
      </div>
      {showClass && row.student.className && <p class="muted">{row.student.className}</p>}
      {alerts && (
        <p class="board-alert">
          <span class="sig-mark" aria-hidden="true">
            !
          </span>
          {t('board.openAlerts', { count: row.openAlerts })}
        </p>
      )}
      <dl class="board-facts">
        <div class="board-fact">
          <dt>{t('board.coverageToday')}</dt>
          <dd>
            <Coverage row={row} />
          </dd>
        </div>
        <div class="board-fact">
          <dt>{t('board.latestMood')}</dt>
          <dd>
            {row.latestMood !== null
              ? t('board.moodValue', { mood: row.latestMood, time: row.latestMoodAt ? formatDateTime(row.latestMoodAt) : '' })
              : t('board.noMood')}
          </dd>
        </div>
        <div class="board-fact">
          <dt>{t('board.lastHomeLog')}</dt>
          <dd>
            <HomeLogFact row={row} />
          </dd>
        </div>
      </dl>
    </li>
  );
}

export function BoardSummary({ total, alerts }: { total: number; alerts: number }) {
  return (
    <p class="board-summary">
      {t('board.total', { count: total })}
      {alerts > 0 && <strong class="board-summary-alerts">{t('board.totalAlerts', { count: alerts })}</strong>}
    </p>
  );
}
