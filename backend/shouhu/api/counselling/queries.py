"""Reading the counselling room: free slots, one's bookings, the counsellor's schedule, hours."""

from __future__ import annotations

import datetime
from datetime import timedelta

import strawberry

from shouhu.access import scopes
from shouhu.api.context import Info
from shouhu.api.counselling.types import (
    Booking,
    DailyReport,
    NonSchoolDay,
    OpeningException,
    OpeningHours,
    OpeningTemplate,
    ReportingSchool,
    Room,
    SessionRecord,
    Slot,
)
from shouhu.api.errors import query_input
from shouhu.api.ids import query_id
from shouhu.api.permissions import IsAuthenticated
from shouhu.clock import utcnow
from shouhu.counselling import hours as opening
from shouhu.counselling import report, services, slots
from shouhu.counselling.models import BookingStatus
from shouhu.schools import calendar

signed_in = [IsAuthenticated]
MAX_SCHEDULE_DAYS = 31


@strawberry.type
class CounsellingQueries:
    @strawberry.field(permission_classes=signed_in, description="The school's counselling rooms and their place.")
    async def counselling_rooms(self, info: Info) -> list[Room]:
        rows = await scopes.visible_rooms(info.context.principal).order_by("name")
        return [Room.of(row) for row in rows]

    @strawberry.field(permission_classes=signed_in, description="Free slots over the booking horizon: for the school's students and counsellors.")
    async def counselling_slots(self, info: Info) -> list[Slot]:
        return [Slot.of(slot) for slot in await services.free_slots(info.context.principal)]

    @strawberry.field(permission_classes=signed_in, description="The signed-in student's bookings: upcoming ones first, then cancelled and past ones of the last 30 days, newest first.")
    async def my_bookings(self, info: Info) -> list[Booking]:
        p = info.context.principal
        if p.student_id is None:
            return []
        rows = await scopes.visible_bookings(p).filter(
            student_id=p.student_id, starts_at__gte=utcnow() - timedelta(days=30)
        ).order_by("-starts_at")
        now = utcnow()
        live = sorted((r for r in rows if r.status == BookingStatus.BOOKED and r.ends_at >= now), key=lambda r: r.starts_at)
        rest = [r for r in rows if r not in live]  # cancelled, moved and past ones, newest first
        return [Booking.of(r) for r in live + rest]

    @strawberry.field(permission_classes=signed_in, description=f"Bookings of the school starting on `days` school-time days from `since` (default today), for its counsellors; `days` is 1 to {MAX_SCHEDULE_DAYS}.")
    async def counsellor_schedule(self, info: Info, since: datetime.date | None = None, days: int = 7) -> list[Booking]:
        p = info.context.principal
        if p.school_id not in p.counsellor_of:
            return []
        name = await calendar.school_zone_name(p.school_id)
        with query_input():
            start, end = calendar.asked_window(since or calendar.today(name), days, name, MAX_SCHEDULE_DAYS)
        rows = await scopes.visible_bookings(p).filter(
            school_id=p.school_id, starts_at__gte=start, starts_at__lt=end
        ).order_by("starts_at", "id")
        info.context.audit.read("student", [(r.school_id, r.student_id) for r in rows], "counsellor_schedule")
        return [Booking.of(r) for r in rows]

    @strawberry.field(permission_classes=signed_in, description="The week's opening hours against the minimum and the share target.")
    async def opening_hours(self, info: Info) -> OpeningHours | None:
        hours = await opening.opening_hours(info.context.principal)
        if hours is None:
            return None
        check = hours.check
        return OpeningHours(
            templates=[OpeningTemplate.of(row) for row in hours.templates], open_minutes=check.open_minutes,
            minimum_minutes=check.minimum_minutes, meets_minimum=check.meets_minimum,
            school_minutes=check.school_minutes, share=check.share, share_target=slots.SUZHOU_SHARE,
            meets_share=check.meets_share,
        )

    @strawberry.field(permission_classes=signed_in, description="Schools whose daily report the reader may see.")
    async def reporting_schools(self, info: Info) -> list[ReportingSchool]:
        rows = await scopes.reporting_schools(info.context.principal).order_by("name")
        return [ReportingSchool(id=strawberry.ID(str(r.id)), name=r.name) for r in rows]

    @strawberry.field(permission_classes=signed_in, description=f"The daily counselling report of a school, one row per school-time day from `since` (default today), counts only; `days` is 1 to {report.MAX_DAYS}.")
    async def daily_report(
        self, info: Info, school_id: strawberry.ID, since: datetime.date | None = None, days: int = 1
    ) -> list[DailyReport]:
        p = info.context.principal
        school = query_id(school_id)
        with query_input():
            rows = await report.daily_report(p, school, since, days) if school else None
        return [
            DailyReport(school_id=strawberry.ID(str(r.school_id)), school_name=r.school_name, date=r.day,
                        sessions_held=r.sessions_held, no_shows=r.no_shows, new_bookings=r.new_bookings,
                        case_students_seen=r.case_students_seen)
            for r in rows or []
        ]

    @strawberry.field(permission_classes=signed_in, description="Closed days and extra hours from today on, for the school's counsellors.")
    async def opening_exceptions(self, info: Info) -> list[OpeningException]:
        p = info.context.principal
        rows = await scopes.visible_opening_exceptions(p).filter(day__gte=await calendar.school_today(p.school_id)).order_by("day", "start_minute")
        return [OpeningException.of(row) for row in rows]

    @strawberry.field(permission_classes=signed_in, description="Dates of the school calendar without school, from today on.")
    async def non_school_days(self, info: Info) -> list[NonSchoolDay]:
        p = info.context.principal
        rows = await scopes.visible_non_school_days(p).filter(day__gte=await calendar.school_today(p.school_id)).order_by("day")
        return [NonSchoolDay(day=row.day, name=row.name) for row in rows]



@strawberry.type
class SealedRecordQueries:
    @strawberry.field(permission_classes=signed_in, description="The sealed record of one session: the school's counsellors only; every read is audited.")
    async def session_record(self, info: Info, booking_id: strawberry.ID) -> SessionRecord | None:
        row = await scopes.sealed_session_records(info.context.principal).get_or_none(booking_id=query_id(booking_id))
        if row is None:
            return None
        info.context.audit.read("session_record", [(row.school_id, row.id)], "session_record")
        return SessionRecord.of(row)
