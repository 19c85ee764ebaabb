import { useCallback, useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { StaffQuery } from '../../api/generated';
import { CreateStaffDocument, StaffDocument } from '../../api/operations';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { CheckboxField, Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { AccountActions, AccountStateBadge } from './AccountActions';
import { AdminPage } from './AdminPage';
import { ListFooter } from './ListFooter';
import { SearchForm } from './SearchForm';
import { PAGE_SIZE, usePaged } from './usePaged';

type StaffMember = StaffQuery['staff']['nodes'][number];

function StaffForm({ onCreated }: { onCreated: () => void }) {
  const [displayName, setDisplayName] = useState('');
  const [login, setLogin] = useState('');
  const [phone, setPhone] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [isCounsellor, setIsCounsellor] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm(['displayName', 'login', 'phone']);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setCreated(null);
    await form.submit(async () => {
      const input = { displayName: displayName.trim(), login: login.trim(), phone: phone.trim() || null, isAdmin, isCounsellor };
      const { createStaff: result } = await request(CreateStaffDocument, { input });
      if (result.__typename === 'ValidationError') return result;
      setCreated(t('admin.created', { name: result.displayName }));
      setDisplayName('');
      setLogin('');
      setPhone('');
      setIsAdmin(false);
      setIsCounsellor(false);
      onCreated();
    });
  };

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby="staff-form-title">
      <h2 id="staff-form-title">{t('staff.create')}</h2>
      <ErrorAlert message={form.formError} />
      <StatusMessage>{created}</StatusMessage>
      <Field label={t('admin.displayName')} value={displayName} onValue={setDisplayName} autoComplete="off"
        error={form.fieldErrors.displayName} />
      <Field label={t('admin.login')} value={login} onValue={setLogin} autoComplete="off" autoCapitalize="none"
        spellcheck={false} error={form.fieldErrors.login} />
      <Field label={t('admin.phone')} type="tel" inputMode="tel" value={phone} onValue={setPhone} optional
        autoComplete="off" error={form.fieldErrors.phone} />
      <fieldset class="field">
        <legend>{t('staff.roles')}</legend>
        <CheckboxField label={t('staff.isAdmin')} checked={isAdmin} onChecked={setIsAdmin} />
        <CheckboxField label={t('staff.isCounsellor')} checked={isCounsellor} onChecked={setIsCounsellor} />
      </fieldset>
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('staff.create')}
      </button>
    </form>
  );
}

function StaffRow({ member, onChange }: { member: StaffMember; onChange: (next: StaffMember) => void }) {
  const roles = [member.isAdmin && t('staff.isAdmin'), member.isCounsellor && t('staff.isCounsellor')].filter(Boolean);
  return (
    <li class="row">
      <h3>{member.displayName}</h3>
      <p class="muted">
        {member.login}
        {member.phone && ` · ${member.phone}`}
      </p>
      <p>
        <AccountStateBadge active={member.active} activated={member.activated} />
        {roles.map((role) => (
          <span key={role} class="badge">
            {role}
          </span>
        ))}
      </p>
      <AccountActions accountId={member.id} name={member.displayName} active={member.active}
        onActiveChange={(active) => onChange({ ...member, active })} />
    </li>
  );
}

export function StaffPage() {
  const [search, setSearch] = useState('');
  const fetchPage = useCallback(
    async (after: string | null) => (await request(StaffDocument, { first: PAGE_SIZE, after, search: search || null })).staff,
    [search],
  );
  const list = usePaged(fetchPage);
  const replace = (next: StaffMember) => list.setItems((items) => items.map((item) => (item.id === next.id ? next : item)));

  return (
    <AdminPage title={t('admin.staffTitle')}>
      <StaffForm onCreated={list.reload} />
      <section aria-labelledby="staff-list" class="section">
        <h2 id="staff-list">{t('admin.listTitle')}</h2>
        <SearchForm label={t('staff.search')} onSearch={setSearch} />
        <ul class="rows">
          {list.items.map((member) => (
            <StaffRow key={member.id} member={member} onChange={replace} />
          ))}
        </ul>
        <ListFooter count={list.items.length} loading={list.loading} error={list.error} hasNext={list.hasNext}
          onMore={list.loadMore} />
      </section>
    </AdminPage>
  );
}
