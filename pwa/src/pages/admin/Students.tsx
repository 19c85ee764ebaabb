import { useCallback, useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { StudentsQuery } from '../../api/generated';
import { StudentsDocument } from '../../api/operations';
import { CheckboxField, SelectField } from '../../components/Field';
import { t } from '../../i18n';
import { relationLabel } from '../Home';
import { AccountActions, AccountStateBadge } from './AccountActions';
import { AdminPage } from './AdminPage';
import { GuardianForm } from './GuardianForm';
import { ListFooter } from './ListFooter';
import { SearchForm } from './SearchForm';
import { StudentForm } from './StudentForm';
import { useClassOptions } from './useClassOptions';
import { PAGE_SIZE, usePaged } from './usePaged';

type Student = StudentsQuery['students']['nodes'][number];

function StudentRow({ student, onChange }: { student: Student; onChange: (next: Student) => void }) {
  const [adding, setAdding] = useState(false);
  const guardians = student.guardians.map((g) =>
    t('common.nameWithRelation', { name: g.guardian.displayName, relation: relationLabel(g.relation) }),
  );
  return (
    <li class="row">
      <h3>
        {student.name} {!student.active && <span class="badge badge-inactive">{t('student.inactive')}</span>}
      </h3>
      <p class="muted">
        {student.studentNumber}
        {student.schoolClass &&
          ` · ${t('class.gradeValue', { grade: student.schoolClass.grade })} ${student.schoolClass.name}`}
      </p>
      <p>
        {student.account ? (
          <>
            {student.account.login} <AccountStateBadge active={student.account.active} activated={student.account.activated} />
          </>
        ) : (
          <span class="muted">{t('account.state.none')}</span>
        )}
      </p>
      {student.account && (
        <AccountActions accountId={student.account.id} name={student.name} active={student.account.active}
          onActiveChange={(active) => onChange({ ...student, account: { ...student.account!, active } })} />
      )}
      <p>{guardians.length ? t('student.guardians', { names: guardians.join(t('common.listSeparator')) }) : t('student.noGuardians')}</p>
      {adding ? (
        <GuardianForm
          studentId={student.id}
          studentName={student.name}
          onCancel={() => setAdding(false)}
          onCreated={(guardian, relation) => {
            setAdding(false);
            onChange({
              ...student,
              guardians: [
                ...student.guardians,
                { __typename: 'GuardianLink', relation, guardian: { __typename: 'Guardian', ...guardian } },
              ],
            });
          }}
        />
      ) : (
        <button type="button" class="button-secondary" aria-label={t('student.addGuardianFor', { name: student.name })}
          onClick={() => setAdding(true)}>
          {t('student.addGuardian')}
        </button>
      )}
    </li>
  );
}

export function StudentsPage() {
  const classes = useClassOptions();
  const [classId, setClassId] = useState('');
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);

  const fetchPage = useCallback(
    async (after: string | null) =>
      (
        await request(StudentsDocument, {
          first: PAGE_SIZE,
          after,
          classId: classId || null,
          search: search || null,
          includeInactive,
        })
      ).students,
    [classId, search, includeInactive],
  );
  const list = usePaged(fetchPage);

  const replace = (next: Student) => list.setItems((items) => items.map((item) => (item.id === next.id ? next : item)));

  return (
    <AdminPage title={t('admin.studentsTitle')}>
      <StudentForm classes={classes} onCreated={list.reload} />
      <section aria-labelledby="students-list" class="section">
        <h2 id="students-list">{t('admin.listTitle')}</h2>
        <div class="filters">
          <SelectField label={t('student.filterClass')} value={classId} onValue={setClassId} filter
            options={[{ value: '', label: t('student.allClasses') }, ...classes]} />
          <CheckboxField label={t('student.includeInactive')} checked={includeInactive} onChecked={setIncludeInactive} />
          <SearchForm label={t('student.search')} onSearch={setSearch} />
        </div>
        <ul class="rows">
          {list.items.map((student) => (
            <StudentRow key={student.id} student={student} onChange={replace} />
          ))}
        </ul>
        <ListFooter count={list.items.length} loading={list.loading} error={list.error} hasNext={list.hasNext}
          onMore={list.loadMore} />
      </section>
    </AdminPage>
  );
}
