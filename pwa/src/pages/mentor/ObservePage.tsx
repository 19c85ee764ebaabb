// /observe: any teacher (or a guardian) reports something unusual about a student (观察日志).
// The report goes to the class teacher and the care team; its author need not be on the team and
// does not get to read the student's file.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { ObservableStudentsQuery, ReportObservationMutationVariables, RoleKind, Signal } from '../../api/generated';
import { ObservableStudentsDocument } from '../../api/operations/mentor';
import { ErrorAlert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { OutboxStatus } from '../../components/OutboxStatus';
import { Page } from '../../components/Page';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { Link } from '../../router';
import type { Me } from '../../state/session';
import { ChoiceGroup, SavedMessage, SignalChips } from './controls';
import { focusFirstError, newEntryId, submitEntry } from './save';
import '../../styles/mentor.css';

type Student = ObservableStudentsQuery['observableStudents'][number];

const OBSERVERS: RoleKind[] = ['STAFF', 'MENTOR', 'CLASS_TEACHER', 'COUNSELLOR', 'SCHOOL_ADMIN', 'GUARDIAN'];
const NOTE_MAX = 1000;
const FIELDS = ['studentId', 'note', 'signals'] as const;

function useStudentSearch(enabled: boolean) {
  const [term, setTerm] = useState('');
  const [results, setResults] = useState<Student[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setBusy(true);
    request(ObservableStudentsDocument, { search: term || null, first: 20 }).then(
      ({ observableStudents }) => {
        if (!current) return;
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
  }, [enabled, term, attempt]);
  return {
    results,
    busy,
    error,
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

function ObservePage({ me }: { me: Me }) {
  const allowed = me.roles.some((role) => OBSERVERS.includes(role.kind));
  // Guardians choose among their own children: no search needed.
  const staff = me.roles.some((role) => role.kind !== 'GUARDIAN' && OBSERVERS.includes(role.kind));
  const { results, busy, error, search } = useStudentSearch(allowed);
  const [student, setStudent] = useState<Student | null>(null);
  const [note, setNote] = useState('');
  const [signals, setSignals] = useState<Signal[]>([]);
  const [saved, setSaved] = useState<{ state: 'sent' | 'waiting'; name: string } | null>(null);
  const form = useForm(FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const sending = useRef(false);

  if (!allowed) {
    return (
      <Page title={t('observe.title')}>
        <p>{t('observe.notAllowed')}</p>
        <p>
          <Link href="/">{t('mentor.home')}</Link>
        </p>
      </Page>
    );
  }

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
    const id = newEntryId();
    const variables: ReportObservationMutationVariables = {
      id,
      input: { studentId: student.id, note: note.trim(), signals, observedAt: new Date().toISOString() },
    };
    sending.current = true;
    const outcome = await submitEntry(form, {
      id,
      accountId: me.account.id,
      kind: 'observation',
      studentId: student.id,
      studentName: student.name,
      variables: variables as unknown as Record<string, unknown>,
    });
    sending.current = false;
    if (!outcome) {
      focusFirstError(formRef.current);
      return;
    }
    setSaved({ state: outcome.state, name: student.name });
    setStudent(null);
    setNote('');
    setSignals([]);
  };

  if (saved) {
    return (
      <Page title={t('observe.title')}>
        <SavedMessage
          state={saved.state}
          text={saved.state === 'sent' ? t('observe.sent', { name: saved.name }) : t('observe.waiting', { name: saved.name })}
        >
          <p class="actions">
            <button type="button" class="button-secondary" onClick={() => setSaved(null)}>
              {t('observe.another')}
            </button>
            <Link href="/">{t('mentor.home')}</Link>
          </p>
        </SavedMessage>
        <OutboxStatus accountId={me.account.id} />
      </Page>
    );
  }

  return (
    <Page title={t('observe.title')} className="entry-page">
      <div class="observe-intro">
        <p>{t('observe.intro')}</p>
        <p>{t('observe.privacy')}</p>
      </div>
      {staff && <SearchBox onSearch={search} busy={busy} />}
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
          {form.busy ? t('common.saving') : t('observe.submit')}
        </button>
      </form>
      <OutboxStatus accountId={me.account.id} />
    </Page>
  );
}

export { ObservePage };
