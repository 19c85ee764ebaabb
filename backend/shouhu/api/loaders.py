"""Per-request DataLoaders (`XByYLoader`), each reading through an access scope."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.functions import Count

from shouhu.access import scopes
from shouhu.access.audit import AuditTrail
from shouhu.access.principal import Principal
from shouhu.accounts.models import Account, StaffRoleKind
from shouhu.care.models import TeamMember
from shouhu.entries.models import CheckInRevision
from shouhu.schools.models import Guardianship, SchoolClass, Student

K = TypeVar("K")
V = TypeVar("V")


def _by_key(keys: Iterable[K], rows: dict[K, V], default: Any = None) -> list[V]:
    return [rows.get(key, default) for key in keys]


def _grouped(keys: Iterable[K], rows: Iterable[V], key: Callable[[V], K]) -> list[list[V]]:
    """Rows in lists by key, one list per requested key (empty where none)."""
    grouped: dict[K, list[V]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return [grouped.get(k, []) for k in keys]


def _loader(load: Callable[[list[Any]], Awaitable[list[Any]]]) -> DataLoader:
    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    principal: Principal
    audit: AuditTrail
    class_by_id: DataLoader = field(init=False)
    roster_account_by_id: DataLoader = field(init=False)
    student_count_by_class: DataLoader = field(init=False)
    guardian_links_by_student: DataLoader = field(init=False)
    children_by_guardian: DataLoader = field(init=False)
    staff_kinds_by_account: DataLoader = field(init=False)
    person_by_id: DataLoader = field(init=False)
    student_by_id: DataLoader = field(init=False)
    members_by_case: DataLoader = field(init=False)
    family_by_student: DataLoader = field(init=False)
    revisions_by_check_in: DataLoader = field(init=False)
    record_by_booking: DataLoader = field(init=False)

    def __post_init__(self) -> None:
        self.class_by_id = _loader(self._classes)
        self.roster_account_by_id = _loader(self._accounts)
        self.student_count_by_class = _loader(self._student_counts)
        self.guardian_links_by_student = _loader(self._guardian_links)
        self.children_by_guardian = _loader(self._children)
        self.staff_kinds_by_account = _loader(self._staff_kinds)
        self.person_by_id = _loader(self._people)
        self.student_by_id = _loader(self._students)
        self.members_by_case = _loader(self._members)
        self.family_by_student = _loader(self._family)
        self.revisions_by_check_in = _loader(self._revisions)
        self.record_by_booking = _loader(self._records)

    async def _classes(self, ids: list[UUID]) -> list[SchoolClass | None]:
        rows = await scopes.visible_classes(self.principal).filter(id__in=ids)
        return _by_key(ids, {row.id: row for row in rows})

    async def _accounts(self, ids: list[UUID]) -> list[Account | None]:
        rows = await scopes.roster_accounts(self.principal).filter(id__in=ids)
        return _by_key(ids, {row.id: row for row in rows})

    async def _student_counts(self, class_ids: list[UUID]) -> list[int]:
        rows = (
            await scopes.roster_students(self.principal)
            .filter(school_class_id__in=class_ids, is_active=True)
            .annotate(n=Count("id"))
            .group_by("school_class_id")
            .values("school_class_id", "n")
        )
        return _by_key(class_ids, {row["school_class_id"]: row["n"] for row in rows}, 0)

    async def _guardian_links(self, student_ids: list[UUID]) -> list[list[Guardianship]]:
        rows = await (
            scopes.roster_guardianships(self.principal)
            .filter(student_id__in=student_ids)
            .select_related("guardian")
            .order_by("created_at", "id")
        )
        return _grouped(student_ids, rows, lambda row: row.student_id)

    async def _children(self, guardian_ids: list[UUID]) -> list[list[Guardianship]]:
        rows = await (
            scopes.roster_guardianships(self.principal)
            .filter(guardian_id__in=guardian_ids)
            .select_related("student")
            .order_by("created_at", "id")
        )
        self.audit.read("student", [(row.school_id, row.student_id) for row in rows], "roster.guardian_children")
        return _grouped(guardian_ids, rows, lambda row: row.guardian_id)

    async def _staff_kinds(self, account_ids: list[UUID]) -> list[set[StaffRoleKind]]:
        rows = await scopes.roster_staff_roles(self.principal).filter(account_id__in=account_ids).values_list(
            "account_id", "kind"
        )
        grouped: dict[UUID, set[StaffRoleKind]] = defaultdict(set)
        for account_id, kind in rows:
            grouped[account_id].add(StaffRoleKind(kind))
        return [grouped.get(key, set()) for key in account_ids]

    async def _people(self, ids: list[UUID]) -> list[Account | None]:
        rows = await scopes.school_people(self.principal).filter(id__in=ids)
        return _by_key(ids, {row.id: row for row in rows})

    async def _students(self, ids: list[UUID]) -> list[Student | None]:
        rows = await scopes.visible_students(self.principal).filter(id__in=ids).select_related("school_class")
        return _by_key(ids, {row.id: row for row in rows})

    async def _members(self, case_ids: list[UUID]) -> list[list[TeamMember]]:
        rows = await (
            scopes.visible_team_members(self.principal)
            .filter(case_id__in=case_ids)
            .select_related("account")
            .order_by("added_at", "id")
        )
        return _grouped(case_ids, rows, lambda row: row.case_id)

    async def _family(self, student_ids: list[UUID]) -> list[list[Guardianship]]:
        rows = await (
            scopes.team_guardianships(self.principal)
            .filter(student_id__in=student_ids)
            .select_related("guardian")
            .order_by("created_at", "id")
        )
        return _grouped(student_ids, rows, lambda row: row.student_id)

    async def _revisions(self, ids: list[UUID]) -> list[list[CheckInRevision]]:
        rows = await scopes.visible_check_in_revisions(self.principal).filter(check_in_id__in=ids).order_by("version")
        return _grouped(ids, rows, lambda row: row.check_in_id)

    async def _records(self, booking_ids: list[UUID]) -> list[object | None]:
        rows = await scopes.sealed_session_records(self.principal).filter(booking_id__in=booking_ids)
        return _by_key(booking_ids, {row.booking_id: row for row in rows})
