"""The daily de-identified counselling report (一日一报): counts per school and day, no names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from shouhu.access import scopes
from shouhu.access.principal import Principal
from shouhu.counselling.models import BookingStatus
from shouhu.errors import Invalid
from shouhu.schools import calendar

MAX_DAYS = 92


@dataclass(frozen=True)
class DayFigures:
    school_id: UUID
    school_name: str
    day: date
    sessions_held: int
    no_shows: int
    new_bookings: int
    case_students_seen: int


async def daily_report(principal: Principal, school_id: UUID, first: date | None, days: int) -> list[DayFigures] | None:
    """One row per day from `first` (default: the school's today); None when the principal may not see the school's report
    (its admins and counsellors, and its district centre). Days are the school's: a session counts on the local date it
    starts, a booking on the local date it was made. Invalid when `days` is outside 1..MAX_DAYS."""
    if not 1 <= days <= MAX_DAYS:  # before any read: a refusal says nothing of the school
        raise Invalid("dates.bad_days", field="days", max=MAX_DAYS)
    school = await scopes.reporting_schools(principal).get_or_none(id=school_id)
    if school is None:
        return None
    first = first or calendar.today(school.time_zone)
    start, end = calendar.asked_window(first, days, school.time_zone, MAX_DAYS)
    held = await scopes.reporting_bookings(principal).filter(
        school_id=school.id, starts_at__gte=start, starts_at__lt=end
    ).values_list(
        "starts_at", "status", "student_id"
    )
    made = await scopes.reporting_bookings(principal).filter(
        school_id=school.id, booked_at__gte=start, booked_at__lt=end
    ).values_list(
        "booked_at", flat=True
    )
    under_care = set(await scopes.reporting_cases(principal).filter(school_id=school.id).values_list(
        "student_id", flat=True
    ))
    attended: Counter[date] = Counter()
    missed: Counter[date] = Counter()
    seen: dict[date, set[UUID]] = {}
    for starts_at, status, student_id in held:
        day = calendar.local_date(starts_at, school.time_zone)
        if status == BookingStatus.ATTENDED:
            attended[day] += 1
            if student_id in under_care:
                seen.setdefault(day, set()).add(student_id)
        elif status == BookingStatus.NO_SHOW:
            missed[day] += 1
    booked = Counter(calendar.local_date(moment, school.time_zone) for moment in made)
    return [
        DayFigures(school.id, school.name, day, attended[day], missed[day], booked[day], len(seen.get(day, set())))
        for day in (first + timedelta(days=n) for n in range(days))
    ]
