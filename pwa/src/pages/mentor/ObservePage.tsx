// /observe: any teacher (or a guardian) reports something unusual about a student (观察日志).
// The report goes to the class teacher and the care team; its author need not be on the team and
// does not get to read the student's file. Offline, the first list of students (kept from the last
// visit) is offered and searching waits for the network.
// /observe?entry=<entryId>: the same form with a report still waiting on this phone, to correct it.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { ObservationInput, ReportObservationMutationVariables, RoleKind, Signal } from '../../api/generated';
import { ObservableStudentsDocument } from '../../api/operations/mentor';
import { ErrorAlert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { OutboxStatus } from '../../components/OutboxStatus';
import { Page } from '../../components/Page';
import { useForm } from '../../components/useForm';
import { recall, remember } from '../../db/snapshot';
import { t } from '../../i18n';
import { Link, navigate, useSearchParam } from '../../router';
import { useSession, type Me } from '../../state/session';
import { ChoiceGroup, SavedMessage, SignalChips } from './controls';
import { PART, type ObservableStudents } from './memory';
import { focusFirstError, newEntryId, submitCorrection, submitEntry } from './save';
import { useWaitingEntry } from './useWaitingEntry';
import { WaitingEntryNotice } from './WaitingEntryNotice';
import { MessagePage } from '../Simple';
import '../../styles/mentor.css';

type Student = ObservableStudents[number];
type Form = ReturnType<typeof useForm>;
type Saved = { state: 'sent' | 'waiting'; name: string };

const OBSERVERS: RoleKind[] = ['STAFF', 'MENTOR', 'CLASS_TEACHER', 'COUNSELLOR', 'SCHOOL_ADMIN', 'GUARDIAN'];
const NOTE_MAX = 1000;
const FIELDS = ['studentId', 'note', 'signals'] as const;

/** The students to choose from: the server's (the first list is kept for offline), else the kept one. */
function useStudentSearch(accountId: string, enabled: boolean) {
  const live = useSession().status === 'signedIn';
  const [term, setTerm] = useState('');
  const [results, setResults] = useState<Student[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    if (!live) {
      setResults(recall<Student[]>(accountId, PART.observable)?.data ?? null);
      setBusy(false);
      setError(null);
      return;
    }
    let current = true;
    setBusy(true);
    request(ObservableStudentsDocument, { search: term || null, first: 20 }).then(
      ({ observableStudents }) => {
        if (!current) return;
        if (!term) remember(accountId, PART.observable, observableStudents);
        setResults(observableStudents);
        setError(null);
        setBusy(false);
      },
      (caught: unknown) => {
        if (!current) return;
        setError(errorMessage(caught));
        setBusy(false);
      },
    );
    return () => {
      current = false;
    };
  }, [enabled, term, attempt, live]);
  return {
    results,
    busy,
    error,
    live,
    search: (value: string) => {
      setTerm(value);
      setAttempt((n) => n + 1);
    },
  };
}

function SearchBox({ onSearch, busy }: { onSearch: (value: string) => void; busy: boolean }) {
  const [value, setValue] = useState('');
  const id = useId();
  return (
    <form
      role="search"
      class="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(value.trim());
      }}
    >
      <label for={id}>{t('observe.search')}</label>
      <div class="search-row">
        <input id={id} type="search" value={value} onInput={(event) => setValue(event.currentTarget.value)} />
        <button type="submit" class="button-secondary">
          {busy ? t('observe.searching') : t('common.search')}
        </button>
      </div>
    </form>
  );
}

interface Values {
  student: Student | null;
  note: string;
  signals: Signal[];
}

/** The questions. `onSend` saves the input through `form` and resolves to whether it was saved. */
function ObserveForm({ me, initial, submitLabel, onSend }: {
  me: Me;
  initial: Values;
  submitLabel: string;
  onSend: (input: Omit<ObservationInput, 'observedAt'>, student: Student, form: Form) => Promise<boolean>;
}) {
  // Guardians choose among their own children: no search needed.
  const staff = me.roles.some((role) => role.kind !== 'GUARDIAN' && OBSERVERS.includes(role.kind));
  const { results, busy, error, live, search } = useStudentSearch(me.account.id, true);
  const [student, setStudent] = useState<Student | null>(initial.student);
  const [note, setNote] = useState(initial.note);
  const [signals, setSignals] = useState<Signal[]>(initial.signals);
  const form = useForm(FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const sending = useRef(false);

  const choices = [...(results ?? [])];
  if (student && !choices.some((item) => item.id === student.id)) choices.unshift(student);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    const missing = !student ? 'studentId' : note.trim() === '' ? 'note' : null;
    if (missing || !student) {
      form.showInvalid({ field: missing, message: t(missing === 'note' ? 'observe.noteRequired' : 'observe.studentRequired') });
      focusFirstError(formRef.current);
      return;
    }
    sending.current = true;
    const saved = await onSend({ studentId: student.id, note: note.trim(), signals }, student, form);
    sending.current = false;
    if (!saved) focusFirstError(formRef.current);
  };

  return (
    <>
      {staff && live && <SearchBox onSearch={search} busy={busy} />}
      {staff && !live && <p class="muted">{t('observe.searchOffline')}</p>}
      <ErrorAlert message={error} />
      <form ref={formRef} class="form entry-form" onSubmit={onSubmit} noValidate>
        <ErrorAlert message={form.formError} />
        {results && choices.length === 0 ? (
          <fieldset class="field choices">
            <legend>{t('observe.student')}</legend>
            <p role="status">{t('observe.noResults')}</p>
            {form.fieldErrors.studentId && (
              <p class="field-error" role="alert">
                {form.fieldErrors.studentId}
              </p>
            )}
          </fieldset>
        ) : (
          <ChoiceGroup
            legend={t('observe.student')}
            name="student"
            choices={choices.map((item) => ({ value: item.id, label: item.name, hint: item.className ?? undefined }))}
            value={student?.id ?? null}
            onChange={(value) => setStudent(choices.find((item) => item.id === value) ?? null)}
            error={form.fieldErrors.studentId}
          />
        )}
        <TextAreaField
          label={t('observe.note')}
          hint={t('observe.noteHint')}
          value={note}
          onValue={setNote}
          count={NOTE_MAX}
          rows={4}
          error={form.fieldErrors.note}
        />
        <SignalChips value={signals} onChange={setSignals} error={form.fieldErrors.signals} />
        <button type="submit" class="button-primary big-button" aria-disabled={form.busy ? 'true' : undefined}>
          {form.busy ? t('common.saving') : submitLabel}
        </button>
      </form>
    </>
  );
}

function SavedPage({ me, saved, onAnother }: { me: Me; saved: Saved; onAnother: () => void }) {
  return (
    <Page title={t('observe.title')}>
      <SavedMessage
        state={saved.state}
        text={saved.state === 'sent' ? t('observe.sent', { name: saved.name }) : t('observe.waiting', { name: saved.name })}
      >
        <p class="actions">
          <button type="button" class="button-secondary" onClick={onAnother}>
            {t('observe.another')}
          </button>
          <Link href="/">{t('mentor.home')}</Link>
        </p>
      </SavedMessage>
      <OutboxStatus accountId={me.account.id} />
    </Page>
  );
}

const BLANK: Values = { student: null, note: '', signals: [] };

function NewObservation({ me }: { me: Me }) {
  const [saved, setSaved] = useState<Saved | null>(null);
  // A new form (empty) after each report.
  const [round, setRound] = useState(0);

  const send = async (answers: Omit<ObservationInput, 'observedAt'>, student: Student, form: Form) => {
    const id = newEntryId();
    const variables: ReportObservationMutationVariables = { id, input: { ...answers, observedAt: new Date().toISOString() } };
    const outcome = await submitEntry(form, {
      id,
      accountId: me.account.id,
      kind: 'observation',
      studentId: student.id,
      studentName: student.name,
      variables: variables as unknown as Record<string, unknown>,
    });
    if (!outcome) return false;
    setSaved({ state: outcome.state, name: student.name });
    setRound((n) => n + 1);
    return true;
  };

  if (saved) return <SavedPage me={me} saved={saved} onAnother={() => setSaved(null)} />;
  return (
    <Page title={t('observe.title')} className="entry-page">
      <div class="observe-intro">
        <p>{t('observe.intro')}</p>
        <p>{t('observe.privacy')}</p>
      </div>
      <ObserveForm key={round} me={me} initial={BLANK} submitLabel={t('observe.submit')} onSend={send} />
      <OutboxStatus accountId={me.account.id} />
    </Page>
  );
}

function WaitingObservation({ me, entryId }: { me: Me; entryId: string }) {
  const accountId = me.account.id;
  const { state, saved: markSaved } = useWaitingEntry(accountId, entryId);
  const [saved, setSaved] = useState<Saved | null>(null);
  const title = t('observe.correctTitle');
  if (saved) return <SavedPage me={me} saved={saved} onAnother={() => navigate('/observe', { replace: true })} />;
  if (state.status !== 'ready') return <WaitingEntryNotice title={title} state={state} />;
  const entry = state.entry;
  const original = (entry.variables as { input: ObservationInput }).input;
  const initial: Values = {
    student: { __typename: 'StudentSummary', id: entry.studentId, name: entry.studentName, className: null },
    note: original.note,
    signals: original.signals ?? [],
  };

  const send = async (answers: Omit<ObservationInput, 'observedAt'>, student: Student, form: Form) => {
    // Still when it was first noticed: a correction does not move it in time.
    const input: ObservationInput = { ...answers, observedAt: original.observedAt };
    const outcome = await submitCorrection(form, accountId, entryId, {
      variables: { id: entryId, input },
      studentId: student.id,
      studentName: student.name,
    });
    if (!outcome) return false;
    markSaved();
    setSaved({ state: outcome.state, name: student.name });
    return true;
  };

  return (
    <Page title={title} className="entry-page">
      <p class="notice">{t(entry.heldFrom === 'rejected' ? 'mentor.correct.introRejected' : 'mentor.correct.intro')}</p>
      {entry.reason && <p class="alert alert-error">{t('outbox.reason', { reason: entry.reason })}</p>}
      <ObserveForm me={me} initial={initial} submitLabel={t('mentor.correct.submit')} onSend={send} />
      <p>
        <Link href="/">{t('mentor.correct.back')}</Link>
      </p>
    </Page>
  );
}

function ObservePage({ me }: { me: Me }) {
  const entry = useSearchParam('entry');
  const allowed = me.roles.some((role) => OBSERVERS.includes(role.kind));
  if (!allowed) return <MessagePage title={t('observe.title')} text={t('observe.notAllowed')} linkText={t('mentor.home')} />;
  return entry ? <WaitingObservation key={entry} me={me} entryId={entry} /> : <NewObservation me={me} />;
}

export { ObservePage };
