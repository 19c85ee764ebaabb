"""Bookable slots of the counselling room (心理辅导室), derived from weekly templates and date exceptions.

Pure rules: no database and no clock. The caller passes the dates, the school's time zone and
the minimum-notice cut, so the same inputs always give the same slots (and the same slot keys,
which bookings rely on to claim a slot exactly once).

Local wall times are cut in school time (minutes after local midnight) and only then turned into
UTC, so a session "12:00" means 12:00 at the school whatever the zone.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo

from shouhu.errors import Invalid
from shouhu.i18n import Term
from shouhu.schools.calendar import zone

DAY_MINUTES = 24 * 60
MAX_BUFFER_MINUTES = 240
EXTRA_SLOT_MINUTES = 50  # an EXTRA exception without a slot length: one usual session
BAOSHAN_MINIMUM_MINUTES = 5 * 60  # at least 5 open hours a week
SUZHOU_SHARE = 0.5  # open for at least half of the students' time in school


@dataclass(frozen=True)
class Template:
    """A counsellor's weekly opening hours for one room."""

    id: UUID
    room_id: UUID
    counsellor_id: UUID
    weekday: int  # ISO: 1 = Monday … 7 = Sunday
    start_minute: int  # minutes after local midnight, school time
    end_minute: int
    slot_minutes: int  # length of one session
    buffer_minutes: int  # gap after each session before the next


class ExceptionKind(StrEnum):
    CLOSED = "closed"
    EXTRA = "extra"


@dataclass(frozen=True)
class DateException:
    """For one room (and optionally one counsellor) on one local date.

    CLOSED without times: closed all day; CLOSED with times: closed in that window;
    EXTRA: extra hours in that window (needs times and a counsellor)."""

    id: UUID
    room_id: UUID
    counsellor_id: UUID | None  # None: the whole room
    day: date
    kind: ExceptionKind
    start_minute: int | None = None
    end_minute: int | None = None
    slot_minutes: int | None = None  # EXTRA only; default EXTRA_SLOT_MINUTES
    buffer_minutes: int = 0


@dataclass(frozen=True)
class Slot:
    room_id: UUID
    counsellor_id: UUID
    starts_at: datetime  # aware, UTC
    ends_at: datetime  # aware, UTC

    @property
    def key(self) -> str:
        """Stable across runs and days: the room has one place, so room and start name the slot."""
        return f"{self.room_id}:{self.starts_at.astimezone(UTC):%Y%m%dT%H%MZ}"


@dataclass(frozen=True)
class _Window:
    """Opening hours of one counsellor in one room on one day, in local minutes."""

    room_id: UUID
    counsellor_id: UUID
    start_minute: int
    end_minute: int
    slot_minutes: int
    buffer_minutes: int


def _cut(window: _Window) -> Iterable[tuple[int, int]]:
    """Consecutive sessions from the window's start, a buffer after each; only whole sessions
    that end by the window's end."""
    if window.slot_minutes < 1:  # bad data must not loop forever
        return
    step = window.slot_minutes + max(window.buffer_minutes, 0)
    begin = window.start_minute
    while begin + window.slot_minutes <= window.end_minute:
        yield begin, begin + window.slot_minutes
        begin += step


def _to_utc(day: date, minute: int, tz: ZoneInfo) -> datetime | None:
    """The UTC instant of a local wall time; None if the wall time does not exist (the hour
    skipped when clocks go forward). An ambiguous wall time (clocks go back) takes fold=0,
    its first occurrence."""
    wall = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)
    moment = wall.astimezone(UTC)
    if moment.astimezone(tz).replace(tzinfo=None) != wall.replace(tzinfo=None):
        return None
    return moment


def _closes(closure: DateException, window: _Window, begin: int, end: int) -> bool:
    if closure.room_id != window.room_id:
        return False
    if closure.counsellor_id is not None and closure.counsellor_id != window.counsellor_id:
        return False
    closed_from = 0 if closure.start_minute is None else closure.start_minute
    closed_until = DAY_MINUTES if closure.end_minute is None else closure.end_minute
    return begin < closed_until and closed_from < end


def _one_at_a_time(slots: list[Slot]) -> list[Slot]:
    """The room has one place: of overlapping slots keep the earlier (ties: lower counsellor id)."""
    kept: list[Slot] = []
    busy_until: dict[UUID, datetime] = {}
    for slot in sorted(slots, key=lambda s: (s.starts_at, s.counsellor_id)):
        if slot.room_id in busy_until and slot.starts_at < busy_until[slot.room_id]:
            continue
        kept.append(slot)
        busy_until[slot.room_id] = max(slot.ends_at, busy_until.get(slot.room_id, slot.ends_at))
    return kept


def derive_slots(
    templates: Iterable[Template],
    exceptions: Iterable[DateException],
    *,
    start: date,
    days: int,
    time_zone: str,
    school_days: Collection[int],
    non_school_dates: Collection[date] = (),
    not_before: datetime | None = None,
) -> list[Slot]:
    """Bookable slots on the local dates [start, start + days), sorted by start, then room."""
    tz = zone(time_zone)
    by_weekday: dict[int, list[Template]] = {}
    for t in templates:
        by_weekday.setdefault(t.weekday, []).append(t)
    by_day: dict[date, list[DateException]] = {}
    for e in exceptions:
        by_day.setdefault(e.day, []).append(e)
    closed_dates = set(non_school_dates)

    slots: list[Slot] = []
    for offset in range(max(days, 0)):
        day = start + timedelta(days=offset)
        windows: list[_Window] = []
        # No school, no room hours: weekends and the calendar's closed days, unless opened below.
        if day.isoweekday() in school_days and day not in closed_dates:
            windows += [
                _Window(t.room_id, t.counsellor_id, t.start_minute, t.end_minute, t.slot_minutes, t.buffer_minutes)
                for t in by_weekday.get(day.isoweekday(), [])
            ]
        todays = by_day.get(day, [])
        # Extra hours are opened on purpose, so they count even on a weekend or a holiday.
        windows += [
            _Window(e.room_id, e.counsellor_id, e.start_minute, e.end_minute,
                    e.slot_minutes or EXTRA_SLOT_MINUTES, e.buffer_minutes)
            for e in todays
            if e.kind == ExceptionKind.EXTRA and e.counsellor_id is not None
            and e.start_minute is not None and e.end_minute is not None
        ]
        closures = [e for e in todays if e.kind == ExceptionKind.CLOSED]
        for window in windows:
            for begin, end in _cut(window):
                if any(_closes(c, window, begin, end) for c in closures):
                    continue
                starts_at = _to_utc(day, begin, tz)
                if starts_at is None:
                    continue
                # A session lasts its length in real time, even across a clock change.
                slots.append(Slot(window.room_id, window.counsellor_id, starts_at,
                                  starts_at + timedelta(minutes=window.slot_minutes)))

    # Overlaps are settled before the notice cut, so a session already running still holds the room.
    kept = _one_at_a_time(slots)
    if not_before is not None:
        kept = [s for s in kept if s.starts_at >= not_before]
    return sorted(kept, key=lambda s: (s.starts_at, s.room_id))


# Validation


def check_template(t: Template, field_prefix: str = "") -> None:
    if not 1 <= t.slot_minutes < DAY_MINUTES:
        raise Invalid("room.slot_length", field=f"{field_prefix}slotMinutes", max=DAY_MINUTES)
    if not 0 <= t.start_minute < t.end_minute <= DAY_MINUTES:
        raise Invalid("room.bad_window", field=f"{field_prefix}endMinute")
    if not 0 <= t.buffer_minutes <= MAX_BUFFER_MINUTES:
        raise Invalid("field.out_of_range", field=f"{field_prefix}bufferMinutes", min=0, max=MAX_BUFFER_MINUTES)
    if not 1 <= t.weekday <= 7:
        raise Invalid("field.out_of_range", field=f"{field_prefix}weekday", min=1, max=7)
    if t.end_minute - t.start_minute < t.slot_minutes:
        raise Invalid("room.window_too_short", field=f"{field_prefix}endMinute")


def check_no_overlap(templates: Sequence[Template]) -> None:
    """One room, one place: two windows of the same room on the same weekday must not overlap
    (whoever's they are); touching end to start is fine."""
    ordered = sorted(templates, key=lambda t: (t.room_id, t.weekday, t.start_minute))
    for earlier, later in zip(ordered, ordered[1:]):
        if (earlier.room_id, earlier.weekday) == (later.room_id, later.weekday) \
                and later.start_minute < earlier.end_minute:
            raise Invalid("room.templates_overlap", field="templates", weekday=later.weekday,
                          day=Term(f"weekday.{later.weekday}"))


# Figures

_A_MONDAY = date(2024, 1, 1)


def weekly_open_minutes(templates: Iterable[Template], *, school_days: Collection[int]) -> int:
    """Bookable minutes a week on school days: session lengths, not buffers. Counted from the
    very slots a student is offered (one week in UTC, which has no clock changes), so
    overlapping windows in one room count once, exactly as they are booked."""
    week = derive_slots(templates, (), start=_A_MONDAY, days=7, time_zone="UTC", school_days=school_days)
    return sum(int((s.ends_at - s.starts_at).total_seconds()) // 60 for s in week)


@dataclass(frozen=True)
class HoursCheck:
    open_minutes: int
    minimum_minutes: int
    meets_minimum: bool
    school_minutes: int
    share: float  # open minutes / school minutes; 0.0 when the school day is not set up
    meets_share: bool


def hours_check(
    templates: Iterable[Template],
    *,
    school_days: Collection[int],
    school_minutes_per_week: int,
    minimum_minutes: int = BAOSHAN_MINIMUM_MINUTES,
    share_target: float = SUZHOU_SHARE,
) -> HoursCheck:
    """How the weekly hours measure up to the minimum (Baoshan) and the share of school time (Suzhou)."""
    open_minutes = weekly_open_minutes(templates, school_days=school_days)
    share = open_minutes / school_minutes_per_week if school_minutes_per_week > 0 else 0.0
    return HoursCheck(
        open_minutes=open_minutes,
        minimum_minutes=minimum_minutes,
        meets_minimum=open_minutes >= minimum_minutes,
        school_minutes=school_minutes_per_week,
        share=share,
        # Without periods there is no school time to compare with: not met, rather than a guess.
        meets_share=school_minutes_per_week > 0 and share >= share_target,
    )
