// /cases/new: a counsellor (or leadership) opens a care case (一生一档) for a student: the
// warning level (分级预警), the reasons, a summary and the lead (by default the class teacher).
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { CaseReason, OpenCaseStudentsQuery, TeamCandidatesQuery, WarningLevel } from '../../api/generated';
import { OpenCareCaseDocument, OpenCaseStudentsDocument, TeamCandidatesDocument } from '../../api/operations/board';
import { ErrorAlert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { navigate } from '../../router';
import type { Me } from '../../state/session';
import '../../styles/board.css';
import { NotFoundPage } from '../Simple';
import { isSchoolWide, LEVELS, levelLabel, REASONS, reasonLabel } from './labels';

type StudentOption = OpenCaseStudentsQuery['observableStudents'][number];
type StaffOption = TeamCandidatesQuery['teamCandidates'][number];

/** A search box inside a larger form: Enter searches instead of submitting the form. */
function Finder({ id, label, busy, value, onValue, onFind }: {
  id: string;
  label: string;
  busy: boolean;
  value: string;
  onValue: (value: string) => void;
  onFind: () => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="search-row">
        <input id={id} type="search" value={value} autoComplete="off"
          onInput={(event) => onValue(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onFind();
            }
          }} />
        <button type="button" class="button-secondary" disabled={busy} onClick={onFind}>
          {t('common.search')}
        </button>
      </div>
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p class="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

function OpenCaseForm() {
  const [studentSearch, setStudentSearch] = useState('');
  const [students, setStudents] = useState<StudentOption[] | null>(null);
  const [studentId, setStudentId] = useState('');
  const [level, setLevel] = useState<WarningLevel | ''>('');
  const [reasons, setReasons] = useState<CaseReason[]>([]);
  const [summary, setSummary] = useState('');
  const [leadSearch, setLeadSearch] = useState('');
  const [leads, setLeads] = useState<StaffOption[] | null>(null);
  const [leadId, setLeadId] = useState('');
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const form = useForm(['studentId', 'level', 'reasons', 'summary', 'leadId']);

  /** Runs one of the form's searches; a new list of results clears the choice made in the old one. */
  const find = async <T,>(search: () => Promise<T[]>, found: (results: T[]) => void, clearChoice: () => void) => {
    setSearching(true);
    setSearchError(null);
    try {
      found(await search());
      clearChoice();
    } catch (caught) {
      setSearchError(errorMessage(caught));
    } finally {
      setSearching(false);
    }
  };
  const term = (value: string) => ({ search: value.trim() || null, first: 20 });
  const findStudents = () =>
    find(async () => (await request(OpenCaseStudentsDocument, term(studentSearch))).observableStudents, setStudents, () => setStudentId(''));
  const findLeads = () =>
    find(async () => (await request(TeamCandidatesDocument, term(leadSearch))).teamCandidates, setLeads, () => setLeadId(''));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!studentId) return form.showInvalid({ field: 'studentId', message: t('case.new.chooseStudent') });
    if (!level) return form.showInvalid({ field: 'level', message: t('case.new.chooseLevel') });
    if (reasons.length === 0) return form.showInvalid({ field: 'reasons', message: t('case.new.chooseReasons') });
    await form.submit(async () => {
      const { openCareCase: result } = await request(OpenCareCaseDocument, {
        input: { studentId, level, reasons, summary: summary.trim() || null, leadId: leadId || null },
      });
      if (result.__typename === 'ValidationError') return result;
      navigate(`/students/${result.student?.id ?? studentId}`);
    });
  };

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby="open-case-title">
      <h2 id="open-case-title">{t('case.new.formTitle')}</h2>
      <ErrorAlert message={form.formError ?? searchError} />

      <fieldset class="field" aria-describedby={form.fieldErrors.studentId ? 'open-case-student-error' : undefined}>
        <legend>{t('case.new.student')}</legend>
        <Finder id="open-case-student-search" label={t('case.new.studentSearch')} busy={searching}
          value={studentSearch} onValue={setStudentSearch} onFind={() => void findStudents()} />
        <p role="status" class="muted">
          {students
            ? t(students.length >= 20 ? 'case.new.studentsFoundMore' : 'case.new.studentsFound', { count: students.length })
            : ''}
        </p>
        {students && students.length > 0 && (
          <div class="picks" role="radiogroup" aria-label={t('case.new.chooseStudent')}>
            {students.map((student) => (
              <label key={student.id} class="pick">
                <input type="radio" name="open-case-student" value={student.id} checked={studentId === student.id}
                  onChange={() => {
                    setStudentId(student.id);
                    form.showInvalid({ field: null, message: '' });
                  }} />
                <span>
                  {student.name}
                  {student.className && <span class="muted"> · {student.className}</span>}
                </span>
              </label>
            ))}
          </div>
        )}
        <FieldError id="open-case-student-error" message={form.fieldErrors.studentId} />
      </fieldset>

      <fieldset class="field" aria-describedby={form.fieldErrors.level ? 'open-case-level-error' : undefined}>
        <legend>{t('case.new.level')}</legend>
        {LEVELS.map((value) => (
          <label key={value} class="pick">
            <input type="radio" name="open-case-level" value={value} checked={level === value} onChange={() => setLevel(value)} />
            <span>
              {levelLabel(value)}
              <span class="hint pick-hint">{t(`case.levelHint.${value}`)}</span>
            </span>
          </label>
        ))}
        <FieldError id="open-case-level-error" message={form.fieldErrors.level} />
      </fieldset>

      <fieldset class="field" aria-describedby={form.fieldErrors.reasons ? 'open-case-reasons-error' : undefined}>
        <legend>{t('case.new.reasons')}</legend>
        {REASONS.map((value) => (
          <label key={value} class="pick">
            <input type="checkbox" value={value} checked={reasons.includes(value)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setReasons((current) => REASONS.filter((r) => (r === value ? on : current.includes(r))));
              }} />
            <span>{reasonLabel(value)}</span>
          </label>
        ))}
        <FieldError id="open-case-reasons-error" message={form.fieldErrors.reasons} />
      </fieldset>

      <TextAreaField label={t('case.summary')} value={summary} onValue={setSummary} optional rows={4} maxLength={500}
        hint={t('case.new.summaryHint')} error={form.fieldErrors.summary} />

      <fieldset class="field" aria-describedby={form.fieldErrors.leadId ? 'open-case-lead-error' : undefined}>
        <legend>{t('case.lead')}</legend>
        <p class="hint">{t('case.new.leadHint')}</p>
        <label class="pick">
          <input type="radio" name="open-case-lead" value="" checked={leadId === ''} onChange={() => setLeadId('')} />
          <span>{t('case.new.leadDefault')}</span>
        </label>
        {leads?.map((person) => (
          <label key={person.id} class="pick">
            <input type="radio" name="open-case-lead" value={person.id} checked={leadId === person.id}
              onChange={() => setLeadId(person.id)} />
            <span>{person.displayName}</span>
          </label>
        ))}
        <Finder id="open-case-lead-search" label={t('case.new.leadSearch')} busy={searching}
          value={leadSearch} onValue={setLeadSearch} onFind={() => void findLeads()} />
        <FieldError id="open-case-lead-error" message={form.fieldErrors.leadId} />
      </fieldset>

      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('case.new.submit')}
      </button>
    </form>
  );
}

export function OpenCasePage({ me }: { me: Me }) {
  if (!isSchoolWide(me)) return <NotFoundPage />;
  return (
    <Page title={t('case.new.title')} className="board-page">
      <p class="muted">{t('case.new.intro')}</p>
      <OpenCaseForm />
    </Page>
  );
}
