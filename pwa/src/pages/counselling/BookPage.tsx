// /counselling/book: a student picks a free slot of the counselling room (心理辅导室), grouped by
// day in school time, each a big button; a short sheet confirms the place, time and counsellor and
// takes an optional private topic. Somebody quicker gets a "just taken" message and fresh slots.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { BookingSlotsQuery } from '../../api/generated';
import { BookingSlotsDocument, BookSlotDocument } from '../../api/operations/counselling';
import { ErrorAlert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/time';
import { Link, navigate } from '../../router';
import type { Me } from '../../state/session';
import '../../styles/counselling.css';
import { setFlash } from '../mentor/flash';
import { LoadingPage, NotFoundPage } from '../Simple';
import { byDay, dayOf, roomText, timeRange, whenText, type RoomInfo } from './format';
import { Outcome, outcome, type OutcomeState } from './Outcome';

type Slot = BookingSlotsQuery['counsellingSlots'][number];

const TOPIC_MAX = 500;

function ConfirmSheet({ slot, rooms, onBooked, onTaken, onClose }: {
  slot: Slot;
  rooms: RoomInfo[];
  onBooked: (text: string) => void;
  onTaken: (message: string, freeSlots: Slot[]) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [topic, setTopic] = useState('');
  const form = useForm(['topic']);
  const counsellor = slot.counsellor?.displayName ?? t('counselling.counsellorUnknown');
  const room = roomText(rooms, slot.roomId);

  useEffect(() => {
    const sheet = dialog.current;
    if (!sheet) return;
    if (!sheet.open) sheet.showModal();
    // The title, not the topic field: no keyboard popping up over the facts on a phone.
    heading.current?.focus();
    return () => {
      if (sheet.open) sheet.close();
    };
  }, []);

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    const answer: { taken?: { message: string; freeSlots: Slot[] } } = {};
    const done = await form.submit(async () => {
      const { bookSlot: result } = await request(BookSlotDocument, { slotKey: slot.key, topic: topic.trim() || null });
      if (result.__typename === 'ValidationError') return result;
      if (result.__typename === 'SlotTaken') answer.taken = result;
    });
    if (!done) return;
    if (answer.taken) onTaken(answer.taken.message, answer.taken.freeSlots);
    else onBooked(t('counselling.booked', { when: whenText(slot), room, counsellor }));
  };

  return (
    <dialog ref={dialog} class="sheet" aria-labelledby="sheet-title" onClose={onClose}>
      <form class="form" onSubmit={confirm} noValidate>
        <h2 id="sheet-title" ref={heading} tabIndex={-1}>
          {t('counselling.sheet.title')}
        </h2>
        <dl class="booking-facts">
          <dt>{t('counselling.time')}</dt>
          <dd>{whenText(slot)}</dd>
          <dt>{t('counselling.place')}</dt>
          <dd>{room}</dd>
          <dt>{t('counselling.counsellor')}</dt>
          <dd>{counsellor}</dd>
        </dl>
        <TextAreaField
          label={t('counselling.topic')}
          hint={t('counselling.topicHint')}
          optional
          count={TOPIC_MAX}
          value={topic}
          onValue={setTopic}
          error={form.fieldErrors.topic}
        />
        <ErrorAlert message={form.formError} />
        <div class="button-row sheet-actions">
          <button type="submit" class="button-primary" aria-disabled={form.busy ? 'true' : undefined}>
            {form.busy ? t('counselling.booking') : t('counselling.confirm')}
          </button>
          <button type="button" class="button-quiet" onClick={() => dialog.current?.close()}>
            {t('counselling.sheet.back')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function SlotButton({ slot, rooms, onChoose }: { slot: Slot; rooms: RoomInfo[]; onChoose: (slot: Slot) => void }) {
  return (
    <li>
      <button type="button" class="slot-button" onClick={() => onChoose(slot)}>
        <span class="visually-hidden">{dayOf(slot.startsAt)} </span>
        <span class="slot-time">{timeRange(slot)}</span>
        <span class="slot-who">
          {t('counselling.slotCounsellor', { name: slot.counsellor?.displayName ?? t('counselling.counsellorUnknown') })}
          {rooms.length > 1 && ` · ${roomText(rooms, slot.roomId)}`}
        </span>
      </button>
    </li>
  );
}

function BookView({ initial }: { initial: BookingSlotsQuery }) {
  const [slots, setSlots] = useState<Slot[]>(initial.counsellingSlots);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [result, setResult] = useState<OutcomeState | null>(null);
  const rooms = initial.counsellingRooms;
  const now = Date.now();
  const upcoming = initial.myBookings.filter((b) => b.status === 'BOOKED' && Date.parse(b.startsAt) >= now);
  const days = byDay(slots);

  return (
    <>
      <p class="note">{rooms.length === 1 ? t('counselling.book.introRoom', { room: roomText(rooms, rooms[0].id) }) : t('counselling.book.intro')}</p>
      <p class="card-privacy">{t('counselling.card.private')}</p>
      {upcoming.length > 0 && (
        <p class="notice">
          {t('counselling.book.hasUpcoming', { when: whenText(upcoming[0]) })} <Link href="/">{t('counselling.book.seeHome')}</Link>
        </p>
      )}
      <Outcome state={result} />
      {days.length === 0 ? (
        <p class="empty-state">{t('counselling.book.none')}</p>
      ) : (
        days.map(({ day, items }) => (
          <section key={day} class="slot-day" aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>{formatDate(day)}</h2>
            <ul class="slot-list">
              {items.map((slot) => (
                <SlotButton key={slot.key} slot={slot} rooms={rooms} onChoose={setChosen} />
              ))}
            </ul>
          </section>
        ))
      )}
      {chosen && (
        <ConfirmSheet
          key={chosen.key}
          slot={chosen}
          rooms={rooms}
          onClose={() => setChosen(null)}
          onBooked={(text) => {
            setFlash({ target: 'counselling', state: 'sent', text });
            navigate('/');
          }}
          onTaken={(message, freeSlots) => {
            setChosen(null);
            setSlots(freeSlots);
            setResult(outcome('error', message));
          }}
        />
      )}
    </>
  );
}

export function BookPage({ me }: { me: Me }) {
  const student = me.roles.some((role) => role.kind === 'STUDENT');
  const [data, setData] = useState<BookingSlotsQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!student) return;
    let live = true;
    setError(null);
    request(BookingSlotsDocument).then(
      (found) => live && setData(found),
      (caught: unknown) => live && setError(errorMessage(caught)),
    );
    return () => {
      live = false;
    };
  }, [attempt, student]);

  if (!student) return <NotFoundPage />;
  if (!data && !error) return <LoadingPage />;
  return (
    <Page title={t('counselling.book.title')} className="counselling-page">
      {error ? (
        <>
          <ErrorAlert message={error} />
          <button type="button" class="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('error.retry')}
          </button>
        </>
      ) : (
        data && <BookView initial={data} />
      )}
    </Page>
  );
}
