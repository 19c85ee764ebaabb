// On the counsellor's schedule: 代学生预约, booking a free slot for a student (for example after a
// class teacher's referral). The counsellor's free slots start now, without the students' notice.
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { BookingStudentsQuery, FreeSlotsQuery } from '../../api/generated';
import { BookForStudentDocument, BookingStudentsDocument, FreeSlotsDocument } from '../../api/operations/counselling';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { whenText } from './format';
import { outcome, type OutcomeState } from './Outcome';
import { SlotSelect } from './SessionForms';

type Student = BookingStudentsQuery['observableStudents'][number];
type FreeSlot = FreeSlotsQuery['counsellingSlots'][number];

const TOPIC_MAX = 200;

export interface BookedForStudent {
  startsAt: string;
  endsAt: string;
}

export function BookForStudent({ onBooked }: { onBooked: (booked: BookedForStudent, result: OutcomeState) => void }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [students, setStudents] = useState<Student[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [studentId, setStudentId] = useState('');
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [slotKey, setSlotKey] = useState('');
  const [topic, setTopic] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const form = useForm(['studentId', 'slotKey', 'topic']);

  const loadSlots = () =>
    request(FreeSlotsDocument).then(
      (data) => setSlots(data.counsellingSlots),
      (caught: unknown) => setLoadError(errorMessage(caught)),
    );

  const find = async () => {
    if (searching) return;
    setSearching(true);
    setLoadError(null);
    try {
      const data = await request(BookingStudentsDocument, { search: search.trim() || null });
      setStudents(data.observableStudents);
      setStudentId(data.observableStudents.length === 1 ? data.observableStudents[0].id : '');
    } catch (caught) {
      setLoadError(errorMessage(caught));
    } finally {
      setSearching(false);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    if (!studentId) return form.showInvalid({ field: 'studentId', message: t('counselling.forStudent.chooseStudent') });
    if (!slotKey) return form.showInvalid({ field: 'slotKey', message: t('counselling.move.chooseSlot') });
    const student = students?.find((candidate) => candidate.id === studentId);
    const answer: { booked?: BookedForStudent } = {};
    const done = await form.submit(async () => {
      const { bookSlot: result } = await request(BookForStudentDocument, { slotKey, studentId, topic: topic.trim() || null });
      if (result.__typename === 'ValidationError') return result;
      if (result.__typename === 'SlotTaken') {
        setSlots(result.freeSlots);
        setSlotKey('');
        return { __typename: 'ValidationError', field: 'slotKey', message: result.message, code: 'SLOT_TAKEN' };
      }
      answer.booked = result;
    });
    if (!done || !answer.booked) return;
    const booked = answer.booked;
    setSlots((all) => all?.filter((slot) => slot.key !== slotKey) ?? null);
    setSlotKey('');
    setTopic('');
    onBooked(booked, outcome('ok', t('counselling.forStudent.done', { name: student?.name ?? '', when: whenText(booked) })));
  };

  return (
    <details
      class="booking-action book-for-student"
      onToggle={(event) => {
        const opened = event.currentTarget.open;
        setOpen(opened);
        if (opened && !slots) void loadSlots();
      }}
    >
      <summary>{t('counselling.forStudent.title')}</summary>
      {open && (
        <form class="form" onSubmit={submit} noValidate aria-label={t('counselling.forStudent.title')}>
          <p class="hint">{t('counselling.forStudent.intro')}</p>
          <ErrorAlert message={loadError} />
          <div class="field">
            <label for="for-student-search">{t('counselling.forStudent.search')}</label>
            <div class="search-row">
              <input
                id="for-student-search"
                type="search"
                value={search}
                autoComplete="off"
                onInput={(event) => setSearch(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    void find();
                  }
                }}
              />
              <button type="button" class="button-secondary" onClick={() => void find()} aria-disabled={searching ? 'true' : undefined}>
                {t('common.search')}
              </button>
            </div>
          </div>
          <p role="status" class="muted">
            {searching ? t('app.loading') : students ? t('counselling.forStudent.found', { count: students.length }) : ''}
          </p>
          {students && students.length > 0 && (
            <fieldset class="field picks" aria-describedby={form.fieldErrors.studentId ? 'for-student-error' : undefined}>
              <legend>{t('counselling.forStudent.student')}</legend>
              {students.map((student) => (
                <label key={student.id} class="pick">
                  <input
                    type="radio"
                    name="for-student"
                    value={student.id}
                    checked={studentId === student.id}
                    onChange={() => setStudentId(student.id)}
                  />
                  <span>
                    {student.name}
                    {student.className && <span class="muted"> · {student.className}</span>}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {form.fieldErrors.studentId && (
            <p class="field-error" id="for-student-error" role="alert">
              {form.fieldErrors.studentId}
            </p>
          )}
          <SlotSelect label={t('counselling.forStudent.slot')} slots={slots} loadError={loadError} value={slotKey}
            onValue={setSlotKey} error={form.fieldErrors.slotKey} />
          <Field
            label={t('counselling.forStudent.topic')}
            hint={t('counselling.forStudent.topicHint')}
            optional
            maxLength={TOPIC_MAX}
            value={topic}
            onValue={setTopic}
            error={form.fieldErrors.topic}
          />
          <ErrorAlert message={form.formError} />
          <button type="submit" class="button-primary" aria-disabled={form.busy ? 'true' : undefined}>
            {form.busy ? t('counselling.booking') : t('counselling.forStudent.submit')}
          </button>
        </form>
      )}
    </details>
  );
}
