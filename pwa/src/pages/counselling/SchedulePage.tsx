// /counselling/schedule[?week=YYYY-MM-DD]: the counsellor's week of the counselling room, day by day
// in school time: each booking's student, time, topic and status; attendance for today's and past
// sessions, the sealed record of a session held, and cancelling or moving what is still to come;
// booking for a student (代学生预约).
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { CounsellorWeekQuery } from '../../api/generated';
import { CounsellorWeekDocument } from '../../api/operations/counselling';
import { ErrorAlert, LoadFailed } from '../../components/Alert';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import { addDays, formatDate, schoolDate, schoolToday } from '../../i18n/time';
import { Link, useSearchParam } from '../../router';
import type { Me } from '../../state/session';
import '../../styles/counselling.css';
import { hasRole } from '../board/labels';
import { usePageData } from '../board/usePageData';
import { LoadingPage, NotFoundPage } from '../Simple';
import { mondayOf, roomText, statusLabel, timeRange, type RoomInfo } from './format';
import { Outcome, type OutcomeState } from './Outcome';
import { BookForStudent } from './BookForStudent';
import { AttendanceButtons, CancelForm, MoveForm, RecordLoader, type Booking } from './SessionForms';

function BookingItem({ booking, rooms, today, result, onChanged, onResult, onMoved }: {
  booking: Booking;
  rooms: RoomInfo[];
  today: string;
  result: OutcomeState | null;
  onChanged: (patch: Partial<Booking>, result: OutcomeState) => void;
  onResult: (result: OutcomeState) => void;
  onMoved: (result: OutcomeState) => void;
}) {
  const name = booking.student?.name ?? t('counselling.studentUnknown');
  const cancelled = booking.status === 'CANCELLED';
  const started = schoolDate(booking.startsAt) <= today;
  const ahead = booking.status === 'BOOKED' && Date.parse(booking.startsAt) > Date.now();
  const actions = { booking, onChanged, onFailed: onResult };
  return (
    <li class={`booking booking-${booking.status}`}>
      <h3 class="booking-head">
        <span class="booking-time">{timeRange(booking)}</span> <span class="booking-student">{name}</span>
      </h3>
      <p class="muted booking-where">
        {[booking.student?.className, roomText(rooms, booking.roomId), booking.counsellor?.displayName].filter(Boolean).join(' · ')}
      </p>
      <p>
        <span class={`status-badge status-${booking.status}`}>{statusLabel(booking.status)}</span>
      </p>
      {booking.topic ? (
        <p class="booking-topic">{t('counselling.topicShown', { topic: booking.topic })}</p>
      ) : (
        <p class="muted">{t('counselling.noTopic')}</p>
      )}
      {cancelled && (
        <p class="booking-cancelled">
          {booking.cancelReason
            ? t('counselling.cancelledReason', { reason: booking.cancelReason })
            : t('counselling.cancelledByStudent')}
        </p>
      )}
      <Outcome state={result} />
      {!cancelled && started && <AttendanceButtons {...actions} />}
      {booking.status === 'ATTENDED' && (
        <RecordDetails actions={actions} />
      )}
      {ahead && (
        <>
          <MoveForm booking={booking} onMoved={onMoved} onFailed={onResult} />
          <details class="booking-action">
            <summary>{t('counselling.staffCancel')}</summary>
            <CancelForm {...actions} />
          </details>
        </>
      )}
    </li>
  );
}

function WeekView({ monday, initial }: { monday: string; initial: CounsellorWeekQuery }) {
  const [bookings, setBookings] = useState(initial.counsellorSchedule);
  // One announced result at a time, beside the booking it concerns (or above the week).
  const [result, setResult] = useState<{ bookingId: string | null; state: OutcomeState } | null>(null);
  const [reloadError, setReloadError] = useState<string | null>(null);
  // A booking made for a student in another week: the way to that week.
  const [otherWeek, setOtherWeek] = useState<string | null>(null);
  const today = schoolToday();
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  const shownHere = result?.bookingId && bookings.some((booking) => booking.id === result.bookingId);

  /** After a move the week changes in two places: load it again, keeping the page and its message. */
  const reload = () => {
    setReloadError(null);
    request(CounsellorWeekDocument, { since: monday }).then(
      (data) => setBookings(data.counsellorSchedule),
      (caught: unknown) => setReloadError(errorMessage(caught)),
    );
  };

  const change = (id: string) => (patch: Partial<Booking>, state: OutcomeState) => {
    setBookings((all) => all.map((booking) => (booking.id === id ? { ...booking, ...patch } : booking)));
    setResult({ bookingId: id, state });
  };

  return (
    <>
      <nav class="week-nav" aria-label={t('counselling.week.nav')}>
        <Link href={`/counselling/schedule?week=${addDays(monday, -7)}`} class="button-quiet">
          {t('counselling.week.previous')}
        </Link>
        <Link href="/counselling/schedule" class="button-quiet" aria-current={monday === mondayOf(today) ? 'page' : undefined}>
          {t('counselling.week.this')}
        </Link>
        <Link href={`/counselling/schedule?week=${addDays(monday, 7)}`} class="button-quiet">
          {t('counselling.week.next')}
        </Link>
      </nav>
      <p class="week-range">{t('counselling.week.range', { from: formatDate(monday), to: formatDate(addDays(monday, 6)) })}</p>
      <BookForStudent
        onBooked={(booked, state) => {
          const week = mondayOf(schoolDate(booked.startsAt));
          setResult({ bookingId: null, state });
          setOtherWeek(week === monday ? null : week);
          if (week === monday) reload();
        }}
      />
      {result && !shownHere && <Outcome state={result.state} />}
      {otherWeek && result && !shownHere && (
        <p>
          <Link href={`/counselling/schedule?week=${otherWeek}`} class="button-secondary card-link">
            {t('counselling.forStudent.otherWeek')}
          </Link>
        </p>
      )}
      <ErrorAlert message={reloadError} />
      {days.map((day) => {
        const todays = bookings.filter((booking) => schoolDate(booking.startsAt) === day);
        return (
          <section key={day} class={day === today ? 'schedule-day schedule-today' : 'schedule-day'} aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>
              {formatDate(day)}
              {day === today && <span class="today-mark"> · {t('counselling.week.today')}</span>}
            </h2>
            {todays.length === 0 ? (
              <p class="muted">{t('counselling.week.none')}</p>
            ) : (
              <ul class="booking-list">
                {todays.map((booking) => (
                  <BookingItem
                    key={booking.id}
                    booking={booking}
                    rooms={initial.counsellingRooms}
                    today={today}
                    result={result?.bookingId === booking.id ? result.state : null}
                    onChanged={change(booking.id)}
                    onResult={(state) => setResult({ bookingId: booking.id, state })}
                    onMoved={(state) => {
                      setResult({ bookingId: null, state });
                      reload();
                    }}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

export function SchedulePage({ me }: { me: Me }) {
  const counsellor = hasRole(me, 'COUNSELLOR');
  const week = useSearchParam('week');
  const monday = mondayOf(week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : schoolToday());
  const { state, retry } = usePageData(
    async () => (counsellor ? request(CounsellorWeekDocument, { since: monday }) : Promise.reject({ code: 'NOT_FOUND' })),
    monday,
  );

  if (!counsellor || state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'loading') return <LoadingPage />;
  return (
    <Page title={t('counselling.schedule.title')} className="counselling-page schedule-page">
      {state.status === 'error' && (
        <>
          <LoadFailed message={state.message} onRetry={retry} />
        </>
      )}
      {state.status === 'ready' && <WeekView key={monday} monday={monday} initial={state.data} />}
    </Page>
  );
}

/** Opening the details loads the sealed record (an audited read); closed, nothing is fetched. */
function RecordDetails({ actions }: { actions: Parameters<typeof RecordLoader>[0] }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="booking-action record-action" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {t('counselling.record.title')}
        {actions.booking.hasRecord && <span class="muted"> · {t('counselling.record.written')}</span>}
      </summary>
      {open && <RecordLoader {...actions} />}
    </details>
  );
}
