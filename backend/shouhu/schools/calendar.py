"""The school's clock: "today", school days and local times follow the school's time zone."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shouhu.clock import utcnow
from shouhu.schools.models import School

DEFAULT_ZONE = "Asia/Shanghai"


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def local_date(moment: datetime, time_zone: str | None) -> date:
    return moment.astimezone(zone(time_zone)).date()


def today(time_zone: str | None) -> date:
    return local_date(utcnow(), time_zone)


async def school_zone_name(school_id: UUID | None) -> str | None:
    """The school's time zone name (None for no school: the default zone applies)."""
    if school_id is None:
        return None
    names = await School.filter(id=school_id).values_list("time_zone", flat=True)
    return names[0] if names else None


async def school_today(school_id: UUID | None) -> date:
    return today(await school_zone_name(school_id))
