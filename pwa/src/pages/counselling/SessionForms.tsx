// What a counsellor does with one booking: mark attended or no-show, write the sealed session
// record (个案保密) with an optional conclusion for the care team (结论建议互商互通), cancel it with a
// reason, or move it to another free slot with a reason. The student sees the reasons.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { CounsellorWeekQuery, FreeSlotsQuery, SessionRecordQuery } from '../../api/generated';
import {
  CancelBookingDocument,
  FreeSlotsDocument,
  MarkAttendanceDocument,
  MoveBookingDocument,
  SessionRecordDocument,
  WriteSessionRecordDocument,
} from '../../api/operations/counselling';
import { ErrorAlert } from '../../components/Alert';
import { CheckboxField, Field, SelectField, TextAreaField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/time';
import { whenText } from './format';
import { outcome, type OutcomeState } from './Outcome';

export type Booking = CounsellorWeekQuery['counsellorSchedule'][number];
type SessionRecord = NonNullable<SessionRecordQuery['sessionRecord']>;
type FreeSlot = FreeSlotsQuery['counsellingSlots'][number];

const NOTES_MAX = 5000;
const CONCLUSION_MAX = 1000;
const REASON_MAX = 200;

interface ActionProps {
  booking: Booking;
  /** The booking as the server now has it (merged into the list), and what to announce. */
  onChanged: (patch: Partial<Booking>, result: OutcomeState) => void;
  onFailed: (result: OutcomeState) => void;
}

function studentName(booking: Booking): string {
  return booking.student?.name ?? t('counselling.studentUnknown');
}

/** 已到 / 未到: toggle buttons, the current one pressed; a mistake can be corrected. */
export function AttendanceButtons({ booking, onChanged, onFailed }: ActionProps) {
  const [busy, setBusy] = useState(false);
  const mark = async (attended: boolean) => {
    if (busy) return;
    setBusy(true);
    try {
      const { markAttendance: result } = await request(MarkAttendanceDocument, { bookingId: booking.id, attended });
      if (result.__typename === 'ValidationError') onFailed(outcome('error', result.message));
      else {
        const key = attended ? 'counselling.marked.ATTENDED' : 'counselling.marked.NO_SHOW';
        onChanged({ status: result.status }, outcome('ok', t(key, { name: studentName(booking), when: whenText(booking) })));
      }
    } catch (caught) {
      onFailed(outcome('error', errorMessage(caught)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="button-row attendance" role="group" aria-label={t('counselling.attendanceFor', { name: studentName(booking), when: whenText(booking) })}>
      <button
        type="button"
        class="button-secondary"
        aria-pressed={booking.status === 'ATTENDED' ? 'true' : 'false'}
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => booking.status !== 'ATTENDED' && void mark(true)}
      >
        {t('counselling.attended')}
      </button>
      <button
        type="button"
        class="button-secondary"
        aria-pressed={booking.status === 'NO_SHOW' ? 'true' : 'false'}
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => booking.status !== 'NO_SHOW' && void mark(false)}
      >
        {t('counselling.noShow')}
      </button>
    </div>
  );
}

/** The sealed record, loaded only when the counsellor opens it: each read is audited. */
export function RecordLoader(props: ActionProps) {
  const [loaded, setLoaded] = useState<{ record: SessionRecord | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    if (!props.booking.hasRecord) {
      setLoaded({ record: null });
      return;
    }
    request(SessionRecordDocument, { bookingId: props.booking.id })
      .then((data) => current && setLoaded({ record: data.sessionRecord }))
      .catch((caught: unknown) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [props.booking.id]);
  if (error) return <ErrorAlert message={error} />;
  if (!loaded) return <p role="status">{t('app.loading')}</p>;
  return <RecordForm {...props} record={loaded.record} />;
}

/** The sealed record: readable by the school's counsellors only; the conclusion may be shared. */
function RecordForm({ booking, onChanged, record: stored }: ActionProps & { record: SessionRecord | null }) {
  const [record, setRecord] = useState<SessionRecord | null>(stored);
  const [notes, setNotes] = useState(record?.notes ?? '');
  const [conclusion, setConclusion] = useState(record?.conclusion ?? '');
  const [share, setShare] = useState(false);
  const form = useForm(['notes', 'conclusion']);
  const shared = record?.conclusionSharedAt ?? null;

  const save = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    const wanted = share && !shared;
    const answer: { saved?: SessionRecord } = {};
    const done = await form.submit(async () => {
      const { writeSessionRecord: result } = await request(WriteSessionRecordDocument, {
        bookingId: booking.id,
        notes,
        conclusion: conclusion.trim() || null,
        shareConclusion: wanted,
      });
      if (result.__typename === 'ValidationError') return result;
      answer.saved = result;
    });
    const written = answer.saved;
    if (!done || !written) return;
    setShare(false);
    const key = !wanted
      ? 'counselling.record.saved'
      : written.conclusionSharedAt
        ? 'counselling.record.savedShared'
        : 'counselling.record.savedNoCase';
    setRecord(written);
    onChanged({ hasRecord: true }, outcome('ok', t(key, { name: studentName(booking) })));
  };

  return (
    <form class="form record-form" onSubmit={save} noValidate aria-label={t('counselling.record.formFor', { name: studentName(booking) })}>
      <p class="sealed-note">{t('counselling.record.sealedNote')}</p>
      <TextAreaField
        label={t('counselling.record.notes')}
        hint={t('counselling.record.notesHint')}
        rows={6}
        count={NOTES_MAX}
        value={notes}
        onValue={setNotes}
        error={form.fieldErrors.notes}
      />
      <TextAreaField
        label={t('counselling.record.conclusion')}
        hint={t('counselling.record.conclusionHint')}
        optional
        count={CONCLUSION_MAX}
        value={conclusion}
        onValue={setConclusion}
        error={form.fieldErrors.conclusion}
      />
      {shared ? (
        <p class="muted">{t('counselling.record.sharedAt', { time: formatDateTime(shared) })}</p>
      ) : (
        <CheckboxField label={t('counselling.record.share')} checked={share} onChecked={setShare} />
      )}
      {record && (
        <p class="muted">
          {t('counselling.record.writtenBy', {
            name: record.writtenBy?.displayName ?? t('counselling.counsellorUnknown'),
            time: formatDateTime(record.updatedAt),
          })}
        </p>
      )}
      <ErrorAlert message={form.formError} />
      <button type="submit" class="button-primary" aria-disabled={form.busy ? 'true' : undefined}>
        {form.busy ? t('common.saving') : t('counselling.record.save')}
      </button>
    </form>
  );
}

/** A counsellor cancels with a reason the student sees. */
export function CancelForm({ booking, onChanged }: ActionProps) {
  const [reason, setReason] = useState('');
  const form = useForm(['reason']);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    if (!reason.trim()) return form.showInvalid({ field: 'reason', message: t('common.required') });
    const answer: { patch?: Partial<Booking> } = {};
    const done = await form.submit(async () => {
      const { cancelBooking: result } = await request(CancelBookingDocument, { id: booking.id, reason: reason.trim() });
      if (result.__typename === 'ValidationError') return result;
      answer.patch = result;
    });
    if (done && answer.patch) {
      onChanged(answer.patch, outcome('ok', t('counselling.staffCancelled', { name: studentName(booking), when: whenText(booking) })));
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate aria-label={t('counselling.cancelFor', { name: studentName(booking) })}>
      <Field
        label={t('counselling.cancelReason')}
        hint={t('counselling.reasonHint')}
        maxLength={REASON_MAX}
        value={reason}
        onValue={setReason}
        error={form.fieldErrors.reason}
      />
      <ErrorAlert message={form.formError} />
      <button type="submit" class="button-danger" aria-disabled={form.busy ? 'true' : undefined}>
        {t('counselling.staffCancel')}
      </button>
    </form>
  );
}

/** Move to another free slot (loaded when the form is opened); the old booking is cancelled with the reason. */
export function MoveForm({ booking, onMoved, onFailed }: {
  booking: Booking;
  onMoved: (result: OutcomeState) => void;
  onFailed: (result: OutcomeState) => void;
}) {
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [slotKey, setSlotKey] = useState('');
  const [reason, setReason] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const form = useForm(['slotKey', 'reason']);

  const load = () => {
    if (slots) return;
    request(FreeSlotsDocument).then(
      (data) => setSlots(data.counsellingSlots),
      (caught: unknown) => setLoadError(errorMessage(caught)),
    );
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    if (!slotKey) return form.showInvalid({ field: 'slotKey', message: t('counselling.move.chooseSlot') });
    if (!reason.trim()) return form.showInvalid({ field: 'reason', message: t('common.required') });
    const answer: { moved?: { startsAt: string; endsAt: string }; taken?: string } = {};
    const done = await form.submit(async () => {
      const { moveBooking: result } = await request(MoveBookingDocument, { id: booking.id, slotKey, reason: reason.trim() });
      if (result.__typename === 'ValidationError') return result;
      if (result.__typename === 'SlotTaken') {
        setSlots(result.freeSlots);
        setSlotKey('');
        answer.taken = result.message;
      } else answer.moved = result;
    });
    if (!done) return;
    if (answer.taken) onFailed(outcome('error', answer.taken));
    else if (answer.moved) {
      onMoved(outcome('ok', t('counselling.move.done', { name: studentName(booking), when: whenText(answer.moved) })));
    }
  };

  return (
    <details class="booking-action" onToggle={(event) => event.currentTarget.open && load()}>
      <summary>{t('counselling.move.title')}</summary>
      <form class="form" onSubmit={submit} noValidate aria-label={t('counselling.move.formFor', { name: studentName(booking) })}>
        <ErrorAlert message={loadError} />
        <SlotSelect label={t('counselling.move.slot')} slots={slots} loadError={loadError} value={slotKey}
          onValue={setSlotKey} error={form.fieldErrors.slotKey} />
        <Field
          label={t('counselling.move.reason')}
          hint={t('counselling.reasonHint')}
          maxLength={REASON_MAX}
          value={reason}
          onValue={setReason}
          error={form.fieldErrors.reason}
        />
        <ErrorAlert message={form.formError} />
        <button type="submit" class="button-primary" aria-disabled={form.busy ? 'true' : undefined}>
          {t('counselling.move.submit')}
        </button>
      </form>
    </details>
  );
}

/** A counsellor's choice among the free slots (loading until they arrive). */
export function SlotSelect({ label, slots, loadError, value, onValue, error }: {
  label: string;
  slots: FreeSlot[] | null;
  loadError: string | null;
  value: string;
  onValue: (key: string) => void;
  error?: string | null;
}) {
  if (!slots) return loadError ? null : <p class="muted">{t('app.loading')}</p>;
  return (
    <SelectField
      label={label}
      value={value}
      onValue={onValue}
      error={error}
      options={[
        { value: '', label: slots.length ? t('common.choose') : t('counselling.move.noSlots') },
        ...slots.map((slot) => ({
          value: slot.key,
          label: t('counselling.move.option', { when: whenText(slot), name: slot.counsellor?.displayName ?? '' }),
        })),
      ]}
    />
  );
}
