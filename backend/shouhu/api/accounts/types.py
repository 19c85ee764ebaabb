"""The signed-in person: account, role grants, school (hotline and counselling-room info)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from shouhu.access import scopes
from shouhu.access.principal import Principal
from shouhu.accounts import models as account_models
from shouhu.api.context import Info
from shouhu.api.errors import ValidationError
from shouhu.schools import models as school_models


@strawberry.type
class Account:
    id: strawberry.ID
    login: str
    display_name: str
    phone: str | None
    locale: str

    @classmethod
    def of(cls, row: account_models.Account) -> Account:
        return cls(id=strawberry.ID(str(row.id)), login=row.login, display_name=row.display_name,
                   phone=row.phone, locale=row.locale)


@strawberry.enum
class RoleKind(Enum):
    SCHOOL_ADMIN = "school_admin"
    COUNSELLOR = "counsellor"
    CLASS_TEACHER = "class_teacher"
    STAFF = "staff"
    MENTOR = "mentor"
    GUARDIAN = "guardian"
    STUDENT = "student"
    DISTRICT_STAFF = "district_staff"


@strawberry.type(description="One relation the person holds, which decides what the app shows them.")
class RoleGrant:
    kind: RoleKind
    class_id: strawberry.ID | None = None
    class_name: str | None = None
    student_id: strawberry.ID | None = None
    student_name: str | None = None
    relation: str | None = None
    district_name: str | None = None


@strawberry.type
class Hotline:
    label: str
    number: str


@strawberry.type
class School:
    id: strawberry.ID
    name: str
    district: str
    time_zone: str
    school_days: list[int]
    hotlines: list[Hotline]
    room_place: str
    room_hours: str

    @classmethod
    def of(cls, row: school_models.School, district_name: str) -> School:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            district=district_name,
            time_zone=row.time_zone,
            school_days=list(row.school_days),
            hotlines=[Hotline(label=h["label"], number=h["number"]) for h in row.hotlines],
            room_place=row.room_place,
            room_hours=row.room_hours,
        )


def _id(value: object) -> strawberry.ID:
    return strawberry.ID(str(value))


@strawberry.type
class Me:
    account: Account
    _principal: strawberry.Private[Principal]

    @strawberry.field
    async def roles(self, info: Info) -> list[RoleGrant]:
        p = self._principal
        grants = [RoleGrant(kind=RoleKind.SCHOOL_ADMIN) for _ in p.admin_of]
        grants += [RoleGrant(kind=RoleKind.COUNSELLOR) for _ in p.counsellor_of]
        if p.class_teacher_of:
            classes = await scopes.visible_classes(p).filter(id__in=list(p.class_teacher_of)).order_by("grade", "name")
            grants += [
                RoleGrant(kind=RoleKind.CLASS_TEACHER, class_id=_id(c.id),
                          class_name=info.context.t("class.display", grade=c.grade, name=c.name))
                for c in classes
            ]
        if p.lead_of or p.member_of:
            grants.append(RoleGrant(kind=RoleKind.MENTOR))
        if p.staff_of and not (p.school_wide_of or p.class_teacher_of or p.lead_of or p.member_of):
            grants.append(RoleGrant(kind=RoleKind.STAFF))
        own = list(p.guardian_of) + ([p.student_id] if p.student_id else [])
        if own:
            students = await scopes.visible_students(p).filter(id__in=own).order_by("name").values("id", "name", "school_id")
            info.context.audit.read("student", [(s["school_id"], s["id"]) for s in students], "me.roles")
            for s in students:
                if s["id"] in p.guardian_of:
                    grants.append(RoleGrant(kind=RoleKind.GUARDIAN, student_id=_id(s["id"]), student_name=s["name"],
                                            relation=p.guardian_of[s["id"]]))
            grants += [RoleGrant(kind=RoleKind.STUDENT, student_id=_id(s["id"]), student_name=s["name"])
                       for s in students if s["id"] == p.student_id]
        if p.district_ids:
            districts = await scopes.visible_districts(p).order_by("name").values_list("name", flat=True)
            grants += [RoleGrant(kind=RoleKind.DISTRICT_STAFF, district_name=name) for name in districts]
        return grants

    @strawberry.field
    async def school(self) -> School | None:
        p = self._principal
        school_id = p.school_id or next(iter(p.staff_of | p.school_wide_of), None)
        if school_id is None:
            return None
        row = await scopes.visible_schools(p).filter(id=school_id).select_related("district").first()
        return School.of(row, row.district.name) if row else None


def me_of(principal: Principal, account: account_models.Account) -> Me:
    return Me(account=Account.of(account), _principal=principal)


@strawberry.type
class LoginSuccess:
    me: Me


@strawberry.type(description="Login failed: always the same generic message.")
class LoginError:
    message: str


LoginResult = Annotated[LoginSuccess | LoginError, strawberry.union("LoginResult")]
ActivateAccountResult = Annotated[LoginSuccess | ValidationError, strawberry.union("ActivateAccountResult")]


@strawberry.type
class PasswordChanged:
    ok: bool


ChangePasswordResult = Annotated[PasswordChanged | ValidationError, strawberry.union("ChangePasswordResult")]
