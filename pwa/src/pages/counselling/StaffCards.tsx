// Home-card sections of the counselling room for staff: the counsellor's bookings today with the
// ways to the week, the opening hours and the daily report; for leadership, the week's open hours
// against the targets; for the district centre, the way to the daily report (一日一报).
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { CounsellorTodayQuery, OpeningSummaryQuery } from '../../api/generated';
import { CounsellorTodayDocument, OpeningSummaryDocument } from '../../api/operations/counselling';
import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n';
import { schoolToday } from '../../i18n/time';
import { Link } from '../../router';
import '../../styles/counselling.css';
import { statusLabel, timeRange } from './format';
import { HoursChecks } from './HoursChecks';

function useLoad<T>(load: () => Promise<T>): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (found) => live && setData(found),
      (caught: unknown) => live && setError(errorMessage(caught)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { data, error };
}

/** 心理教师: today's sessions in the room, the week's schedule and the weekly hours. */
export function CounsellorCounsellingCard() {
  const { data, error } = useLoad<CounsellorTodayQuery>(() => request(CounsellorTodayDocument, { today: schoolToday() }));
  const today = (data?.counsellorSchedule ?? []).filter((booking) => booking.status !== 'CANCELLED');
  return (
    <div class="counselling-card">
      <h3>{today.length > 0 ? t('counselling.today.titleCount', { count: today.length }) : t('counselling.today.title')}</h3>
      <ErrorAlert message={error} />
      {!data && !error && <p class="muted">{t('app.loading')}</p>}
      {data && today.length === 0 && <p class="muted">{t('counselling.today.none')}</p>}
      {today.length > 0 && (
        <ul class="today-list">
          {today.map((booking) => (
            <li key={booking.id} class="today-item">
              <span class="today-time">{timeRange(booking)}</span>{' '}
              <span class="today-student">{booking.student?.name ?? t('counselling.studentUnknown')}</span>
              {booking.student?.className && <span class="muted"> · {booking.student.className}</span>}
              <span class={`status-badge status-${booking.status}`}>{statusLabel(booking.status)}</span>
            </li>
          ))}
        </ul>
      )}
      <CardLink href="/counselling/schedule">{t('counselling.scheduleLink')}</CardLink>
      <CardLink href="/counselling/hours">{t('counselling.hoursLink')}</CardLink>
      <CardLink href="/counselling/report">{t('counselling.report.link')}</CardLink>
    </div>
  );
}

/** 领导小组 / 管理员: whether the room is open long enough (once, unless also a counsellor). */
export function LeadershipCounsellingCard() {
  const { data, error } = useLoad<OpeningSummaryQuery>(() => request(OpeningSummaryDocument));
  const hours = data?.openingHours;
  return (
    <div class="counselling-card">
      <h3>{t('counselling.hours.cardTitle')}</h3>
      <ErrorAlert message={error} />
      {hours && <HoursChecks hours={hours} />}
      <CardLink href="/counselling/hours">{t('counselling.hours.viewLink')}</CardLink>
      <CardLink href="/counselling/report">{t('counselling.report.link')}</CardLink>
    </div>
  );
}

/** 区心理中心: the schools' daily counselling report (一日一报), counts only. */
export function DistrictReportCard() {
  return (
    <div class="counselling-card">
      <p>{t('counselling.report.cardText')}</p>
      <CardLink href="/counselling/report">{t('counselling.report.link')}</CardLink>
    </div>
  );
}

function CardLink({ href, children }: { href: string; children: string }) {
  return (
    <p>
      <Link href={href} class="button-secondary card-link">
        {children}
      </Link>
    </p>
  );
}
