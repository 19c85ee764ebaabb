// /check-in/<studentId>: a mentor's daily check-in, made for a phone in a corridor — one tap for
// the mood, the usual answers preselected, saved on the phone first and sent when possible.
// /check-in/<studentId>?entry=<entryId>: the same form, filled in with a check-in still waiting on
// this phone, to correct it before it is sent (saving replaces it under the same id).
// /check-in/<studentId>?amend=<checkInId>: the same form, filled in with one of my check-ins, to
// correct it within 24 hours. An amendment goes straight to the server and needs the network: the
// outbox holds new entries only (the server stores each once by its id), and a correction sent
// hours later from a phone's queue could silently undo a newer one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { CheckInInput, CheckInToAmendQuery, EntryVisibility, InSchoolStatus, Signal } from '../../api/generated';
import { AmendCheckInDocument, CheckInStudentDocument, CheckInToAmendDocument } from '../../api/operations/mentor';
import { ErrorAlert, LoadFailed } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { OutboxStatus } from '../../components/OutboxStatus';
import { Page } from '../../components/Page';
import { useForm, type ValidationErrorLike } from '../../components/useForm';
import { t, type MessageKey } from '../../i18n';
import { Link, navigate, useSearchParam } from '../../router';
import type { Me } from '../../state/session';
import { ChoiceGroup, moodChoices, NumberField, SavedMessage, SignalChips } from './controls';
import { setFlash } from './flash';
import { remember } from '../../db/snapshot';
import { useSession } from '../../state/session';
import { PART, recallName } from './memory';
import { focusFirstError, newEntryId, submitCorrection, submitEntry } from './save';
import { useWaitingEntry } from './useWaitingEntry';
import { WaitingEntryNotice } from './WaitingEntryNotice';
import '../../styles/mentor.css';

const STATUSES: InSchoolStatus[] = ['PRESENT', 'LATE', 'LEFT_EARLY', 'ABSENT_WITH_LEAVE', 'ABSENT_WITHOUT_REASON'];
const VISIBILITIES: EntryVisibility[] = ['TEAM', 'FAMILY'];
const NOTE_MAX = 500;
const FIELDS = ['mood', 'status', 'signals', 'talkMinutes', 'note', 'visibility'] as const;

type Form = ReturnType<typeof useForm>;
/** What the check-in says, without the student or the time. */
type Answers = Omit<CheckInInput, 'studentId' | 'occurredAt'>;

/** The form's state: a new check-in starts from the usual answers, an amendment from the stored ones. */
interface Values {
  mood: string | null;
  status: InSchoolStatus;
  signals: Signal[];
  talked: 'no' | 'yes';
  talkMinutes: string;
  note: string;
  visibility: EntryVisibility;
}

const USUAL: Values = {
  mood: null, status: 'PRESENT', signals: [], talked: 'no', talkMinutes: '', note: '', visibility: 'TEAM',
};

function answersOf(values: Values): Answers {
  const minutes = values.talked === 'yes' && values.talkMinutes.trim() !== '' ? Number(values.talkMinutes) : null;
  return {
    mood: Number(values.mood),
    status: values.status,
    signals: values.signals,
    talked: values.talked === 'yes',
    talkMinutes: minutes !== null && Number.isFinite(minutes) ? Math.round(minutes) : null,
    note: values.note.trim() || null,
    visibility: values.visibility,
  };
}

/**
 * The check-in's questions. `onSend` saves the answers through `form` (so a refusal lands next to
 * its field) and resolves to whether they were saved.
 */
function CheckInForm({ initial, submitLabel, busyLabel, onSend }: {
  initial: Values;
  submitLabel: string;
  busyLabel: string;
  onSend: (answers: Answers, form: Form) => Promise<boolean>;
}) {
  const [values, setValues] = useState<Values>(initial);
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));
  const form = useForm(FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const sending = useRef(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    if (!values.mood) {
      form.showInvalid({ field: 'mood', message: t('mentor.checkIn.moodRequired') });
      focusFirstError(formRef.current);
      return;
    }
    sending.current = true;
    const saved = await onSend(answersOf(values), form);
    sending.current = false;
    if (!saved) focusFirstError(formRef.current);
  };

  return (
    <form ref={formRef} class="form entry-form" onSubmit={onSubmit} noValidate>
      <ErrorAlert message={form.formError} />
      <ChoiceGroup
        legend={t('mentor.checkIn.mood')}
        name="mood"
        layout="row"
        choices={moodChoices()}
        value={values.mood}
        onChange={set('mood')}
        error={form.fieldErrors.mood}
      />
      <ChoiceGroup
        legend={t('mentor.checkIn.status')}
        name="status"
        layout="grid"
        choices={STATUSES.map((value) => ({ value, label: t(`mentor.status.${value}` as MessageKey) }))}
        value={values.status}
        onChange={set('status')}
        error={form.fieldErrors.status}
      />
      <SignalChips value={values.signals} onChange={set('signals')} error={form.fieldErrors.signals} />
      <ChoiceGroup
        legend={t('mentor.checkIn.talk')}
        name="talked"
        layout="row"
        choices={[
          { value: 'no', label: t('mentor.checkIn.talkNo') },
          { value: 'yes', label: t('mentor.checkIn.talkYes') },
        ]}
        value={values.talked}
        onChange={set('talked')}
      />
      {values.talked === 'yes' && (
        <NumberField
          label={t('mentor.checkIn.talkMinutes')}
          value={values.talkMinutes}
          onValue={set('talkMinutes')}
          max={240}
          optional
          error={form.fieldErrors.talkMinutes}
        />
      )}
      <TextAreaField
        label={t('mentor.checkIn.note')}
        hint={t('mentor.checkIn.noteHint')}
        value={values.note}
        onValue={set('note')}
        count={NOTE_MAX}
        rows={4}
        optional
        error={form.fieldErrors.note}
      />
      <ChoiceGroup
        legend={t('mentor.checkIn.visibility')}
        name="visibility"
        choices={VISIBILITIES.map((value) => ({
          value,
          label: t(`mentor.checkIn.visibility.${value}` as MessageKey),
          hint: t(`mentor.checkIn.visibility.${value}Hint` as MessageKey),
        }))}
        value={values.visibility}
        onChange={set('visibility')}
        error={form.fieldErrors.visibility}
      />
      <button type="submit" class="button-primary big-button" aria-disabled={form.busy ? 'true' : undefined}>
        {form.busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}

function NotAllowed({ title, message, back }: { title: string; message: string; back?: { href: string; label: string } }) {
  return (
    <Page title={title}>
      <p class="alert alert-error">{message}</p>
      <p>
        <Link href={back?.href ?? '/'}>{back?.label ?? t('mentor.home')}</Link>
      </p>
    </Page>
  );
}

// ---- A new check-in ----

/**
 * The student's name: remembered from the home card, else asked for (which also says whether I may
 * check in). With no server the remembered name is all there is, and enough.
 */
function useStudent(accountId: string, studentId: string) {
  const live = useSession().status === 'signedIn';
  const [name, setName] = useState<string | null>(() => recallName(accountId, studentId));
  const [allowed, setAllowed] = useState(true);
  useEffect(() => {
    if (!live) return;
    let current = true;
    request(CheckInStudentDocument, { studentId }).then(
      ({ studentCare }) => {
        if (!current) return;
        remember(accountId, PART.checkInStudent(studentId), studentCare);
        setName(studentCare.student.name);
        setAllowed(studentCare.canCheckIn);
      },
      (caught: unknown) => {
        // Offline, the remembered name is enough; a refusal means this is not my student.
        if (current && caught instanceof ApiError && ['NOT_FOUND', 'FORBIDDEN'].includes(caught.code)) setAllowed(false);
      },
    );
    return () => {
      current = false;
    };
  }, [studentId, live]);
  return { name, allowed };
}

function NewCheckIn({ me, studentId }: { me: Me; studentId: string }) {
  const { name, allowed } = useStudent(me.account.id, studentId);
  const shownName = name ?? t('mentor.checkIn.unknownStudent');
  const [saved, setSaved] = useState<'sent' | 'waiting' | null>(null);
  const mentor = me.roles.some((role) => role.kind === 'MENTOR');
  const title = name ? t('mentor.checkIn.title', { name }) : t('mentor.checkIn.titlePlain');
  const savedText = (state: 'sent' | 'waiting') =>
    state === 'sent' ? t('mentor.checkIn.sent', { name: shownName }) : t('mentor.checkIn.waiting', { name: shownName });

  const send = async (answers: Answers, form: Form) => {
    const id = newEntryId();
    // When it was made, not when it reaches the server (it may wait offline).
    const input: CheckInInput = { ...answers, studentId, occurredAt: new Date().toISOString() };
    const outcome = await submitEntry(form, {
      id,
      accountId: me.account.id,
      kind: 'checkIn',
      studentId,
      studentName: name ?? '',
      variables: { id, input },
    });
    if (!outcome) return false;
    if (mentor) {
      // Back to my students, where the confirmation is shown (and focused).
      setFlash({ target: 'checkIn', state: outcome.state, text: savedText(outcome.state) });
      navigate('/');
    } else {
      setSaved(outcome.state);
    }
    return true;
  };

  if (saved) {
    return (
      <Page title={title}>
        <SavedMessage state={saved} text={savedText(saved)}>
          <p class="actions">
            <Link href="/">{t('mentor.home')}</Link>
            <Link href={`/students/${studentId}`}>{t('mentor.checkIn.studentPage', { name: shownName })}</Link>
          </p>
        </SavedMessage>
        <OutboxStatus accountId={me.account.id} />
      </Page>
    );
  }

  if (!allowed) return <NotAllowed title={title} message={t('mentor.checkIn.notAllowed')} />;

  return (
    <Page title={title} className="entry-page">
      <CheckInForm initial={USUAL} submitLabel={t('mentor.checkIn.submit')} busyLabel={t('mentor.checkIn.submitting')} onSend={send} />
      <OutboxStatus accountId={me.account.id} />
    </Page>
  );
}

// ---- Correcting a check-in still waiting on this phone ----

function valuesOf(input: CheckInInput): Values {
  return {
    mood: input.mood ? String(input.mood) : null,
    status: input.status,
    signals: input.signals ?? [],
    talked: input.talked ? 'yes' : 'no',
    talkMinutes: input.talkMinutes === null || input.talkMinutes === undefined ? '' : String(input.talkMinutes),
    note: input.note ?? '',
    visibility: input.visibility ?? 'TEAM',
  };
}

function WaitingCheckIn({ me, studentId, entryId }: { me: Me; studentId: string; entryId: string }) {
  const accountId = me.account.id;
  const { state, saved } = useWaitingEntry(accountId, entryId);
  const name = state.status === 'ready' ? state.entry.studentName : recallName(accountId, studentId);
  const title = name ? t('mentor.correct.title', { name }) : t('mentor.correct.titlePlain');
  if (state.status !== 'ready') return <WaitingEntryNotice title={title} state={state} />;
  const entry = state.entry;
  const original = (entry.variables as { input: CheckInInput }).input;

  const send = async (answers: Answers, form: Form) => {
    // Still when it was first made: a correction does not move the check-in in time.
    const input: CheckInInput = { ...answers, studentId, occurredAt: original.occurredAt };
    const outcome = await submitCorrection(form, accountId, entryId, {
      variables: { id: entryId, input },
      studentId,
      studentName: entry.studentName,
    });
    if (!outcome) return false;
    saved();
    const shown = entry.studentName || t('mentor.checkIn.unknownStudent');
    const text = outcome.state === 'sent' ? t('mentor.checkIn.sent', { name: shown }) : t('mentor.checkIn.waiting', { name: shown });
    setFlash({ target: 'checkIn', state: outcome.state, text });
    navigate('/');
    return true;
  };

  return (
    <Page title={title} className="entry-page">
      <p class="notice">{t(entry.state === 'editing' && entry.heldFrom === 'rejected' ? 'mentor.correct.introRejected' : 'mentor.correct.intro')}</p>
      {entry.reason && <p class="alert alert-error">{t('outbox.reason', { reason: entry.reason })}</p>}
      <CheckInForm initial={valuesOf(original)} submitLabel={t('mentor.correct.submit')} busyLabel={t('common.saving')} onSend={send} />
      <p>
        <Link href="/">{t('mentor.correct.back')}</Link>
      </p>
    </Page>
  );
}

// ---- Amending one of my check-ins ----

/** My check-in `checkInId` on this student, or null when it is not there for me. */
async function findMyCheckIn(studentId: string, checkInId: string) {
  const { checkIn }: CheckInToAmendQuery = await request(CheckInToAmendDocument, { id: checkInId });
  if (!checkIn || checkIn.student?.id !== studentId) return { name: checkIn?.student?.name ?? null, checkIn: null };
  return { name: checkIn.student.name, checkIn };
}

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; name: string; values: Values }
  /** Not mine, no longer amendable, or not there at all. */
  | { status: 'closed'; name: string | null }
  | { status: 'error'; message: string };

function isOffline(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK' || error.code === 'TIMEOUT');
}

function useCheckInToAmend(studentId: string, checkInId: string) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ status: 'loading' });
    findMyCheckIn(studentId, checkInId).then(
      ({ name, checkIn }) => {
        if (!current) return;
        if (!checkIn || !checkIn.canAmend) {
          setLoaded({ status: 'closed', name });
          return;
        }
        const { mood, status, signals, talked, talkMinutes, note, visibility } = checkIn;
        setLoaded({
          status: 'ready',
          name,
          values: {
            mood: String(mood), status, signals, talked: talked ? 'yes' : 'no',
            talkMinutes: talkMinutes === null ? '' : String(talkMinutes), note, visibility,
          },
        });
      },
      (caught: unknown) => {
        if (!current) return;
        if (caught instanceof ApiError && ['NOT_FOUND', 'FORBIDDEN'].includes(caught.code)) setLoaded({ status: 'closed', name: null });
        else setLoaded({ status: 'error', message: isOffline(caught) ? t('mentor.amend.loadOffline') : errorMessage(caught) });
      },
    );
    return () => {
      current = false;
    };
  }, [studentId, checkInId, attempt]);
  return { loaded, retry: () => setAttempt((n) => n + 1) };
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

function AmendCheckIn({ studentId, checkInId }: { studentId: string; checkInId: string }) {
  const { loaded, retry } = useCheckInToAmend(studentId, checkInId);
  const online = useOnline();
  const name = loaded.status === 'ready' || loaded.status === 'closed' ? loaded.name : null;
  const title = name ? t('mentor.amend.title', { name }) : t('mentor.amend.titlePlain');
  const back = { href: `/students/${studentId}`, label: name ? t('mentor.checkIn.studentPage', { name }) : t('mentor.home') };

  const send = async (answers: Answers, form: Form) => {
    let saved = false;
    await form.submit(async (): Promise<ValidationErrorLike | void> => {
      try {
        const { amendCheckIn: result } = await request(AmendCheckInDocument, { id: checkInId, input: { ...answers, studentId } });
        if (result.__typename === 'ValidationError') return result;
      } catch (error) {
        // Said plainly: unlike a new check-in, nothing was kept on this phone.
        if (isOffline(error)) return { __typename: 'ValidationError', field: null, message: t('mentor.amend.notSent'), code: 'NETWORK' };
        throw error;
      }
      saved = true;
    });
    if (saved) {
      setFlash({ target: `student:${studentId}`, state: 'sent', text: t('mentor.amend.saved', { name: name ?? '' }) });
      navigate(`/students/${studentId}`);
    }
    return saved;
  };

  if (loaded.status === 'closed') return <NotAllowed title={title} message={t('mentor.amend.closed')} back={back} />;

  return (
    <Page title={title} className="entry-page">
      <p class="notice">{t('mentor.amend.intro')}</p>
      {loaded.status === 'loading' && <p role="status">{t('mentor.amend.loading')}</p>}
      {loaded.status === 'error' && (
        <div class="card-error">
          <LoadFailed message={loaded.message} onRetry={retry} />
        </div>
      )}
      {loaded.status === 'ready' && (
        <>
          {!online && (
            <p role="alert" class="alert alert-error">
              {t('mentor.amend.offline')}
            </p>
          )}
          <CheckInForm initial={loaded.values} submitLabel={t('mentor.amend.submit')} busyLabel={t('common.saving')} onSend={send} />
        </>
      )}
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
    </Page>
  );
}

function CheckInPage({ me, params }: { me: Me; params: string[] }) {
  const studentId = params[0];
  const amend = useSearchParam('amend');
  const entry = useSearchParam('entry');
  if (amend) return <AmendCheckIn key={amend} studentId={studentId} checkInId={amend} />;
  if (entry) return <WaitingCheckIn key={entry} me={me} studentId={studentId} entryId={entry} />;
  return <NewCheckIn key={studentId} me={me} studentId={studentId} />;
}

export { CheckInPage };
