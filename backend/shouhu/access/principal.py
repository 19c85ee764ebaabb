"""Who is asking: built once per request from the session, then read by scopes and policies."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from shouhu.accounts.models import Account, DistrictStaff, StaffRole, StaffRoleKind
from shouhu.care.models import CareCase, TeamMember
from shouhu.schools.models import Guardianship, SchoolClass, Student


@dataclass(frozen=True)
class Principal:
    account_id: UUID | None = None
    session_id: UUID | None = None
    login: str = ""
    display_name: str = ""
    school_id: UUID | None = None
    admin_of: frozenset[UUID] = frozenset()
    counsellor_of: frozenset[UUID] = frozenset()
    staff_of: frozenset[UUID] = frozenset()
    class_teacher_of: frozenset[UUID] = frozenset()
    guardian_of: dict[UUID, str] = field(default_factory=dict)  # student id → relation
    student_id: UUID | None = None
    district_ids: frozenset[UUID] = frozenset()
    # Care teams: the cases this person leads, and those they are a member of (case id → role).
    lead_of: frozenset[UUID] = frozenset()
    member_of: dict[UUID, str] = field(default_factory=dict)
    # Students of those cases: the person's team students.
    team_students: frozenset[UUID] = frozenset()

    @property
    def authenticated(self) -> bool:
        return self.account_id is not None

    @property
    def school_wide_of(self) -> frozenset[UUID]:
        """Schools in which this person may read every student (admin, counsellor)."""
        return self.admin_of | self.counsellor_of


ANONYMOUS = Principal()


async def build_principal(account: Account, session_id: UUID | None = None) -> Principal:
    roles = await StaffRole.filter(account_id=account.id).values_list("school_id", "kind")
    classes = await SchoolClass.filter(class_teacher_id=account.id).values_list("id", flat=True)
    children = await Guardianship.filter(guardian_id=account.id, student__is_active=True).values_list(
        "student_id", "relation"
    )
    own_student = await Student.filter(account_id=account.id, is_active=True).values_list("id", flat=True)
    led = await CareCase.filter(lead_id=account.id).values_list("id", "student_id")
    memberships = await TeamMember.filter(account_id=account.id).values_list("case_id", "role", "case__student_id")
    districts = await DistrictStaff.filter(account_id=account.id).values_list("district_id", flat=True)

    def schools(kind: StaffRoleKind) -> frozenset[UUID]:
        return frozenset(school for school, k in roles if k == kind)

    return Principal(
        account_id=account.id,
        session_id=session_id,
        login=account.login,
        display_name=account.display_name,
        school_id=account.school_id,
        admin_of=schools(StaffRoleKind.ADMIN),
        counsellor_of=schools(StaffRoleKind.COUNSELLOR),
        staff_of=schools(StaffRoleKind.TEACHER) | schools(StaffRoleKind.ADMIN) | schools(StaffRoleKind.COUNSELLOR),
        class_teacher_of=frozenset(classes),
        guardian_of=dict(children),
        student_id=own_student[0] if own_student else None,
        district_ids=frozenset(districts),
        lead_of=frozenset(case_id for case_id, _ in led),
        member_of={case_id: role for case_id, role, _ in memberships},
        team_students=frozenset(student for _, student in led) | frozenset(s for _, _, s in memberships),
    )
