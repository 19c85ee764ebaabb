// Words for the care API's enums, through the catalogue, and who may do what. (Dates and times: i18n/time.)
import type {
  Accompaniment,
  CaseReason,
  CaseStatus,
  InSchoolStatus,
  RoleKind,
  Signal,
  TeamRole,
  TimelineKind,
  WarningLevel,
} from '../../api/generated';
import { t, type MessageKey } from '../../i18n';
import type { Me } from '../../state/session';

export const LEVELS: WarningLevel[] = ['WATCH', 'FOCUS', 'SEVERE'];
export const STATUSES: CaseStatus[] = ['ACTIVE', 'ON_LEAVE', 'TRANSFERRED', 'CLOSED'];
export const REASONS: CaseReason[] = [
  'ACADEMIC_PRESSURE',
  'TEACHER_CONFLICT',
  'FAMILY_PROBLEMS',
  'PEER_DIFFICULTIES',
  'DISCIPLINARY_SANCTION',
  'DIAGNOSED_CONDITION',
  'OTHER',
];
export const KINDS: TimelineKind[] = ['CHECK_IN', 'HOME_LOG', 'OBSERVATION', 'CASE_CHANGE', 'ALERT', 'COUNSELLING'];
/** What a guardian's timeline can hold: entries shared with the family. */
export const FAMILY_KINDS: TimelineKind[] = ['CHECK_IN', 'HOME_LOG'];
/** Roles a lead may give a new member (the lead and guardians are not added this way). */
export const MEMBER_ROLES: TeamRole[] = ['MENTOR', 'SOCIAL_WORKER', 'DOCTOR', 'OUTSIDE_COUNSELLOR'];

/** 危机信号: these open an alert; the others are early signs. */
const CRISIS = new Set<Signal>(['EMOTIONAL_OUTBURST', 'TRUANCY', 'RUNNING_AWAY', 'SELF_HARM', 'ATTACKING_OTHERS', 'SUICIDE_TALK']);

export function isCrisis(signal: Signal): boolean {
  return CRISIS.has(signal);
}

export const levelLabel = (level: WarningLevel) => t(`case.level.${level}` as MessageKey);
export const statusLabel = (status: CaseStatus) => t(`case.status.${status}` as MessageKey);
export const reasonLabel = (reason: CaseReason) => t(`case.reason.${reason}` as MessageKey);
export const signalLabel = (signal: Signal) => t(`timeline.signal.${signal}` as MessageKey);
export const kindLabel = (kind: TimelineKind) => t(`timeline.kind.${kind}` as MessageKey);
export const inSchoolLabel = (status: InSchoolStatus) => t(`timeline.inSchool.${status}` as MessageKey);
export const accompanimentLabel = (value: Accompaniment) => t(`timeline.accompaniment.${value}` as MessageKey);
export const roleLabel = (role: TeamRole) => t(`team.role.${role}` as MessageKey);
export const weekdayLabel = (weekday: number) => t(`rota.weekday.${weekday}` as MessageKey);

/** A case change stores lower-case values ("on_leave"); the enums are upper case. */
export function changeValue(kind: 'level' | 'status' | 'role', value: string | null): string {
  if (!value) return t('timeline.change.none');
  const upper = value.toUpperCase();
  if (kind === 'level' && (LEVELS as string[]).includes(upper)) return levelLabel(upper as WarningLevel);
  if (kind === 'status' && (STATUSES as string[]).includes(upper)) return statusLabel(upper as CaseStatus);
  if (kind === 'role' && [...MEMBER_ROLES, 'LEAD', 'GUARDIAN'].includes(upper)) return roleLabel(upper as TeamRole);
  return value;
}

export function signalsText(signals: Signal[]): string {
  return signals.map(signalLabel).join(t('common.listSeparator'));
}

export function names(people: { displayName: string }[]): string {
  return people.map((person) => person.displayName).join(t('common.listSeparator'));
}

export function hasRole(me: Me, ...kinds: RoleKind[]): boolean {
  return me.roles.some((role) => kinds.includes(role.kind));
}

/** Counsellors and school leadership: the school board, opening cases, levels and statuses. */
export function isSchoolWide(me: Me): boolean {
  return hasRole(me, 'COUNSELLOR', 'SCHOOL_ADMIN');
}
