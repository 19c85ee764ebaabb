import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { ClassesQuery } from '../../api/generated';
import { ClassesDocument, CreateClassDocument, StaffDocument } from '../../api/operations';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { AdminPage } from './AdminPage';
import { ListFooter } from './ListFooter';
import { PAGE_SIZE, usePaged } from './usePaged';

type SchoolClass = ClassesQuery['classes']['nodes'][number];

function useStaffOptions() {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    request(StaffDocument, { first: 100 })
      .then((data) => setOptions(data.staff.nodes.filter((s) => s.active).map((s) => ({ value: s.id, label: s.displayName }))))
      .catch(() => setOptions([])); // the form still works without a class teacher
  }, []);
  return options;
}

function ClassForm({ onCreated }: { onCreated: (created: SchoolClass) => void }) {
  const [grade, setGrade] = useState('');
  const [name, setName] = useState('');
  const [teacher, setTeacher] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const staff = useStaffOptions();
  const form = useForm(['grade', 'name', 'classTeacherId']);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setCreated(null);
    const gradeNumber = Number.parseInt(grade, 10);
    if (!Number.isFinite(gradeNumber)) return form.showInvalid({ field: 'grade', message: t('common.required') });
    await form.submit(async () => {
      const input = { grade: gradeNumber, name: name.trim(), classTeacherId: teacher || null };
      const { createClass: result } = await request(CreateClassDocument, { input });
      if (result.__typename === 'ValidationError') return result;
      onCreated(result);
      setCreated(t('admin.created', { name: result.name }));
      setName('');
    });
  };

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby="class-form-title">
      <h2 id="class-form-title">{t('class.create')}</h2>
      <ErrorAlert message={form.formError} />
      <StatusMessage>{created}</StatusMessage>
      <Field label={t('class.grade')} type="number" inputMode="numeric" min={1} max={12} value={grade} onValue={setGrade}
        error={form.fieldErrors.grade} />
      <Field label={t('class.name')} value={name} onValue={setName} error={form.fieldErrors.name} />
      <SelectField label={t('class.teacher')} value={teacher} onValue={setTeacher} optional
        options={[{ value: '', label: t('class.noTeacher') }, ...staff]} error={form.fieldErrors.classTeacherId} />
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('class.create')}
      </button>
    </form>
  );
}

export function ClassesPage() {
  const fetchPage = useCallback(
    async (after: string | null) => (await request(ClassesDocument, { first: PAGE_SIZE, after })).classes,
    [],
  );
  const list = usePaged(fetchPage);

  return (
    <AdminPage title={t('admin.classesTitle')}>
      <ClassForm onCreated={(created) => list.setItems((items) => [created, ...items])} />
      <section aria-labelledby="classes-list" class="section">
        <h2 id="classes-list">{t('admin.listTitle')}</h2>
        <ul class="rows">
          {list.items.map((item) => (
            <li key={item.id} class="row">
              <h3>{item.name}</h3>
              <p class="muted">
                {t('class.gradeValue', { grade: item.grade })} · {t('class.studentCount', { count: item.studentCount })}
              </p>
              {item.classTeacher && (
                <p>{t('class.teacherValue', { name: item.classTeacher.displayName })}</p>
              )}
            </li>
          ))}
        </ul>
        <ListFooter count={list.items.length} loading={list.loading} error={list.error} hasNext={list.hasNext}
          onMore={list.loadMore} />
      </section>
    </AdminPage>
  );
}
