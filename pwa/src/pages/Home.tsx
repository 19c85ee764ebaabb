// One card per role the person holds; each area's registry adds its part to a role's card, in the
// order of REGISTRIES (a counsellor's card: the board's alerts, then the counselling room's day).
import type { JSX } from 'preact';
import type { RoleKind } from '../api/generated';
import { Page } from '../components/Page';
import { t, type MessageKey } from '../i18n';
import { Link } from '../router';
import type { Me } from '../state/session';
import { BOARD_CARDS } from './board/cards';
import { COUNSELLING_CARDS } from './counselling/cards';
import { MENTOR_CARDS } from './mentor/cards';

type Role = Me['roles'][number];
type CardBody = (props: { role: Role; me: Me }) => JSX.Element | null;

const REGISTRIES: Partial<Record<RoleKind, CardBody>>[] = [MENTOR_CARDS, BOARD_CARDS, COUNSELLING_CARDS];

/** The bodies the areas render for a role kind, in registry order. */
function bodiesOf(kind: RoleKind): CardBody[] {
  return REGISTRIES.map((registry) => registry[kind]).filter((body): body is CardBody => body !== undefined);
}

export function relationLabel(relation: string | null | undefined): string {
  const key = `relation.${relation ?? ''}` as MessageKey;
  return relation && ['father', 'mother', 'grandparent', 'other'].includes(relation) ? t(key) : (relation ?? '');
}

function roleTitle(role: Role): string {
  const key = `role.${role.kind}` as MessageKey;
  return t(key, {
    className: role.className ?? '',
    studentName: role.studentName ?? '',
    relation: relationLabel(role.relation),
    districtName: role.districtName ?? '',
  });
}

function roleText(kind: RoleKind): string {
  return t(`role.${kind}.text` as MessageKey);
}

function RoleCard({ role, me }: { role: Role; me: Me }) {
  const admin = role.kind === 'SCHOOL_ADMIN';
  const bodies = bodiesOf(role.kind);
  return (
    <section class="card" data-role={role.kind}>
      <h2>{roleTitle(role)}</h2>
      {bodies.length > 0 ? (
        bodies.map((Body, index) => <Body key={index} role={role} me={me} />)
      ) : admin ? (
        <>
          <p>{roleText(role.kind)}</p>
          <p>
            <Link href="/admin/classes" class="button-secondary">
              {t('role.SCHOOL_ADMIN.link')}
            </Link>
          </p>
        </>
      ) : (
        <p>
          {roleText(role.kind)} <span class="soon">{t('home.soon')}</span>
        </p>
      )}
      {role.kind === 'STUDENT' && (
        <p>
          <Link href="/help">{t('role.STUDENT.help')}</Link>
        </p>
      )}
    </section>
  );
}

function roleKey(role: Role, index: number): string {
  return `${role.kind}:${role.classId ?? ''}:${role.studentId ?? ''}:${role.districtName ?? ''}:${index}`;
}

export function HomePage({ me }: { me: Me }) {
  return (
    <Page title={t('home.title')}>
      <p class="greeting">{t('home.greeting', { name: me.account.displayName })}</p>
      {me.school && <p class="school-name">{me.school.name}</p>}
      <h2 class="visually-hidden">{t('home.rolesLabel')}</h2>
      {me.roles.length === 0 ? (
        <p>{t('home.noRoles')}</p>
      ) : (
        <div class="cards">
          {me.roles.map((role, index) => (
            <RoleCard key={roleKey(role, index)} role={role} me={me} />
          ))}
        </div>
      )}
    </Page>
  );
}
