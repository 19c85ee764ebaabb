// Home-screen cards of the mentor roles: the body of the role's card, by role kind.
// MENTOR: my students today; GUARDIAN: one child's home log and team; STAFF: report an observation.
import type { JSX } from 'preact';
import type { RoleKind } from '../../api/generated';
import { OutboxStatus } from '../../components/OutboxStatus';
import { t } from '../../i18n';
import { Link } from '../../router';
import type { Me } from '../../state/session';
import { FamilyCard } from './FamilyCard';
import { MentorCard } from './MentorCard';

type Role = Me['roles'][number];
type CardProps = { role: Role; me: Me };

const OWN_KINDS: RoleKind[] = ['MENTOR', 'GUARDIAN', 'STAFF'];

/** The outbox block is shown once, in the first of these cards. */
function firstOfMine(role: Role, me: Me): boolean {
  return me.roles.find((candidate) => OWN_KINDS.includes(candidate.kind)) === role;
}

function StaffCard({ role, me }: CardProps) {
  return (
    <div class="staff-card">
      <p>{t('role.STAFF.intro')}</p>
      <p>
        <Link href="/observe" class="button-secondary big-button">
          {t('observe.link')}
        </Link>
      </p>
      {firstOfMine(role, me) && <OutboxStatus accountId={me.account.id} />}
    </div>
  );
}

export const MENTOR_CARDS: Partial<Record<RoleKind, (props: CardProps) => JSX.Element>> = {
  MENTOR: ({ role, me }) => <MentorCard me={me} showOutbox={firstOfMine(role, me)} />,
  GUARDIAN: ({ role, me }) => <FamilyCard role={role} me={me} showOutbox={firstOfMine(role, me)} />,
  STAFF: StaffCard,
};
