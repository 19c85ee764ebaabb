import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { CreateStudentDocument } from '../../api/operations';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import type { Option } from './useClassOptions';

export function StudentForm({ classes, onCreated }: { classes: Option[]; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [studentNumber, setNumber] = useState('');
  const [classId, setClassId] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [login, setLogin] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm(['name', 'studentNumber', 'classId', 'birthDate', 'login']);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setCreated(null);
    if (!classId) return form.showInvalid({ field: 'classId', message: t('common.required') });
    await form.submit(async () => {
      const input = {
        name: name.trim(),
        studentNumber: studentNumber.trim(),
        classId,
        birthDate: birthDate || null,
        login: login.trim() || null,
      };
      const { createStudent: result } = await request(CreateStudentDocument, { input });
      if (result.__typename === 'ValidationError') return result;
      setCreated(t('admin.created', { name: result.name }));
      setName('');
      setNumber('');
      setBirthDate('');
      setLogin('');
      onCreated();
    });
  };

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby="student-form-title">
      <h2 id="student-form-title">{t('student.create')}</h2>
      <ErrorAlert message={form.formError} />
      <StatusMessage>{created}</StatusMessage>
      <Field label={t('student.name')} value={name} onValue={setName} autoComplete="off" error={form.fieldErrors.name} />
      <Field label={t('student.number')} value={studentNumber} onValue={setNumber} autoComplete="off"
        error={form.fieldErrors.studentNumber} />
      <SelectField label={t('student.class')} value={classId} onValue={setClassId} error={form.fieldErrors.classId}
        options={[{ value: '', label: t('common.choose') }, ...classes]} />
      <Field label={t('student.birthDate')} type="date" value={birthDate} onValue={setBirthDate} optional
        error={form.fieldErrors.birthDate} />
      <Field label={t('student.login')} value={login} onValue={setLogin} optional hint={t('student.loginHint')}
        autoComplete="off" autoCapitalize="none" spellcheck={false} error={form.fieldErrors.login} />
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('student.create')}
      </button>
    </form>
  );
}
