// Home-card sections of the counselling room for staff: the counsellor's bookings today with the
// ways to the week, the opening hours and the daily report; for leadership, the week's open hours
// against the targets; for the district centre, the way to the daily report (一日一报).
import { request } from '../../api/client';
import { CounsellorTodayDocument, OpeningSummaryDocument } from '../../api/operations/counselling';
import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n';
import { schoolToday } from '../../i18n/time';
import { Link } from '../../router';
import { useLastKnown } from '../../state/useLastKnown';
import '../../styles/counselling.css';
import { statusLabel, timeRange } from './format';
import { HoursChecks } from './HoursChecks';

/** Offline with nothing kept for this card: said calmly. */
function NotKept({ show }: { show: boolean }) {
  return show ? <p class="muted">{t('offline.notKept')}</p> : null;
}

/** 心理教师: today's sessions in the room, the week's schedule and the weekly hours. */
export function CounsellorCounsellingCard() {
  // By date: a list kept yesterday is not today's.
  const today = schoolToday();
  const { data, error, offline } = useLastKnown(`counsellorToday:${today}`, () => request(CounsellorTodayDocument, { today }));
  const sessions = (data?.counsellorSchedule ?? []).filter((booking) => booking.status !== 'CANCELLED');
  return (
    <div class="counselling-card">
      <h3>{sessions.length > 0 ? t('counselling.today.titleCount', { count: sessions.length }) : t('counselling.today.title')}</h3>
      <ErrorAlert message={error} />
      {!data && !error && !offline && <p class="muted">{t('app.loading')}</p>}
      <NotKept show={!data && offline} />
      {data && sessions.length === 0 && <p class="muted">{t('counselling.today.none')}</p>}
      {sessions.length > 0 && (
        <ul class="today-list">
          {sessions.map((booking) => (
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
  const { data, error, offline } = useLastKnown('openingSummary', () => request(OpeningSummaryDocument));
  const hours = data?.openingHours;
  return (
    <div class="counselling-card">
      <h3>{t('counselling.hours.cardTitle')}</h3>
      <ErrorAlert message={error} />
      <NotKept show={!data && offline} />
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
