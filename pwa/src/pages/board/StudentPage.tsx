// /students/<studentId>: one student's page. Staff see the case (一生一档), the 30-day chart,
// the team (工作专班), the rota (全程陪伴) and the combined timeline; guardians see the team and
// what is shared with the family. Anyone else — the student included — gets "not found".
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { StudentCareQuery } from '../../api/generated';
import { StudentCareDocument } from '../../api/operations/board';
import { LoadFailed } from '../../components/Alert';
import { AdherenceStrip, MoodChart } from '../../components/MoodChart';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import { Link } from '../../router';
import type { Me } from '../../state/session';
import '../../styles/board.css';
import { SavedMessage } from '../mentor/controls';
import { takeFlash } from '../mentor/flash';
import { LoadingPage, NotFoundPage } from '../Simple';
import { CaseSection } from './CaseSection';
import { isSchoolWide } from './labels';
import { RotaSection } from './RotaSection';
import { TeamSection, type Member } from './TeamSection';
import { TimelineSection } from './TimelineSection';
import { usePageData } from './usePageData';

export type StudentCare = StudentCareQuery['studentCare'];
export type CareCaseData = NonNullable<StudentCare['case']>;

function StudentView({ me, care }: { me: Me; care: StudentCare }) {
  const student = care.student;
  const [careCase, setCase] = useState<CareCaseData | null>(care.case);
  const [members, setMembers] = useState<Member[]>(care.team?.members ?? []);
  // Bumped after a change that writes to the timeline (level, status, team), to show it at once.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const staff = careCase !== null;
  const guardian = me.roles.some((role) => role.kind === 'GUARDIAN' && role.studentId === student.id);
  const manager = staff && isSchoolWide(me);
  // A confirmation from the form that brought me back here (an amended check-in).
  const [flash] = useState(() => takeFlash(`student:${student.id}`));

  return (
    <Page title={student.name} className="board-page student-page">
      {student.className && <p class="muted student-class">{student.className}</p>}
      {flash && <SavedMessage state={flash.state} text={flash.text} />}
      <div class="actions student-actions">
        {care.canCheckIn && (
          <Link href={`/check-in/${student.id}`} class="button-primary check-in-link">
            {t('student.page.checkIn')}
          </Link>
        )}
        {guardian && (
          <Link href={`/home-log/${student.id}`} class="button-secondary">
            {t('student.page.homeLog')}
          </Link>
        )}
      </div>

      <nav aria-label={t('student.page.toc')} class="page-toc">
        <ul>
          {careCase && (
            <li>
              <a href="#case-title">{t('student.page.tocCase')}</a>
            </li>
          )}
          <li>
            <a href="#student-chart">{t('student.page.chartTitle')}</a>
          </li>
          {care.team && (
            <li>
              <a href="#team-title">{t('team.title')}</a>
            </li>
          )}
          {staff && care.team && (
            <li>
              <a href="#rota-title">{t('rota.title')}</a>
            </li>
          )}
          <li>
            <a href="#timeline-title">{t('timeline.title')}</a>
          </li>
        </ul>
      </nav>

      {careCase && (
        <CaseSection
          careCase={careCase}
          manager={manager}
          onChanged={(next) => {
            setCase({ ...careCase, ...next });
            changed();
          }}
        />
      )}

      <section aria-labelledby="student-chart" class="section">
        <h2 id="student-chart">{t('student.page.chartTitle')}</h2>
        <MoodChart days={care.chart} />
        <h3>{t('student.page.adherenceTitle')}</h3>
        <AdherenceStrip days={care.chart} />
      </section>

      {care.team && (
        <TeamSection
          caseId={care.team.caseId}
          members={members}
          canManage={staff && care.canLead}
          onMembers={(next) => {
            setMembers(next);
            changed();
          }}
        />
      )}

      {staff && care.team && <RotaSection caseId={care.team.caseId} members={members} canEdit={care.canLead} />}

      <TimelineSection studentId={student.id} staff={staff} members={members} changes={changes} />
    </Page>
  );
}

export function StudentPage({ me, params }: { me: Me; params: string[] }) {
  const studentId = params[0];
  const { state, retry } = usePageData(async () => (await request(StudentCareDocument, { studentId })).studentCare, studentId);

  if (state.status === 'loading') return <LoadingPage />;
  if (state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'error') {
    return (
      <Page title={t('student.page.errorTitle')}>
        <LoadFailed message={state.message} onRetry={retry} />
      </Page>
    );
  }
  return <StudentView key={studentId} me={me} care={state.data} />;
}
