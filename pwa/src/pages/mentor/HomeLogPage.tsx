// /home-log/<studentId>: a guardian's evening record (家庭陪护记录) — listening (target 15 minutes,
// 倾听一刻钟), exercise (target 60, 运动一小时), out-of-school accompaniment, sleep, mood at home,
// screen time, signals and a note. Saved on the phone first, like a check-in.
// /home-log/<studentId>?entry=<entryId>: the same form with a record still waiting on this phone, to
// correct it before it is sent.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { Accompaniment, HomeLogInput, RecordHomeLogMutationVariables, Signal } from '../../api/generated';
import { HomeLogDayDocument } from '../../api/operations/mentor';
import { ErrorAlert } from '../../components/Alert';
import { SelectField, TextAreaField } from '../../components/Field';
import { OutboxStatus } from '../../components/OutboxStatus';
import { Page } from '../../components/Page';
import { useForm } from '../../components/useForm';
import { t, type MessageKey } from '../../i18n';
import { addDays, formatDate, schoolEvening } from '../../i18n/time';
import { Link, navigate, useSearchParam } from '../../router';
import { useSession, type Me } from '../../state/session';
import { ChoiceGroup, MinutesField, moodChoices, NumberField, SignalChips } from './controls';
import { setFlash } from './flash';
import { recallFamily } from './memory';
import { focusFirstError, newEntryId, submitCorrection, submitEntry } from './save';
import { useWaitingEntry } from './useWaitingEntry';
import { WaitingEntryNotice } from './WaitingEntryNotice';
import '../../styles/mentor.css';

const ACCOMPANIMENTS: Accompaniment[] = ['WHOLE', 'PARTLY', 'NONE'];
const NOTE_MAX = 1000;
const FIELDS = [
  'logDate', 'listeningMinutes', 'exerciseMinutes', 'accompaniment', 'sleepHours', 'mood', 'screenMinutes', 'signals', 'note',
] as const;

type Form = ReturnType<typeof useForm>;
type Role = Me['roles'][number];

/** The form's state, as typed (numbers as the text in their fields). */
interface Values {
  logDate: string | null;
  listening: string;
  exercise: string;
  accompaniment: Accompaniment | null;
  sleep: string;
  mood: string | null;
  screen: string;
  signals: Signal[];
  note: string;
}

const EMPTY: Values = {
  logDate: null, listening: '', exercise: '', accompaniment: null, sleep: '', mood: null, screen: '', signals: [], note: '',
};

function text(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function valuesOf(input: HomeLogInput): Values {
  return {
    logDate: input.logDate,
    listening: text(input.listeningMinutes),
    exercise: text(input.exerciseMinutes),
    accompaniment: input.accompaniment,
    sleep: text(input.sleepHours),
    mood: input.mood ? String(input.mood) : null,
    screen: text(input.screenMinutes),
    signals: input.signals ?? [],
    note: input.note ?? '',
  };
}

/**
 * The evening tonight's log is for: the server's answer (after midnight and until 05:00 school time,
 * yesterday evening); offline, what the card loaded if it is about the same evening, else the
 * evening by this phone's clock read in the school's time zone.
 */
function useTonight(accountId: string, studentId: string) {
  const live = useSession().status === 'signedIn';
  const known = recallFamily(accountId, studentId)?.homeLogStats ?? null;
  const [day, setDay] = useState<{ today: string; loggedToday: boolean }>(() => {
    const evening = schoolEvening();
    return known?.today === evening ? known : { today: evening, loggedToday: false };
  });
  useEffect(() => {
    if (!live) return;
    let current = true;
    request(HomeLogDayDocument, { studentId }).then(
      ({ homeLogStats }) => {
        if (current && homeLogStats) setDay({ today: homeLogStats.today, loggedToday: homeLogStats.loggedToday });
      },
      () => undefined, // offline: keep what we know
    );
    return () => {
      current = false;
    };
  }, [studentId, live]);
  return day;
}

function optionalNumber(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function inputOf(studentId: string, date: string, values: Values): HomeLogInput {
  return {
    studentId,
    logDate: date,
    listeningMinutes: Math.round(Number(values.listening)),
    exerciseMinutes: Math.round(Number(values.exercise)),
    accompaniment: values.accompaniment!,
    sleepHours: optionalNumber(values.sleep),
    mood: values.mood ? Number(values.mood) : null,
    screenMinutes: optionalNumber(values.screen),
    signals: values.signals,
    note: values.note.trim() || null,
  };
}

/** The questions. `onSend` saves the input through `form` and resolves to whether it was saved. */
function HomeLogForm({ accountId, studentId, initial, submitLabel, onSend }: {
  accountId: string;
  studentId: string;
  initial: Values;
  /** The button's words; the default says which day. */
  submitLabel?: string;
  onSend: (input: HomeLogInput, form: Form) => Promise<boolean>;
}) {
  const { today, loggedToday } = useTonight(accountId, studentId);
  const [values, setValues] = useState<Values>(initial);
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));
  const form = useForm(FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const sending = useRef(false);
  const date = values.logDate ?? today;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    const missing =
      values.listening.trim() === '' ? 'listeningMinutes' : values.exercise.trim() === '' ? 'exerciseMinutes' : !values.accompaniment ? 'accompaniment' : null;
    if (missing) {
      form.showInvalid({
        field: missing,
        message: t(missing === 'accompaniment' ? 'family.homeLog.accompanimentRequired' : 'family.homeLog.minutesRequired'),
      });
      focusFirstError(formRef.current);
      return;
    }
    sending.current = true;
    const saved = await onSend(inputOf(studentId, date, values), form);
    sending.current = false;
    if (!saved) focusFirstError(formRef.current);
  };

  const days = Array.from({ length: 7 }, (_, index) => addDays(today, -index));
  // A correction keeps its day even when that is no longer among the last seven.
  if (!days.includes(date)) days.push(date);

  return (
    <form ref={formRef} class="form entry-form" onSubmit={onSubmit} noValidate>
      <ErrorAlert message={form.formError} />
      <SelectField
        label={t('family.homeLog.date')}
        value={date}
        onValue={set('logDate')}
        error={form.fieldErrors.logDate}
        options={days.map((day) => ({
          value: day,
          label: day === today ? t('family.homeLog.today', { date: formatDate(day) }) : t('family.homeLog.dayOption', { date: formatDate(day) }),
        }))}
      />
      {loggedToday && date === today && <p class="notice">{t('family.homeLog.alreadyToday')}</p>}
      <MinutesField
        label={t('family.homeLog.listening')}
        hint={t('family.homeLog.listeningHint')}
        value={values.listening}
        onValue={set('listening')}
        quick={[0, 10, 15, 20, 30]}
        target={15}
        error={form.fieldErrors.listeningMinutes}
      />
      <MinutesField
        label={t('family.homeLog.exercise')}
        hint={t('family.homeLog.exerciseHint')}
        value={values.exercise}
        onValue={set('exercise')}
        quick={[0, 30, 45, 60, 90]}
        target={60}
        error={form.fieldErrors.exerciseMinutes}
      />
      <ChoiceGroup
        legend={t('family.homeLog.accompaniment')}
        name="accompaniment"
        layout="row"
        choices={ACCOMPANIMENTS.map((value) => ({ value, label: t(`family.homeLog.accompaniment.${value}` as MessageKey) }))}
        value={values.accompaniment}
        onChange={set('accompaniment')}
        error={form.fieldErrors.accompaniment}
      />
      <NumberField
        label={t('family.homeLog.sleep')}
        value={values.sleep}
        onValue={set('sleep')}
        step="0.5"
        max={24}
        optional
        error={form.fieldErrors.sleepHours}
      />
      <ChoiceGroup
        legend={t('family.homeLog.mood')}
        name="home-mood"
        layout="row"
        optional
        choices={moodChoices()}
        value={values.mood}
        onChange={set('mood')}
        error={form.fieldErrors.mood}
      />
      <NumberField
        label={t('family.homeLog.screen')}
        value={values.screen}
        onValue={set('screen')}
        max={1440}
        optional
        error={form.fieldErrors.screenMinutes}
      />
      <SignalChips value={values.signals} onChange={set('signals')} error={form.fieldErrors.signals} family />
      <TextAreaField
        label={t('family.homeLog.note')}
        hint={t('family.homeLog.noteHint')}
        value={values.note}
        onValue={set('note')}
        count={NOTE_MAX}
        rows={4}
        optional
        error={form.fieldErrors.note}
      />
      <button type="submit" class="button-primary big-button" aria-disabled={form.busy ? 'true' : undefined}>
        {form.busy ? t('common.saving') : (submitLabel ?? (date === today ? t('family.homeLog.submit') : t('family.homeLog.submitDay')))}
      </button>
    </form>
  );
}

/** Back home, where the card shows what became of it. */
function backHome(studentId: string, name: string, state: 'sent' | 'waiting'): void {
  setFlash({
    target: `homeLog:${studentId}`,
    state,
    text: state === 'sent' ? t('family.recorded', { name }) : t('family.recordedWaiting', { name }),
  });
  navigate('/');
}

function NewHomeLog({ accountId, studentId, name }: { accountId: string; studentId: string; name: string }) {
  const send = async (input: HomeLogInput, form: Form) => {
    const id = newEntryId();
    const variables: RecordHomeLogMutationVariables = { id, input };
    const outcome = await submitEntry(form, {
      id,
      accountId,
      kind: 'homeLog',
      studentId,
      studentName: name,
      variables: variables as unknown as Record<string, unknown>,
    });
    if (!outcome) return false;
    backHome(studentId, name, outcome.state);
    return true;
  };

  return (
    <Page title={t('family.homeLog.title', { name })} className="entry-page">
      <p>{t('family.homeLog.intro')}</p>
      <HomeLogForm accountId={accountId} studentId={studentId} initial={EMPTY} onSend={send} />
      <OutboxStatus accountId={accountId} />
    </Page>
  );
}

function WaitingHomeLog({ accountId, studentId, name, entryId }: { accountId: string; studentId: string; name: string; entryId: string }) {
  const { state, saved } = useWaitingEntry(accountId, entryId);
  const title = t('family.correct.title', { name });
  if (state.status !== 'ready') return <WaitingEntryNotice title={title} state={state} />;
  const entry = state.entry;
  const original = (entry.variables as { input: HomeLogInput }).input;

  const send = async (input: HomeLogInput, form: Form) => {
    const outcome = await submitCorrection(form, accountId, entryId, {
      variables: { id: entryId, input },
      studentId,
      studentName: name,
    });
    if (!outcome) return false;
    saved();
    backHome(studentId, name, outcome.state);
    return true;
  };

  return (
    <Page title={title} className="entry-page">
      <p class="notice">{t(entry.heldFrom === 'rejected' ? 'mentor.correct.introRejected' : 'mentor.correct.intro')}</p>
      {entry.reason && <p class="alert alert-error">{t('outbox.reason', { reason: entry.reason })}</p>}
      <HomeLogForm
        accountId={accountId}
        studentId={studentId}
        initial={valuesOf(original)}
        submitLabel={t('mentor.correct.submit')}
        onSend={send}
      />
      <p>
        <Link href="/">{t('mentor.correct.back')}</Link>
      </p>
    </Page>
  );
}

function HomeLogPage({ me, params }: { me: Me; params: string[] }) {
  const studentId = params[0];
  const entry = useSearchParam('entry');
  const role: Role | undefined = me.roles.find((candidate) => candidate.kind === 'GUARDIAN' && candidate.studentId === studentId);
  const name = role?.studentName ?? '';
  const accountId = me.account.id;

  if (!role) {
    return (
      <Page title={t('family.homeLog.titlePlain')}>
        <p class="alert alert-error">{t('family.homeLog.notYours')}</p>
        <p>
          <Link href="/">{t('mentor.home')}</Link>
        </p>
      </Page>
    );
  }
  if (entry) return <WaitingHomeLog key={entry} accountId={accountId} studentId={studentId} name={name} entryId={entry} />;
  return <NewHomeLog key={studentId} accountId={accountId} studentId={studentId} name={name} />;
}

export { HomeLogPage };
