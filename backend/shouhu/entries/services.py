"""Recording check-ins, home logs and observations.

Each entry arrives with a client-generated id. The first payload under an id is stored with
its fingerprint; the same id and payload again returns the stored entry (an outbox resending
after a lost answer), the same id with another payload is refused. An entry, its timeline
event and any alert it raises are written in one transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from shouhu import validation
from shouhu.access import scopes
from shouhu.access.principal import Principal
from shouhu.alerts.services import raise_for_crisis
from shouhu.care.models import CareCase, CaseStatus
from shouhu.clock import utcnow
from shouhu.entries import signals as signal_rules
from shouhu.entries.models import Accompaniment, CheckIn, CheckInRevision, HomeLog, InSchoolStatus, Observation, Visibility
from shouhu.errors import Invalid
from shouhu.schools import calendar
from shouhu.schools.models import School
from shouhu.timeline.models import EventKind, TimelineEvent
from shouhu.timeline.services import add_event

M = TypeVar("M", bound=Model)

AMEND_WINDOW = timedelta(hours=24)
# An entry made offline carries the time it was made; it may be a few days old, never ahead.
MAX_BACKDATE = timedelta(days=7)
CLOCK_SKEW = timedelta(minutes=5)
CHECK_IN_NOTE_MAX = 500
NOTE_MAX = 1000


@dataclass(frozen=True)
class CheckInData:
    student_id: UUID
    mood: int
    status: str
    signals: list[str] = field(default_factory=list)
    talked: bool = False
    talk_minutes: int | None = None
    note: str | None = None
    visibility: str = Visibility.TEAM.value
    occurred_at: datetime | None = None


@dataclass(frozen=True)
class HomeLogData:
    student_id: UUID
    log_date: date
    listening_minutes: int
    exercise_minutes: int
    accompaniment: str
    sleep_hours: float | None = None
    mood: int | None = None
    screen_minutes: int | None = None
    signals: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass(frozen=True)
class ObservationData:
    student_id: UUID
    note: str
    signals: list[str] = field(default_factory=list)
    observed_at: datetime | None = None


def fingerprint(data: Any) -> str:
    raw = json.dumps(asdict(data), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()


async def _replay(model: type[M], entry_id: UUID, author_id: UUID | None, print_: str) -> M | None:
    """The stored entry when this is a resend; an error when the id is taken by something else."""
    row = await model.get_or_none(id=entry_id)
    if row is None:
        return None
    if getattr(row, "author_id") != author_id or getattr(row, "fingerprint") != print_:
        raise Invalid("entry.id_conflict", field="id")
    return row


def _moment(value: datetime | None, field_name: str) -> datetime:
    now = utcnow()
    if value is None:
        return now
    if value.tzinfo is None:
        raise Invalid("field.invalid_date", field=field_name)
    if value > now + CLOCK_SKEW or value < now - MAX_BACKDATE:
        raise Invalid("entry.time_out_of_range", field=field_name, days=MAX_BACKDATE.days)
    return value.astimezone(UTC)  # a phone may send its own offset; times are kept in UTC


def _enum(enum: type, value: str, field_name: str) -> str:
    try:
        return enum(value).value
    except ValueError as exc:
        raise Invalid("field.invalid_choice", field=field_name) from exc


def _optional_range(value: int | float | None, field_name: str, low: int, high: int) -> Any:
    if value is None:
        return None
    if not low <= value <= high:
        raise Invalid("field.out_of_range", field=field_name, min=low, max=high)
    return value


async def _write(
    model: type[M],
    principal: Principal,
    entry_id: UUID,
    print_: str,
    *,
    kind: EventKind,
    school_id: UUID,
    student_id: UUID,
    case_id: UUID | None,
    occurred_at: datetime | None,
    visibility: str,
    fields: dict[str, Any],
    taken: Invalid | None = None,
) -> M:
    """Store an entry with its timeline event and, on a crisis signal, its alert: all or nothing.
    `occurred_at` None means "when it was stored". `taken` is the error for a unique clash
    that is not a resend."""
    now = utcnow()
    try:
        async with in_transaction() as connection:
            row = await model.create(
                id=entry_id, school_id=school_id, student_id=student_id, author_id=principal.account_id,
                fingerprint=print_, created_at=now, using_db=connection, **fields,
            )
            await add_event(
                school_id=school_id, student_id=student_id, kind=kind, entry_id=entry_id,
                author_id=principal.account_id, occurred_at=occurred_at or now, visibility=Visibility(visibility),
                has_signal=bool(fields["signals"]), connection=connection,
            )
            await raise_for_crisis(
                school_id=school_id, student_id=student_id, case_id=case_id, source_kind=kind.value,
                source_id=entry_id, signals=fields["signals"], raised_by=principal.account_id, at=now,
                connection=connection,
            )
    except IntegrityError:
        # The same id arrived twice at once: answer as for a resend.
        if stored := await _replay(model, entry_id, principal.account_id, print_):
            return stored
        if taken is not None:
            raise taken from None
        raise
    return row


# Check-ins


def _check_in_fields(data: CheckInData) -> dict[str, Any]:
    talk_minutes = _optional_range(data.talk_minutes, "talkMinutes", 0, 240)
    return {
        "mood": validation.int_range(data.mood, "mood", 1, 5),
        "status": _enum(InSchoolStatus, data.status, "status"),
        "signals": signal_rules.clean(data.signals),
        "talked": bool(data.talked),
        "talk_minutes": talk_minutes if data.talked else None,
        "note": validation.text(data.note, "note", CHECK_IN_NOTE_MAX, required=False) or "",
        "visibility": _visibility(data.visibility),
    }


def _visibility(value: str) -> str:
    # Check-ins are shared with the team, or with the team and the family; never sealed.
    if value not in (Visibility.TEAM, Visibility.FAMILY):
        raise Invalid("field.invalid_choice", field="visibility")
    return value


async def _writable_case(principal: Principal, student_id: UUID) -> CareCase:
    case = await scopes.visible_cases(principal).select_related("school").get_or_none(student_id=student_id)
    if case is None:
        raise Invalid("student.unknown", field="studentId")
    if case.status in (CaseStatus.CLOSED, CaseStatus.TRANSFERRED):
        raise Invalid("case.not_active", field="studentId")
    return case


async def record_check_in(principal: Principal, entry_id: UUID, data: CheckInData) -> CheckIn:
    print_ = fingerprint(data)
    if stored := await _replay(CheckIn, entry_id, principal.account_id, print_):
        return stored
    case = await _writable_case(principal, data.student_id)
    values = _check_in_fields(data)
    occurred_at = _moment(data.occurred_at, "occurredAt")
    values.update(case_id=case.id, occurred_at=occurred_at,
                  school_date=calendar.local_date(occurred_at, case.school.time_zone))
    return await _write(
        CheckIn, principal, entry_id, print_, kind=EventKind.CHECK_IN, school_id=case.school_id,
        student_id=case.student_id, case_id=case.id, occurred_at=occurred_at, visibility=values["visibility"],
        fields=values,
    )


def _snapshot(check_in: CheckIn) -> dict[str, Any]:
    return {
        "mood": check_in.mood,
        "status": str(check_in.status),
        "signals": list(check_in.signals),
        "talked": check_in.talked,
        "talk_minutes": check_in.talk_minutes,
        "note": check_in.note,
        "visibility": str(check_in.visibility),
        "amended_at": check_in.amended_at.isoformat() if check_in.amended_at else None,
    }


async def amend_check_in(principal: Principal, entry_id: UUID, data: CheckInData) -> CheckIn:
    """The author corrects a check-in within 24 hours; the earlier version is kept."""
    check_in = await scopes.visible_check_ins(principal).get_or_none(id=entry_id, author_id=principal.account_id)
    if check_in is None:
        raise Invalid("check_in.unknown", field="id")
    if utcnow() - check_in.created_at > AMEND_WINDOW:
        raise Invalid("check_in.amend_window_closed", field="id", hours=24)
    values = _check_in_fields(data)
    before = set(check_in.signals)
    now = utcnow()
    async with in_transaction() as connection:
        await CheckInRevision.create(
            school_id=check_in.school_id, check_in_id=check_in.id, version=check_in.version,
            snapshot=_snapshot(check_in), replaced_at=now, using_db=connection,
        )
        updated = await CheckIn.filter(id=check_in.id, version=check_in.version).using_db(connection).update(
            version=check_in.version + 1, amended_at=now, **values
        )
        if not updated:
            raise Invalid("check_in.changed_meanwhile", field="id")
        await TimelineEvent.filter(entry_id=check_in.id, kind=EventKind.CHECK_IN).using_db(connection).update(
            visibility=values["visibility"], has_signal=bool(values["signals"])
        )
        new_signals = [s for s in values["signals"] if s not in before]
        await raise_for_crisis(
            school_id=check_in.school_id, student_id=check_in.student_id, case_id=check_in.case_id,
            source_kind="check_in", source_id=check_in.id, signals=new_signals, raised_by=principal.account_id,
            at=now, connection=connection,
        )
    await check_in.refresh_from_db()
    return check_in


# Home logs


async def _case_of(student_id: UUID) -> UUID | None:
    """The student's case, if any: alerts raised by family or outsiders' entries go to its lead."""
    ids = await CareCase.filter(student_id=student_id).values_list("id", flat=True)
    return ids[0] if ids else None


async def record_home_log(principal: Principal, entry_id: UUID, data: HomeLogData) -> HomeLog:
    print_ = fingerprint(data)
    if stored := await _replay(HomeLog, entry_id, principal.account_id, print_):
        return stored
    student = await scopes.home_log_students(principal).get_or_none(id=data.student_id)
    if student is None:
        raise Invalid("student.unknown", field="studentId")
    school = await School.get(id=student.school_id)
    today = calendar.today(school.time_zone)
    if data.log_date > today:
        raise Invalid("home_log.future_date", field="logDate")
    if data.log_date < today - MAX_BACKDATE:
        raise Invalid("entry.time_out_of_range", field="logDate", days=MAX_BACKDATE.days)
    values = {
        "listening_minutes": validation.int_range(data.listening_minutes, "listeningMinutes", 0, 600),
        "exercise_minutes": validation.int_range(data.exercise_minutes, "exerciseMinutes", 0, 600),
        "accompaniment": _enum(Accompaniment, data.accompaniment, "accompaniment"),
        "sleep_hours": _optional_range(data.sleep_hours, "sleepHours", 0, 24),
        "mood": _optional_range(data.mood, "mood", 1, 5),
        "screen_minutes": _optional_range(data.screen_minutes, "screenMinutes", 0, 1440),
        "signals": signal_rules.clean(data.signals),
        "note": validation.text(data.note, "note", NOTE_MAX, required=False) or "",
    }
    if await HomeLog.filter(student_id=student.id, author_id=principal.account_id, log_date=data.log_date).exists():
        raise Invalid("home_log.already_recorded", field="logDate")
    values["log_date"] = data.log_date
    return await _write(
        HomeLog, principal, entry_id, print_, kind=EventKind.HOME_LOG, school_id=student.school_id,
        student_id=student.id, case_id=await _case_of(student.id), occurred_at=None, visibility=Visibility.FAMILY,
        fields=values, taken=Invalid("home_log.already_recorded", field="logDate"),
    )


# Observations


async def report_observation(principal: Principal, entry_id: UUID, data: ObservationData) -> Observation:
    print_ = fingerprint(data)
    if stored := await _replay(Observation, entry_id, principal.account_id, print_):
        return stored
    student = await scopes.observable_students(principal).get_or_none(id=data.student_id)
    if student is None:
        raise Invalid("student.unknown", field="studentId")
    note = validation.text(data.note, "note", NOTE_MAX)
    found = signal_rules.clean(data.signals)
    observed_at = _moment(data.observed_at, "observedAt")
    return await _write(
        Observation, principal, entry_id, print_, kind=EventKind.OBSERVATION, school_id=student.school_id,
        student_id=student.id, case_id=await _case_of(student.id), occurred_at=observed_at,
        visibility=Visibility.TEAM, fields={"observed_at": observed_at, "signals": found, "note": note},
    )
