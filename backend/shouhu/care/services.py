"""Care cases and their teams: opening a case, level and status changes, team and rota.

Every change writes a CaseChange (who, when, why) and a timeline event in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from shouhu import validation
from shouhu.access import audit, scopes
from shouhu.access.policies import require_school_admin
from shouhu.access.principal import Principal
from shouhu.care.models import (
    CareCase,
    CaseChange,
    CaseChangeKind,
    CaseReason,
    CaseStatus,
    RotaAssignment,
    SchoolPeriod,
    TeamMember,
    TeamRole,
    WarningLevel,
)
from shouhu.clock import utcnow
from shouhu.entries.models import Visibility
from shouhu.errors import Invalid
from shouhu.schools.models import SchoolClass, Student
from shouhu.timeline.models import EventKind
from shouhu.timeline.services import add_event

REASON_MAX = 500


@dataclass(frozen=True)
class CaseData:
    student_id: UUID
    level: str
    reasons: list[str]
    summary: str | None = None
    lead_id: UUID | None = None


@dataclass(frozen=True)
class PeriodData:
    name: str
    start_minute: int
    end_minute: int


@dataclass(frozen=True)
class RotaSlot:
    weekday: int
    period_id: UUID
    account_id: UUID


def _choice(enum: type, value: str, field: str) -> str:
    try:
        return enum(value).value
    except ValueError as exc:
        raise Invalid("field.invalid_choice", field=field) from exc


def _reasons(values: list[str]) -> list[str]:
    if not values:
        raise Invalid("case.reasons_required", field="reasons")
    chosen = {_choice(CaseReason, value, "reasons") for value in values}
    return [reason.value for reason in CaseReason if reason.value in chosen]


async def _change(
    case: CareCase,
    principal: Principal,
    kind: CaseChangeKind,
    connection: BaseDBAsyncClient,
    *,
    before: str | None = None,
    after: str | None = None,
    subject_id: UUID | None = None,
    reason: str = "",
) -> CaseChange:
    now = utcnow()
    change = await CaseChange.create(
        school_id=case.school_id, case_id=case.id, kind=kind, from_value=before, to_value=after,
        subject_id=subject_id, reason=reason, changed_by_id=principal.account_id, changed_at=now,
        using_db=connection,
    )
    await add_event(
        school_id=case.school_id, student_id=case.student_id, kind=EventKind.CASE_CHANGE, entry_id=change.id,
        author_id=principal.account_id, occurred_at=now, visibility=Visibility.TEAM, connection=connection,
    )
    return change


async def _lead_candidate(principal: Principal, school_id: UUID, lead_id: UUID | None, field: str) -> UUID | None:
    if lead_id is None:
        return None
    if not await scopes.team_candidates(principal).filter(id=lead_id, school_id=school_id).exists():
        raise Invalid("team.unknown_account", field=field)
    return lead_id


async def open_case(principal: Principal, data: CaseData) -> CareCase:
    """Counsellors and admins open a case; the lead defaults to the class teacher."""
    student = await Student.filter(
        id=data.student_id, school_id__in=list(principal.school_wide_of), is_active=True
    ).first()
    if student is None:
        raise Invalid("student.unknown", field="studentId")
    level = _choice(WarningLevel, data.level, "level")
    reasons = _reasons(data.reasons)
    summary = validation.text(data.summary, "summary", REASON_MAX, required=False) or ""
    lead_id = await _lead_candidate(principal, student.school_id, data.lead_id, "leadId")
    if lead_id is None:
        teacher = await SchoolClass.filter(id=student.school_class_id).values_list("class_teacher_id", flat=True)
        lead_id = teacher[0] if teacher else None
    if await CareCase.filter(student_id=student.id).exists():
        raise Invalid("case.exists", field="studentId")
    now = utcnow()
    try:
        async with in_transaction() as connection:
            case = await CareCase.create(
                school_id=student.school_id, student_id=student.id, level=level, reasons=reasons, summary=summary,
                lead_id=lead_id, opened_by_id=principal.account_id, opened_at=now, updated_at=now,
                using_db=connection,
            )
            await _change(case, principal, CaseChangeKind.OPENED, connection, after=level, reason=summary)
    except IntegrityError:
        raise Invalid("case.exists", field="studentId") from None
    await audit.record(principal, "write", "care_case", case.id, "open", school_id=case.school_id)
    return case


async def _managed(principal: Principal, case_id: UUID) -> CareCase:
    case = await scopes.managed_cases(principal).get_or_none(id=case_id)
    if case is None:
        raise Invalid("case.unknown", field="caseId")
    return case


async def _led(principal: Principal, case_id: UUID) -> CareCase:
    case = await scopes.led_cases(principal).get_or_none(id=case_id)
    if case is None:
        raise Invalid("case.unknown", field="caseId")
    return case


def _why(reason: str | None) -> str:
    text = validation.text(reason, "reason", REASON_MAX)
    assert text is not None
    return text


async def _change_field(principal: Principal, case_id: UUID, name: str, new: str, reason: str | None) -> CareCase:
    """Level or status: counsellors and admins, with a reason, kept in the case's history."""
    case = await _managed(principal, case_id)
    why = _why(reason)
    old = getattr(case, name)
    if new == old:
        raise Invalid(f"case.{name}_unchanged", field=name)
    kind = CaseChangeKind.LEVEL if name == "level" else CaseChangeKind.STATUS
    async with in_transaction() as connection:
        await _change(case, principal, kind, connection, before=old, after=new, reason=why)
        setattr(case, name, new)
        case.updated_at = utcnow()
        await case.save(using_db=connection, update_fields=[name, "updated_at"])
    await case.refresh_from_db()
    return case


async def change_level(principal: Principal, case_id: UUID, level: str, reason: str | None) -> CareCase:
    return await _change_field(principal, case_id, "level", _choice(WarningLevel, level, "level"), reason)


async def change_status(principal: Principal, case_id: UUID, status: str, reason: str | None) -> CareCase:
    return await _change_field(principal, case_id, "status", _choice(CaseStatus, status, "status"), reason)


async def set_lead(principal: Principal, case_id: UUID, lead_id: UUID) -> CareCase:
    case = await _led(principal, case_id)
    await _lead_candidate(principal, case.school_id, lead_id, "leadId")
    if case.lead_id == lead_id:
        return case
    former = case.lead_id
    async with in_transaction() as connection:
        await _change(case, principal, CaseChangeKind.LEAD, connection, subject_id=lead_id)
        case.lead_id, case.updated_at = lead_id, utcnow()
        await case.save(using_db=connection, update_fields=["lead_id", "updated_at"])
        # The lead is not also a plain member; the former lead stays on as a mentor, with their
        # rota places, until someone removes them.
        await TeamMember.filter(case_id=case.id, account_id=lead_id).using_db(connection).delete()
        if former is not None:
            await TeamMember.create(school_id=case.school_id, case_id=case.id, account_id=former,
                                    role=TeamRole.MENTOR, added_at=utcnow(), using_db=connection)
    return case


async def add_member(principal: Principal, case_id: UUID, account_id: UUID, role: str) -> TeamMember:
    case = await _led(principal, case_id)
    team_role = _choice(TeamRole, role, "role")
    if not await scopes.team_candidates(principal).filter(id=account_id, school_id=case.school_id).exists():
        raise Invalid("team.unknown_account", field="accountId")
    if account_id == case.lead_id or await TeamMember.filter(case_id=case.id, account_id=account_id).exists():
        raise Invalid("team.already_member", field="accountId")
    try:
        async with in_transaction() as connection:
            member = await TeamMember.create(
                school_id=case.school_id, case_id=case.id, account_id=account_id, role=team_role, added_at=utcnow(),
                using_db=connection,
            )
            await _change(case, principal, CaseChangeKind.MEMBER_ADDED, connection, after=team_role,
                          subject_id=account_id)
    except IntegrityError:
        raise Invalid("team.already_member", field="accountId") from None
    return member


async def remove_member(principal: Principal, case_id: UUID, account_id: UUID) -> CareCase:
    case = await _led(principal, case_id)
    member = await TeamMember.get_or_none(case_id=case.id, account_id=account_id)
    if member is None:
        raise Invalid("team.not_member", field="accountId")
    async with in_transaction() as connection:
        await member.delete(using_db=connection)
        await RotaAssignment.filter(case_id=case.id, account_id=account_id).using_db(connection).delete()
        await _change(case, principal, CaseChangeKind.MEMBER_REMOVED, connection, before=member.role,
                      subject_id=account_id)
    return case


# The school day and the rota


async def set_periods(principal: Principal, periods: list[PeriodData]) -> list[SchoolPeriod]:
    """Admins define the periods of the school day; the whole list is replaced at once.
    Periods that keep their name keep their rota assignments."""
    school_id = require_school_admin(principal)
    if not periods or len(periods) > 20:
        raise Invalid("period.count", field="periods", max=20)
    cleaned: list[PeriodData] = []
    for index, period in enumerate(periods):
        name = validation.text(period.name, f"periods.{index}.name", 30)
        assert name is not None
        start = validation.int_range(period.start_minute, f"periods.{index}.startMinute", 0, 24 * 60 - 1)
        end = validation.int_range(period.end_minute, f"periods.{index}.endMinute", 1, 24 * 60)
        if end <= start:
            raise Invalid("period.ends_before_start", field=f"periods.{index}.endMinute")
        cleaned.append(PeriodData(name, start, end))
    ordered = sorted(cleaned, key=lambda p: p.start_minute)
    for earlier, later in zip(ordered, ordered[1:]):
        if later.start_minute < earlier.end_minute:
            raise Invalid("period.overlap", field="periods", name=later.name)
    if len({p.name for p in ordered}) != len(ordered):
        raise Invalid("period.duplicate_name", field="periods")
    async with in_transaction() as connection:
        existing = {p.name: p for p in await SchoolPeriod.filter(school_id=school_id).using_db(connection)}
        kept = {p.name for p in ordered} & set(existing)
        await SchoolPeriod.filter(school_id=school_id, name__not_in=list(kept)).using_db(connection).delete()
        # Move kept periods out of the way of the unique (school, position) first.
        for offset, name in enumerate(sorted(kept)):
            await SchoolPeriod.filter(id=existing[name].id).using_db(connection).update(position=1000 + offset)
        for position, period in enumerate(ordered, start=1):
            if period.name in kept:
                await SchoolPeriod.filter(id=existing[period.name].id).using_db(connection).update(
                    position=position, start_minute=period.start_minute, end_minute=period.end_minute
                )
            else:
                await SchoolPeriod.create(
                    school_id=school_id, position=position, name=period.name, start_minute=period.start_minute,
                    end_minute=period.end_minute, using_db=connection,
                )
    await audit.record(principal, "write", "school", school_id, "periods")
    return await SchoolPeriod.filter(school_id=school_id).order_by("position")


async def set_rota(principal: Principal, case_id: UUID, slots: list[RotaSlot]) -> CareCase:
    """The lead replaces the case's week rota at once."""
    case = await _led(principal, case_id)
    if len(slots) > 500:
        raise Invalid("rota.too_many", field="slots", max=500)
    members = set(await TeamMember.filter(case_id=case.id).values_list("account_id", flat=True))
    if case.lead_id:
        members.add(case.lead_id)
    periods = set(await SchoolPeriod.filter(school_id=case.school_id).values_list("id", flat=True))
    unique: set[tuple[int, UUID, UUID]] = set()
    for index, slot in enumerate(slots):
        validation.int_range(slot.weekday, f"slots.{index}.weekday", 1, 7)
        if slot.period_id not in periods:
            raise Invalid("period.unknown", field=f"slots.{index}.periodId")
        if slot.account_id not in members:
            raise Invalid("team.not_member", field=f"slots.{index}.accountId")
        unique.add((slot.weekday, slot.period_id, slot.account_id))
    async with in_transaction() as connection:
        await RotaAssignment.filter(case_id=case.id).using_db(connection).delete()
        await RotaAssignment.bulk_create(
            [
                RotaAssignment(school_id=case.school_id, case_id=case.id, weekday=w, period_id=p, account_id=a)
                for w, p, a in sorted(unique, key=lambda x: (x[0], str(x[1]), str(x[2])))
            ],
            using_db=connection,
        )
    await audit.record(principal, "write", "care_case", case.id, "rota", school_id=case.school_id)
    return case
