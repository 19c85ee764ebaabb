import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { CreateGuardianDocument } from '../../api/operations';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';

const RELATIONS = ['father', 'mother', 'grandparent', 'other'] as const;

interface Props {
  studentId: string;
  studentName: string;
  onCreated: (guardian: { id: string; displayName: string }, relation: string) => void;
  onCancel: () => void;
}

/** Adds a guardian (家长 / 监护人) with a login of their own to one student. */
export function GuardianForm({ studentId, studentName, onCreated, onCancel }: Props) {
  const [displayName, setDisplayName] = useState('');
  const [relation, setRelation] = useState('');
  const [login, setLogin] = useState('');
  const [phone, setPhone] = useState('');
  const form = useForm(['displayName', 'relation', 'login', 'phone']);
  const titleId = `guardian-form-${studentId}`;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!relation) return form.showInvalid({ field: 'relation', message: t('common.required') });
    await form.submit(async () => {
      const input = { studentId, displayName: displayName.trim(), relation, login: login.trim(), phone: phone.trim() || null };
      const { createGuardian: result } = await request(CreateGuardianDocument, { input });
      if (result.__typename === 'ValidationError') return result;
      onCreated(result, relation);
    });
  };

  return (
    <form class="form subform" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId}>{t('student.addGuardianFor', { name: studentName })}</h4>
      <ErrorAlert message={form.formError} />
      <Field label={t('admin.displayName')} value={displayName} onValue={setDisplayName} autoComplete="off"
        error={form.fieldErrors.displayName} />
      <SelectField label={t('guardian.relation')} value={relation} onValue={setRelation} error={form.fieldErrors.relation}
        options={[
          { value: '', label: t('common.choose') },
          ...RELATIONS.map((value) => ({ value, label: t(`relation.${value}`) })),
        ]} />
      <Field label={t('admin.login')} value={login} onValue={setLogin} autoComplete="off" autoCapitalize="none"
        spellcheck={false} error={form.fieldErrors.login} />
      <Field label={t('admin.phone')} type="tel" inputMode="tel" value={phone} onValue={setPhone} optional
        autoComplete="off" error={form.fieldErrors.phone} />
      <div class="button-row">
        <button type="submit" class="button-primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : t('guardian.create')}
        </button>
        <button type="button" class="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
