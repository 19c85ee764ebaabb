// Home-screen cards of the board roles: the body of the role's card, by role kind.
import type { JSX } from 'preact';
import { request } from '../../api/client';
import type { RoleKind } from '../../api/generated';
import { ClassAlertCountDocument } from '../../api/operations/board';
import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n';
import { Link } from '../../router';
import { useSession, type Me } from '../../state/session';
import { useLastKnown } from '../../state/useLastKnown';
import '../../styles/board.css';
import { AlertsPanel } from './AlertsPanel';
import { hasRole } from './labels';

type Role = Me['roles'][number];
type CardProps = { role: Role; me: Me };

/** 班主任: the class's open alerts at a glance, and the way to the class board. */
function ClassTeacherCard({ role }: CardProps) {
  const classId = role.classId ?? '';
  const className = role.className ?? '';
  const { data, error, offline } = useLastKnown(`classAlerts:${classId}`, () => request(ClassAlertCountDocument, { classId }));
  const open = data ? data.classBoard.reduce((sum, row) => sum + row.openAlerts, 0) : null;

  return (
    <>
      <ErrorAlert message={error} />
      {open === null && !error && !offline && <p class="muted">{t('app.loading')}</p>}
      {open === null && offline && <p class="muted">{t('offline.notKept')}</p>}
      {open !== null &&
        (open > 0 ? (
          <p class="card-alerts card-alerts-open">
            <span aria-hidden="true" class="sig-mark">
              !
            </span>
            {t('board.card.classAlerts', { count: open })}
          </p>
        ) : (
          <p class="card-alerts">{t('board.card.noClassAlerts')}</p>
        ))}
      <p>
        <Link href={`/classes/${classId}/board`} class="button-secondary card-link">
          {t('board.card.classLink', { className })}
        </Link>
      </p>
    </>
  );
}

function SchoolBoardLink() {
  return (
    <p>
      <Link href="/board" class="button-secondary card-link">
        {t('board.card.schoolLink')}
      </Link>
    </p>
  );
}

/** Open alerts need the server (they are acknowledged there): offline, said calmly. */
function Alerts() {
  const offline = useSession().status !== 'signedIn';
  return offline ? <p class="muted">{t('offline.alertsNeedConnection')}</p> : <AlertsPanel />;
}

/** 心理教师: open alerts, the school board, and opening a case (一生一档). */
function CounsellorCard() {
  return (
    <>
      <Alerts />
      <SchoolBoardLink />
      <p>
        <Link href="/cases/new" class="button-secondary card-link">
          {t('board.card.openCase')}
        </Link>
      </p>
    </>
  );
}

/** 领导小组 / 管理员: the roster, open alerts (once, if also a counsellor) and the school board. */
function SchoolAdminCard({ me }: CardProps) {
  const alsoCounsellor = hasRole(me, 'COUNSELLOR');
  return (
    <>
      <p>{t('role.SCHOOL_ADMIN.text')}</p>
      <p>
        <Link href="/admin/classes" class="button-secondary card-link">
          {t('role.SCHOOL_ADMIN.link')}
        </Link>
      </p>
      {!alsoCounsellor && <Alerts />}
      {!alsoCounsellor && <SchoolBoardLink />}
    </>
  );
}

export const BOARD_CARDS: Partial<Record<RoleKind, (props: CardProps) => JSX.Element>> = {
  CLASS_TEACHER: ClassTeacherCard,
  COUNSELLOR: CounsellorCard,
  SCHOOL_ADMIN: SchoolAdminCard,
};
