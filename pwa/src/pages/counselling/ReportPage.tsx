// /counselling/report: the de-identified daily report of the counselling room (一日一报) for the
// district centre and the school's admins and counsellors: per day, sessions held, no-shows, new
// bookings and, of them, students with a care case. Counts only; the same figures as CSV.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { CounsellingDailyReportQuery, ReportingSchoolsQuery } from '../../api/generated';
import { CounsellingDailyReportDocument, ReportingSchoolsDocument } from '../../api/operations/counselling';
import { LoadFailed } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import { addDays, formatDate, parseDate, schoolToday } from '../../i18n/time';
import type { Me } from '../../state/session';
import '../../styles/counselling.css';
import { hasRole } from '../board/labels';
import { usePageData } from '../board/usePageData';
import { LoadingPage, NotFoundPage } from '../Simple';
import { Outcome, outcome, type OutcomeState } from './Outcome';

type Row = CounsellingDailyReportQuery['dailyReport'][number];
type School = ReportingSchoolsQuery['reportingSchools'][number];

const MAX_DAYS = 92;
const DAY_MS = 86_400_000;
const COLUMNS = ['sessionsHeld', 'noShows', 'newBookings', 'caseStudentsSeen'] as const;

interface Shown {
  school: School;
  since: string;
  days: number;
  rows: Row[];
}

/** The CSV of the same figures: a plain signed-in GET (the service worker leaves /reports/ alone). */
export function reportCsvHref(schoolId: string, since: string, days: number): string {
  return `/reports/daily.csv?school=${encodeURIComponent(schoolId)}&since=${since}&days=${days}`;
}

function ReportTable({ shown }: { shown: Shown }) {
  const totals = COLUMNS.map((column) => shown.rows.reduce((sum, row) => sum + row[column], 0));
  const until = addDays(shown.since, shown.days - 1);
  const caption = t('counselling.report.caption', { school: shown.school.name, from: formatDate(shown.since), to: formatDate(until) });
  // Focusable, so that a keyboard can scroll the table sideways on a narrow phone.
  return (
    <div class="report-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('counselling.report.date')}</th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t(`counselling.report.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.rows.map((row) => (
            <tr key={row.date}>
              <th scope="row">{formatDate(row.date)}</th>
              {COLUMNS.map((column) => (
                <td key={column}>{row[column]}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="report-total">
            <th scope="row">{t('counselling.report.total')}</th>
            {totals.map((total, index) => (
              <td key={COLUMNS[index]}>{total}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ReportView({ schools }: { schools: School[] }) {
  const today = schoolToday();
  const [schoolId, setSchoolId] = useState(schools[0]?.id ?? '');
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [shown, setShown] = useState<Shown | null>(null);
  const [result, setResult] = useState<OutcomeState | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (announce: boolean) => {
    const school = schools.find((candidate) => candidate.id === schoolId);
    if (!school || busy) return;
    const start = parseDate(from);
    const end = parseDate(to);
    if (Number.isNaN(start)) return setErrors({ from: t('counselling.report.badDate') });
    if (Number.isNaN(end)) return setErrors({ to: t('counselling.report.badDate') });
    if (end < start) return setErrors({ to: t('counselling.report.badRange') });
    const days = Math.round((end - start) / DAY_MS) + 1;
    if (days > MAX_DAYS) return setErrors({ to: t('counselling.report.tooLong', { max: MAX_DAYS }) });
    setErrors({});
    setBusy(true);
    try {
      const data = await request(CounsellingDailyReportDocument, { schoolId: school.id, since: from, days });
      setShown({ school, since: from, days, rows: data.dailyReport });
      if (announce) setResult(outcome('ok', t('counselling.report.loaded', { school: school.name, days })));
    } catch (caught) {
      setResult(outcome('error', errorMessage(caught)));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void load(false);
  }, []);

  if (schools.length === 0) return <p class="empty-state">{t('counselling.report.noSchools')}</p>;
  return (
    <>
      <p class="note">{t('counselling.report.intro')}</p>
      <form
        class="form report-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void load(true);
        }}
      >
        <fieldset>
          <legend>{t('counselling.report.filters')}</legend>
          <div class="report-grid">
            <SelectField
              label={t('counselling.report.school')}
              value={schoolId}
              onValue={setSchoolId}
              filter
              options={schools.map((school) => ({ value: school.id, label: school.name }))}
            />
            <Field label={t('counselling.report.from')} type="date" value={from} onValue={setFrom} error={errors.from} />
            <Field label={t('counselling.report.to')} type="date" value={to} onValue={setTo} error={errors.to} />
          </div>
        </fieldset>
        <button type="submit" class="button-primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('app.loading') : t('counselling.report.show')}
        </button>
      </form>
      <Outcome state={result} />
      {shown && (
        <section class="report-result" aria-label={shown.school.name}>
          <ReportTable shown={shown} />
          <p>
            <a class="button-secondary card-link" href={reportCsvHref(shown.school.id, shown.since, shown.days)} download>
              {t('counselling.report.csv')}
            </a>
          </p>
        </section>
      )}
    </>
  );
}

export const REPORT_READERS = ['DISTRICT_STAFF', 'SCHOOL_ADMIN', 'COUNSELLOR'] as const;

export function ReportPage({ me }: { me: Me }) {
  const allowed = hasRole(me, ...REPORT_READERS);
  const { state, retry } = usePageData(
    async () => (allowed ? request(ReportingSchoolsDocument) : Promise.reject({ code: 'NOT_FOUND' })),
    'report',
  );
  if (!allowed || state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'loading') return <LoadingPage />;
  return (
    <Page title={t('counselling.report.title')} className="counselling-page report-page">
      {state.status === 'error' ? (
        <>
          <LoadFailed message={state.message} onRetry={retry} />
        </>
      ) : (
        <ReportView schools={state.data.reportingSchools} />
      )}
    </Page>
  );
}
