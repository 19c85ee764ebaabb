"""The school's roster: classes, students, guardians and staff, managed by school admins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from shouhu import validation
from shouhu.access import audit, scopes
from shouhu.access.policies import require_school_admin
from shouhu.access.principal import Principal
from shouhu.accounts.models import Account, Invitation, StaffRole, StaffRoleKind
from shouhu.auth import services as auth_services
from shouhu.auth.sessions import end_other_sessions
from shouhu.clock import utcnow
from shouhu.errors import Invalid
from shouhu.schools.calendar import school_today
from shouhu.schools.models import Guardianship, SchoolClass, Student


class Relation(StrEnum):
    FATHER = "father"
    MOTHER = "mother"
    GRANDPARENT = "grandparent"
    OTHER = "other"


@dataclass(frozen=True)
class ClassData:
    grade: int
    name: str
    class_teacher_id: UUID | None = None


@dataclass(frozen=True)
class StudentData:
    name: str
    student_number: str
    class_id: UUID
    birth_date: date | None = None
    login: str | None = None


@dataclass(frozen=True)
class GuardianData:
    student_id: UUID
    display_name: str
    relation: str
    login: str
    phone: str | None = None


@dataclass(frozen=True)
class StaffData:
    display_name: str
    login: str
    phone: str | None = None
    is_admin: bool = False
    is_counsellor: bool = False


async def _ensure_login_free(login: str) -> None:
    if await Account.filter(login=login).exists():
        raise Invalid("login.taken", field="login")


async def _check_class(principal: Principal, school_id: UUID, data: ClassData, exclude: UUID | None) -> tuple[int, str]:
    grade = validation.int_range(data.grade, "grade", 1, 12)
    name = validation.text(data.name, "name", 50)
    assert name is not None
    duplicate = SchoolClass.filter(school_id=school_id, grade=grade, name=name)
    if exclude:
        duplicate = duplicate.exclude(id=exclude)
    if await duplicate.exists():
        raise Invalid("class.duplicate", field="name")
    if data.class_teacher_id is not None:
        teacher_ok = await StaffRole.filter(
            school_id=school_id, account_id=data.class_teacher_id, account__is_active=True
        ).exists()
        if not teacher_ok:
            raise Invalid("class.teacher_not_staff", field="classTeacherId")
    return grade, name


async def create_class(principal: Principal, data: ClassData) -> SchoolClass:
    school_id = require_school_admin(principal)
    grade, name = await _check_class(principal, school_id, data, exclude=None)
    created = await SchoolClass.create(
        school_id=school_id, grade=grade, name=name, class_teacher_id=data.class_teacher_id
    )
    await audit.record(principal, "write", "class", created.id, "create")
    return created


async def update_class(principal: Principal, class_id: UUID, data: ClassData) -> SchoolClass:
    school_id = require_school_admin(principal)
    school_class = await scopes.roster_classes(principal).get_or_none(id=class_id)
    if school_class is None:
        raise Invalid("class.unknown", field="id")
    grade, name = await _check_class(principal, school_id, data, exclude=class_id)
    school_class.grade, school_class.name, school_class.class_teacher_id = grade, name, data.class_teacher_id
    await school_class.save()
    await audit.record(principal, "write", "class", class_id, "update")
    return school_class


async def _check_student(principal: Principal, school_id: UUID, data: StudentData, exclude: UUID | None) -> dict:
    name = validation.text(data.name, "name", 50)
    number = validation.text(data.student_number, "studentNumber", 32)
    birth_date = validation.past_date(data.birth_date, "birthDate", await school_today(school_id))
    if not await scopes.roster_classes(principal).filter(id=data.class_id).exists():
        raise Invalid("class.unknown", field="classId")
    duplicate = Student.filter(school_id=school_id, student_number=number)
    if exclude:
        duplicate = duplicate.exclude(id=exclude)
    if await duplicate.exists():
        raise Invalid("student.duplicate_number", field="studentNumber")
    return {"name": name, "student_number": number, "birth_date": birth_date, "school_class_id": data.class_id}


async def create_student(principal: Principal, data: StudentData) -> Student:
    school_id = require_school_admin(principal)
    fields = await _check_student(principal, school_id, data, exclude=None)
    login = validation.login(data.login) if data.login else None
    if login:
        await _ensure_login_free(login)
    try:
        async with in_transaction():
            account = (
                await Account.create(school_id=school_id, login=login, display_name=fields["name"])
                if login
                else None
            )
            student = await Student.create(school_id=school_id, account=account, **fields)
    except IntegrityError as exc:  # a concurrent request took the login or number
        raise Invalid("login.taken" if login else "student.duplicate_number", field="login" if login else "studentNumber") from exc
    await audit.record(principal, "write", "student", student.id, "create")
    return student


async def update_student(principal: Principal, student_id: UUID, data: StudentData) -> Student:
    school_id = require_school_admin(principal)
    student = await scopes.roster_students(principal).get_or_none(id=student_id)
    if student is None:
        raise Invalid("student.unknown", field="id")
    fields = await _check_student(principal, school_id, data, exclude=student_id)
    for key, value in fields.items():
        setattr(student, key, value)
    await student.save()
    await audit.record(principal, "write", "student", student_id, "update")
    return student


async def create_guardian(principal: Principal, data: GuardianData) -> Account:
    school_id = require_school_admin(principal)
    student = await scopes.roster_students(principal).get_or_none(id=data.student_id)
    if student is None:
        raise Invalid("student.unknown", field="studentId")
    display_name = validation.text(data.display_name, "displayName", 50)
    if data.relation not in set(Relation):
        raise Invalid("field.invalid_relation", field="relation")
    login = validation.login(data.login)
    phone = validation.phone(data.phone)
    await _ensure_login_free(login)
    try:
        async with in_transaction():
            account = await Account.create(school_id=school_id, login=login, display_name=display_name, phone=phone)
            await Guardianship.create(school_id=school_id, guardian=account, student=student, relation=data.relation)
    except IntegrityError as exc:
        raise Invalid("login.taken", field="login") from exc
    await audit.record(principal, "write", "guardianship", student.id, "create")
    return account


async def create_staff(principal: Principal, data: StaffData) -> Account:
    school_id = require_school_admin(principal)
    display_name = validation.text(data.display_name, "displayName", 50)
    login = validation.login(data.login)
    phone = validation.phone(data.phone)
    await _ensure_login_free(login)
    kinds = [StaffRoleKind.TEACHER]
    kinds += [StaffRoleKind.ADMIN] if data.is_admin else []
    kinds += [StaffRoleKind.COUNSELLOR] if data.is_counsellor else []
    try:
        async with in_transaction():
            account = await Account.create(school_id=school_id, login=login, display_name=display_name, phone=phone)
            await StaffRole.bulk_create([StaffRole(school_id=school_id, account=account, kind=k) for k in kinds])
    except IntegrityError as exc:
        raise Invalid("login.taken", field="login") from exc
    await audit.record(principal, "write", "account", account.id, "create_staff")
    return account


async def _roster_account(principal: Principal, account_id: UUID) -> Account:
    require_school_admin(principal)
    account = await scopes.roster_accounts(principal).get_or_none(id=account_id)
    if account is None:
        raise Invalid("account.unknown", field="accountId")
    return account


async def set_account_active(principal: Principal, account_id: UUID, active: bool) -> Account:
    account = await _roster_account(principal, account_id)
    if not active and account.id == principal.account_id:
        raise Invalid("account.cannot_deactivate_self", field="accountId")
    async with in_transaction():
        await Account.filter(id=account.id).update(is_active=active)
        if not active:
            await Invitation.filter(account_id=account.id, used_at=None).update(used_at=utcnow())
    if not active:
        await end_other_sessions(account.id, keep=None)
    account.is_active = active
    await audit.record(principal, "write", "account", account.id, "activate" if active else "deactivate")
    return account


async def issue_invitation(principal: Principal, account_id: UUID) -> tuple[str, Invitation, Account]:
    account = await _roster_account(principal, account_id)
    issuer = await Account.get(id=principal.account_id)
    code, invitation = await auth_services.issue_invitation(account, issued_by=issuer)
    await audit.record(principal, "write", "account", account.id, "issue_invitation")
    return code, invitation, account
