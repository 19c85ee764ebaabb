// Frame of the administration screens: the page heading and the links between them.
import type { ComponentChildren } from 'preact';
import { Page } from '../../components/Page';
import { t, type MessageKey } from '../../i18n';
import { Link, usePath } from '../../router';

const SECTIONS: [string, MessageKey][] = [
  ['/admin/classes', 'admin.classes'],
  ['/admin/students', 'admin.students'],
  ['/admin/staff', 'admin.staff'],
  ['/admin/guardians', 'admin.guardians'],
  ['/admin/periods', 'admin.periods'],
  ['/admin/rooms', 'admin.rooms'],
  ['/admin/notifications', 'admin.notifications'],
];

export function AdminPage({ title, children }: { title: string; children: ComponentChildren }) {
  const path = usePath();
  return (
    <Page title={title} className="admin">
      <nav aria-label={t('admin.navLabel')} class="tabs">
        <ul>
          {SECTIONS.map(([href, key]) => (
            <li key={href}>
              <Link href={href} aria-current={path === href ? 'page' : undefined}>
                {t(key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Page>
  );
}
