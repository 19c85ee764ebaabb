// The mentor's home card (我的学生): today's students, not yet checked in first, each with a big
// check-in button; today's rota for me; for a lead, the periods nobody covers; the outbox.
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { MyStudentsDocument } from '../../api/operations/mentor';
import { OutboxStatus } from '../../components/OutboxStatus';
import { useOutbox } from '../../db/useOutbox';
import { t } from '../../i18n';
import { clock, formatDate, formatRelative, schoolToday } from '../../i18n/time';
import { Link } from '../../router';
import type { Me } from '../../state/session';
import { moodLabel, SavedMessage } from './controls';
import { takeFlash } from './flash';
import { useLastKnown } from '../../state/useLastKnown';
import { PART, type MyDay } from './memory';
import { useReloadWhenSent } from './useReloadWhenSent';
import '../../styles/mentor.css';

type Row = MyDay['students'][number];
type State = 'done' | 'waiting' | 'todo';

function useMyDay() {
  const { data, error, offline, reload } = useLastKnown(PART.myDay, async () => (await request(MyStudentsDocument)).myStudents);
  return { day: data, error, offline, reload };
}

function StudentRow({ row, state, otherDay }: { row: Row; state: State; otherDay: boolean }) {
  const name = row.student.name;
  return (
    <li class={`student-row student-${state}`}>
      <p class="student-head">
        <Link href={`/students/${row.student.id}`} class="student-name">
          {name}
        </Link>
        {row.student.className && <span class="muted"> {row.student.className}</span>}
      </p>
      <p class={`checkin-state checkin-${state}`}>{t(`mentor.state.${state}`)}</p>
      {!otherDay && row.checkInsToday > row.myCheckInsToday && (
        <p class="muted small">{t('mentor.teamCount', { n: row.checkInsToday })}</p>
      )}
      <p class="small">
        {row.latestMood && row.latestMoodAt
          ? t('mentor.latestMood', { mood: moodLabel(row.latestMood), score: row.latestMood, when: formatRelative(row.latestMoodAt) })
          : t('mentor.noMood')}
      </p>
      <Link href={`/check-in/${row.student.id}`} class={state === 'todo' ? 'button-primary big-button' : 'button-secondary big-button'}>
        {t('mentor.checkInButton', { name })}
      </Link>
    </li>
  );
}

/** Today's rota by period, in time order: one line per period with the students I accompany. */
function periodsOf(rota: MyDay['rota']) {
  const periods = new Map<string, { key: string; name: string; start: number; end: number; students: string[] }>();
  for (const item of [...rota].sort((a, b) => a.startMinute - b.startMinute)) {
    const key = `${item.startMinute}:${item.periodName}`;
    const period = periods.get(key) ?? { key, name: item.periodName, start: item.startMinute, end: item.endMinute, students: [] };
    if (!period.students.includes(item.student.name)) period.students.push(item.student.name);
    periods.set(key, period);
  }
  return [...periods.values()];
}

export function MentorCard({ me, showOutbox }: { me: Me; showOutbox: boolean }) {
  const accountId = me.account.id;
  const { day, error, offline, reload } = useMyDay();
  const [flash] = useState(() => takeFlash('checkIn'));
  const { waiting } = useOutbox(accountId);

  const waitingCheckIns = waiting.filter((entry) => entry.kind === 'checkIn');
  const pending = new Set(waitingCheckIns.map((entry) => entry.studentId));
  useReloadWhenSent(waitingCheckIns.length, reload);
  // Kept from an earlier day (opened offline the next morning): its counts and rota are not today's.
  const otherDay = day !== null && offline && day.date !== schoolToday();
  const stateOf = (row: Row): State =>
    !otherDay && row.myCheckInsToday > 0 ? 'done' : pending.has(row.student.id) ? 'waiting' : 'todo';
  const rows = day ? [...day.students] : [];
  // Not yet checked in first; otherwise the server's order (most in need first). sort() is stable.
  rows.sort((a, b) => Number(stateOf(a) !== 'todo') - Number(stateOf(b) !== 'todo'));
  const done = rows.filter((row) => stateOf(row) === 'done').length;

  return (
    <div class="mentor-card">
      {flash && <SavedMessage state={flash.state} text={flash.text} />}
      <h3>{t('mentor.title')}</h3>
      {!day && !error && !offline && <p role="status">{t('mentor.loading')}</p>}
      {!day && offline && <p class="muted">{t('offline.notKept')}</p>}
      {error && (
        <div class="card-error">
          <p role="alert" class="alert alert-error">
            {day ? t('mentor.stale', { message: error }) : t('mentor.loadFailed', { message: error })}
          </p>
          <button type="button" class="button-quiet" onClick={reload}>
            {t('mentor.retry')}
          </button>
        </div>
      )}
      {day && rows.length === 0 && <p>{t('mentor.noStudents')}</p>}
      {day && rows.length > 0 && (
        <>
          <p class="progress">{t('mentor.progress', { done, total: rows.length })}</p>
          <ul class="student-list">
            {rows.map((row) => (
              <StudentRow key={row.caseId} row={row} state={stateOf(row)} otherDay={otherDay} />
            ))}
          </ul>
        </>
      )}
      {otherDay && <p class="muted">{t('offline.otherDay', { date: formatDate(day.date) })}</p>}
      {day && !otherDay && (
        <>
          <h3>{t('mentor.rotaTitle')}</h3>
          {day.rota.length === 0 ? (
            <p class="muted">{t('mentor.rotaNone')}</p>
          ) : (
            <ul class="plain-list rota-list">
              {periodsOf(day.rota).map((period) => (
                <li key={period.key}>
                  <span class="rota-time">
                    {t('mentor.rotaItem', { period: period.name, start: clock(period.start), end: clock(period.end) })}
                  </span>{' '}
                  <span>{period.students.join(t('common.listSeparator'))}</span>
                </li>
              ))}
            </ul>
          )}
          {day.gaps.length > 0 && (
            <div class="gaps">
              <h3>
                <span class="sig-mark gap-mark" aria-hidden="true">
                  !
                </span>
                {t('mentor.gapsTitle')}
              </h3>
              <ul class="plain-list">
                {day.gaps.map((gap) => (
                  <li key={`${gap.caseId}:${gap.startMinute}`}>
                    {t('mentor.gapItem', { period: gap.periodName, start: clock(gap.startMinute), name: gap.studentName })}
                  </li>
                ))}
              </ul>
              <p class="small">{t('mentor.gapsNote')}</p>
            </div>
          )}
        </>
      )}
      <p>
        <Link href="/observe" class="observe-link">
          {t('mentor.observeLink')}
        </Link>
      </p>
      {showOutbox && <OutboxStatus accountId={accountId} />}
    </div>
  );
}
