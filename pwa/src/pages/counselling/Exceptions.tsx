// On the hours page: closed days and extra hours (a counsellor's date exceptions to the weekly
// hours), and for admins the school calendar's days without school, on which the room is closed.
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { OpeningExceptionKind, OpeningExceptionsQuery } from '../../api/generated';
import {
  AddOpeningExceptionDocument,
  RemoveOpeningExceptionDocument,
  SetNonSchoolDayDocument,
} from '../../api/operations/counselling';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { addDays, clock, formatDate, schoolToday } from '../../i18n/time';
import { toMinute, type RoomInfo } from './format';
import { Outcome, outcome, type OutcomeState } from './Outcome';

type Exception = OpeningExceptionsQuery['openingExceptions'][number];
type NonSchoolDay = OpeningExceptionsQuery['nonSchoolDays'][number];

function exceptionText(item: Exception, rooms: RoomInfo[]): string {
  const room = rooms.find((candidate) => candidate.id === item.roomId)?.name ?? t('counselling.roomUnknown');
  const day = formatDate(item.day);
  const timed = item.startMinute != null && item.endMinute != null;
  const window = timed ? { start: clock(item.startMinute!), end: clock(item.endMinute!) } : { start: '', end: '' };
  if (item.kind === 'EXTRA') return t('counselling.exceptions.extra', { day, room, ...window, slot: item.slotMinutes ?? '' });
  if (!timed) return t(item.wholeRoom ? 'counselling.exceptions.closedAll' : 'counselling.exceptions.closedAllMine', { day, room });
  return t(item.wholeRoom ? 'counselling.exceptions.closedWindow' : 'counselling.exceptions.closedWindowMine', { day, room, ...window });
}

const byDay = <T extends { day: string }>(items: T[]) => [...items].sort((a, b) => a.day.localeCompare(b.day));

function Choice({ name, legend, value, options, onValue }: {
  name: string;
  legend: string;
  value: string;
  options: { value: string; label: string }[];
  onValue: (value: string) => void;
}) {
  return (
    <fieldset class="field picks">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="pick">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onValue(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

const EXCEPTION_FIELDS = ['roomId', 'day', 'kind', 'startMinute', 'endMinute', 'slotMinutes', 'bufferMinutes'] as const;

function ExceptionForm({ rooms, onAdded }: { rooms: RoomInfo[]; onAdded: (item: Exception, result: OutcomeState) => void }) {
  const [roomId, setRoomId] = useState(rooms[0]?.id ?? '');
  const [day, setDay] = useState(addDays(schoolToday(), 1));
  const [kind, setKind] = useState<OpeningExceptionKind>('CLOSED');
  const [span, setSpan] = useState<'day' | 'window'>('day');
  const [scope, setScope] = useState<'room' | 'me'>('room');
  const [start, setStart] = useState('12:00');
  const [end, setEnd] = useState('13:00');
  const [slot, setSlot] = useState('40');
  const [buffer, setBuffer] = useState('5');
  const form = useForm(EXCEPTION_FIELDS);
  const timed = kind === 'EXTRA' || span === 'window';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    if (!day) return form.showInvalid({ field: 'day', message: t('common.required') });
    const answer: { added?: Exception } = {};
    const done = await form.submit(async () => {
      const { addOpeningException: result } = await request(AddOpeningExceptionDocument, {
        roomId,
        input: {
          day,
          kind,
          startMinute: timed ? toMinute(start) : null,
          endMinute: timed ? toMinute(end) : null,
          slotMinutes: kind === 'EXTRA' ? Number.parseInt(slot, 10) || 0 : null,
          bufferMinutes: kind === 'EXTRA' ? Number.parseInt(buffer, 10) || 0 : 0,
          wholeRoom: kind === 'CLOSED' && scope === 'room',
        },
      });
      if (result.__typename === 'ValidationError') return result;
      answer.added = result;
    });
    if (done && answer.added) onAdded(answer.added, outcome('ok', t('counselling.exceptions.added', { what: exceptionText(answer.added, rooms) })));
  };

  return (
    <form class="form exception-form" onSubmit={submit} noValidate aria-labelledby="exception-form-title">
      <h3 id="exception-form-title">{t('counselling.exceptions.formTitle')}</h3>
      {rooms.length > 1 && (
        <SelectField
          label={t('counselling.exceptions.room')}
          value={roomId}
          onValue={setRoomId}
          error={form.fieldErrors.roomId}
          options={rooms.map((room) => ({ value: room.id, label: room.name }))}
        />
      )}
      <Field label={t('counselling.exceptions.day')} type="date" value={day} onValue={setDay} error={form.fieldErrors.day} />
      <Choice
        name="exception-kind"
        legend={t('counselling.exceptions.kind')}
        value={kind}
        onValue={(value) => setKind(value as OpeningExceptionKind)}
        options={(['CLOSED', 'EXTRA'] as const).map((value) => ({ value, label: t(`counselling.exceptions.kind.${value}`) }))}
      />
      {form.fieldErrors.kind && <p class="field-error" role="alert">{form.fieldErrors.kind}</p>}
      {kind === 'CLOSED' && (
        <>
          <Choice
            name="exception-span"
            legend={t('counselling.exceptions.span')}
            value={span}
            onValue={(value) => setSpan(value as 'day' | 'window')}
            options={(['day', 'window'] as const).map((value) => ({ value, label: t(`counselling.exceptions.span.${value}`) }))}
          />
          <Choice
            name="exception-scope"
            legend={t('counselling.exceptions.scope')}
            value={scope}
            onValue={(value) => setScope(value as 'room' | 'me')}
            options={(['room', 'me'] as const).map((value) => ({ value, label: t(`counselling.exceptions.scope.${value}`) }))}
          />
        </>
      )}
      {timed && (
        <div class="hours-grid exception-grid">
          <Field label={t('counselling.exceptions.start')} type="time" value={start} onValue={setStart} error={form.fieldErrors.startMinute} />
          <Field label={t('counselling.exceptions.end')} type="time" value={end} onValue={setEnd} error={form.fieldErrors.endMinute} />
          {kind === 'EXTRA' && (
            <>
              <Field
                label={t('counselling.exceptions.slot')}
                type="number"
                inputMode="numeric"
                min={1}
                max={1439}
                value={slot}
                onValue={setSlot}
                error={form.fieldErrors.slotMinutes}
              />
              <Field
                label={t('counselling.exceptions.buffer')}
                type="number"
                inputMode="numeric"
                min={0}
                max={240}
                value={buffer}
                onValue={setBuffer}
                error={form.fieldErrors.bufferMinutes}
              />
            </>
          )}
        </div>
      )}
      <ErrorAlert message={form.formError} />
      <button type="submit" class="button-primary" aria-disabled={form.busy ? 'true' : undefined}>
        {form.busy ? t('common.saving') : t('counselling.exceptions.add')}
      </button>
    </form>
  );
}

/** The counsellor's closed days and extra hours from today on, with a form to add one. */
export function ExceptionsSection({ rooms, initial }: { rooms: RoomInfo[]; initial: Exception[] }) {
  const [items, setItems] = useState<Exception[]>(byDay(initial));
  const [result, setResult] = useState<OutcomeState | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const remove = async (item: Exception) => {
    if (busy) return;
    setBusy(item.id);
    const what = exceptionText(item, rooms);
    try {
      const { removeOpeningException: answer } = await request(RemoveOpeningExceptionDocument, { id: item.id });
      if (answer.__typename === 'ValidationError') setResult(outcome('error', answer.message));
      else {
        setItems((all) => all.filter((other) => other.id !== item.id));
        setResult(outcome('ok', t('counselling.exceptions.removed', { what })));
      }
    } catch (caught) {
      setResult(outcome('error', errorMessage(caught)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="hours-room exceptions" aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">{t('counselling.exceptions.title')}</h2>
      <p class="hint">{t('counselling.exceptions.intro')}</p>
      <Outcome state={result} />
      {items.length === 0 ? (
        <p class="muted">{t('counselling.exceptions.none')}</p>
      ) : (
        <ul class="plain-list exception-list">
          {items.map((item) => {
            const what = exceptionText(item, rooms);
            return (
              <li key={item.id} class="exception-item">
                <span>{what}</span>
                <button
                  type="button"
                  class="button-quiet"
                  aria-label={t('counselling.exceptions.removeLabel', { what })}
                  aria-disabled={busy === item.id ? 'true' : undefined}
                  onClick={() => void remove(item)}
                >
                  {t('counselling.exceptions.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {rooms.length > 0 && (
        <ExceptionForm
          rooms={rooms}
          onAdded={(added, state) => {
            setItems((all) => byDay([...all, added]));
            setResult(state);
          }}
        />
      )}
    </section>
  );
}

/** Admins: the school calendar's dates without school (the room is closed), and undoing one. */
export function CalendarSection({ initial }: { initial: NonSchoolDay[] }) {
  const [days, setDays] = useState<NonSchoolDay[]>(byDay(initial));
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [result, setResult] = useState<OutcomeState | null>(null);
  const form = useForm(['day', 'name']);

  const set = async (target: string, closed: boolean, label: string | null) => {
    const answer: { days?: NonSchoolDay[] } = {};
    const done = await form.submit(async () => {
      const { setNonSchoolDay: result } = await request(SetNonSchoolDayDocument, { day: target, closed, name: label });
      if (result.__typename === 'ValidationError') return result;
      answer.days = result.nonSchoolDays;
    });
    if (!done || !answer.days) return;
    setDays(byDay(answer.days));
    const key = closed ? 'counselling.calendar.done' : 'counselling.calendar.undone';
    setResult(outcome('ok', t(key, { day: formatDate(target) })));
    if (closed) {
      setDay('');
      setName('');
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    if (!day) return form.showInvalid({ field: 'day', message: t('common.required') });
    void set(day, true, name.trim() || null);
  };

  return (
    <section class="hours-room school-calendar" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('counselling.calendar.title')}</h2>
      <p class="hint">{t('counselling.calendar.intro')}</p>
      <Outcome state={result} />
      {days.length === 0 ? (
        <p class="muted">{t('counselling.calendar.none')}</p>
      ) : (
        <ul class="plain-list exception-list">
          {days.map((item) => (
            <li key={item.day} class="exception-item">
              <span>{t('counselling.calendar.item', { day: formatDate(item.day), name: item.name })}</span>
              <button
                type="button"
                class="button-quiet"
                aria-label={t('counselling.calendar.undoLabel', { day: formatDate(item.day) })}
                onClick={() => !form.busy && void set(item.day, false, null)}
              >
                {t('counselling.calendar.undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="form calendar-form" onSubmit={submit} noValidate aria-label={t('counselling.calendar.submit')}>
        <Field label={t('counselling.calendar.day')} type="date" value={day} onValue={setDay} error={form.fieldErrors.day} />
        <Field
          label={t('counselling.calendar.name')}
          hint={t('counselling.calendar.nameHint')}
          optional
          maxLength={50}
          value={name}
          onValue={setName}
          error={form.fieldErrors.name}
        />
        <ErrorAlert message={form.formError} />
        <button type="submit" class="button-primary" aria-disabled={form.busy ? 'true' : undefined}>
          {form.busy ? t('common.saving') : t('counselling.calendar.submit')}
        </button>
      </form>
    </section>
  );
}
