"""Read scopes: the only way the API reads school data.

Each function returns a queryset already narrowed to what the principal may see, so that a
resolver, a nested field or a DataLoader built on it cannot reach further than its parent.
"""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from shouhu.access.principal import Principal
from shouhu.accounts.models import Account, StaffRole
from shouhu.schools.models import District, Guardianship, School, SchoolClass, Student

NOTHING = Q(id__in=[])


def _any(*conditions: Q | None) -> Q:
    kept = [c for c in conditions if c is not None]
    if not kept:
        return NOTHING
    return Q(*kept, join_type="OR")


def visible_schools(principal: Principal) -> QuerySet[School]:
    """The principal's own school (for hotline and room info) and schools they serve."""
    ids = set(principal.staff_of | principal.school_wide_of)
    if principal.school_id:
        ids.add(principal.school_id)
    return School.filter(id__in=list(ids))


def visible_districts(principal: Principal) -> QuerySet[District]:
    """Districts whose centre the principal works for."""
    return District.filter(id__in=list(principal.district_ids))


def visible_students(principal: Principal) -> QuerySet[Student]:
    """Students whose record the principal may open: whole school for admins and counsellors,
    their class for class teachers, their children for guardians, themselves for students."""
    return Student.filter(
        _any(
            Q(school_id__in=list(principal.school_wide_of)) if principal.school_wide_of else None,
            Q(school_class_id__in=list(principal.class_teacher_of)) if principal.class_teacher_of else None,
            Q(id__in=list(principal.guardian_of)) if principal.guardian_of else None,
            Q(id=principal.student_id) if principal.student_id else None,
        )
    )


def visible_classes(principal: Principal) -> QuerySet[SchoolClass]:
    return SchoolClass.filter(
        _any(
            Q(school_id__in=list(principal.school_wide_of)) if principal.school_wide_of else None,
            Q(id__in=list(principal.class_teacher_of)) if principal.class_teacher_of else None,
        )
    )


# The roster (accounts, classes, students, guardians) is managed by school admins.


def roster_students(principal: Principal) -> QuerySet[Student]:
    return Student.filter(school_id__in=list(principal.admin_of))


def roster_classes(principal: Principal) -> QuerySet[SchoolClass]:
    return SchoolClass.filter(school_id__in=list(principal.admin_of))


def roster_accounts(principal: Principal) -> QuerySet[Account]:
    return Account.filter(school_id__in=list(principal.admin_of))


def roster_guardianships(principal: Principal) -> QuerySet[Guardianship]:
    return Guardianship.filter(school_id__in=list(principal.admin_of))


def roster_staff_roles(principal: Principal) -> QuerySet[StaffRole]:
    return StaffRole.filter(school_id__in=list(principal.admin_of))
