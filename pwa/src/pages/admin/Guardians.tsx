import { useCallback, useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { GuardiansQuery } from '../../api/generated';
import { GuardiansDocument } from '../../api/operations';
import { t } from '../../i18n';
import { Link } from '../../router';
import { relationLabel } from '../Home';
import { AccountActions, AccountStateBadge } from './AccountActions';
import { AdminPage } from './AdminPage';
import { ListFooter } from './ListFooter';
import { SearchForm } from './SearchForm';
import { PAGE_SIZE, usePaged } from './usePaged';

type Guardian = GuardiansQuery['guardians']['nodes'][number];

function GuardianRow({ guardian, onChange }: { guardian: Guardian; onChange: (next: Guardian) => void }) {
  const children = guardian.children
    .map((c) => t('common.nameWithRelation', { name: c.studentName, relation: relationLabel(c.relation) }))
    .join(t('common.listSeparator'));
  return (
    <li class="row">
      <h3>{guardian.displayName}</h3>
      <p class="muted">
        {guardian.login}
        {guardian.phone && ` · ${guardian.phone}`}
      </p>
      <p>{t('guardian.children', { names: children })}</p>
      <p>
        <AccountStateBadge active={guardian.active} activated={guardian.activated} />
      </p>
      <AccountActions accountId={guardian.id} name={guardian.displayName} active={guardian.active}
        onActiveChange={(active) => onChange({ ...guardian, active })} />
    </li>
  );
}

export function GuardiansPage() {
  const [search, setSearch] = useState('');
  const fetchPage = useCallback(
    async (after: string | null) =>
      (await request(GuardiansDocument, { first: PAGE_SIZE, after, search: search || null })).guardians,
    [search],
  );
  const list = usePaged(fetchPage);
  const replace = (next: Guardian) => list.setItems((items) => items.map((item) => (item.id === next.id ? next : item)));

  return (
    <AdminPage title={t('admin.guardiansTitle')}>
      <p class="note">
        {t('guardian.howToAdd')} <Link href="/admin/students">{t('admin.students')}</Link>
      </p>
      <section aria-labelledby="guardians-list" class="section">
        <h2 id="guardians-list">{t('admin.listTitle')}</h2>
        <SearchForm label={t('guardian.search')} onSearch={setSearch} />
        <ul class="rows">
          {list.items.map((guardian) => (
            <GuardianRow key={guardian.id} guardian={guardian} onChange={replace} />
          ))}
        </ul>
        <ListFooter count={list.items.length} loading={list.loading} error={list.error} hasNext={list.hasNext}
          onMore={list.loadMore} />
      </section>
    </AdminPage>
  );
}
