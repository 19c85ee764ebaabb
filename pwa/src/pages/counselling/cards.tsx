// Home-screen cards of the counselling room: the body it adds to a role's card, by role kind.
// STUDENT: my bookings and booking; COUNSELLOR: today's sessions, the week and the hours (below what
// the board renders); SCHOOL_ADMIN: the week's open hours against the targets (once, if not also a counsellor);
// the three and DISTRICT_STAFF: the way to the daily report (一日一报).
import type { JSX } from 'preact';
import type { RoleKind } from '../../api/generated';
import type { Me } from '../../state/session';
import { hasRole } from '../board/labels';
import { CounsellorCounsellingCard, DistrictReportCard, LeadershipCounsellingCard } from './StaffCards';
import { StudentCounsellingCard } from './StudentCard';

type Role = Me['roles'][number];
type CardProps = { role: Role; me: Me };

export const COUNSELLING_CARDS: Partial<Record<RoleKind, (props: CardProps) => JSX.Element | null>> = {
  STUDENT: () => <StudentCounsellingCard />,
  COUNSELLOR: () => <CounsellorCounsellingCard />,
  SCHOOL_ADMIN: ({ me }) => (hasRole(me, 'COUNSELLOR') ? null : <LeadershipCounsellingCard />),
  DISTRICT_STAFF: () => <DistrictReportCard />,
};
