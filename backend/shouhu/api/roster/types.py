"""The roster as admins see it: classes, students, guardians, staff."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from shouhu.accounts import models as account_models
from shouhu.accounts.models import StaffRoleKind
from shouhu.api.context import Info
from shouhu.api.errors import ValidationError
from shouhu.api.pagination import PageInfo
from shouhu.schools import models as school_models


def _id(value: object) -> strawberry.ID:
    return strawberry.ID(str(value))


@strawberry.type
class StaffMember:
    id: strawberry.ID
    display_name: str
    phone: str | None
    login: str
    active: bool
    activated: bool
    _account_id: strawberry.Private[object]

    @classmethod
    def of(cls, row: account_models.Account) -> StaffMember:
        return cls(id=_id(row.id), display_name=row.display_name, phone=row.phone, login=row.login,
                   active=row.is_active, activated=row.password_hash is not None, _account_id=row.id)

    @strawberry.field
    async def is_admin(self, info: Info) -> bool:
        return StaffRoleKind.ADMIN in await info.context.loaders.staff_kinds_by_account.load(self._account_id)

    @strawberry.field
    async def is_counsellor(self, info: Info) -> bool:
        return StaffRoleKind.COUNSELLOR in await info.context.loaders.staff_kinds_by_account.load(self._account_id)


@strawberry.type
class SchoolClass:
    id: strawberry.ID
    grade: int
    name: str
    _row: strawberry.Private[school_models.SchoolClass]

    @classmethod
    def of(cls, row: school_models.SchoolClass) -> SchoolClass:
        return cls(id=_id(row.id), grade=row.grade, name=row.name, _row=row)

    @strawberry.field
    async def class_teacher(self, info: Info) -> StaffMember | None:
        if self._row.class_teacher_id is None:
            return None
        account = await info.context.loaders.roster_account_by_id.load(self._row.class_teacher_id)
        return StaffMember.of(account) if account else None

    @strawberry.field
    async def student_count(self, info: Info) -> int:
        return await info.context.loaders.student_count_by_class.load(self._row.id)


@strawberry.type(description="The sign-in account of a student, as the admin sees it.")
class AccountState:
    id: strawberry.ID
    login: str
    active: bool
    activated: bool


@strawberry.type
class GuardianChild:
    relation: str
    student_id: strawberry.ID
    student_name: str


@strawberry.type
class Guardian:
    id: strawberry.ID
    display_name: str
    phone: str | None
    login: str
    active: bool
    activated: bool
    _account_id: strawberry.Private[object]

    @classmethod
    def of(cls, row: account_models.Account) -> Guardian:
        return cls(id=_id(row.id), display_name=row.display_name, phone=row.phone, login=row.login,
                   active=row.is_active, activated=row.password_hash is not None, _account_id=row.id)

    @strawberry.field
    async def children(self, info: Info) -> list[GuardianChild]:
        links = await info.context.loaders.children_by_guardian.load(self._account_id)
        return [GuardianChild(relation=link.relation, student_id=_id(link.student_id), student_name=link.student.name)
                for link in links]


@strawberry.type
class GuardianLink:
    relation: str
    guardian: Guardian


@strawberry.type
class Student:
    id: strawberry.ID
    name: str
    student_number: str
    birth_date: datetime.date | None
    active: bool
    _row: strawberry.Private[school_models.Student]

    @classmethod
    def of(cls, row: school_models.Student) -> Student:
        return cls(id=_id(row.id), name=row.name, student_number=row.student_number, birth_date=row.birth_date,
                   active=row.is_active, _row=row)

    @strawberry.field
    async def school_class(self, info: Info) -> SchoolClass | None:
        row = await info.context.loaders.class_by_id.load(self._row.school_class_id)
        return SchoolClass.of(row) if row else None

    @strawberry.field
    async def account(self, info: Info) -> AccountState | None:
        if self._row.account_id is None:
            return None
        row = await info.context.loaders.roster_account_by_id.load(self._row.account_id)
        if row is None:
            return None
        return AccountState(id=_id(row.id), login=row.login, active=row.is_active, activated=row.password_hash is not None)

    @strawberry.field
    async def guardians(self, info: Info) -> list[GuardianLink]:
        links = await info.context.loaders.guardian_links_by_student.load(self._row.id)
        return [GuardianLink(relation=link.relation, guardian=Guardian.of(link.guardian)) for link in links]


@strawberry.type
class SchoolClassConnection:
    nodes: list[SchoolClass]
    page_info: PageInfo


@strawberry.type
class StudentConnection:
    nodes: list[Student]
    page_info: PageInfo


@strawberry.type
class GuardianConnection:
    nodes: list[Guardian]
    page_info: PageInfo


@strawberry.type
class StaffMemberConnection:
    nodes: list[StaffMember]
    page_info: PageInfo


@strawberry.input
class ClassInput:
    grade: int
    name: str
    class_teacher_id: strawberry.ID | None = None


@strawberry.input
class StudentInput:
    name: str
    student_number: str
    class_id: strawberry.ID
    birth_date: datetime.date | None = None
    login: str | None = None


@strawberry.input
class GuardianInput:
    student_id: strawberry.ID
    display_name: str
    relation: str
    login: str
    phone: str | None = None


@strawberry.input
class StaffInput:
    display_name: str
    login: str
    phone: str | None = None
    is_admin: bool = False
    is_counsellor: bool = False


@strawberry.type
class AccountStatus:
    account_id: strawberry.ID
    active: bool


@strawberry.type(description="A one-time activation code, shown once to the admin who hands it over.")
class Invitation:
    code: str
    login: str
    expires_at: datetime.datetime


ClassResult = Annotated[SchoolClass | ValidationError, strawberry.union("ClassResult")]
StudentResult = Annotated[Student | ValidationError, strawberry.union("StudentResult")]
GuardianResult = Annotated[Guardian | ValidationError, strawberry.union("GuardianResult")]
StaffResult = Annotated[StaffMember | ValidationError, strawberry.union("StaffResult")]
AccountStatusResult = Annotated[AccountStatus | ValidationError, strawberry.union("AccountStatusResult")]
IssueInvitationResult = Annotated[Invitation | ValidationError, strawberry.union("IssueInvitationResult")]
