"""The school's clock: "today", school days and local times follow the school's time zone.

Times are stored as UTC instants; a school-time day is a window of instants, [local midnight,
next local midnight), 23 or 25 hours long when the clocks change. Every query over days takes
its bounds from `day_window`, so that a day means the same instants in every query and on every
database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shouhu.clock import utcnow
from shouhu.errors import Invalid
from shouhu.schools.models import School

DEFAULT_ZONE = "Asia/Shanghai"
# A home log is for an evening, from school's end to bedtime. Written after midnight it is still
# about the evening just past (a late talk, the last thing before sleep). 05:00 ends that night:
# well past any bedtime, and before any family's school day begins (quiet hours end at 07:00), so
# a log opened from then on is for the coming evening.
EVENING_ENDS = time(5, 0)


class OutOfRange(ValueError):
    """Days that no calendar can hold (before year 1, after 9999) or a window of no day."""


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def local_date(moment: datetime, time_zone: str | None) -> date:
    return moment.astimezone(zone(time_zone)).date()


def today(time_zone: str | None) -> date:
    return local_date(utcnow(), time_zone)


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    # Where a zone skips midnight (clocks go forward at 00:00), fold=0 reads it with the offset
    # before the change, which is the day's first instant; a repeated midnight takes its first.
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def day_window(first: date, days: int, time_zone: str | None) -> tuple[datetime, datetime]:
    """The instants of `days` whole school-time days from `first`, as aware UTC [start, end).
    Compare stored times with `>= start` and `< end`."""
    if days < 1:
        raise OutOfRange("a window holds at least one day")
    tz = zone(time_zone)
    try:
        return _midnight(first, tz), _midnight(first + timedelta(days=days), tz)
    except OverflowError as error:
        raise OutOfRange(str(error)) from error


def asked_window(first: date, days: int, time_zone: str | None, max_days: int) -> tuple[datetime, datetime]:
    """`day_window` for days someone asked for: a number of days outside 1..max_days, or a date
    no calendar holds, is their mistake, told in their language (nothing is read)."""
    if not 1 <= days <= max_days:
        raise Invalid("dates.bad_days", field="days", max=max_days)
    try:
        return day_window(first, days, time_zone)
    except OutOfRange as error:
        raise Invalid("dates.out_of_range", field="since") from error


def log_evening(moment: datetime, time_zone: str | None) -> date:
    """The evening a home log written at `moment` is for, in the school's zone: the day's date,
    or the day before until EVENING_ENDS."""
    local = moment.astimezone(zone(time_zone))
    day = local.date()
    return day - timedelta(days=1) if local.time() < EVENING_ENDS else day


def this_evening(time_zone: str | None) -> date:
    """The evening tonight's home log is for."""
    return log_evening(utcnow(), time_zone)


async def school_zone_name(school_id: UUID | None) -> str | None:
    """The school's time zone name (None for no school: the default zone applies)."""
    if school_id is None:
        return None
    names = await School.filter(id=school_id).values_list("time_zone", flat=True)
    return names[0] if names else None


async def school_today(school_id: UUID | None) -> date:
    return today(await school_zone_name(school_id))
