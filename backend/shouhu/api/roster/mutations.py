"""Roster changes by school admins. Each returns the changed object or a ValidationError."""

from __future__ import annotations


import strawberry

from shouhu.api.context import Info
from shouhu.api.errors import attempt
from shouhu.api.ids import parse_id
from shouhu.api.permissions import IsSchoolAdmin
from shouhu.api.roster.types import (
    AccountStatus,
    AccountStatusResult,
    ClassInput,
    ClassResult,
    Guardian,
    GuardianInput,
    GuardianResult,
    Invitation,
    IssueInvitationResult,
    SchoolClass,
    StaffInput,
    StaffMember,
    StaffResult,
    Student,
    StudentInput,
    StudentResult,
)
from shouhu.roster import services
from shouhu.roster.services import ClassData, GuardianData, StaffData, StudentData

admin_only = [IsSchoolAdmin]




def _class_data(data: ClassInput) -> ClassData:
    return ClassData(grade=data.grade, name=data.name,
                     class_teacher_id=parse_id(data.class_teacher_id, "classTeacherId", "class.teacher_not_staff"))


def _student_data(data: StudentInput) -> StudentData:
    class_id = parse_id(data.class_id, "classId", "class.unknown")
    assert class_id is not None
    return StudentData(name=data.name, student_number=data.student_number, class_id=class_id,
                       birth_date=data.birth_date, login=data.login)


@strawberry.type
class RosterMutations:
    @strawberry.mutation(permission_classes=admin_only)
    async def create_class(self, info: Info, input: ClassInput) -> ClassResult:
        async def run() -> SchoolClass:
            return SchoolClass.of(await services.create_class(info.context.principal, _class_data(input)))
        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admin_only)
    async def update_class(self, info: Info, id: strawberry.ID, input: ClassInput) -> ClassResult:
        async def run() -> SchoolClass:
            class_id = parse_id(id, "id", "class.unknown")
            return SchoolClass.of(await services.update_class(info.context.principal, class_id, _class_data(input)))
        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admin_only)
    async def create_student(self, info: Info, input: StudentInput) -> StudentResult:
        async def run() -> Student:
            return Student.of(await services.create_student(info.context.principal, _student_data(input)))
        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admin_only)
    async def update_student(self, info: Info, id: strawberry.ID, input: StudentInput) -> StudentResult:
        async def run() -> Student:
            student_id = parse_id(id, "id", "student.unknown")
            return Student.of(await services.update_student(info.context.principal, student_id, _student_data(input)))
        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admin_only)
    async def create_guardian(self, info: Info, input: GuardianInput) -> GuardianResult:
        async def run() -> Guardian:
            student_id = parse_id(input.student_id, "studentId", "student.unknown")
            data = GuardianData(student_id=student_id, display_name=input.display_name, relation=input.relation,
                                login=input.login, phone=input.phone)
            return Guardian.of(await services.create_guardian(info.context.principal, data))
        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admin_only)
    async def create_staff(self, info: Info, input: StaffInput) -> StaffResult:
        async def run() -> StaffMember:
            data = StaffData(display_name=input.display_name, login=input.login, phone=input.phone,
                             is_admin=input.is_admin, is_counsellor=input.is_counsellor)
            return StaffMember.of(await services.create_staff(info.context.principal, data))
        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admin_only)
    async def set_account_active(self, info: Info, account_id: strawberry.ID, active: bool) -> AccountStatusResult:
        async def run() -> AccountStatus:
            target = parse_id(account_id, "accountId", "account.unknown")
            account = await services.set_account_active(info.context.principal, target, active)
            return AccountStatus(account_id=strawberry.ID(str(account.id)), active=account.is_active)
        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admin_only)
    async def issue_invitation(self, info: Info, account_id: strawberry.ID) -> IssueInvitationResult:
        async def run() -> Invitation:
            target = parse_id(account_id, "accountId", "account.unknown")
            code, invitation, account = await services.issue_invitation(info.context.principal, target)
            return Invitation(code=code, login=account.login, expires_at=invitation.expires_at)
        return await attempt(info.context.locale, run)
