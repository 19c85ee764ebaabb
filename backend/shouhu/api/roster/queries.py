from __future__ import annotations

import strawberry
from tortoise.expressions import Q, Subquery

from shouhu.access import scopes
from shouhu.api.context import Info
from shouhu.api.ids import query_id
from shouhu.api.pagination import paginate
from shouhu.api.permissions import IsSchoolAdmin
from shouhu.api.roster.types import (
    Guardian,
    GuardianConnection,
    SchoolClass,
    SchoolClassConnection,
    StaffMember,
    StaffMemberConnection,
    Student,
    StudentConnection,
)

admin_only = [IsSchoolAdmin]


def _search(term: str | None, *fields: str) -> Q | None:
    term = (term or "").strip()[:50]
    if not term:
        return None
    return Q(*[Q(**{f"{name}__icontains": term}) for name in fields], join_type="OR")


@strawberry.type
class RosterQueries:
    @strawberry.field(permission_classes=admin_only)
    async def classes(self, info: Info, first: int = 20, after: str | None = None) -> SchoolClassConnection:
        rows, page = await paginate(scopes.roster_classes(info.context.principal), ("grade", "name", "id"), first, after)
        return SchoolClassConnection(nodes=[SchoolClass.of(r) for r in rows], page_info=page)

    @strawberry.field(permission_classes=admin_only)
    async def students(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        class_id: strawberry.ID | None = None,
        search: str | None = None,
        include_inactive: bool = False,
    ) -> StudentConnection:
        query = scopes.roster_students(info.context.principal)
        if class_id is not None:
            query = query.filter(school_class_id=query_id(class_id))
        if not include_inactive:
            query = query.filter(is_active=True)
        if (condition := _search(search, "name", "student_number")) is not None:
            query = query.filter(condition)
        rows, page = await paginate(query, ("student_number", "id"), first, after)
        info.context.audit.read("student", [(r.school_id, r.id) for r in rows], "roster.students")
        return StudentConnection(nodes=[Student.of(r) for r in rows], page_info=page)

    @strawberry.field(permission_classes=admin_only)
    async def guardians(
        self, info: Info, first: int = 20, after: str | None = None, search: str | None = None
    ) -> GuardianConnection:
        principal = info.context.principal
        links = scopes.roster_guardianships(principal).values("guardian_id")
        query = scopes.roster_accounts(principal).filter(id__in=Subquery(links))
        if (condition := _search(search, "display_name", "login", "phone")) is not None:
            query = query.filter(condition)
        rows, page = await paginate(query, ("display_name", "id"), first, after)
        return GuardianConnection(nodes=[Guardian.of(r) for r in rows], page_info=page)

    @strawberry.field(permission_classes=admin_only)
    async def staff(
        self, info: Info, first: int = 20, after: str | None = None, search: str | None = None
    ) -> StaffMemberConnection:
        principal = info.context.principal
        roles = scopes.roster_staff_roles(principal).values("account_id")
        query = scopes.roster_accounts(principal).filter(id__in=Subquery(roles))
        if (condition := _search(search, "display_name", "login", "phone")) is not None:
            query = query.filter(condition)
        rows, page = await paginate(query, ("display_name", "id"), first, after)
        return StaffMemberConnection(nodes=[StaffMember.of(r) for r in rows], page_info=page)
