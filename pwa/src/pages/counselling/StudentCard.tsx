// The student's home card: upcoming counselling bookings (place, time, counsellor, add to the
// calendar, cancel), bookings the counsellor cancelled or moved with their reason, and the way
// to book (home → slot → confirm: three taps).
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { MyBookingsQuery } from '../../api/generated';
import { CancelBookingDocument, MyBookingsDocument } from '../../api/operations/counselling';
import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n';
import { Link } from '../../router';
import { useLastKnown } from '../../state/useLastKnown';
import '../../styles/counselling.css';
import { takeFlash } from '../mentor/flash';
import { calendarHref, roomText, whenText, type RoomInfo } from './format';
import { Outcome, outcome, type OutcomeState } from './Outcome';

type Booking = MyBookingsQuery['myBookings'][number];

/** A counsellor's cancellation (or move) stays on the card this long after the session's time. */
const CHANGED_SHOWN_MS = 7 * 86_400_000;

function ConfirmCancel({ booking, busy, onConfirm, onKeep }: {
  booking: Booking;
  busy: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const textId = `cancel-question-${booking.id}`;
  return (
    <div class="confirm" role="group" aria-labelledby={textId}>
      <p id={textId}>{t('counselling.cancelQuestion', { when: whenText(booking) })}</p>
      <div class="button-row">
        <button type="button" class="button-danger" ref={confirm} aria-disabled={busy ? 'true' : undefined} onClick={() => !busy && onConfirm()}>
          {busy ? t('counselling.cancelling') : t('counselling.cancelConfirm')}
        </button>
        <button type="button" class="button-quiet" onClick={onKeep}>
          {t('counselling.cancelKeep')}
        </button>
      </div>
    </div>
  );
}

function UpcomingBooking({ booking, rooms, onCancelled }: {
  booking: Booking;
  rooms: RoomInfo[];
  onCancelled: (booking: Booking) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const whenId = `booking-when-${booking.id}`;

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      const { cancelBooking: result } = await request(CancelBookingDocument, { id: booking.id, reason: null });
      if (result.__typename === 'ValidationError') {
        // Within the notice period the server refuses and says why.
        setError(result.message);
        setAsking(false);
        askButton.current?.focus();
      } else {
        onCancelled(booking);
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="booking booking-upcoming">
      <p class="booking-when" id={whenId}>
        {whenText(booking)}
      </p>
      <dl class="booking-facts">
        <dt>{t('counselling.place')}</dt>
        <dd>{roomText(rooms, booking.roomId)}</dd>
        <dt>{t('counselling.counsellor')}</dt>
        <dd>{booking.counsellor?.displayName ?? t('counselling.counsellorUnknown')}</dd>
      </dl>
      <ErrorAlert message={error} />
      <div class="button-row">
        <a class="button-secondary" href={calendarHref(booking.id)} download aria-describedby={whenId}>
          {t('counselling.addToCalendar')}
        </a>
        {!asking && (
          <button type="button" class="button-quiet" ref={askButton} aria-describedby={whenId} onClick={() => setAsking(true)}>
            {t('counselling.cancel')}
          </button>
        )}
      </div>
      {asking && (
        <ConfirmCancel
          booking={booking}
          busy={busy}
          onConfirm={() => void cancel()}
          onKeep={() => {
            setAsking(false);
            setTimeout(() => askButton.current?.focus(), 0);
          }}
        />
      )}
    </li>
  );
}

export function StudentCounsellingCard() {
  const { data, error, offline, reload } = useLastKnown<MyBookingsQuery>('myBookings', () => request(MyBookingsDocument));
  // A confirmation from the booking page that brought me here.
  const [result, setResult] = useState<OutcomeState | null>(() => {
    const flash = takeFlash('counselling');
    return flash ? outcome('ok', flash.text) : null;
  });

  const now = Date.now();
  const bookings = data?.myBookings ?? [];
  const upcoming = bookings.filter((b) => b.status === 'BOOKED' && Date.parse(b.endsAt) >= now);
  const changed = bookings.filter(
    (b) => b.status === 'CANCELLED' && b.cancelledByCounsellor && Date.parse(b.startsAt) >= now - CHANGED_SHOWN_MS,
  );
  const rooms = data?.counsellingRooms ?? [];

  return (
    <div class="counselling-card">
      <Outcome state={result} />
      <h3>{t('counselling.card.title')}</h3>
      <ErrorAlert message={error} />
      {error && (
        <button type="button" class="button-quiet" onClick={reload}>
          {t('error.retry')}
        </button>
      )}
      {!data && !error && !offline && <p class="muted">{t('app.loading')}</p>}
      {!data && offline && <p class="muted">{t('offline.notKept')}</p>}
      {data && upcoming.length === 0 && <p class="muted">{t('counselling.card.none')}</p>}
      {upcoming.length > 0 && (
        <ul class="booking-list">
          {upcoming.map((booking) => (
            <UpcomingBooking
              key={booking.id}
              booking={booking}
              rooms={rooms}
              onCancelled={(cancelled) => {
                setResult(outcome('ok', t('counselling.cancelled', { when: whenText(cancelled) })));
                reload();
              }}
            />
          ))}
        </ul>
      )}
      {changed.map((booking) => (
        <p key={booking.id} class="notice booking-changed">
          {booking.cancelReason
            ? t('counselling.card.changedWithReason', { when: whenText(booking), reason: booking.cancelReason })
            : t('counselling.card.changed', { when: whenText(booking) })}
        </p>
      ))}
      <p class="card-privacy">{t('counselling.card.private')}</p>
      <p>
        <Link href="/counselling/book" class={upcoming.length > 0 ? 'button-secondary book-link' : 'button-primary book-link'}>
          {t('counselling.bookButton')}
        </Link>
      </p>
    </div>
  );
}
