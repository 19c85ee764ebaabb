// /home-log/<studentId>: a guardian's evening record (家庭陪护记录) — listening (target 15 minutes,
// 倾听一刻钟), exercise (target 60, 运动一小时), out-of-school accompaniment, sleep, mood at home,
// screen time, signals and a note. Saved on the phone first, like a check-in.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { Accompaniment, RecordHomeLogMutationVariables, Signal } from '../../api/generated';
import { HomeLogDayDocument } from '../../api/operations/mentor';
import { ErrorAlert } from '../../components/Alert';
import { SelectField, TextAreaField } from '../../components/Field';
import { OutboxStatus } from '../../components/OutboxStatus';
import { Page } from '../../components/Page';
import { useForm } from '../../components/useForm';
import { t, type MessageKey } from '../../i18n';
import { addDays, formatDate, schoolEvening } from '../../i18n/time';
import { Link, navigate } from '../../router';
import type { Me } from '../../state/session';
import { ChoiceGroup, MinutesField, moodChoices, NumberField, SignalChips } from './controls';
import { setFlash } from './flash';
import { recallFamily } from './memory';
import { focusFirstError, newEntryId, submitEntry } from './save';
import '../../styles/mentor.css';

const ACCOMPANIMENTS: Accompaniment[] = ['WHOLE', 'PARTLY', 'NONE'];
const NOTE_MAX = 1000;
const FIELDS = [
  'logDate', 'listeningMinutes', 'exerciseMinutes', 'accompaniment', 'sleepHours', 'mood', 'screenMinutes', 'signals', 'note',
] as const;

/** The evening tonight's log is for: the server's answer (after midnight and until 05:00 school time,
 * yesterday evening); offline, what the card loaded if it is about the same evening, else the
 * evening by this phone's clock read in the school's time zone. */
function useTonight(accountId: string, studentId: string) {
  const known = recallFamily(accountId, studentId)?.homeLogStats ?? null;
  const [day, setDay] = useState<{ today: string; loggedToday: boolean }>(() => {
    const evening = schoolEvening();
    return known?.today === evening ? known : { today: evening, loggedToday: false };
  });
  useEffect(() => {
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
  }, [studentId]);
  return day;
}

function optionalNumber(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function HomeLogPage({ me, params }: { me: Me; params: string[] }) {
  const studentId = params[0];
  const role = me.roles.find((candidate) => candidate.kind === 'GUARDIAN' && candidate.studentId === studentId);
  const name = role?.studentName ?? '';
  const accountId = me.account.id;
  const { today, loggedToday } = useTonight(accountId, studentId);
  const [logDate, setLogDate] = useState<string | null>(null);
  const [listening, setListening] = useState('');
  const [exercise, setExercise] = useState('');
  const [accompaniment, setAccompaniment] = useState<Accompaniment | null>(null);
  const [sleep, setSleep] = useState('');
  const [mood, setMood] = useState<string | null>(null);
  const [screen, setScreen] = useState('');
  const [signals, setSignals] = useState<Signal[]>([]);
  const [note, setNote] = useState('');
  const form = useForm(FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const sending = useRef(false);
  const date = logDate ?? today;

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

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    const missing = listening.trim() === '' ? 'listeningMinutes' : exercise.trim() === '' ? 'exerciseMinutes' : !accompaniment ? 'accompaniment' : null;
    if (missing) {
      form.showInvalid({
        field: missing,
        message: t(missing === 'accompaniment' ? 'family.homeLog.accompanimentRequired' : 'family.homeLog.minutesRequired'),
      });
      focusFirstError(formRef.current);
      return;
    }
    const id = newEntryId();
    const variables: RecordHomeLogMutationVariables = {
      id,
      input: {
        studentId,
        logDate: date,
        listeningMinutes: Math.round(Number(listening)),
        exerciseMinutes: Math.round(Number(exercise)),
        accompaniment: accompaniment!,
        sleepHours: optionalNumber(sleep),
        mood: mood ? Number(mood) : null,
        screenMinutes: optionalNumber(screen),
        signals,
        note: note.trim() || null,
      },
    };
    sending.current = true;
    const outcome = await submitEntry(form, {
      id,
      accountId,
      kind: 'homeLog',
      studentId,
      studentName: name,
      variables: variables as unknown as Record<string, unknown>,
    });
    sending.current = false;
    if (!outcome) {
      focusFirstError(formRef.current);
      return;
    }
    setFlash({
      target: `homeLog:${studentId}`,
      state: outcome.state,
      text: outcome.state === 'sent' ? t('family.recorded', { name }) : t('family.recordedWaiting', { name }),
    });
    navigate('/');
  };

  const days = Array.from({ length: 7 }, (_, index) => addDays(today, -index));

  return (
    <Page title={t('family.homeLog.title', { name })} className="entry-page">
      <p>{t('family.homeLog.intro')}</p>
      <form ref={formRef} class="form entry-form" onSubmit={onSubmit} noValidate>
        <ErrorAlert message={form.formError} />
        <SelectField
          label={t('family.homeLog.date')}
          value={date}
          onValue={setLogDate}
          error={form.fieldErrors.logDate}
          options={days.map((day, index) => ({
            value: day,
            label: index === 0 ? t('family.homeLog.today', { date: formatDate(day) }) : t('family.homeLog.dayOption', { date: formatDate(day) }),
          }))}
        />
        {loggedToday && date === today && <p class="notice">{t('family.homeLog.alreadyToday')}</p>}
        <MinutesField
          label={t('family.homeLog.listening')}
          hint={t('family.homeLog.listeningHint')}
          value={listening}
          onValue={setListening}
          quick={[0, 10, 15, 20, 30]}
          target={15}
          error={form.fieldErrors.listeningMinutes}
        />
        <MinutesField
          label={t('family.homeLog.exercise')}
          hint={t('family.homeLog.exerciseHint')}
          value={exercise}
          onValue={setExercise}
          quick={[0, 30, 45, 60, 90]}
          target={60}
          error={form.fieldErrors.exerciseMinutes}
        />
        <ChoiceGroup
          legend={t('family.homeLog.accompaniment')}
          name="accompaniment"
          layout="row"
          choices={ACCOMPANIMENTS.map((value) => ({ value, label: t(`family.homeLog.accompaniment.${value}` as MessageKey) }))}
          value={accompaniment}
          onChange={setAccompaniment}
          error={form.fieldErrors.accompaniment}
        />
        <NumberField
          label={t('family.homeLog.sleep')}
          value={sleep}
          onValue={setSleep}
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
          value={mood}
          onChange={setMood}
          error={form.fieldErrors.mood}
        />
        <NumberField
          label={t('family.homeLog.screen')}
          value={screen}
          onValue={setScreen}
          max={1440}
          optional
          error={form.fieldErrors.screenMinutes}
        />
        <SignalChips value={signals} onChange={setSignals} error={form.fieldErrors.signals} family />
        <TextAreaField
          label={t('family.homeLog.note')}
          hint={t('family.homeLog.noteHint')}
          value={note}
          onValue={setNote}
          count={NOTE_MAX}
          rows={4}
          optional
          error={form.fieldErrors.note}
        />
        <button type="submit" class="button-primary big-button" aria-disabled={form.busy ? 'true' : undefined}>
          {form.busy ? t('common.saving') : date === today ? t('family.homeLog.submit') : t('family.homeLog.submitDay')}
        </button>
      </form>
      <OutboxStatus accountId={accountId} />
    </Page>
  );
}

export { HomeLogPage };
